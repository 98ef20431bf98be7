// English sourcing phrases: "according to X" (not "according to plan"), "citing X", and
// "quoted X as saying" (X speaks; the subject relays).
import type { BlockContext, Candidate, SpeakerRef } from '../engine/context';
import { phraseAfter, phraseBefore } from '../grammar/mentions';
import { Kind } from '../text/tokens';
import { sentenceSubject } from './en-speech-verbs';
import { sourcePhrase } from './source-phrase';
import type { Detector } from './types';
import { overlapsCandidate } from './verb-group';
import { speakerLike } from './fr-speech-verbs';

function sourceAfter(ctx: BlockContext, at: number): SpeakerRef | undefined {
  const f = ctx.f(at);
  if (f === 'him' || f === 'her' || f === 'them') return { kind: 'pronoun', tok: at };
  const [a, b] = phraseAfter(ctx, at);
  return sourcePhrase(ctx, a, b);
}

function push(ctx: BlockContext, cand: Candidate): void {
  if (overlapsCandidate(ctx, cand.cs, cand.ce)) return;
  ctx.addCandidate(cand);
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them']);

function detect(ctx: BlockContext): void {
  for (let i = 0; i < ctx.toks.length; i++) {
    const f = ctx.f(i);
    if (f === 'according' && ctx.f(i + 1) === 'to') {
      if (ctx.lex.falseFriends.get('according to')?.match(ctx.toks, i + 2)) continue;
      const ref = sourceAfter(ctx, i + 2);
      const [s, e] = ctx.sentenceOf(i);
      if (ref)
        push(ctx, {
          cs: i,
          ce: i + 2,
          kind: 'preposition',
          lemma: 'according to',
          ref,
          via: [],
          quote: { a: s, b: e },
        });
    } else if (f === 'citing' && (ctx.isPunct(i - 1, ',') || i === ctx.sentenceOf(i)[0])) {
      // "..., citing people familiar with the matter": they are the source. "citing a threat to public
      // health" cites no one: the sentence's subject speaks.
      const first = ctx.firstCueOfSentence.get(ctx.sentOf[i] ?? 0);
      const [a, b] = phraseAfter(ctx, i + 1);
      const ref: SpeakerRef | undefined =
        b > a && speakerLike(ctx, a, b)
          ? { kind: 'span', a, b }
          : first !== undefined && first < i
            ? { kind: 'previous-in-sentence' }
            : sentenceSubject(ctx, i);
      if (ref) push(ctx, { cs: i, ce: i + 1, kind: 'preposition', lemma: 'cite', ref, via: [] });
    } else if (f === 'quoted' && ctx.tok(i + 1)?.k === Kind.Word) {
      // "The agency quoted Lavrov as saying": Lavrov speaks, the agency relays.
      let k = i + 1;
      while (k < ctx.toks.length && k - i < 12 && ctx.f(k) !== 'as') k++;
      if (ctx.f(k) !== 'as' || ctx.f(k + 1) !== 'saying' || k === i + 1) continue;
      const [a, b] = phraseAfter(ctx, i + 1);
      if (b <= a) continue;
      const [va, vb] = phraseBefore(ctx, i);
      // "..., BelTA quoted him as saying": the pronoun stands for the speaker before it.
      const pronoun = Math.min(b, k) === a + 1 && OBJECT_PRONOUNS.has(ctx.f(a));
      push(ctx, {
        cs: i,
        ce: i + 1,
        kind: 'relay',
        lemma: 'quote',
        ref: pronoun ? { kind: 'pronoun', tok: a } : { kind: 'span', a, b: Math.min(b, k) },
        via: vb > va ? [{ a: va, b: vb }] : [],
      });
    }
  }
}

export const enPrepositions: Detector = { id: 'en-prepositions', langs: ['en'], detect };
