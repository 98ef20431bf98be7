// The engine's findings as the overlay shows them: one entry per attribution (with its cue, speaker,
// quote, relays and hedges), per state-media mention outside an attribution, per hedge and per unnamed
// source, each with the marks that draw it in the page.
import type { Attribution, Report, SourceCategory, SourceMention } from '../core/types';
import type { MarkSpec } from './marks';

export interface RelayView {
  text: string;
  category: SourceCategory;
  country?: string;
  entityId?: string;
}

export interface FindingView {
  id: string;
  kind: 'attribution' | 'outlet' | 'hedge' | 'unnamed';
  category: SourceCategory;
  country?: string;
  /** Who speaks (attributions) or what is named (outlets, unnamed sources). */
  speaker: string;
  role?: string;
  entityId?: string;
  resolution?: SourceMention['resolution'];
  cue: string;
  quote?: string;
  via: RelayView[];
  hedged: boolean;
  /** The hedges found inside the attribution's claim. */
  hedges: string[];
  /** Offset of the finding in the page text (reading order). */
  start: number;
}

const clip = (s: string, n = 280) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Turns one block's report into views and mark specs. `slice(start, end)` reads the page text the offsets
 * index; `nextId` numbers findings across the page.
 */
export function viewFindings(
  report: Report,
  slice: (start: number, end: number) => string,
  nextId: () => string,
): { views: FindingView[]; marks: MarkSpec[] } {
  const views: FindingView[] = [];
  const marks: MarkSpec[] = [];
  const covered: Array<[number, number]> = [];
  const inAttribution = (s: number, e: number) => covered.some(([a, b]) => s < b && e > a);

  report.attributions.forEach((a: Attribution, index) => {
    const id = nextId();
    const src = a.source;
    const quote = a.quote && a.quote.end > a.quote.start ? a.quote : undefined;
    const hedges = report.hedges
      .filter((h) => (quote ? h.start >= quote.start && h.end <= quote.end : false))
      .map((h) => h.text);
    const view: FindingView = {
      id,
      kind: 'attribution',
      category: src.category,
      speaker: src.text,
      cue: a.cue.text,
      via: a.via.map((v) => ({
        text: v.text,
        category: v.category,
        ...(v.country ? { country: v.country } : {}),
        ...(v.entityId ? { entityId: v.entityId } : {}),
      })),
      hedged: a.hedged,
      hedges,
      start: Math.min(a.cue.start, quote?.start ?? a.cue.start),
      ...(src.country ? { country: src.country } : {}),
      ...(src.role ? { role: src.role } : {}),
      ...(src.entityId ? { entityId: src.entityId } : {}),
      ...(src.resolution ? { resolution: src.resolution } : {}),
      ...(quote ? { quote: clip(slice(quote.start, quote.end)) } : {}),
    };
    views.push(view);
    const span = [a.cue.start, a.cue.end];
    marks.push({
      start: a.cue.start,
      end: a.cue.end,
      kind: 'cue',
      category: src.category,
      findingId: id,
      focusable: true,
      label: src.text,
    });
    // A pronoun's or carried speaker's span points at the antecedent, marked by its own attribution.
    const local = src.resolution !== 'pronoun' && src.resolution !== 'carried';
    if (src.start !== undefined && src.end !== undefined && src.end > src.start && local)
      marks.push({ start: src.start, end: src.end, kind: 'speaker', category: src.category, findingId: id });
    if (quote) {
      marks.push({
        start: quote.start,
        end: quote.end,
        kind: 'quote',
        category: src.category,
        findingId: id,
      });
      span.push(quote.start, quote.end);
    }
    for (const v of a.via) {
      marks.push({ start: v.start, end: v.end, kind: 'via', category: v.category, findingId: id });
      span.push(v.start, v.end);
    }
    if (src.start !== undefined && src.end !== undefined && local) span.push(src.start, src.end);
    covered.push([Math.min(...span), Math.max(...span)]);
    for (const u of report.unnamed) if (u.attribution === index) covered.push([u.start, u.end]);
  });

  for (const o of report.outlets) {
    // Outlets already drawn as a relay or speaker stay part of their attribution.
    if (o.category !== 'state-media' || inAttribution(o.start, o.end)) continue;
    const id = nextId();
    views.push({
      id,
      kind: 'outlet',
      category: o.category,
      speaker: o.text,
      cue: o.text,
      via: [],
      hedged: false,
      hedges: [],
      start: o.start,
      ...(o.country ? { country: o.country } : {}),
      ...(o.entityId ? { entityId: o.entityId } : {}),
    });
    marks.push({
      start: o.start,
      end: o.end,
      kind: 'outlet',
      category: o.category,
      findingId: id,
      focusable: true,
      label: o.text,
    });
  }

  for (const u of report.unnamed) {
    if (u.attribution !== undefined) continue;
    const id = nextId();
    views.push({
      id,
      kind: 'unnamed',
      category: 'unnamed',
      speaker: u.text,
      cue: u.text,
      via: [],
      hedged: false,
      hedges: [],
      start: u.start,
    });
    marks.push({
      start: u.start,
      end: u.end,
      kind: 'unnamed',
      category: 'unnamed',
      findingId: id,
      focusable: true,
      label: u.text,
    });
  }

  for (const h of report.hedges) {
    const id = nextId();
    views.push({
      id,
      kind: 'hedge',
      category: 'other',
      speaker: '',
      cue: h.text,
      via: [],
      hedged: true,
      hedges: [h.text],
      start: h.start,
    });
    marks.push({
      start: h.start,
      end: h.end,
      kind: 'hedge',
      category: 'other',
      findingId: id,
      focusable: !inAttribution(h.start, h.end),
      label: h.text,
    });
  }

  return { views, marks };
}

/** Attributions by category and by country, for the summary and the background's page report. */
export function countFindings(views: readonly FindingView[]): {
  counts: Record<SourceCategory, number>;
  byCountry: Record<string, number>;
  attributions: number;
} {
  const counts: Record<SourceCategory, number> = {
    'state-media': 0,
    government: 0,
    media: 0,
    unnamed: 0,
    other: 0,
  };
  const byCountry: Record<string, number> = {};
  let attributions = 0;
  for (const v of views) {
    if (v.kind !== 'attribution') continue;
    attributions++;
    counts[v.category]++;
    const c = v.country ?? '';
    if (c) byCountry[c] = (byCountry[c] ?? 0) + 1;
  }
  return { counts, byCountry, attributions };
}
