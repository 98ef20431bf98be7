// The subject of a speaker-first cue ("X a déclaré", "X said"), walking back from the verb group over
// clitics, appositions between commas and relative clauses, to the noun phrase or pronoun that speaks.
import type { BlockContext, SpeakerRef } from '../engine/context';
import { Kind } from '../text/tokens';
import { isNameToken, phraseBefore, startsNounPhrase } from './mentions';

const RELATIVE = new Set(['qui', 'who', 'which', 'that', 'dont', 'lequel', 'laquelle']);
const SKIP_CLITICS = new Set(['ne', "n'", 'lui', 'leur', 'y', 'en', 'me', "m'", 'te', "t'", 'nous', 'vous']);

function isPronoun(ctx: BlockContext, f: string): boolean {
  return ctx.lang === 'fr' ? ctx.lex.pronounsFr.has(f) : ctx.lex.pronounsEn.has(f);
}

/** The comma-delimited segment ending before token end: [start, end). */
function segmentBefore(ctx: BlockContext, end: number, sentStart: number): [number, number] {
  let a = end;
  while (a > sentStart && end - a < 20) {
    const t = ctx.tok(a - 1);
    if (!t || t.k === Kind.Quote || (t.k === Kind.Punct && ',;:!?—–'.includes(t.t))) break;
    a--;
  }
  return [a, end];
}

function hasName(ctx: BlockContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (isNameToken(ctx, k) || ctx.entityAt[k]) return true;
  return false;
}

/** "réélu en 2022", "arrested in Warsaw", "chargé des questions asiatiques": a participle opening a modifier. */
function participleLike(ctx: BlockContext, f: string): boolean {
  const l = ctx.lex;
  if (l.auxFr.has(f) || l.auxEn.has(f) || l.auxFrReflexive.has(f) || l.frFinite.has(f) || l.enFinite.has(f))
    return false;
  if (ctx.lang === 'en') return f.endsWith('ed') && f.length > 4;
  return (
    /(?:e|ee|es|ees|i|ie|is|u|ue|us)$/.test(f) && f.length > 3 && !l.determiners.has(f) && !l.roles.has(f)
  );
}

/** Does the phrase [a, ...) open its clause (sentence start, after a comma, a quote or a conjunction)? */
function opensClause(ctx: BlockContext, a: number): boolean {
  const [s] = ctx.sentenceOf(a);
  if (a <= s) return true;
  const p = ctx.tok(a - 1);
  if (!p) return true;
  return p.k === Kind.Punct || p.k === Kind.Quote || COORDINATORS.has(p.f) || ctx.lex.conjunctions.has(p.f);
}

function startsWithLinkOrPreposition(ctx: BlockContext, a: number): boolean {
  const f = ctx.f(a);
  const t = ctx.tok(a);
  // An apposed noun phrase starts with an article, a capital, a title or a number; anything else
  // ("réélu en 2022", "speaking on condition of anonymity", "who ...") modifies the subject.
  if (t && t.k === Kind.Word && !t.cap && participleLike(ctx, f)) return true;
  // "The ministry's statement, posted on Telegram, said": a past form before a preposition, even one that
  // also reports speech, opens a participle clause.
  if (t && !t.cap && ctx.lang === 'en' && f.length > 4 && f.endsWith('ed') && ctx.isPreposition(ctx.f(a + 1)))
    return true;
  return (
    RELATIVE.has(f) ||
    (ctx.isPreposition(f) && f !== 'de') ||
    ctx.lex.conjunctions.has(f) ||
    ctx.lex.frGerund.has(f) ||
    ctx.lex.enIng.has(f) ||
    (ctx.lang === 'en' && f.endsWith('ing') && f.length > 5) ||
    f.endsWith('ant')
  );
}

const PASSIVE_BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);
const COORDINATORS = new Set(['et', 'and', 'mais', 'but', 'puis', 'then']);
/** Time expressions that sit between a subject and its verb ("X just this month announced"). */
export const TEMPORAL = new Set([
  'today',
  'yesterday',
  'tonight',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'morning',
  'afternoon',
  'evening',
  'night',
  'week',
  'month',
  'year',
  'weekend',
  'this',
  'last',
  'next',
  'earlier',
  'later',
  'just',
  'also',
  'recently',
  'hier',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'matin',
  'soir',
  'midi',
  'apres-midi',
  "aujourd'hui",
  'mois',
  'semaine',
]);

