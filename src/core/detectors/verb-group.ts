// Shared pieces of the verb-cue detectors: where a cue's phrase ends, whether a candidate is already
// there, and the relays and quotations that sit right beside a cue.
import type { BlockContext, SpeakerRef } from '../engine/context';
import { isNameToken, phraseAfter, phraseBefore, startsNounPhrase } from '../grammar/mentions';
import type { VerbForm } from '../lexicon';
import { fold } from '../text/fold';
import { Kind } from '../text/tokens';

export function overlapsCandidate(ctx: BlockContext, cs: number, ce: number): boolean {
  for (let k = cs; k < ce; k++) if (ctx.cueMask[k]) return true;
  return false;
}

/** Is token i a clause edge an incise can follow: a comma, a closing quote, a dash, a colon? */
export function afterClauseEdge(ctx: BlockContext, i: number): boolean {
  const t = ctx.tok(i - 1);
  if (!t) return true;
  if (t.k === Kind.Quote) return ctx.isCloseQuote(i - 1);
  return t.k === Kind.Punct && (t.t === ',' || t.t === '–' || t.t === '—' || t.t === '-' || t.t === ')');
}

/** The speaker after an inverted cue ("a déclaré le porte-parole ..., Dmitri Peskov, cité par"). */
const TIME_WORDS = new Set([
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'hier',
  "aujourd'hui",
  'matin',
  'soir',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'morning',
  'evening',
  'night',
  'afternoon',
  'today',
  'yesterday',
  'tonight',
  'encore',
  'aussi',
  'egalement',
  'ensuite',
  'enfin',
  'also',
  'later',
  'then',
  'again',
  'recently',
  'earlier',
  'notamment',
  'alors',
]);

/** A proper name that can only be a person's: two words or more, a known first name, or a known official. */
function personName(ctx: BlockContext, a: number, b: number): boolean {
  if (b - a >= 2) return true;
  if (ctx.lex.givenNames.has(ctx.f(a))) return true;
  const e = ctx.entityAt[a];
  return !!e && e.value.kind === 'official';
}

