/** Builds small Markdown drafts for the end-to-end tests. */
export function markdownDraft(fields: Record<string, unknown>, body = defaultBody()): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

/** A unique, valid title for one test. */
export function uniqueTitle(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

function defaultBody(): string {
  return [
    'The city council approved a new transport plan on Tuesday after months of debate among residents and businesses.',
    'The plan adds three bus lines and extends cycling lanes across the northern districts by the end of next year.',
    'Officials said the changes would cut average commuting times by about ten minutes for most workers.',
    'Critics argued that the budget for road repairs had been reduced to pay for the new services.',
    'The mayor promised a public review of the first results within six months of the launch.',
  ].join(' ');
}