export function subjectBefore(ctx: BlockContext, v: number, depth = 0): SpeakerRef | undefined {
  const [sentStart] = ctx.sentenceOf(v);
  let j = v;
  while (j > sentStart && (SKIP_CLITICS.has(ctx.f(j - 1)) || TEMPORAL.has(ctx.f(j - 1)))) j--;
  // A parenthesis after a name ("Sen. Claire McCaskill (D-Mo.) said") is skipped.
  if (ctx.isPunct(j - 1, ')')) {
    let k = j - 2;
    while (k > sentStart && j - k < 12 && !ctx.isPunct(k, '(')) k--;
    if (ctx.isPunct(k, '(')) {
      const [a, b] = phraseBefore(ctx, k);
      return b > a ? { kind: 'span', a, b } : undefined;
    }
  }
  if (j <= sentStart) return undefined;
  const prev = ctx.f(j - 1);
  // "Les talibans ont revendiqué l'attaque et ont assuré": the subject of the first verb speaks again.
  if (COORDINATORS.has(prev) && depth < 1) {
    // "Peskov told reporters that Moscow was open to talks, but stressed that ...": after a cue earlier in
    // the sentence, a verb with no subject of its own goes on with that cue's speaker, not with the subject
    // of the clause reported in between.
    const firstCue = ctx.firstCueOfSentence.get(ctx.sentOf[v] ?? 0);
    if (firstCue !== undefined && firstCue < j - 1) return { kind: 'previous-in-sentence' };
    const l = ctx.lex;
    for (let k = j - 2; k > sentStart && j - k < 30; k--) {
      const f = ctx.f(k);
      const t = ctx.tok(k);
      if (t?.k === Kind.Punct && (t.t === '.' || t.t === ';')) break;
      // "The Foreign Office summoned the ambassador and said": in English a regular past tense is the
      // first verb whatever its sense, unless a passive or an adjective ("was detained", "the revised").
      if (ctx.lang === 'en' && t?.k === Kind.Word && !t.cap && f.length > 4 && f.endsWith('ed')) {
        const before = ctx.f(k - 1);
        if (!PASSIVE_BE.has(before) && !l.determiners.has(before) && !l.auxEn.has(before))
          return subjectBefore(ctx, k, depth + 1);
      }
      let back = k - 1;
      while (
        back > sentStart &&
        (l.adverbsEn.has(ctx.f(back)) || l.adverbsFr.has(ctx.f(back)) || ctx.f(back).endsWith('ment'))
      )
        back--;
      // Each language's own verbs: the English article "a" is no French auxiliary.
      const en = ctx.lang === 'en';
      const fb = ctx.f(back);
      const afterAux = en ? l.auxEn.has(fb) : l.auxFr.has(fb) || l.auxFrReflexive.has(fb);
      const participle = (en ? l.enParticiple.has(f) : l.frParticiple.has(f)) && afterAux;
      if (
        (en ? l.auxEn.has(f) : l.auxFr.has(f) || l.auxFrReflexive.has(f)) ||
        ((en ? l.enFinite.has(f) : l.frFinite.has(f)) && !participle)
      ) {
        let s = k;
        while (
          s > sentStart &&
          (SKIP_CLITICS.has(ctx.f(s - 1)) || l.adverbsEn.has(ctx.f(s - 1)) || l.auxEn.has(ctx.f(s - 1)))
        )
          s--;
        // The first verb back is the one coordinated with this one: its subject or nothing.
        return subjectBefore(ctx, s, depth + 1);
      }
    }
    return undefined;
  }
  if (isPronoun(ctx, prev)) return { kind: 'pronoun', tok: j - 1 };
  // "X, qui a déclaré": the relative pronoun's antecedent speaks.
  if (RELATIVE.has(prev)) {
    j--;
    if (ctx.isPunct(j - 1, ',')) j--;
    const [a, b] = phraseBefore(ctx, j);
    return b > a ? { kind: 'span', a, b } : undefined;
  }
  if (ctx.isPunct(j - 1, ',')) {
    // "X, porte-parole de Y, a déclaré" / "le président russe, Vladimir Poutine, a dit" /
    // "Le ministre, lors d'une conférence, a déclaré".
    const [sa, sb] = segmentBefore(ctx, j - 1, sentStart);
    if (sb <= sa) return undefined;
    if (!ctx.isPunct(sa - 1, ',')) return undefined;
    const [pa, pb] = segmentBefore(ctx, sa - 1, sentStart);
    if (pb <= pa) return undefined;
    // "X, the chief of staff, who had been sidelined, reappeared": past the relative clause, the
    // apposition before it and its head.
    if (RELATIVE.has(ctx.f(sa)) && ctx.isPunct(pa - 1, ',') && depth < 2)
      return subjectBefore(ctx, sa, depth + 1);
    // The segment before is the subject when it opens its clause as a noun phrase ("Le représentant
    // permanent de la Russie auprès des Nations unies, Vassili Nebenzia, a affirmé").
    const whole = opensClause(ctx, pa) && startsNounPhrase(ctx, pa) && pb - pa <= 16;
    if (startsWithLinkOrPreposition(ctx, sa)) {
      const [a, b] = whole ? [pa, pb] : withModifiers(ctx, phraseBefore(ctx, pb));
      return b > a && opensClause(ctx, a) ? { kind: 'span', a, b, viaComma: true } : undefined;
    }
    // An apposition is a noun phrase; "..., est préoccupante, a estimé X" is a clause.
    if (!startsNounPhrase(ctx, sa)) return undefined;
    const [a, b] = whole ? [pa, pb] : phraseBefore(ctx, pb);
    if (b <= a || !opensClause(ctx, a)) return undefined;
    // The name is the speaker's own mention; the title beside it gives the role.
    if (hasName(ctx, sa, sb) && !hasName(ctx, a, b)) return { kind: 'span', a: sa, b: sb, appos: { a, b } };
    return { kind: 'span', a, b, appos: { a: sa, b: sb } };
  }
  const [a, b] = withModifiers(ctx, phraseBefore(ctx, j));
  if (b <= a) return undefined;
  return { kind: 'span', a, b };
}

