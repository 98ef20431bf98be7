// Hand-written sentences in French and English, each with what a careful reader marks in it. Every JSON file
// in this folder is a list of cases; each case becomes one test calling `analyze(text, { lang })`.
//
// A case:
//   {
//     "id": "fr-inv-003",                 unique across all files
//     "lang": "fr",                       "fr" or "en", passed to analyze()
//     "text": "…",
//     "expect": [                         attributions a reader marks
//       { "cue": "a-t-il ajouté",         the cue by text; its first occurrence, or the n-th with "n": 2
//         "speaker": ["Sergueï Lavrov", "le chef de la diplomatie russe"],   acceptable names (sameName below)
//         "category": "government",       state-media | government | media | unnamed | other
//         "country": "RU",                ISO code of source.country, checked when given
//         "via": ["Sputnik"],             relaying outlets, each a name or a list of one outlet's names;
//                                         when given (even []), an extra relay is a mistake, as in the scorer
//         "hedged": true,                 checked when given: the attribution's `hedged` flag
//         "optional": true }              borderline: may be found or not, never counted as an extra
//     ],
//     "outlets": [ { "text": "TASS", "n": 1, "category": "state-media" } ],
//                                         state-media entries must be found with that category; any other
//                                         entry must not be reported as state media; when "outlets" is
//                                         given, no other state-media mention may be reported
//     "hedged": ["aurait"],               phrases a hedge span must overlap
//     "noHedge": ["serait"],              phrases no hedge span may overlap (a real conditional)
//     "unnamed": ["une source proche du dossier"],  phrases an unnamed-source span must overlap
//     "none": ["selon"],                  phrases no cue may overlap (false friends); "selon#2" for the 2nd
//     "noStateMedia": ["RTL"],            phrases no state-media outlet mention may overlap (look-alikes)
//     "exact": true,                      no attribution beyond the expected ones
//     "blocks": true,                     also fed paragraph by paragraph (split at blank lines) to one
//                                         Analyzer, as the page does; both ways must pass
//     "optional": true, "why": "…"        a whole case left out (skipped) because the language is ambiguous
//   }
//
// known-gaps.json lists, by id, the cases the engine does not pass yet, each with what it gets wrong. They
// still run, as expected failures: a gap the engine closes turns its test red until the id leaves the list,
// so the list only ever shrinks and the figures stay honest.
//
// Matching follows ../shared/eval/score.mjs: a predicted cue matches when its span (at most 60 characters)
// overlaps the expected cue's span; speakers match by the scorer's sameName rule, copied below.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, Analyzer, detectLanguage } from '../../../src/core/index.ts';
import type { Attribution, Report, SourceCategory } from '../../../src/core/index.ts';

type Via = string | string[];
interface ExpectedAttribution {
  cue: string;
  n?: number;
  speaker?: string[];
  category?: SourceCategory;
  country?: string;
  via?: Via[];
  hedged?: boolean;
  optional?: boolean;
}
interface ExpectedOutlet {
  text: string;
  n?: number;
  category: SourceCategory;
}
interface Case {
  id: string;
  lang: 'fr' | 'en';
  text: string;
  expect?: ExpectedAttribution[];
  outlets?: ExpectedOutlet[];
  hedged?: string[];
  noHedge?: string[];
  unnamed?: string[];
  none?: string[];
  noStateMedia?: string[];
  exact?: boolean;
  blocks?: boolean;
  optional?: boolean;
  why?: string;
}
interface Span {
  start: number;
  end: number;
}

const CATEGORIES = ['state-media', 'government', 'media', 'unnamed', 'other'];
const MAX_CUE = 60;

// Copied from ../shared/eval/score.mjs so the unit tests judge names exactly as the scorer does.
const norm = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[«»"“”]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:'-]+|[\s,.;:'-]+$/g, '');

const sameName = (pred: unknown, forms: string[]): boolean => {
  const p = norm(pred);
  if (p.length < 2) return false;
  return forms.some((f) => {
    const g = norm(f);
    if (p === g) return true;
    if (p.includes(g)) return g.length >= 0.5 * p.length;
    if (g.includes(p)) return p.length >= 4 && p.length >= 0.5 * g.length;
    return false;
  });
};

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The n-th (1-based) occurrence of `needle`; "phrase#2" names the second. */
function spanOf(text: string, needle: string, n = 1): Span {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`the text does not hold "${needle}" #${n}`);
  }
  return { start: at, end: at + needle.length };
}
function phraseSpan(text: string, phrase: string): Span {
  const m = /^(.*)#(\d+)$/s.exec(phrase);
  return m ? spanOf(text, m[1] ?? '', Number(m[2])) : spanOf(text, phrase);
}

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'known-gaps.json')
  .sort();

