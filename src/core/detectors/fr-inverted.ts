// French inversions with a subject pronoun: "a-t-il ajouté", "a-t-elle notamment précisé",
// "précise-t-il", "dit-elle", "a-t-on appris de source militaire".
import type { BlockContext, Candidate, SpeakerRef } from '../engine/context';
import { CIRCLES, phraseAfter } from '../grammar/mentions';
import { Kind } from '../text/tokens';
import type { Detector } from './types';
import { overlapsCandidate, quoteBefore, relayAfter } from './verb-group';

const SUFFIX = /^(.+?)-(?:t-)?(il|elle|ils|elles|on)$/;

function detect(ctx: BlockContext): void {
  const l = ctx.lex;
  for (let i = 0; i < ctx.toks.length; i++) {
    const t = ctx.toks[i];
    if (!t || t.k !== Kind.Word || t.f.length > 24 || !t.f.includes('-')) continue;
    const m = SUFFIX.exec(t.f);
    if (!m) continue;
    const stem = m[1] as string;
    const pronoun = m[2] as string;
    let ce = i + 1;
    let lemma: string | undefined;
    if (l.auxFr.has(stem)) {
      // The participle may follow adverbs: "a-t-il notamment ajouté".
      let k = i + 1;
      while (
        k < ctx.toks.length &&
        k - i < 5 &&
        (l.adverbsFr.has(ctx.f(k)) || l.adverbPhrasesFr.match(ctx.toks, k))
      ) {
        const ph = l.adverbPhrasesFr.match(ctx.toks, k);
        k = ph ? ph.end : k + 1;
      }
      const f = ctx.f(k);
      const part = l.frParticiple.get(f);
      const phrase = l.frPhrases
        .get(f)
        ?.find(
          (p) => !p.reflexive && p.tail.every((w, n) => w === '*' || w === '+verb' || ctx.f(k + 1 + n) === w),
        );
      if (phrase) {
        lemma = phrase.lemma;
        ce = k + 1 + phrase.tail.length;
      } else if (part) {
        lemma = part.lemma;
        ce = k + 1;
      } else if (pronoun === 'on' && f === 'appris') {
        lemma = 'apprendre';
        ce = k + 1;
      } else continue;
    } else {
      const fin = l.frFinite.get(stem);
      if (!fin) continue;
      lemma = fin.lemma;
    }
    if (overlapsCandidate(ctx, i, ce)) continue;
    let ref: SpeakerRef = { kind: 'pronoun', tok: i };
    if (pronoun === 'on') {
      // "a-t-on appris de source militaire / auprès du ministère / du parquet", "indique-t-on à la présidence".
      const p = ctx.f(ce);
      const n = ctx.f(ce + 1);
      let from = -1;
      if (p === 'aupres') from = n === 'du' || n === 'des' ? ce + 1 : ce + 2;
      else if (p === 'de' || p === "d'" || p === 'a' || p === 'au' || p === 'aux') from = ce + 1;
      else if (p === 'du' || p === 'des') from = ce;
      // "dit-on dans son entourage", "assure-t-on dans l'entourage du ministre": the circle, unnamed.
      const circle = p === 'dans' && CIRCLES.has(ctx.f(ce + 2));
      if (circle) from = ce + 1;
      const [a, b] = from >= 0 ? phraseAfter(ctx, from) : [ce, ce];
      ref =
        b > a
          ? circle || ctx.f(a).startsWith('source')
            ? { kind: 'unnamed', a, b }
            : { kind: 'span', a, b }
          : { kind: 'unnamed', a: i, b: i + 1 };
      if (b > a && !circle) ce = Math.min(b, ce + 2);
    }
    const cand: Candidate = { cs: i, ce, kind: 'inverted', lemma, ref, via: relayAfter(ctx, ce, false) };
    const q = quoteBefore(ctx, i);
    if (q) cand.quote = q;
    ctx.addCandidate(cand);
    i = ce - 1;
  }
}

export const frInverted: Detector = { id: 'fr-inverted', langs: ['fr'], detect };
