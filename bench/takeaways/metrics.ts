/** Quality metrics of extractive takeaways against a reference summary. */

/** `text` with runs of whitespace collapsed to one space and trimmed. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lowercased word tokens (runs of letters and digits) of `text`. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The share of `chosen` sentences that appear in `summary`, whitespace normalised
 * (a sentence counts when it is a substring of the summary text). 0 for no sentences.
 */
export function summaryHitRate(chosen: readonly string[], summary: string): number {
  if (chosen.length === 0) return 0;
  const reference = normaliseWhitespace(summary);
  const hits = chosen.filter((s) => reference.includes(normaliseWhitespace(s))).length;
  return hits / chosen.length;
}

function nGramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * ROUGE-N F1 of `candidate` against `reference`: clipped n-gram overlap of lowercased word
 * tokens, precision over the candidate's n-grams, recall over the reference's, harmonic mean.
 * 0 when either side has no n-grams or nothing overlaps.
 */
export function rougeF1(candidate: string, reference: string, n: number): number {
  const cand = nGramCounts(wordTokens(candidate), n);
  const ref = nGramCounts(wordTokens(reference), n);
  let overlap = 0;
  let candTotal = 0;
  let refTotal = 0;
  for (const c of cand.values()) candTotal += c;
  for (const c of ref.values()) refTotal += c;
  for (const [gram, c] of cand) overlap += Math.min(c, ref.get(gram) ?? 0);
  if (overlap === 0) return 0;
  const precision = overlap / candTotal;
  const recall = overlap / refTotal;
  return (2 * precision * recall) / (precision + recall);
}