const MONTHS = new Set([
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** The end of a date phrase starting at token at ("ce 3 mars", "le 3 mars 2025", "ce lundi"), or at. */
function dateAt(ctx: BlockContext, at: number): number {
  let k = at;
  const f = ctx.f(k);
  if (f === 'ce' || f === 'cette' || f === 'le') k++;
  if (ctx.tok(k)?.k === Kind.Number && MONTHS.has(ctx.f(k + 1))) k += 2;
  else if (MONTHS.has(ctx.f(k)) && ctx.tok(k + 1)?.k === Kind.Number) k += 2;
  else if (k > at && TIME_WORDS.has(ctx.f(k))) k++;
  else return at;
  if (ctx.tok(k)?.k === Kind.Number && ctx.f(k).length === 4) k++;
  return k;
}

export function invertedSubject(ctx: BlockContext, at0: number): SpeakerRef | undefined {
  // "a indiqué mercredi le porte-parole", "said Thursday morning on Fox News".
  let at = at0;
  for (let round = 0; round < 3; round++) {
    while (TIME_WORDS.has(ctx.f(at)) && at - at0 < 4) at++;
    // A date: "ce 3 mars", "le 3 mars", "3 mars", "ce lundi", "March 3".
    const date = dateAt(ctx, at);
    if (date > at) {
      at = date;
      continue;
    }
    // "a confié à l'AFP une habitante", "a estimé sur BFMTV le président": the relay comes first.
    if (RELAY_TO.has(ctx.f(at)) || ctx.f(at) === 'sur' || ctx.f(at) === 'on') {
      const [a, b] = phraseAfter(ctx, at + 1, 8);
      if (b > a && isMediaPhrase(ctx, a, b)) {
        at = b;
        continue;
      }
    }
    // "a écrit sur Telegram le porte-parole", "a déclaré devant la presse le ministre": a short place or
    // channel phrase may sit between the verb and its subject.
    if (PLACE_PREPS.has(ctx.f(at))) {
      const [a, b] = phraseAfter(ctx, at + 1, 6);
      if (b > a && b - a <= 5 && startsNounPhrase(ctx, b) && ctx.lex.determiners.has(ctx.f(b))) {
        at = b;
        continue;
      }
    }
    break;
  }
  if (!startsNounPhrase(ctx, at)) return undefined;
  const f = ctx.f(at);
  if (f === 'que' || f === "qu'" || f === 'that') return undefined;
  const [a, b] = phraseAfter(ctx, at);
  if (b <= a) return undefined;
  // An apposed name between commas is the speaker's own mention.
  if (ctx.isPunct(b, ',') && isNameToken(ctx, b + 1)) {
    let e = b + 1;
    while (
      e < ctx.toks.length &&
      (isNameToken(ctx, e) ||
        (ctx.tok(e)?.k === Kind.Word &&
          ctx.tok(e + 1)?.cap &&
          ['de', 'al', 'bin', 'van', 'von'].includes(ctx.f(e))))
    )
      e++;
    const next = ctx.tok(e);
    if ((!next || next.nl || next.k === Kind.Punct) && personName(ctx, b + 1, e))
      return { kind: 'span', a: b + 1, b: e, appos: { a, b } };
  }
  return { kind: 'span', a, b };
}

/** The quotation right before an incise: «...», a-t-il dit / "...," he said. */
export function quoteBefore(ctx: BlockContext, cs: number): { a: number; b: number } | undefined {
  let k = cs - 1;
  if (ctx.isPunct(k, ',')) k--;
  const q = ctx.quoteClosedAt(k);
  if (q) return { a: q.open + 1, b: k };
  if (ctx.isPunct(cs - 1, ',')) {
    const [s] = ctx.sentenceOf(cs);
    if (cs - 1 > s) return { a: s, b: cs - 1 };
  }
  return undefined;
}

/** The statement after a speaker-first cue: «...», ': ...', 'que ...', 'that ...'. */
export function quoteAfter(ctx: BlockContext, ce: number): { a: number; b: number } | undefined {
  let k = ce;
  const [, sEnd] = ctx.sentenceOf(Math.max(0, ce - 1));
  if (ctx.isPunct(k, ':,')) k++;
  const q = ctx.quoteOpenedAt(k);
  if (q) return { a: k + 1, b: q.close };
  const f = ctx.f(k);
  if (f === 'que' || f === "qu'" || f === 'that') return k + 1 < sEnd ? { a: k + 1, b: sEnd } : undefined;
  return undefined;
}

const RELAY_TO = new Set(['a', 'au', 'aux', 'to', 'aupres']);
const PLACE_PREPS = new Set(['sur', 'dans', 'devant', 'depuis', 'lors', 'a', 'au', 'aux']);
/** "a déclaré à l'agence TASS", "told Reuters": the outlet the statement was given to. */
export function relayAfter(ctx: BlockContext, ce: number, direct: boolean): Array<{ a: number; b: number }> {
  let k = ce;
  while (TIME_WORDS.has(ctx.f(k)) && k - ce < 3) k++;
  if (!direct && ctx.f(k) === 'sur') {
    const [a, b] = phraseAfter(ctx, k + 1, 8);
    return b > a && isMediaPhrase(ctx, a, b) ? [{ a, b }] : [];
  }
  if (!direct) {
    if (!RELAY_TO.has(ctx.f(k))) return [];
    k++;
    if (ctx.f(k - 1) === 'aupres' && ctx.f(k) === 'de') k++;
  }
  const [a, b] = phraseAfter(ctx, k, 8);
  return b > a && isMediaPhrase(ctx, a, b) ? [{ a, b }] : [];
}

/** A phrase naming an outlet or a medium ("l'agence TASS", "la chaîne VTV", "Reuters"). */
export function isMediaPhrase(ctx: BlockContext, a: number, b: number): boolean {
  for (let m = a; m < b; m++) {
    const e = ctx.entityAt[m];
    if (e && e.value.kind === 'outlet') return true;
    const r = ctx.lex.roles.get(ctx.f(m));
    if (r && r.kind.startsWith('media') && ctx.f(m) !== 'agency' && ctx.f(m) !== 'agence') return true;
    if ((ctx.f(m) === 'agence' || ctx.f(m) === 'agency') && (ctx.tok(m + 1)?.cap || ctx.f(m + 1) === 'de'))
      return true;
  }
  return false;
}

/** Does the verb have its reporting sense here? "appeler à" but not "appeler la police", "condamner X à
 * cinq ans", "déclarer forfait", "tell off" (seeds/lexicon: requires, excludes, false friends). */
export function senseOk(ctx: BlockContext, form: VerbForm | undefined, lemma: string, ce: number): boolean {
  if (ctx.lex.falseFriends.get(fold(lemma))?.match(ctx.toks, ce)) return false;
  if (!form || (!form.requires && !form.excludes)) return true;
  const [, sEnd] = ctx.sentenceOf(Math.max(0, ce - 1));
  let found = false;
  for (let k = ce; k < sEnd && k - ce < 14; k++) {
    const t = ctx.tok(k);
    if (!t) break;
    if (t.k === Kind.Quote) {
      if (form.requires?.has(t.t)) found = true;
      continue;
    }
    // Words must be near: adjacent in English ("called for"), within five words in French ("appelé X à"),
    // or eight before an infinitive ("a appelé les habitants de plusieurs quartiers à évacuer").
    const near =
      ctx.lang === 'en'
        ? k === ce
        : k - ce < 5 || (k - ce < 8 && /(?:er|ir|re)$/.test(ctx.f(k + 1)) && !ctx.tok(k + 1)?.cap);
    if (near && form.requires?.has(t.f)) found = true;
    if (k - ce < 8 && form.excludes?.has(t.f) && ctx.quoteOf[k] === -1) return false;
  }
  return form.requires ? found : true;
}

/** An adverb inside a verb group: listed ones, and any "-ment" (French) or "-ly" (English) word. */
export function groupAdverb(ctx: BlockContext, k: number): boolean {
  const t = ctx.tok(k);
  if (!t || t.k !== Kind.Word || t.cap) return false;
  const f = t.f;
  if (ctx.lex.adverbsFr.has(f) || ctx.lex.adverbsEn.has(f)) return true;
  if (ctx.lang === 'fr') return f.length > 5 && f.endsWith('ment');
  return f.length > 4 && f.endsWith('ly') && !f.endsWith('ply');
}

/** "Ahmed al-Charaa, dit X, ...": a comma after a bare noun phrase opening the sentence is an apposition,
 * not the end of a reported clause. */
export function appositionComma(ctx: BlockContext, cs: number): boolean {
  if (!ctx.isPunct(cs - 1, ',')) return false;
  const [s] = ctx.sentenceOf(cs);
  const [a] = phraseBefore(ctx, cs - 1);
  return a === s;
}

export function insideClosedQuote(ctx: BlockContext, i: number): boolean {
  const q = ctx.quoteOf[i] ?? -1;
  if (q < 0) return false;
  const region = ctx.quotes[q];
  return !!region && region.close < ctx.toks.length && region.open >= 0;
}
