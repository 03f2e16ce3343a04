import { describe, expect, it } from 'vitest';
import { expectDraft, expectErrors, markdown, parseText, problemAt, REQUIRED } from './draft-fixtures';

const parseFields = (fields: string) => parseText(markdown(fields));

describe('required fields and unknown fields', () => {
  it('reports a missing title as Required, without a line', () => {
    expect(problemAt(expectErrors(parseFields('section: World')), 'title')).toEqual({ path: 'title', message: 'Required', line: undefined });
  });

  it('reports a misspelled key at its line, with a suggestion', () => {
    const errors = expectErrors(parseFields('title: A headline\nsecton: World'));
    expect(problemAt(errors, 'secton')).toEqual({ path: 'secton', line: 3, message: 'Unknown field "secton"; did you mean "section"?' });
  });

  it('lists the allowed fields when an unknown key is not close to one', () => {
    const errors = expectErrors(parseFields(`${REQUIRED}\nweather: sunny`));
    expect(problemAt(errors, 'weather').message).toMatch(/^Unknown field "weather"; allowed: title, section, dek/);
  });

  it('reports an unknown key nested in analysis at its line', () => {
    const errors = expectErrors(parseFields(`${REQUIRED}\nanalysis:\n  label: Desk\n  body: Text\n  titel: x`));
    expect(problemAt(errors, 'analysis.titel')).toMatchObject({ line: 7, message: 'Unknown field "titel"; did you mean "title"?' });
  });

  it('reports a wrongly typed nested field at its line', () => {
    const errors = expectErrors(parseFields(`${REQUIRED}\nimage:\n  alt: A flag\n  credit: [a, b]`));
    expect(problemAt(errors, 'image.credit')).toEqual({ path: 'image.credit', line: 6, message: 'Expected text, got a list' });
  });

  it('reports a bad list item with its index and line', () => {
    const errors = expectErrors(parseFields(`${REQUIRED}\ntags:\n  - ok\n  - also ok\n  - [nested]`));
    expect(problemAt(errors, 'tags.2')).toEqual({ path: 'tags.2', line: 7, message: 'Expected text, got a list' });
  });

  it('reports every problem, sorted by line', () => {
    const errors = expectErrors(parseFields('title: ""\nsection: World\nbreaking: maybe'));
    expect(errors.map((error) => [error.path, error.line])).toEqual([
      ['title', 2],
      ['breaking', 4],
    ]);
  });
});

describe('text fields', () => {
  it('keeps HTML in a title as literal text (the renderer escapes it)', () => {
    const draft = expectDraft(parseFields(`title: "<script>alert('x')</script> & more"\nsection: World`));
    expect(draft.title).toBe("<script>alert('x')</script> & more");
  });

  it('rejects a control character in a title', () => {
    const errors = expectErrors(parseFields('title: "Bell\\a here"\nsection: World'));
    expect(problemAt(errors, 'title').message).toBe('Contains a control character (U+0007), which feeds and sitemaps cannot carry; remove it');
  });

  it('rejects a line break in a one-line field', () => {
    const errors = expectErrors(parseFields('title: |\n  Two\n  lines\nsection: World'));
    expect(problemAt(errors, 'title').message).toBe('Must be on one line');
  });

  it('rejects a control character in a tag', () => {
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\ntags: ["a\\x1bb"]`)), 'tags.0').message).toMatch(/control character \(U\+001B\)/);
  });

  it('rejects a control character in the body', () => {
    expect(problemAt(expectErrors(parseText(markdown(REQUIRED, 'Text \u0008 here'))), 'body').message).toMatch(/U\+0008/);
  });

  it('trims one-line fields', () => {
    expect(expectDraft(parseFields('title: "  Spaced  "\nsection: World')).title).toBe('Spaced');
  });

  it('rejects a title longer than 300 characters, saying how long it is', () => {
    const errors = expectErrors(parseFields(`title: ${'x'.repeat(301)}\nsection: World`));
    expect(problemAt(errors, 'title').message).toBe('Too long: 301 characters, at most 300');
  });

  it('rejects a dek longer than 1000 characters', () => {
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\ndek: ${'y'.repeat(1001)}`)), 'dek').message).toMatch(/at most 1000/);
  });

  it('rejects a body longer than 300000 characters', () => {
    expect(problemAt(expectErrors(parseText(markdown(REQUIRED, 'z'.repeat(300_001)))), 'body').message).toMatch(/at most 300000/);
  });
});