/** Participles and adjectives that post-modify a source: "officials familiar with the matter",
 * "a witness reached by phone", "Three Western diplomats based in Kabul", "diplomates en poste à Kaboul". */
const PLACE_PREPS = new Set(['in', 'en', 'a', 'at']);
const MODIFIER_HEADS = new Set([
  'familiar',
  'close',
  'briefed',
  'reached',
  'based',
  'involved',
  'knowledgeable',
  'informed',
  'proche',
  'proches',
  'charge',
  'chargee',
  'speaking',
]);

function withModifiers(ctx: BlockContext, span: [number, number]): [number, number] {
  let a = span[0];
  const b = span[1];
  for (let round = 0; round < 2; round++) {
    let k = a - 1;
    const prep = ctx.f(k);
    if (!(ctx.isPreposition(prep) || prep === 'du' || prep === 'de' || prep === "d'")) break;
    k--;
    if (ctx.f(k) === 'poste' && ctx.f(k - 1) === 'en') k--;
    else if (
      PLACE_PREPS.has(prep) &&
      ctx.placeAt[a] &&
      (ctx.lex.roles.has(ctx.f(k)) || ctx.placeAt[k] || isNameToken(ctx, k))
    ) {
      // "The Russian embassy in London", "L'ambassade de Russie en France": the place belongs to it.
      const [pa, pb] = phraseBefore(ctx, k + 1);
      if (pb <= pa || pb !== k + 1) break;
      a = pa;
      continue;
    } else if (!MODIFIER_HEADS.has(ctx.f(k))) break;
    const [pa, pb] = phraseBefore(ctx, k);
    if (pb <= pa || pb !== k) break;
    a = pa;
  }
  return [a, b];
}
