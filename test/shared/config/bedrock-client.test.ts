import { createServer, type ServerHttp2Session } from 'node:http2';
import { describe, expect, it } from 'vitest';
import { stubLocalCredentialsEachTest } from '../../support/aws-env';
import { createBedrockClient } from '../../../shared/config/clients/bedrock-client';

stubLocalCredentialsEachTest();

describe('the Bedrock client, loaded from source', () => {
  it('imports its module on first use and sends Converse (over HTTP/2, as the SDK does) to the endpoint it is given', async () => {
    const paths: string[] = [];
    const server = createServer((request, response) => {
      paths.push(request.url ?? '');
      request.resume();
      request.on('end', () =>
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            output: { message: { role: 'assistant', content: [{ text: 'ok' }] } },
            stopReason: 'end_turn',
            usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
            metrics: { latencyMs: 1 },
          }),
        ),
      );
    });
    const sessions: ServerHttp2Session[] = [];
    server.on('session', (session) => sessions.push(session));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('not on a TCP port');

    const client = await createBedrockClient({ AWS_ENDPOINT_URL_BEDROCK_RUNTIME: `http://127.0.0.1:${address.port}` });
    const answer = await client.converse({ modelId: 'test-model', messages: [{ role: 'user', content: [{ text: 'hi' }] }] }, {});

    expect(answer.output?.message?.content?.[0]?.text).toBe('ok');
    expect(paths).toEqual(['/model/test-model/converse']);
    for (const session of sessions) session.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
