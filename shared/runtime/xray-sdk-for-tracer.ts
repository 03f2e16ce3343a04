/**
 * The AWS X-Ray SDK as Powertools Tracer uses it, bundled in place of
 * `aws-xray-sdk-core` (`PIPELINE_BUNDLING` aliases the package to this file).
 * The SDK is CommonJS, so esbuild keeps all of its entry `aws-xray-sdk-core`
 * (`dist/lib/aws-xray.js`): beside what the Tracer calls, the AWS SDK v2
 * patcher with `semver`, the EC2/ECS/Beanstalk plugins, the promise patcher
 * and SQL data, which the pipeline never loads otherwise. This module
 * imports the SDK's own modules that the Tracer reaches and sets the SDK
 * up as its entry does; nothing of the SDK is copied but that set-up.
 *
 * The SDK's modules are imported by path because the alias also applies
 * to every `aws-xray-sdk-core/…` subpath.
 */
import capture from '../../node_modules/aws-xray-sdk-core/dist/lib/capture.js';
import contextUtils from '../../node_modules/aws-xray-sdk-core/dist/lib/context_utils.js';
import daemonConfig from '../../node_modules/aws-xray-sdk-core/dist/lib/daemon_config.js';
// @ts-expect-error -- the SDK ships no types for its Lambda set-up module.
import lambdaEnvironment from '../../node_modules/aws-xray-sdk-core/dist/lib/env/aws_lambda.js';
import logging from '../../node_modules/aws-xray-sdk-core/dist/lib/logger.js';
import awsV3Patcher from '../../node_modules/aws-xray-sdk-core/dist/lib/patchers/aws3_p.js';
import httpPatcher from '../../node_modules/aws-xray-sdk-core/dist/lib/patchers/http_p.js';
import Subsegment from '../../node_modules/aws-xray-sdk-core/dist/lib/segments/attributes/subsegment.js';
import Segment from '../../node_modules/aws-xray-sdk-core/dist/lib/segments/segment.js';
import segmentUtils from '../../node_modules/aws-xray-sdk-core/dist/lib/segments/segment_utils.js';
import { name as sdkPackage, version as sdkVersion } from '../../node_modules/aws-xray-sdk-core/package.json';

const UNKNOWN = 'unknown';

/** A member of the SDK's entry this module leaves out: calling it says so instead of failing on `undefined`. */
const leftOut = (member: string) => (): never => {
  throw new Error(`aws-xray-sdk-core ${member} is not bundled (shared/runtime/xray-sdk-for-tracer.ts)`);
};

// The SDK entry's own set-up (dist/lib/aws-xray.js), in its order.
segmentUtils.setSDKData({ sdk: 'X-Ray for Node.js', sdk_version: sdkVersion, package: sdkPackage });
segmentUtils.setServiceData({
  runtime: process.release?.name ?? UNKNOWN,
  runtime_version: process.version,
  version: process.env.npm_package_version || UNKNOWN,
  name: process.env.npm_package_name || UNKNOWN,
});
if (process.env.LAMBDA_TASK_ROOT) lambdaEnvironment.init();

/** The members of the SDK entry that Powertools Tracer (2.x) reads, each the SDK's own; the AWS SDK v2 capture throws. */
const xraySdkForTracer = {
  captureAWS: leftOut('captureAWS (AWS SDK v2)'),
  captureAWSClient: leftOut('captureAWSClient (AWS SDK v2)'),
  captureAWSv3Client: awsV3Patcher.captureAWSClient,
  captureAsyncFunc: capture.captureAsyncFunc,
  captureCallbackFunc: capture.captureCallbackFunc,
  captureFunc: capture.captureFunc,
  captureHTTPs: httpPatcher.captureHTTPs,
  captureHTTPsGlobal: httpPatcher.captureHTTPsGlobal,
  getLogger: logging.getLogger,
  getNamespace: contextUtils.getNamespace,
  getSegment: contextUtils.getSegment,
  isAutomaticMode: contextUtils.isAutomaticMode,
  resolveSegment: contextUtils.resolveSegment,
  Segment,
  SegmentUtils: segmentUtils,
  setContextMissingStrategy: contextUtils.setContextMissingStrategy,
  setDaemonAddress: daemonConfig.setDaemonAddress,
  setLogger: logging.setLogger,
  setSegment: contextUtils.setSegment,
  setStreamingThreshold: segmentUtils.setStreamingThreshold,
  Subsegment,
};
export default xraySdkForTracer;
