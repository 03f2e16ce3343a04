import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { PROJECT_ROOT } from '../config/paths';
import { METRICS_NAMESPACE } from '../../shared/runtime/pipeline-metrics';
import { BUNDLED_FLAG } from '../../shared/config/lazy-chunks';
import { lazyChunkCommands, trimSourceMapsCommand } from './after-bundling-commands';
import { acknowledgeWildcards } from '../nag/wildcard-acknowledgments';

/** The CloudWatch metrics namespace of every pipeline function (Powertools), defined beside the metrics. */
export { METRICS_NAMESPACE };

/** The Lambda runtime of every pipeline function. */
export const PIPELINE_RUNTIME = Runtime.NODEJS_24_X;

/**
 * The Node.js options of every pipeline function. The bundles ship source maps of their own code
 * (`PIPELINE_BUNDLING`), and Node applies them to stack traces only when told; it then reads each bundle's map at
 * load, which `npm run bench -- size` measures (its cold starts run with these options, and it reports the cost of
 * the maps beside them).
 */
export const PIPELINE_NODE_OPTIONS = '--enable-source-maps';

/** The module bundled in place of `aws-xray-sdk-core`, relative to the project root (where esbuild runs). */
export const XRAY_SDK_FOR_TRACER = 'shared/runtime/xray-sdk-for-tracer.ts';

/** The module bundled in place of `entities`: its HTML decoders, loaded on the first named character reference a text holds. */
export const HTML_ENTITIES_ON_DEMAND = 'shared/domain/text/html-entities-on-demand.ts';

/** The module bundled in place of `linkify-it`, which the site's Markdown parser (linkify off) never calls. */
export const LINKIFY_OFF = 'shared/domain/text/linkify-off.ts';

/**
 * yaml's ES module build, the one its `exports` give every platform but Node's; Node's is CommonJS, which esbuild
 * cannot trim. The two are one source built twice: the ESM one warns with `console.warn` instead of
 * `process.emitWarning` and decodes `!!binary` (YAML 1.1 only, not the drafts' core schema) with `atob`.
 */
export const YAML_ESM_BUILD = 'node_modules/yaml/browser/index.js';

/** Lets the ESM bundle `require()` the CommonJS dependencies esbuild inlines. */
const CREATE_REQUIRE_BANNER =
  "import { createRequire as __newsroomCreateRequire } from 'node:module'; const require = __newsroomCreateRequire(import.meta.url);";

/**
 * The esbuild settings of every pipeline bundle, in one place: the construct
 * uses them and `bench/size` builds the same bundles from them. An ESM bundle
 * for the function's Node.js runtime, minified, with source maps (without
 * sources), and the AWS SDK bundled: the version in `package-lock.json`,
 * tree-shaken, instead of the runtime's unpinned copy (measured by
 * `npm run size`, cold imports roughly halve). Beyond CDK's props:
 * `--charset=utf8` keeps non-ASCII text as UTF-8 instead of `\uXXXX` escapes
 * (about 20 KB of markdown-it's entity table), and `entities` resolves to
 * `HTML_ENTITIES_ON_DEMAND`: markdown-it's two decoders, which load the
 * package's decoder (never its 23 KB encode table) on the first named
 * character reference (`&amp;`), as the package builds its decode table when loaded.
 * `aws-xray-sdk-core` resolves to the part of
 * it that Powertools Tracer uses (`XRAY_SDK_FOR_TRACER`): esbuild cannot trim
 * the CommonJS SDK, whose entry also loads its AWS SDK v2 patcher and `semver`.
 * `linkify-it` resolves to `LINKIFY_OFF`: markdown-it constructs one, which
 * compiles its URL patterns, though the parser never linkifies. `yaml`
 * resolves to its ES module build (`YAML_ESM_BUILD`), which esbuild can trim.
 * What only an `import()` reaches on a path
 * few stages take goes into a file of its own (`LAZY_CHUNKS`), built by
 * the after-bundling hook with these same settings. The hook then trims the
 * source maps to the project's own code (`trimSourceMap`): with
 * `PIPELINE_NODE_OPTIONS` Node reads a bundle's whole map at load, and the
 * packages' mappings, the AWS SDK above all, were most of it; a stack frame
 * inside a package shows its `index.mjs` position.
 */
export const PIPELINE_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: PIPELINE_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1'),
  platform: 'node',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  banner: CREATE_REQUIRE_BANNER,
  // Empty, not absent: CDK's default leaves @aws-sdk/* to the runtime.
  externalModules: [],
  // No `--supported:regexp-set-notation=true`: esbuild then keeps `v`/`\p{…}` literals as literals (not `new RegExp`)
  // and drops unused ones, but V8 validates a literal when it parses the bundle, even in a function never called:
  // measured, ingest-draft +2.8% instructions on Node 24, sweep-devices -0.9%.
  esbuildArgs: {
    '--charset': 'utf8',
    '--alias': [
      `entities=./${HTML_ENTITIES_ON_DEMAND}`,
      `aws-xray-sdk-core=./${XRAY_SDK_FOR_TRACER}`,
      `linkify-it=./${LINKIFY_OFF}`,
      `yaml=./${YAML_ESM_BUILD}`,
    ],
  },
  define: { [BUNDLED_FLAG]: 'true' },
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => [
      ...lazyChunkCommands(PIPELINE_BUNDLING, inputDir, outputDir),
      trimSourceMapsCommand(inputDir, outputDir),
    ],
  },
  forceDockerBundling: false,
};

/** Properties of a {@link PipelineFunction}. */
export interface PipelineFunctionProps {
  /** Absolute path of the handler file; it exports `handler`. */
  readonly entry: string;
  /** Powertools service name, also used in the description. */
  readonly serviceName: string;
  /** Environment variables, beside the Powertools ones. @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** Removal policy of the log group. @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** Repository root holding `package-lock.json`. @default PROJECT_ROOT */
  readonly projectRoot?: string;
}

/**
 * The one way the pipeline defines a Lambda: Node.js 24 on arm64, an esbuild
 * ESM bundle (minified, source maps, the AWS SDK bundled and pinned),
 * built with the local esbuild (never Docker), X-Ray tracing, its own log
 * group with a retention, and Powertools settings. Its role may write only its
 * own log group; every other permission comes from `grant*` calls.
 */
export class PipelineFunction extends NodejsFunction {
  /** The function's log group. */
  readonly logGroupResource: LogGroup;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    const projectRoot = props.projectRoot ?? PROJECT_ROOT;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    // An own role instead of AWSLambdaBasicExecutionRole, which may write every log group.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.serviceName}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      description: `Newsroom ${props.serviceName}`,
      runtime: PIPELINE_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        NODE_OPTIONS: PIPELINE_NODE_OPTIONS,
        ...props.environment,
      },
      bundling: PIPELINE_BUNDLING,
    });
    this.logGroupResource = logGroup;
    acknowledgeWildcards(this, {
      finding: /^Resource::\*$/,
      reason: 'Active tracing needs xray:PutTraceSegments and PutTelemetryRecords, which support no resource-level permissions.',
    });
  }
}
