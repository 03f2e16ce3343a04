/** The zod schema of a draft's fields, with the limits and messages an editor reads. */
import * as z from '../../../events/zod';
import { MAX_SLUG_LENGTH, slugProblem } from './slug';
import {
  canonicalSectionName,
  canonicalTagName,
  codePointOf,
  findInvisible,
  findNonXmlLine,
  findNonXmlText,
  withoutInvisible,
  type BadCharacter,
} from './text-hygiene';

/** Language of a draft that names none. */
export const DEFAULT_LANGUAGE = 'en';

/** Maximum lengths (characters) and counts of the draft fields. */
export const DRAFT_LIMITS = {
  title: 300,
  section: 80,
  dek: 1000,
  slug: MAX_SLUG_LENGTH,
  byline: 200,
  publication: 200,
  language: 35,
  tag: 100,
  tags: 20,
  takeaway: 500,
  takeawaysMin: 1,
  takeawaysMax: 10,
  imageSrc: 2048,
  imageAlt: 1000,
  imageCaption: 1000,
  imageCredit: 300,
  analysisLabel: 80,
  analysisTitle: 300,
  analysisBody: 20_000,
  correction: 2000,
  body: 300_000,
} as const;

const LINE_BREAK = /[\n\u2028\u2029]/u;

/** Latest `publishAt`, in days after now: a one-time schedule further ahead is refused. */
export const MAX_SCHEDULE_DAYS = 366;

function describeInput(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return input.length <= 40 ? `text "${input}"` : 'text';
  if (typeof input === 'boolean') return String(input);
  if (typeof input === 'object') return 'nested fields';
  return typeof input;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'nested fields',
};

/** Messages for the issues a schema raises itself (wrong type, missing value). */
const typeError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'Required';
  return `Expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeInput(issue.input)}`;
};

/** The message for a character no field may hold; `lineOffset` names its line inside a multi-line value. */
function badCharacterMessage({ char, lineOffset }: BadCharacter, multiLine: boolean): string {
  const what = /\p{Noncharacter_Code_Point}/u.test(char) ? 'a noncharacter' : /\p{Cs}/u.test(char) ? 'a lone surrogate' : 'a control character';
  const where = multiLine && lineOffset > 0 ? ` on line ${lineOffset + 1} of the text` : '';
  return `Contains ${what} (${codePointOf(char)})${where}, which feeds and sitemaps cannot carry; remove it`;
}

function tooLong(max: number) {
  return {
    error: (issue: { input?: unknown }) => `Too long: ${typeof issue.input === 'string' ? issue.input.length : 'over'} characters, at most ${max}`,
  };
}

/** Removes blank lines before and whitespace after the text; indentation of the first line stays. */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

// Schemas and checks are immutable, so the fields share every one that does not depend on the field: each one built
// is work at every cold start of the functions that parse drafts.
const text = z.string({ error: typeError });
const normalizeNfc = z.overwrite((value: string) => value.normalize('NFC'));
const trim = z.trim();
const notEmpty = z.minLength(1, { error: 'Must not be empty' });

function oneLineCheck(name: boolean) {
  return z.superRefine((value: string, ctx) => {
    if (LINE_BREAK.test(value) || value.includes('\r')) {
      ctx.addIssue({ code: 'custom', message: 'Must be on one line' });
      return;
    }
    const bad = findNonXmlLine(value);
    if (bad) {
      ctx.addIssue({ code: 'custom', message: badCharacterMessage(bad, false) });
      return;
    }
    const invisible = findInvisible(value, name);
    if (invisible) {
      ctx.addIssue({
        code: 'custom',
        message: `Contains an invisible character (${codePointOf(invisible)}, a zero-width or bidirectional control); remove it`,
      });
    }
  });
}

const oneLine = oneLineCheck(false);
const oneLineName = oneLineCheck(true);

/**
 * A one-line text field: NFC, trimmed, non-empty, no line breaks, control characters,
 * noncharacters, or zero-width and bidirectional controls (in a `name` that becomes a path,
 * list key or message attribute, not even the zero-width joiners).
 */
function singleLine(max: number, { name = false }: { readonly name?: boolean } = {}) {
  return text.check(normalizeNfc, trim, notEmpty, z.maxLength(max, tooLong(max)), name ? oneLineName : oneLine);
}

const xmlText = z.superRefine((value: string, ctx) => {
  const bad = findNonXmlText(value);
  if (bad) ctx.addIssue({ code: 'custom', message: badCharacterMessage(bad, true), params: { lineOffset: bad.lineOffset } });
});
const cleanText = z.overwrite((value: string) => trimBlankLines(withoutInvisible(value.normalize('NFC'))));

