// The lexicon's word classes as bits, per folded word: the noun-phrase grammar asks "function word?",
// "verb?", "title?" of the same few thousand words again and again, so one Map read answers them all
// instead of a dozen Set lookups each time.
import type { Lexicon } from './index';
import type { Token } from '../text/tokens';

export const enum WordClass {
  Determiner = 1,
  PrepositionFr = 2,
  PrepositionEn = 4,
  Conjunction = 8,
  PronounFr = 16,
  PronounEn = 32,
  AuxFr = 64,
  AuxEn = 128,
  AuxFrReflexive = 256,
  /** Any form of a speech verb: finite, participle, gerund, -ing. */
  Verb = 512,
  Role = 1024,
  Portfolio = 2048,
  Adjective = 4096,
  /** Can head a French speech-verb group: a verb form or the first word of a verbal phrase. */
  FrVerbHead = 8192,
  /** A form of an English speech verb (finite, base, participle, -ing). */
  EnVerbForm = 16384,
  /** A hedge word, or the first word of a hedging phrase ("reportedly", "présumé", "is said to"). */
  Hedge = 32768,
  /** Ends like a French conditional ("aurait", "seraient"): a hedge unless the sentence says otherwise. */
  ConditionalEnding = 65536,
}

let classesOf: Lexicon | undefined;
let classes = new Map<string, number>();
/** Bounded, so a text of endless distinct words cannot grow it without end. */
const MAX_WORDS = 50_000;

function compute(l: Lexicon, f: string): number {
  let c = 0;
  if (l.determiners.has(f)) c |= WordClass.Determiner;
  if (l.prepositionsFr.has(f)) c |= WordClass.PrepositionFr;
  if (l.prepositionsEn.has(f)) c |= WordClass.PrepositionEn;
  if (l.conjunctions.has(f)) c |= WordClass.Conjunction;
  if (l.pronounsFr.has(f)) c |= WordClass.PronounFr;
  if (l.pronounsEn.has(f)) c |= WordClass.PronounEn;
  if (l.auxFr.has(f)) c |= WordClass.AuxFr;
  if (l.auxEn.has(f)) c |= WordClass.AuxEn;
  if (l.auxFrReflexive.has(f)) c |= WordClass.AuxFrReflexive;
  if (
    l.frFinite.has(f) ||
    l.frParticiple.has(f) ||
    l.frGerund.has(f) ||
    l.enFinite.has(f) ||
    l.enIng.has(f) ||
    l.enParticiple.has(f)
  )
    c |= WordClass.Verb;
  if (l.roles.has(f)) c |= WordClass.Role;
  if (l.portfolios.has(f)) c |= WordClass.Portfolio;
  if (l.adjectives.has(f)) c |= WordClass.Adjective;
  if (l.frPhrases.has(f) || l.frParticiple.has(f) || l.frFinite.has(f) || l.frGerund.has(f))
    c |= WordClass.FrVerbHead;
  if (l.enFinite.has(f) || l.enParticiple.has(f) || l.enBase.has(f) || l.enIng.has(f))
    c |= WordClass.EnVerbForm;
  if (l.hedgeAdverbs.has(f) || l.hedgeAdjectives.has(f) || l.hedgePhrases.has(f)) c |= WordClass.Hedge;
  if (f.length >= 6 && (f.endsWith('rait') || f.endsWith('raient'))) c |= WordClass.ConditionalEnding;
  return c;
}

/** The classes of a folded word in this lexicon. */
export function wordClass(l: Lexicon, f: string): number {
  if (classesOf !== l) {
    classesOf = l;
    classes = new Map();
  }
  let c = classes.get(f);
  if (c === undefined) {
    c = compute(l, f);
    if (classes.size >= MAX_WORDS) classes.clear();
    classes.set(f, c);
  }
  return c;
}

/** The classes of a token's word, memoised on its spelling's shape: one property read after the first. */
export function tokenClass(l: Lexicon, t: Token): number {
  const w = t.w;
  if (w.classesOf === l) return w.classes;
  const c = wordClass(l, t.f);
  w.classes = c;
  w.classesOf = l;
  return c;
}
