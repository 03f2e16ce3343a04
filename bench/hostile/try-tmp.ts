import { adversarialDrafts, issueDrafts, largestDrafts, normalDraft } from '../../bench/hostile/hostile-drafts';
import { parseDraft } from '../../shared/domain/draft';
import { generateTakeaways } from '../../shared/domain/takeaways';
import { articleTerms } from '../../shared/domain/related';
for (const d of [normalDraft(), ...issueDrafts(), ...adversarialDrafts(), ...largestDrafts()]) {
  const t0 = performance.now();
  const bytes = new TextEncoder().encode(d.text);
  const p = parseDraft({ fileName: d.fileName, bytes });
  let info = '';
  if (p.ok) { const t = generateTakeaways(p.draft); const terms = articleTerms({ ...p.draft }); info = `ok takeaways=${t.length} terms=${terms.frequencies.size}`; }
  else info = 'rejected: ' + p.errors.map((e) => `${e.path}:${e.line}:${e.message}`).join(' | ').slice(0, 150);
  console.log(d.name, bytes.length, (performance.now() - t0).toFixed(1) + 'ms', info);
}
