import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeStackPorts } from './infra/local/free-port';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './infra/local/local-credentials';
import { startLocalStack } from './infra/local/local-stack';
import { settleLocal } from './infra/cli/settle-command';
import { articlePath } from './shared/domain/article';
import { slugify } from './shared/domain/draft';
const home = await mkdtemp(join(tmpdir(), 'scratch14a-'));
const stack = await startLocalStack({ home, draftsDir: join(home, 'drafts'), ...(await freeStackPorts()), log: (l) => console.log('LOG', l) });
try {
  await stack.settled();
  const e = stack.endpoints;
  const s3 = new S3Client({
    endpoint: e.s3,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const inv = (k: string) => Array.from({ length: 6 }, (_, i) => `zor${k}${'abcdefghij'[i]}ix`);
  const body = (words: string[]) =>
    words.map((w, i) => `The ${w} programme grew again this week, officials said of ${w} and ${words[(i + 1) % words.length]}.`).join(' ');
  const shared = inv('shr');
  const sets = [shared, shared, inv('aaa'), inv('bbb'), inv('ccc'), inv('ddd')];
  const section = 'Burst zorqqqix';
  const titles = sets.map((w, i) => `Burst ${i} ${w[0]} xyz`);
  await Promise.all(
    titles.map((t, i) =>
      s3.send(
        new PutObjectCommand({
          Bucket: e.draftsBucket,
          Key: `drafts/${slugify(t)}.md`,
          Body: `---\ntitle: ${JSON.stringify(t)}\nsection: ${JSON.stringify(section)}\n---\n\n${body(sets[i]!)}\n`,
        }),
      ),
    ),
  );
  const show = async () => {
    for (const t of titles) {
      const r = await fetch(new URL(encodeURI(articlePath(slugify(t))), e.site));
      const p = await r.text();
      console.log(t, r.status, (p.match(/<section id="related"[\s\S]*?<\/section>/)?.[0] ?? '').replace(/\n/g, ' ').slice(0, 600));
    }
  };
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    await stack.settled();
  }
  await show();
  console.log(await settleLocal({ dynamodbEndpoint: e.dynamodb, tableName: e.tableName }));
  await new Promise((r) => setTimeout(r, 2000));
  await stack.settled();
  await show();
} finally {
  await stack.stop();
  await rm(home, { recursive: true, force: true });
}
