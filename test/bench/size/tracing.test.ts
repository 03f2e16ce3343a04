import { execFile } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import xraySdk from 'aws-xray-sdk-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, type BuiltBundle } from '../../../bench/size/build-bundles';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import xraySdkForTracer from '../../../shared/runtime/xray-sdk-for-tracer';

const run = promisify(execFile);

const TRACE_ROOT = '1-5759e988-bd862e3fe1be46a994272793';

/** One X-Ray document as the SDK sends it to the daemon: a `{"format":"json","version":1}` header line, then the (sub)segment. */
interface TraceDocument {
  readonly name: string;
  readonly id: string;
  readonly trace_id: string;
  readonly parent_id?: string;
  readonly namespace?: string;
  readonly aws?: { readonly operation?: string };
}

let outdir: string;
let bundle: BuiltBundle;
let daemon: Socket;
let dynamodb: Server;
const received: TraceDocument[] = [];
let onDocument = () => {};

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), 'newsroom-traced-'));
  bundle = await buildBundle('traced-handler', path.join(PROJECT_ROOT, 'test/infra/fixtures/traced-handler.ts'), outdir);
  daemon = createSocket('udp4');
  daemon.on('message', (message) => {
    received.push(JSON.parse(message.toString('utf8').split('\n')[1]!) as TraceDocument);
    onDocument();
  });
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  dynamodb = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}'));
  });
  await new Promise<void>((resolve) => dynamodb.listen(0, '127.0.0.1', resolve));
}, 120_000);

afterAll(() => {
  daemon?.close();
  dynamodb?.close();
  rmSync(outdir, { recursive: true, force: true });
});

/** Resolves once a document matching `test` has reached the daemon. */
function documentWhere(test: (document: TraceDocument) => boolean): Promise<TraceDocument> {
  return new Promise((resolve) => {
    const check = () => {
      const found = received.find(test);
      if (found) resolve(found);
    };
    onDocument = check;
    check();
  });
}

describe('a pipeline bundle on Lambda with active tracing', () => {
  it('bundles the part of the X-Ray SDK the tracer uses, not its entry with the AWS SDK v2 patcher and semver', () => {
    expect(bundle.inputs.filter((file) => file.includes('node_modules/aws-xray-sdk-core/'))).not.toContain(
      'node_modules/aws-xray-sdk-core/dist/lib/aws-xray.js',
    );
    expect(bundle.inputs.filter((file) => /node_modules\/semver\/|patchers\/aws_p\.js/.test(file))).toEqual([]);
  });

  it("sends each AWS SDK call to the X-Ray daemon as a subsegment of the handler's, in the invocation's trace", async () => {
    const { port: daemonPort } = daemon.address();
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
      process.stdout.write(await handler({}, { functionName: 'traced', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 1000 }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'traced',
        AWS_SECRET_ACCESS_KEY: 'traced',
        AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${(dynamodb.address() as AddressInfo).port}`,
        // What the Lambda runtime sets for a function with active tracing.
        AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
        LAMBDA_TASK_ROOT: path.dirname(bundle.file),
        _HANDLER: 'index.handler',
        _X_AMZN_TRACE_ID: `Root=${TRACE_ROOT};Parent=53995c3f42cd8ad8;Sampled=1`,
        AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemonPort}`,
        POWERTOOLS_SERVICE_NAME: 'traced',
      },
    });
    expect(stdout).toBe('done');
    const handlerSegment = await documentWhere((document) => document.name === '## index.handler');
    const call = await documentWhere((document) => document.namespace === 'aws');
    expect(call).toMatchObject({ name: 'DynamoDB', trace_id: TRACE_ROOT, parent_id: handlerSegment.id, aws: { operation: 'GetItem' } });
    expect(handlerSegment.trace_id).toBe(TRACE_ROOT);
  });
});

describe('the X-Ray SDK bundled for the tracer', () => {
  it("is the SDK's own code: every member is the one the SDK's entry exports", () => {
    const members = Object.entries(xraySdkForTracer).filter(([name]) => name !== 'captureAWS' && name !== 'captureAWSClient');
    expect(members.filter(([name, member]) => xraySdk[name as keyof typeof xraySdk] !== member).map(([name]) => name)).toEqual([]);
  });

  it('has every member Powertools Tracer reads from the SDK', async () => {
    const { readFile } = await import('node:fs/promises');
    const tracerSources = ['lib/esm/Tracer.js', 'lib/esm/provider/ProviderService.js'].map((file) =>
      path.join(PROJECT_ROOT, 'node_modules/@aws-lambda-powertools/tracer', file),
    );
    const read = new Set<string>();
    for (const source of await Promise.all(tracerSources.map((file) => readFile(file, 'utf8')))) {
      for (const [, names] of source.matchAll(/const\s*\{([^}]*)\}\s*=\s*xraySdk/g)) {
        for (const name of names!.split(',')) if (name.trim()) read.add(name.split(':')[0]!.trim());
      }
    }
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => !(name in xraySdkForTracer))).toEqual([]);
  });
});
