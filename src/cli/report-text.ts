// The readable report: each attribution with its cue, speaker, category, country and relay, then who
// speaks, counted by category and by country.
import type { Report } from '../core/types';

export function formatReport(file: string, report: Report): string {
  const lines: string[] = [`${file} (${report.language})`];
  if (report.publisher) {
    const p = report.publisher;
    lines.push(`Publisher: ${p.name} [${p.category}${p.country ? `, ${p.country}` : ''}]`);
  }
  lines.push('', `Attributions (${report.attributions.length}):`);
  for (const a of report.attributions) {
    const s = a.source;
    const where = s.country ? `, ${s.country}` : '';
    const via = a.via.length ? ` via ${a.via.map((v) => `${v.text} [${v.category}]`).join(', ')}` : '';
    const hedged = a.hedged ? ' (hedged)' : '';
    lines.push(`  "${a.cue.text}" → ${s.text} [${s.category}${where}]${via}${hedged}`);
  }
  const byCategory = new Map<string, number>();
  const byCountry = new Map<string, number>();
  for (const a of report.attributions) {
    byCategory.set(a.source.category, (byCategory.get(a.source.category) ?? 0) + 1);
    const c = a.source.country ?? 'unknown';
    byCountry.set(c, (byCountry.get(c) ?? 0) + 1);
  }
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  lines.push(
    '',
    `Who speaks, by category: ${list(byCategory)}`,
    `Who speaks, by country: ${list(byCountry)}`,
  );
  const state = report.outlets.filter((o) => o.category === 'state-media');
  lines.push(
    `Outlets named: ${report.outlets.length}${state.length ? ` (state media: ${[...new Set(state.map((o) => o.text))].join(', ')})` : ''}`,
  );
  if (report.hedges.length) lines.push(`Hedges: ${report.hedges.map((h) => `"${h.text}"`).join(', ')}`);
  if (report.unnamed.length)
    lines.push(`Unnamed sources: ${report.unnamed.map((u) => `"${u.text}"`).join(', ')}`);
  return lines.join('\n');
}
