import { defineConfig } from 'vitest/config';

/**
 * Folders whose tests run on the embedded services (DynamoDB Local, s3rver,
 * the local SNS and Scheduler endpoints, the local CDN, Chromium, the HTML
 * validator) that the integration project's global setup starts. Everything
 * else under `test/` is a unit test: pure decisions and use cases on
 * in-memory ports, with no emulator and no Java.
 */
const INTEGRATION = [
  'test/e2e/**/*.test.ts',
  'test/functions/**/*.test.ts',
  'test/shared/adapters/**/*.test.ts',
  'test/infra/local/**/*.test.ts',
  'test/infra/cli/**/*.test.ts',
  'test/site-quality/**/*.test.ts',
  // The subscriber use cases' exactly-once claims rest on DynamoDB's conditional writes, so they run on the real table.
  'test/shared/use-cases/subscriptions/**/*.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: INTEGRATION,
          setupFiles: ['test/support/unit-setup.ts'],
          // Unit files share module state only through imports of pure code; one module graph per worker saves
          // re-importing aws-cdk-lib and the SDK for every file, most of this project's time on 2 cores.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          // Room for several of a test's pipeline waits (PIPELINE_WAIT_MS each) on a loaded machine.
          testTimeout: 240_000,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