/**
 * A multi-line text field (Markdown allowed): NFC, zero-width and bidirectional controls
 * removed, outer blank lines trimmed, non-empty, no control characters or noncharacters
 * (the issue carries `lineOffset`, the line inside the value, for the report's line).
 */
function multiLine(max: number) {
  return text.check(xmlText, cleanText, notEmpty, z.maxLength(max, tooLong(max)));
}

const absentAsUndefined = z.transform((value: unknown) => value ?? undefined);

/** An optional field: absent or empty (`field:` with no value in YAML, `null` in JSON) both mean "not given". */
function optional<T extends z.ZodMiniType>(schema: T) {
  // One transform serves every field; only its type is the field's.
  const toUndefined = absentAsUndefined as unknown as z.ZodMiniTransform<z.output<T> | undefined, z.output<T> | null | undefined>;
  return z.pipe(z.nullish(schema), toUndefined);
}

const ISO_WITH_SECONDS = z.iso.datetime({ offset: true });
const ISO_WITH_MINUTES = z.iso.datetime({ offset: true, precision: -1 });

const publishAtSchema = z.pipe(
  z.string({ error: typeError }).check(z.trim()),
  z.transform((value, ctx) => {
    if (!ISO_WITH_SECONDS.safeParse(value).success && !ISO_WITH_MINUTES.safeParse(value).success) {
      ctx.issues.push({
        code: 'custom',
        message: 'Must be an ISO 8601 date and time with a timezone, e.g. 2025-05-01T09:00:00Z or 2025-05-01T17:00:00+08:00',
        input: value,
      });
      return z.NEVER;
    }
    return new Date(value).toISOString();
  }),
);

const languageSchema = z.pipe(
  z
    .string({ error: typeError })
    .check(z.trim(), z.minLength(1, { error: 'Must not be empty' }), z.maxLength(DRAFT_LIMITS.language, tooLong(DRAFT_LIMITS.language))),
  z.transform((value, ctx) => {
    const message = `Not a BCP 47 language tag: "${value}" (e.g. en, zh-Hans, pt-BR)`;
    if (!/^[a-z]{2,3}(?:-|$)/i.test(value)) {
      ctx.issues.push({ code: 'custom', message, input: value });
      return z.NEVER;
    }
    try {
      return Intl.getCanonicalLocales(value)[0] ?? value;
    } catch {
      ctx.issues.push({ code: 'custom', message, input: value });
      return z.NEVER;
    }
  }),
);

const slugSchema = z.string({ error: typeError }).check(
  z.trim(),
  z.superRefine((value, ctx) => {
    const invisible = findInvisible(value, true);
    if (invisible) {
      ctx.addIssue({ code: 'custom', message: `Slug contains an invisible character (${codePointOf(invisible)}); remove it` });
      return;
    }
    const problem = slugProblem(value.normalize('NFKC'));
    if (problem) ctx.addIssue({ code: 'custom', message: `Slug ${problem}` });
  }),
  z.overwrite((value) => value.normalize('NFKC')),
);

/** Why an image `src` is unusable, or `undefined` when it is a file name beside the draft or an https URL. */
function imageSrcProblem(src: string): string | undefined {
  const allowed = 'a file name beside the draft (e.g. photo.jpg) or an https: URL';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
    let url: URL;
    try {
      url = new URL(src);
    } catch {
      return `Is not a valid URL; expected ${allowed}`;
    }
    if (url.protocol !== 'https:') return `Must be ${allowed}, not a ${url.protocol} URL`;
    if (url.username !== '' || url.password !== '') return 'Must not contain a user name or password';
    return undefined;
  }
  if (src.startsWith('/') || src.startsWith('\\')) return `Must be ${allowed}; no leading "/"`;
  if (src.includes('\\')) return `Must be ${allowed}; no "\\"`;
  const segments = src.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    return `Must be ${allowed}; no "." or ".." folders`;
  }
  if (segments.includes('')) return `Must be ${allowed}; no empty folder names ("//")`;
  if (/[?#%:]/.test(src)) return `Must be ${allowed}; no "?", "#", "%" or ":"`;
  return undefined;
}

const imageSchema = z.pipe(
  z
    .strictObject(
      {
        src: optional(singleLine(DRAFT_LIMITS.imageSrc)),
        alt: optional(singleLine(DRAFT_LIMITS.imageAlt)),
        caption: optional(multiLine(DRAFT_LIMITS.imageCaption)),
        credit: optional(singleLine(DRAFT_LIMITS.imageCredit)),
      },
      { error: typeError },
    )
    .check(
      z.superRefine((image, ctx) => {
        if (image.src !== undefined) {
          const problem = imageSrcProblem(image.src);
          if (problem) ctx.addIssue({ code: 'custom', path: ['src'], message: problem });
        }
        if (image.alt === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['alt'],
            message:
              image.src === undefined
                ? 'Required: describe the image in words'
                : 'Required when image.src is given: describe the image for readers who cannot see it',
          });
        }
      }),
    ),
  z.transform(({ src, alt, caption, credit }) => ({ src, alt: alt ?? '', caption, credit })),
);

