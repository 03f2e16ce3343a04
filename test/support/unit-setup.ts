/**
 * Unit tests run without the local stack. Any AWS call they make by mistake
 * is pointed at a closed port, so it fails at once instead of reaching a
 * real account; `endpoints()` says where such a test belongs.
 */
const NOWHERE = 'http://127.0.0.1:9';

Object.assign(process.env, {
  AWS_ENDPOINT_URL: NOWHERE,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'unit-test',
  AWS_SECRET_ACCESS_KEY: 'unit-test',
});
