import { describe, expect, it } from 'vitest';
import { lazyChunkCommands } from '../../../infra/constructs/after-bundling-commands';
import { PIPELINE_BUNDLING } from '../../../infra/constructs/pipeline-function';

describe('lazyChunkCommands', () => {
  it('passes esbuild a list-valued esbuildArg item by item as --flag:item, as CDK does (esbuild refuses --flag=item)', () => {
    const bundling = { ...PIPELINE_BUNDLING, esbuildArgs: { '--charset': 'utf8', '--supported': ['regexp-set-notation=true', 'bigint=false'] } };
    const [command] = lazyChunkCommands(bundling, '/project', '/asset');
    expect(command).toContain("'--supported:regexp-set-notation=true' '--supported:bigint=false'");
    expect(command).toContain("'--charset=utf8'");
  });
});
