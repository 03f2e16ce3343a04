import { describe, expect, it } from 'vitest';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { eventually, fetchPage, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';
import { expectRejected } from './expect-report';

describe('bad drafts dropped into the running stack', () => {
  it('rejects front matter that is not valid YAML, with its line', async () => {
    const title = uniqueTitle('Broken YAML');
    await expectRejected(
      'bad-yaml.md',
      `---\ntitle: ${title}\nsection: [World\n---\n\nBody text here.\n`,
      {
        path: '',
        message: /^Invalid YAML/,
      },
      slugify(title),
    );
  });

  it('rejects an empty file', async () => {
    await expectRejected('empty.md', '', { path: '', message: /empty/ });
  });

  it('rejects content that is not UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('---\ntitle: Caf'),
      0xe9,
      ...new TextEncoder().encode('\nsection: World\n---\n\nBody.\n'),
    ]);
    await expectRejected('latin1.md', bytes, { path: '', message: /UTF-8/ });
  });

  it('rejects binary content', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectRejected('image.md', bytes, { path: '', message: /binary|UTF-8/ });
  });

  it('rejects a file over the size limit without publishing it', async () => {
    const title = uniqueTitle('Huge draft');
    const huge = markdownDraft({ title, section: 'World' }, 'word '.repeat(220_000));
    await expectRejected('huge.md', huge, { path: '', message: /limit|too large/ }, slugify(title));
  });

  it('rejects a YAML alias bomb', async () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'title: Bomb',
      'section: World',
      '---',
      '',
      'Body.',
    ].join('\n');
    await expectRejected('bomb.md', bomb, { path: '', message: /alias/i });
  });

  it('rejects a __proto__ key', async () => {
    const title = uniqueTitle('Prototype pollution');
    await expectRejected(
      'proto.md',
      `---\ntitle: ${title}\nsection: World\n__proto__:\n  polluted: true\n---\n\nBody text.\n`,
      {
        path: '__proto__',
        message: /not allowed/,
        line: 4,
      },
      slugify(title),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a constructor key inside a nested field', async () => {
    await expectRejected(
      'constructor.md',
      `---\ntitle: Constructor key\nsection: World\nimage:\n  alt: A picture\n  constructor: x\n---\n\nBody.\n`,
      {
        path: 'image.constructor',
        message: /not allowed/,
        line: 6,
      },
    );
  });

  it('rejects an unknown field, naming it and its line', async () => {
    const title = uniqueTitle('Typo in a field');
    await expectRejected(
      'typo.md',
      `---\ntitle: ${title}\nsectoin: World\n---\n\nBody.\n`,
      {
        path: 'sectoin',
        message: /Unknown field/i,
        line: 3,
      },
      slugify(title),
    );
  });

  it('rejects a draft without a required field', async () => {
    await expectRejected('no-section.md', `---\ntitle: No section given\n---\n\nBody.\n`, { path: 'section', message: /./ });
  });

  it('rejects a slug that tries to be a path', async () => {
    await expectRejected('slug-path.md', markdownDraft({ title: uniqueTitle('Path slug'), section: 'World', slug: '../../index' }), {
      path: 'slug',
      message: /Slug/,
      line: 4,
    });
  });

  it('rejects a second draft claiming a slug that another article holds, naming that article', async () => {
    const title = uniqueTitle('Slug holder');
    const slug = slugify(title);
    const since = new Date();
    const holderKey = await uploadDraft(`${slug}.md`, markdownDraft({ title, section: 'World' }));
    expect((await waitForReport(holderKey, since)).status).toBe('published');
    await expectRejected(`${slug}-rival.md`, markdownDraft({ title: `${title} rival`, section: 'World', slug }), {
      path: 'slug',
      message: new RegExp(`taken by "${title}"`),
    });
    const page = await fetchPage(encodeURI(articlePath(slug)));
    expect(page.body).toContain(title);
    expect(page.body).not.toContain(`${title} rival`);
  });

  it('publishes HTML and script in every field as inert text', async () => {
    const attack = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
    const title = uniqueTitle('Injection');
    const since = new Date();
    const key = await uploadDraft(
      'injection.md',
      markdownDraft(
        {
          title: `${title} ${attack}`,
          slug: slugify(title),
          section: `World ${attack}`,
          dek: attack,
          byline: attack,
          tags: [attack],
          image: { alt: attack },
        },
        `Body ${attack} [click](javascript:alert(1)) <iframe src="https://evil.example"></iframe>`,
      ),
    );
    expect((await waitForReport(key, since)).status).toBe('published');
    const page = await eventually(async () => {
      const found = await fetchPage(encodeURI(articlePath(slugify(title))));
      return found.status === 200 ? found : undefined;
    });
    expect(page.body).not.toMatch(/<script>alert/);
    expect(page.body).not.toMatch(/<img src=x/);
    expect(page.body).not.toMatch(/<iframe/);
    expect(page.body).not.toMatch(/href="javascript:/i);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
