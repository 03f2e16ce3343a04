import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { stubLocalCredentialsEachTest } from '../../support/aws-env';
import { createSesEmailSender, EmailSendError } from '../../../shared/adapters/email-sender';
import { createSesV2Client } from '../../../shared/config/clients/sesv2-client';

stubLocalCredentialsEachTest();

describe('the SES v2 client', () => {
  it('sends an email once: an answer SES may have sent after accepting (a 500) is not retried, and is reported uncertain', async () => {
    let requests = 0;
    const server = createServer((request, response) => {
      requests += 1;
      request.resume();
      request.on('end', () => response.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"internal"}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('not on a TCP port');
    const client = createSesV2Client({ AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${address.port}` });
    const sender = createSesEmailSender({ client, from: 'The Newsroom <alerts@news.example>' });

    const sent = sender.send({ to: 'reader@example.com', subject: 'Story', text: 'Text', html: '<p>Text</p>', headers: [] });
    await expect(sent).rejects.toBeInstanceOf(EmailSendError);
    await expect(sent).rejects.toMatchObject({ kind: 'uncertain' });
    expect(requests).toBe(1);
    client.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