describe('tags and takeaways', () => {
  it('drops duplicate tags, ignoring case, keeping the first spelling', () => {
    expect(expectDraft(parseFields(`${REQUIRED}\ntags: [AI, Policy, ai, policy, Trade]`)).tags).toEqual(['AI', 'Policy', 'Trade']);
  });

  it('rejects an empty tag', () => {
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\ntags: [a, "  "]`)), 'tags.1').message).toBe('Must not be empty');
  });

  it('rejects more than 20 tags', () => {
    const tags = Array.from({ length: 21 }, (_, index) => `t${index}`).join(', ');
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\ntags: [${tags}]`)), 'tags').message).toBe('Too many tags: at most 20');
  });

  it('rejects tags given as a single text instead of a list', () => {
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\ntags: politics`)), 'tags').message).toBe('Expected a list, got text "politics"');
  });

  it('rejects an empty takeaways list', () => {
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\ntakeaways: []`)), 'takeaways').message).toMatch(/at least 1 takeaway/);
  });

  it('rejects more than 10 takeaways', () => {
    const list = Array.from({ length: 11 }, (_, index) => `  - Point ${index}`).join('\n');
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\ntakeaways:\n${list}`)), 'takeaways')).toMatchObject({
      line: 4,
      message: 'Too many takeaways: at most 10',
    });
  });
});

describe('image', () => {
  it('accepts an image description alone', () => {
    expect(expectDraft(parseFields(`${REQUIRED}\nimage:\n  alt: A flag`)).image).toEqual({ alt: 'A flag' });
  });

  it('requires alt when src is given, at the line of image', () => {
    const errors = expectErrors(parseFields(`${REQUIRED}\nimage:\n  src: flag.jpg`));
    expect(problemAt(errors, 'image.alt')).toMatchObject({ line: 4, message: expect.stringMatching(/^Required when image\.src is given/) });
  });

  it.each(['flag.jpg', 'photos/2025/flag.jpg', 'https://cdn.example.com/flag.jpg?w=800'])('accepts src %s', (src) => {
    expect(expectDraft(parseFields(`${REQUIRED}\nimage:\n  src: "${src}"\n  alt: A flag`)).image?.src).toBe(src);
  });

  it.each([
    ['../secret.jpg', /no "\." or "\.\." folders/],
    ['photos/../../x.jpg', /no "\." or "\.\." folders/],
    ['/etc/passwd', /no leading "\/"/],
    ['//evil.example/x.jpg', /no leading "\/"/],
    ['http://example.com/x.jpg', /not a http: URL/],
    ['javascript:alert(1)', /not a javascript: URL/],
    ['data:image/png;base64,AAAA', /not a data: URL/],
    ['https://user:pw@example.com/x.jpg', /user name or password/],
    ['photos\\x.jpg', /no "\\"/],
  ])('rejects src %s', (src, message) => {
    const errors = expectErrors(parseFields(`${REQUIRED}\nimage:\n  src: '${src}'\n  alt: A flag`));
    expect(problemAt(errors, 'image.src')).toMatchObject({ line: 5, message: expect.stringMatching(message) });
  });
});

describe('publishAt, language and breaking', () => {
  it('normalises publishAt with an offset to a UTC instant', () => {
    expect(expectDraft(parseFields(`${REQUIRED}\npublishAt: 2025-05-01T17:00:00+08:00`)).publishAt).toBe('2025-05-01T09:00:00.000Z');
  });

  it('accepts publishAt without seconds', () => {
    expect(expectDraft(parseFields(`${REQUIRED}\npublishAt: 2025-05-01T09:30Z`)).publishAt).toBe('2025-05-01T09:30:00.000Z');
  });

  it.each(['2025-05-01T09:00:00', '2025-05-01', '2025-02-30T09:00:00Z', 'tomorrow'])('rejects publishAt %s', (value) => {
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\npublishAt: ${value}`)), 'publishAt').message).toMatch(/ISO 8601 .* with a timezone/);
  });

  it('canonicalises a BCP 47 language tag', () => {
    expect(expectDraft(parseFields(`${REQUIRED}\nlanguage: zh-hans-cn`)).language).toBe('zh-Hans-CN');
  });

  it.each(['en_US', 'english', '12'])('rejects the language %s', (value) => {
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\nlanguage: ${value}`)), 'language').message).toMatch(/Not a BCP 47 language tag/);
  });

  it('reads breaking: true', () => {
    expect(expectDraft(parseFields(`${REQUIRED}\nbreaking: true`)).breaking).toBe(true);
  });

  it('rejects breaking: yes, which YAML 1.2 reads as text', () => {
    expect(problemAt(expectErrors(parseFields(`${REQUIRED}\nbreaking: yes`)), 'breaking').message).toBe('Expected true or false, got text "yes"');
  });
});

describe('explicit slug', () => {
  it('keeps a valid explicit slug, Unicode letters included', () => {
    expect(expectDraft(parseFields(`${REQUIRED}\nslug: 中美-ai-对话-2025`)).slug).toBe('中美-ai-对话-2025');
  });

  it.each([
    ['../etc/passwd', /not a path/],
    ['news/today', /not a path/],
    ['a\\b', /not a path/],
    ['..', /must not contain dots/],
    ['page.html', /must not contain dots/],
    ['a%2Fb', /percent-encoded/],
    ['two words', /must not contain spaces/],
    ['Capital', /must be lowercase/],
    ['-leading', /words joined by single hyphens/],
    ['double--dash', /words joined by single hyphens/],
    ['emoji-😀', /words joined by single hyphens/],
  ])('rejects the slug %s', (slug, message) => {
    const errors = expectErrors(parseFields(`${REQUIRED}\nslug: '${slug}'`));
    expect(problemAt(errors, 'slug')).toMatchObject({ line: 4, message: expect.stringMatching(message) });
  });
});