function load(file: string): Case[] {
  const data: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: not a list of cases`);
  return data as Case[];
}

/** Every way the report departs from the case, in words; empty when the case passes. */
function problems(c: Case, report: Report): string[] {
  const out: string[] = [];
  const preds = report.attributions;
  const used = new Set<number>();
  const cueText = (a: Attribution) => JSON.stringify(c.text.slice(a.cue.start, a.cue.end));
  const valid = (a: Attribution) =>
    Number.isInteger(a.cue.start) &&
    Number.isInteger(a.cue.end) &&
    a.cue.end > a.cue.start &&
    a.cue.end - a.cue.start <= MAX_CUE;
  // Required expectations choose first, so an optional one never takes a cue a required one needs.
  const wanted = [...(c.expect ?? [])].sort((a, b) => Number(!!a.optional) - Number(!!b.optional));
  for (const e of wanted) {
    const span = spanOf(c.text, e.cue, e.n ?? 1);
    const i = preds.findIndex((p, k) => !used.has(k) && valid(p) && overlaps(p.cue, span));
    const label = `"${e.cue}"${e.n ? ` #${e.n}` : ''}`;
    if (i < 0) {
      if (!e.optional) out.push(`missed cue ${label}`);
      continue;
    }
    used.add(i);
    if (e.optional) continue;
    const p = preds[i] as Attribution;
    if (e.speaker?.length && !sameName(p.source.text, e.speaker))
      out.push(`${label}: speaker "${p.source.text}", expected one of ${JSON.stringify(e.speaker)}`);
    if (e.category && p.source.category !== e.category)
      out.push(`${label}: category ${p.source.category}, expected ${e.category}`);
    if (e.country && p.source.country?.toUpperCase() !== e.country)
      out.push(`${label}: country ${p.source.country ?? 'none'}, expected ${e.country}`);
    if (e.hedged !== undefined && p.hedged !== e.hedged)
      out.push(`${label}: hedged ${p.hedged}, expected ${e.hedged}`);
    if (e.via) {
      const gv = e.via.map((v) => (Array.isArray(v) ? v : [v]));
      const pv = (p.via ?? []).map((v) => v.text);
      for (const forms of gv)
        if (!pv.some((x) => sameName(x, forms)))
          out.push(`${label}: relay ${JSON.stringify(forms[0])} missing (found ${JSON.stringify(pv)})`);
      for (const x of pv)
        if (!gv.some((forms) => sameName(x, forms))) out.push(`${label}: extra relay "${x}"`);
    }
  }
  preds.forEach((p, k) => {
    if (used.has(k)) return;
    if (c.exact) out.push(`extra attribution ${cueText(p)} (speaker "${p.source.text}")`);
    for (const phrase of c.none ?? [])
      if (overlaps(p.cue, phraseSpan(c.text, phrase)))
        out.push(`false friend "${phrase}" flagged as cue ${cueText(p)}`);
  });

  const state = report.outlets.filter((o) => o.category === 'state-media');
  const oUsed = new Set<number>();
  for (const o of c.outlets ?? []) {
    const span = spanOf(c.text, o.text, o.n ?? 1);
    if (o.category === 'state-media') {
      const i = state.findIndex((p, k) => !oUsed.has(k) && overlaps(p, span));
      if (i < 0) out.push(`state-media outlet "${o.text}"${o.n ? ` #${o.n}` : ''} not found`);
      else oUsed.add(i);
    } else {
      for (const p of report.outlets)
        if (overlaps(p, span) && p.category !== o.category)
          out.push(`outlet "${o.text}" reported as ${p.category}, expected ${o.category}`);
    }
  }
  if (c.outlets)
    state.forEach((p, k) => {
      if (!oUsed.has(k)) out.push(`"${c.text.slice(p.start, p.end)}" reported as a state-media outlet`);
    });
  for (const phrase of c.noStateMedia ?? []) {
    const span = phraseSpan(c.text, phrase);
    for (const p of state) if (overlaps(p, span)) out.push(`look-alike "${phrase}" reported as state media`);
  }

  for (const phrase of c.hedged ?? [])
    if (!report.hedges.some((h) => overlaps(h, phraseSpan(c.text, phrase))))
      out.push(`hedge "${phrase}" not found`);
  for (const phrase of c.noHedge ?? [])
    if (report.hedges.some((h) => overlaps(h, phraseSpan(c.text, phrase))))
      out.push(`"${phrase}" flagged as a hedge`);
  for (const phrase of c.unnamed ?? [])
    if (!report.unnamed.some((u) => overlaps(u, phraseSpan(c.text, phrase))))
      out.push(`unnamed source "${phrase}" not found`);
  return out;
}

/** Mistakes in the case itself, so a typo fails loudly instead of testing nothing. */
function caseErrors(c: Case): string[] {
  const out: string[] = [];
  if (!/^[a-z0-9-]+$/.test(c.id ?? '')) out.push(`bad id ${JSON.stringify(c.id)}`);
  if (c.lang !== 'fr' && c.lang !== 'en') out.push(`bad lang ${JSON.stringify(c.lang)}`);
  if (typeof c.text !== 'string' || !c.text) out.push('no text');
  const check = (what: () => unknown) => {
    try {
      what();
    } catch (e) {
      out.push((e as Error).message);
    }
  };
  for (const e of c.expect ?? []) {
    check(() => spanOf(c.text, e.cue, e.n ?? 1));
    if (e.category && !CATEGORIES.includes(e.category)) out.push(`bad category ${e.category}`);
    if (e.country && !/^[A-Z]{2}$/.test(e.country)) out.push(`bad country ${e.country}`);
  }
  for (const o of c.outlets ?? []) {
    check(() => spanOf(c.text, o.text, o.n ?? 1));
    if (!CATEGORIES.includes(o.category)) out.push(`bad outlet category ${o.category}`);
  }
  for (const p of [...(c.hedged ?? []), ...(c.noHedge ?? []), ...(c.unnamed ?? [])])
    check(() => phraseSpan(c.text, p));
  for (const p of [...(c.none ?? []), ...(c.noStateMedia ?? [])]) check(() => phraseSpan(c.text, p));
  if (c.optional && !c.why) out.push('an optional case says why');
  return out;
}

/** The page's way: one Analyzer fed paragraph by paragraph, spans offset into the whole text. */
function analyzeByBlocks(text: string, lang: 'fr' | 'en'): Report {
  const analyzer = new Analyzer({ lang });
  const report: Report = { language: lang, attributions: [], outlets: [], hedges: [], unnamed: [] };
  const breaks = /\n[ \t]*\n/g;
  let start = 0;
  for (;;) {
    const m = breaks.exec(text);
    const end = m ? m.index : text.length;
    if (end > start) {
      const r = analyzer.addBlock(text.slice(start, end), start);
      report.attributions.push(...r.attributions);
      report.outlets.push(...r.outlets);
      report.hedges.push(...r.hedges);
      report.unnamed.push(...r.unnamed);
    }
    if (!m) return report;
    start = m.index + m[0].length;
  }
}

const knownGaps: Record<string, string> = JSON.parse(
  readFileSync(new URL('./known-gaps.json', import.meta.url), 'utf8'),
);
const all: Case[] = [];
const seen = new Set<string>();
for (const file of files) {
  describe(file, () => {
    for (const c of load(file)) {
      all.push(c);
      const errors = caseErrors(c);
      if (seen.has(c.id)) errors.push(`duplicate id ${c.id}`);
      seen.add(c.id);
      const title = `${c.id}: ${c.text.length > 90 ? `${c.text.slice(0, 87)}...` : c.text}`;
      if (c.optional && errors.length === 0) {
        it.skip(`${title} (optional: ${c.why})`, () => {});
        continue;
      }
      const gap = knownGaps[c.id];
      (gap ? it.fails : it)(gap ? `${title} [known gap: ${gap}]` : title, () => {
        expect(errors, `the case itself is malformed: ${errors.join('; ')}`).toEqual([]);
        const report = analyze(c.text, { lang: c.lang });
        const found = problems(c, report);
        if (c.blocks)
          found.push(...problems(c, analyzeByBlocks(c.text, c.lang)).map((p) => `block by block: ${p}`));
        // The message lists every mistake in words, so a failing case reads without a debugger.
        expect(found, found.join('; ')).toEqual([]);
      });
    }
  });
}

// The scanner is run without a language (as the scorer runs it), so each case's language must be detected.
describe('language detection', () => {
  it('detects the language of every case of 60 characters or more', () => {
    const wrong = all
      .filter((c) => typeof c.text === 'string' && c.text.length >= 60 && detectLanguage(c.text) !== c.lang)
      .map((c) => `${c.id} detected as ${detectLanguage(c.text)}`);
    expect(wrong, wrong.join('; ')).toEqual([]);
  });
});