const analysisSchema = z.strictObject(
  {
    label: singleLine(DRAFT_LIMITS.analysisLabel),
    title: optional(singleLine(DRAFT_LIMITS.analysisTitle)),
    body: multiLine(DRAFT_LIMITS.analysisBody),
  },
  { error: typeError },
);

const tagsSchema = z.pipe(
  z
    .array(z.pipe(singleLine(DRAFT_LIMITS.tag, { name: true }), z.transform(canonicalTagName)), { error: typeError })
    .check(z.maxLength(DRAFT_LIMITS.tags, { error: `Too many tags: at most ${DRAFT_LIMITS.tags}` })),
  z.transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((tag) => {
      const key = tag.normalize('NFKC').toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }),
);

const takeawaysSchema = z
  .array(singleLine(DRAFT_LIMITS.takeaway), { error: typeError })
  .check(
    z.minLength(DRAFT_LIMITS.takeawaysMin, { error: 'Needs at least 1 takeaway; remove the field to have them generated' }),
    z.maxLength(DRAFT_LIMITS.takeawaysMax, { error: `Too many takeaways: at most ${DRAFT_LIMITS.takeawaysMax}` }),
  );

/**
 * The fields of a draft's front matter (everything but the body). Strict: an
 * unknown field at any level is an issue. Defaults: `tags` `[]`, `language`
 * `en` (canonicalised, e.g. `EN-us` becomes `en-US`), `breaking` `false`;
 * `publishAt` is normalised to a UTC instant (`toISOString`); duplicate tags
 * (ignoring case) are dropped, keeping the first spelling. Text is NFC; no
 * field holds a control character or noncharacter (XML 1.0 could not carry
 * it); one-line fields refuse zero-width and bidirectional controls and
 * multi-line ones lose them; section and tag names are canonical
 * (`canonicalSectionName`, `canonicalTagName`). Text is kept as text:
 * escaping HTML is the renderer's job.
 */
export const draftFieldsSchema = z.strictObject(
  {
    title: singleLine(DRAFT_LIMITS.title),
    section: z.pipe(singleLine(DRAFT_LIMITS.section, { name: true }), z.transform(canonicalSectionName)),
    dek: optional(multiLine(DRAFT_LIMITS.dek)),
    slug: optional(slugSchema),
    tags: z.pipe(
      z.nullish(tagsSchema),
      z.transform((tags) => tags ?? []),
    ),
    byline: optional(singleLine(DRAFT_LIMITS.byline, { name: true })),
    publication: optional(singleLine(DRAFT_LIMITS.publication)),
    language: z.pipe(
      z.nullish(languageSchema),
      z.transform((language) => language ?? DEFAULT_LANGUAGE),
    ),
    publishAt: optional(publishAtSchema),
    image: optional(imageSchema),
    takeaways: optional(takeawaysSchema),
    analysis: optional(analysisSchema),
    breaking: z.pipe(
      z.nullish(z.boolean({ error: typeError })),
      z.transform((breaking) => breaking ?? false),
    ),
    correction: optional(multiLine(DRAFT_LIMITS.correction)),
  },
  { error: typeError },
);

/** A whole draft: the fields plus the Markdown `body` (outer blank lines trimmed, non-empty). */
export const draftSchema = z.extend(draftFieldsSchema, {
  body: multiLine(DRAFT_LIMITS.body),
});

/** The validated fields of a draft, before the slug is resolved. */
export type DraftFields = z.output<typeof draftSchema>;

/** The field names allowed at each level of a draft, by dotted parent path (`''` is the top). */
export const KNOWN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(draftSchema.shape),
  image: ['src', 'alt', 'caption', 'credit'],
  analysis: Object.keys(analysisSchema.shape),
};
