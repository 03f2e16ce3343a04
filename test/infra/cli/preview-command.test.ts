import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePreview, previewDraftFile } from '../../../infra/cli/preview-command';
import { endpoints, fetchPage, s3Client } from '../../support/local-stack-client';
import { markdownDraft, uniqueTitle } from '../../e2e/drafts';

let dir = '';
const target = () => ({ s3: s3Client(), draftsBucket: endpoints().draftsBucket });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preview-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('newsroom preview, on the local stack', { timeout: 120_000 }, () => {
  it('uploads the file under previews/ and returns the preview’s local URL, which serves the draft', async () => {
    const title = uniqueTitle('CLI preview');
    const file = join(dir, 'cli-preview.md');
    await writeFile(file, markdownDraft({ title, section: 'Tech' }));
    const report = await previewDraftFile(target(), file, { timeoutMs: 60_000 });
    expect(report.status).toBe('previewed');
    expect(report.url?.startsWith(`${endpoints().site}/preview/`)).toBe(true);
    expect(describePreview(report).split('\n')[0]).toBe(report.url);
    const page = await fetchPage(new URL(report.url ?? '').pathname);
    expect(page.status).toBe(200);
    expect(page.body).toContain(title);
  });

  it('returns the rejection report of a bad draft', async () => {
    const file = join(dir, 'bad-preview.md');
    await writeFile(file, markdownDraft({ section: 'Tech' }));
    const report = await previewDraftFile(target(), file, { timeoutMs: 60_000 });
    expect(report.status).toBe('rejected');
    expect(describePreview(report)).toContain('previews/bad-preview.md');
  });
});
