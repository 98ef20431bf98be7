// French sourcing prepositions: "selon X", "d'après X", "aux dires de X", "de source diplomatique",
// "à en croire X", and "Pour le Kremlin, ..." at the head of a sentence. False friends ("selon les
// cas", "selon que", "d'après un roman") are data in seeds/lexicon/false-friends.json.
import type { BlockContext, Candidate, SpeakerRef } from '../engine/context';
import { isNameToken, phraseAfter } from '../grammar/mentions';
import { sourcePhrase } from './source-phrase';
import type { Detector } from './types';
import { overlapsCandidate } from './verb-group';

const PRONOUN_OBJECTS = new Set(['lui', 'elle', 'eux', 'elles']);

/** What a newsroom calls its own reporting: "selon nos informations", "d'après nos confrères". */
const NEWSROOM = new Set([
  'informations',
  'sources',
  'confreres',
  'journalistes',
  'correspondants',
  'correspondant',
  'envoye',
  'envoyee',
  'envoyes',
  'reporters',
  'calculs',
  'constatations',
]);

function sourceAfter(ctx: BlockContext, at: number): SpeakerRef | undefined {
  if (PRONOUN_OBJECTS.has(ctx.f(at))) return { kind: 'pronoun', tok: at };
  if ((ctx.f(at) === 'nos' || ctx.f(at) === 'notre') && NEWSROOM.has(ctx.f(at + 1))) {
    // "selon nos sources" are the newsroom's unnamed sources; the rest is the newsroom itself.
    const b = ctx.f(at + 2) === 'speciaux' || ctx.f(at + 2) === 'special' ? at + 3 : at + 2;
    return ctx.f(at + 1) === 'sources' ? { kind: 'unnamed', a: at, b } : { kind: 'newsroom', a: at, b };
  }
  const [a, b] = phraseAfter(ctx, at);
  return sourcePhrase(ctx, a, b);
}

function falseFriend(ctx: BlockContext, trigger: string, at: number): boolean {
  return !!ctx.lex.falseFriends.get(trigger)?.match(ctx.toks, at);
}

function push(ctx: BlockContext, cs: number, ce: number, lemma: string, ref: SpeakerRef): void {
  if (overlapsCandidate(ctx, cs, ce)) return;
  const [s, e] = ctx.sentenceOf(cs);
  const cand: Candidate = { cs, ce, kind: 'preposition', lemma, ref, via: [], quote: { a: s, b: e } };
  ctx.addCandidate(cand);
}

function detect(ctx: BlockContext): void {
  for (let i = 0; i < ctx.toks.length; i++) {
    const f = ctx.f(i);
    if (f === 'selon') {
      if (falseFriend(ctx, 'selon', i + 1)) continue;
      const ref = sourceAfter(ctx, i + 1);
      if (ref) push(ctx, i, i + 1, 'selon', ref);
    } else if (f === "d'" && ctx.f(i + 1) === 'apres') {
      if (falseFriend(ctx, "d'apres", i + 2)) continue;
      const ref = sourceAfter(ctx, i + 2);
      if (ref) push(ctx, i, i + 2, "d'après", ref);
    } else if (f === 'aux' && ctx.f(i + 1) === 'dires') {
      let k = i + 2;
      if (ctx.f(k) === 'de' || ctx.f(k) === "d'") k++;
      const ref = sourceAfter(ctx, k);
      if (ref) push(ctx, i, k, 'aux dires de', ref);
    } else if (f === 'a' && ctx.f(i + 1) === 'en' && ctx.f(i + 2) === 'croire') {
      const ref = sourceAfter(ctx, i + 3);
      if (ref) push(ctx, i, i + 3, 'à en croire', ref);
    } else if ((f === 'de' || f === "d'") && (ctx.f(i + 1) === 'source' || ctx.f(i + 1) === 'sources')) {
      // "de source diplomatique", "de sources concordantes": a vague source, unless a verb cue owns it.
      if (ctx.cueMask[i - 1] || ctx.cueMask[i] || ctx.cueMask[i + 1]) continue;
      const [a, b] = phraseAfter(ctx, i + 1);
      if (b - a >= 2) push(ctx, i, Math.min(b, i + 3), 'de source', { kind: 'unnamed', a, b });
    } else if (f === 'pour' && (ctx.sentenceOf(i)[0] === i || ctx.isPunct(i - 1, ','))) {
      // "Pour le Kremlin, ...": only a government, an institution or a named person, then a comma.
      const [a, b] = phraseAfter(ctx, i + 1, 8);
      if (b <= a || !ctx.isPunct(b, ',')) continue;
      let speaks = false;
      for (let k = a; k < b; k++) {
        const r = ctx.lex.roles.get(ctx.f(k));
        if (
          ctx.placeAt[k] ||
          ctx.entityAt[k] ||
          isNameToken(ctx, k) ||
          (r && r.kind !== 'unnamed' && k === a + 1)
        )
          speaks = true;
      }
      if (speaks) push(ctx, i, i + 1, 'pour', { kind: 'span', a, b });
    }
  }
}

export const frPrepositions: Detector = { id: 'fr-prepositions', langs: ['fr'], detect };
