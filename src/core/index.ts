// The engine's public face: text in, findings out. Pure TypeScript; runs in Node and in the page.
//
//   analyze(text, options)         the whole text at once (cut into blocks at line breaks)
//   new Analyzer(options).addBlock  block by block, carrying discourse state (recent speakers, an open
//                                   quotation) across blocks, so the page can cut work into short tasks
//                                   and scan paragraphs added later.
import { DETECTORS } from './detectors/registry';
import { BlockContext } from './engine/context';
import { Memory } from './engine/memory';
import { resolve } from './engine/resolve';
import { resolvePublisher } from './publisher';
import { phraseAfter, phraseBefore } from './grammar/mentions';
import { lexicon } from './lexicon';
import type { AnalyzeOptions, Attribution, Lang, Report, UnnamedSource } from './types';

export type * from './types';

const FR_WORDS = new Set([
  'le',
  'la',
  'les',
  'des',
  'est',
  'et',
  'que',
  'qui',
  'une',
  'dans',
  'pour',
  'du',
  'au',
  'sur',
  'avec',
  'pas',
  'il',
  'elle',
  'selon',
  'ont',
  'été',
  'sont',
  'aux',
  'ses',
  'son',
  'cette',
]);
const EN_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'is',
  'that',
  'in',
  'for',
  'on',
  'with',
  'was',
  'said',
  'he',
  'she',
  'it',
  'by',
  'as',
  'at',
  'from',
  'are',
  'has',
  'have',
  'his',
  'her',
  'this',
  'were',
  'a',
  'an',
  'its',
  'their',
  'will',
  'would',
  'who',
  'which',
  'not',
  'been',
]);

/** French or English, by counting the commonest function words of each in the first 20 000 characters. */
export function detectLanguage(text: string): Lang {
  let fr = 0;
  let en = 0;
  const sample = text.slice(0, 20_000).toLowerCase();
  for (const m of sample.matchAll(/[a-zàâçéèêëîïôûùüÿœ]+/g)) {
    const w = m[0];
    if (FR_WORDS.has(w)) fr++;
    // Accented letters are French (or at least not English) far more often than not.
    else if (/[éèêàçùâîôû]/.test(w)) fr += 0.5;
    if (EN_WORDS.has(w)) en++;
  }
  return en > fr ? 'en' : 'fr';
}

export class Analyzer {
  readonly language: Lang;
  private readonly memory = new Memory();
  constructor(options: AnalyzeOptions & { lang: Lang }) {
    this.language = options.lang;
  }

  /** Analyses one block (a paragraph); `offset` is where it starts in the page's text, added to every span. */
  addBlock(text: string, offset = 0): Report {
    const report: Report = {
      language: this.language,
      attributions: [],
      outlets: [],
      hedges: [],
      unnamed: [],
    };
    if (!text) return report;
    this.memory.block++;
    const ctx = new BlockContext(text, offset, this.language, this.memory, this.memory.openQuote);
    for (const d of DETECTORS) if (d.langs.includes(this.language)) d.detect(ctx);
    report.attributions = resolve(ctx);
    report.outlets = ctx.outlets;
    report.hedges = ctx.hedges;
    report.unnamed = unnamedSources(ctx, report.attributions);
    this.memory.openQuote = ctx.endsInQuote;
    return report;
  }
}

/** Is `start` inside one of the last few spans found? (Spans arrive roughly in text order.) */
function coveredRecently(spans: readonly UnnamedSource[], start: number): boolean {
  for (let k = spans.length - 1; k >= 0 && k >= spans.length - 8; k--) {
    const u = spans[k] as UnnamedSource;
    if (u.start <= start && start < u.end) return true;
  }
  return false;
}

function unnamedSources(ctx: BlockContext, attributions: Attribution[]): UnnamedSource[] {
  const out: UnnamedSource[] = [];
  attributions.forEach((a, k) => {
    const s = a.source;
    if (s.category === 'unnamed' && s.start !== undefined && s.end !== undefined)
      out.push({ start: s.start, end: s.end, text: s.text, attribution: k });
  });
  // Vague sources named outside a cue: "citing a source in the security services", "government sources".
  for (let i = 0; i < ctx.toks.length; i++) {
    const f = ctx.f(i);
    if (f !== 'source' && f !== 'sources' && f !== 'unnamed' && f !== 'anonymous' && f !== 'anonymes')
      continue;
    const [a] = phraseBefore(ctx, i + 1);
    const [, b] = phraseAfter(ctx, a);
    if (b <= i) continue;
    const start = ctx.start(a);
    if (!coveredRecently(out, start)) out.push({ start, end: ctx.end(b), text: ctx.slice(a, b) });
    i = b - 1;
  }
  for (let i = 0; i < ctx.toks.length; i++) {
    const m = ctx.lex.unnamedPhrases.match(ctx.toks, i);
    if (!m) continue;
    const start = ctx.start(i);
    if (!coveredRecently(out, start)) out.push({ start, end: ctx.end(m.end), text: ctx.slice(i, m.end) });
    i = m.end - 1;
  }
  return out;
}

/** The engine's start-up (its lexicons, the known names, a first analysis), as steps of a few
 * milliseconds each: a page runs one per task, so starting never makes a long task. Each step is named;
 * once they have all run, analysis starts with nothing left to build. */
export function* engineStartSteps(): Generator<string, void, undefined> {
  const l = lexicon();
  yield 'engine start: lexicon';
  while (l.buildEntitiesStep()) yield 'engine start: names';
  new Analyzer({ lang: 'fr' }).addBlock('« Un essai », a-t-il dit.', 0);
  new Analyzer({ lang: 'en' }).addBlock('"A test," he said.', 0);
  yield 'engine start: first analysis';
}

/** Merges block reports into one. */
function merge(into: Report, part: Report): void {
  const base = into.attributions.length;
  into.attributions.push(...part.attributions);
  into.outlets.push(...part.outlets);
  into.hedges.push(...part.hedges);
  for (const u of part.unnamed)
    into.unnamed.push(u.attribution === undefined ? u : { ...u, attribution: u.attribution + base });
}

export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  const lang = options.lang ?? detectLanguage(text);
  const analyzer = new Analyzer({ ...options, lang });
  const report: Report = { language: lang, attributions: [], outlets: [], hedges: [], unnamed: [] };
  // Blocks are lines: sentences never cross a line break, and the page's paragraphs are lines too.
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) merge(report, analyzer.addBlock(text.slice(start, end), start));
    start = end + 1;
  }
  // The page's own address names its publisher (state media or not) when the caller gives it.
  if (options.url) {
    const publisher = resolvePublisher({ url: options.url });
    if (publisher) report.publisher = publisher;
  }
  return report;
}
