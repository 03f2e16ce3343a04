/** Draft parsing and validation: pure, no I/O. */
export { parseDraft, type ParseDraftInput, type ParseDraftResult } from './parse-draft';
export { slugify, slugProblem, MAX_SLUG_LENGTH } from './slug';
export { formatProblems } from './problems';
export { draftFieldsSchema, draftSchema, DRAFT_LIMITS, DEFAULT_LANGUAGE, MAX_SCHEDULE_DAYS, type DraftFields } from './schema';
export { canonicalSectionName, canonicalTagName } from './text-hygiene';
