import { CreateTopicCommand, PublishCommand } from '@aws-sdk/client-sns';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stubLocalCredentialsEachTest } from '../../../support/aws-env';
import { createSnsClient } from '../../../../shared/config/clients/sns-client';
import { startTestEndpoint, type TestEndpoint } from './sns-test-endpoint';

/**
 * A TCP relay to the endpoint whose connections go stale after their first answer, as a kept-alive socket does
 * when the server has closed it or a frozen Lambda instance has outlived it: the next request on one is reset.
 */
async function staleAfterFirstAnswer(port: number): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections += 1;
    const upstream = connect(port, '127.0.0.1');
    let answered = false;
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => (answered ? client.resetAndDestroy() : upstream.write(chunk)));
    upstream.on('data', (chunk) => {
      answered = true;
      client.write(chunk);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the relay is not on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let endpoint: TestEndpoint;
let topicArn: string;

stubLocalCredentialsEachTest();

beforeEach(async () => {
  endpoint = await startTestEndpoint();
  topicArn = (await endpoint.client.send(new CreateTopicCommand({ Name: 'alerts' }))).TopicArn ?? '';
});

afterEach(async () => {
  await endpoint.dispose();
});

describe('an SNS client that sends each request once', () => {
  it('loses the second publish to a reset when it reuses a kept-alive socket that went stale', async () => {
    const relay = await staleAfterFirstAnswer(endpoint.server.port);
    const client = createSnsClient({ AWS_ENDPOINT_URL_SNS: relay.url }, { maxAttempts: 1 });
    await client.send(new PublishCommand({ TopicArn: topicArn, Message: 'first' }));
    await expect(client.send(new PublishCommand({ TopicArn: topicArn, Message: 'second' }))).rejects.toMatchObject({ code: 'ECONNRESET' });
    client.destroy();
    await relay.close();
  });

  it('opens a new connection for every publish with newConnectionEachRequest, so a stale socket never carries one', async () => {
    const relay = await staleAfterFirstAnswer(endpoint.server.port);
    const client = createSnsClient({ AWS_ENDPOINT_URL_SNS: relay.url }, { maxAttempts: 1, newConnectionEachRequest: true });
    for (const message of ['first', 'second', 'third']) await client.send(new PublishCommand({ TopicArn: topicArn, Message: message }));
    expect(relay.connections()).toBe(3);
    client.destroy();
    await relay.close();
  });
});
