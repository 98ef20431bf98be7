// English hedges: "reportedly", "allegedly", "supposedly", "alleged", "is said to", "is believed to",
// "would have" in a reported claim.
import type { BlockContext } from '../engine/context';
import { Kind } from '../text/tokens';
import { WordClass, tokenClass } from '../lexicon/word-class';
import type { Detector } from './types';

/** "Had China invaded, ... would have been", "if ... would have": a real conditional. */
function counterfactual(ctx: BlockContext, i: number): boolean {
  const [s] = ctx.sentenceOf(i);
  const first = ctx.f(s);
  if (first === 'had' || first === 'were') return true;
  for (let k = Math.max(s, i - 60); k < i; k++) if (ctx.f(k) === 'if' || ctx.f(k) === 'unless') return true;
  if (ctx.f(i + 2) === 'been') return true;
  return false;
}

function detect(ctx: BlockContext): void {
  const l = ctx.lex;
  for (let i = 0; i < ctx.toks.length; i++) {
    const t = ctx.toks[i];
    if (!t || t.k !== Kind.Word) continue;
    if ((tokenClass(l, t) & WordClass.Hedge) === 0) continue;
    if (l.hedgeAdverbs.has(t.f) || l.hedgeAdjectives.has(t.f)) {
      ctx.hedges.push({
        start: ctx.start(i),
        end: ctx.end(i + 1),
        text: t.t,
        kind: l.hedgeAdverbs.has(t.f) ? 'adverb' : 'adjective',
      });
      continue;
    }
    const ph = l.hedgePhrases.match(ctx.toks, i);
    if (!ph) continue;
    // "would have" hedges only a claim someone reports, outside a quotation.
    if (t.f === 'would' && (ctx.quoteOf[i] !== -1 || counterfactual(ctx, i))) continue;
    ctx.hedges.push({
      start: ctx.start(i),
      end: ctx.end(ph.end),
      text: ctx.slice(i, ph.end),
      kind: 'phrase',
    });
    i = ph.end - 1;
  }
}

export const hedgesEn: Detector = { id: 'hedges-en', langs: ['en'], detect };
