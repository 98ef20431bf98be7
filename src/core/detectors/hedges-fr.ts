// French hedges: the journalistic conditional ("se seraient mis d'accord", "aurait fait 266 morts"),
// which reports a claim without vouching for it, but not a real conditional ("s'il venait, il
// serait"), a modal ("pourrait") or speech inside quotation marks; and "présumé", "prétendument".
import type { BlockContext } from '../engine/context';
import { Kind } from '../text/tokens';
import { WordClass, tokenClass } from '../lexicon/word-class';
import type { Detector } from './types';

function realConditional(ctx: BlockContext, i: number): boolean {
  const [s, e] = ctx.sentenceOf(i);
  for (let k = s; k < e; k++) {
    const f = ctx.f(k);
    if (f === 'si' || (f === "s'" && (ctx.f(k + 1) === 'il' || ctx.f(k + 1) === 'ils'))) return true;
    if (f === 'cas' && ctx.f(k + 1) === 'ou') return true;
    if (f === 'condition' && ctx.f(k - 1) === 'a') return true;
    if (f === 'sinon') return true;
  }
  return false;
}

/** "a affirmé que Londres maintiendrait...": the conditional of indirect speech is a tense, not a hedge. */
function reportedClause(ctx: BlockContext, i: number): boolean {
  const [s] = ctx.sentenceOf(i);
  let sawQue = false;
  for (let k = i - 1; k >= s && i - k < 40; k--) {
    const f = ctx.f(k);
    if (f === 'que' || f === "qu'") sawQue = true;
    if (sawQue && ctx.cueMask[k]) return true;
    // "L'Élysée a fait savoir que le chef de l'État se rendrait": the cue may end right before "que".
  }
  return false;
}

function detect(ctx: BlockContext): void {
  const l = ctx.lex;
  let checkedSentence = -1;
  let sentenceIsConditional = false;
  for (let i = 0; i < ctx.toks.length; i++) {
    const t = ctx.toks[i];
    if (!t || t.k !== Kind.Word) continue;
    const f = t.f;
    if ((tokenClass(l, t) & (WordClass.Hedge | WordClass.ConditionalEnding)) === 0) continue;
    if (l.hedgeAdverbs.has(f) || l.hedgeAdjectives.has(f)) {
      ctx.hedges.push({
        start: ctx.start(i),
        end: ctx.end(i + 1),
        text: t.t,
        kind: l.hedgeAdverbs.has(f) ? 'adverb' : 'adjective',
      });
      continue;
    }
    const ph = l.hedgePhrases.match(ctx.toks, i);
    if (ph) {
      ctx.hedges.push({
        start: ctx.start(i),
        end: ctx.end(ph.end),
        text: ctx.slice(i, ph.end),
        kind: 'phrase',
      });
      i = ph.end - 1;
      continue;
    }
    if (f.length < 6 || t.cap || !(f.endsWith('rait') || f.endsWith('raient'))) continue;
    if (l.conditionalModals.has(f) || f.endsWith('trait') || l.notConditional.has(f)) continue;
    if (ctx.quoteOf[i] !== -1) continue;
    const sid = ctx.sentOf[i] ?? 0;
    if (sid !== checkedSentence) {
      checkedSentence = sid;
      sentenceIsConditional = realConditional(ctx, i);
    }
    if (sentenceIsConditional || reportedClause(ctx, i)) continue;
    // "se seraient mis d'accord", "aurait fait": the auxiliary and its participle are the hedge.
    let end = i + 1;
    if ((f.startsWith('aur') || f.startsWith('ser')) && ctx.tok(end)?.k === Kind.Word) {
      const n = ctx.f(end);
      if (
        n.endsWith('e') ||
        n.endsWith('es') ||
        n.endsWith('is') ||
        n.endsWith('it') ||
        n.endsWith('u') ||
        n.endsWith('us') ||
        n.endsWith('i') ||
        n.endsWith('es') ||
        n.endsWith('ee') ||
        n.endsWith('ees')
      )
        end++;
    }
    const start = ctx.f(i - 1) === "s'" || ctx.f(i - 1) === 'se' ? i - 1 : i;
    ctx.hedges.push({
      start: ctx.start(start),
      end: ctx.end(end),
      text: ctx.slice(start, end),
      kind: 'conditional',
    });
    i = end - 1;
  }
}

export const hedgesFr: Detector = { id: 'hedges-fr', langs: ['fr'], detect };
