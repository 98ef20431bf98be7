// French speech verbs: "X a déclaré que", "X a notamment ajouté", "s'est dit préoccupé", "estime",
// "a fait savoir", and their inversions after a quotation or a clause ("a précisé la Défense russe",
// "précise le ministère").
import type { BlockContext, Candidate, SpeakerRef } from '../engine/context';
import type { VerbForm } from '../lexicon';
import { subjectBefore } from '../grammar/subject';
import { SOURCE_NOUNS } from '../grammar/mentions';
import { Kind } from '../text/tokens';
import { WordClass, tokenClass } from '../lexicon/word-class';
import type { Detector } from './types';
import { quoteSoon } from './en-speech-verbs';
import {
  afterClauseEdge,
  appositionComma,
  groupAdverb,
  insideClosedQuote,
  invertedSubject,
  overlapsCandidate,
  quoteAfter,
  quoteBefore,
  relayAfter,
  senseOk,
} from './verb-group';

// A complement clause, a quotation, or an infinitive ("annonce avoir récupéré", "dit être").
const COMPLEMENT = new Set([
  'que',
  "qu'",
  ':',
  '«',
  '“',
  '"',
  'avoir',
  'etre',
  'ne',
  "n'",
  'vouloir',
  'pouvoir',
  'devoir',
  'contre',
]);
const REFLEXIVE = new Set(["s'", 'se']);

const NEGATION = new Set(['pas', 'jamais', 'plus', 'guere']);

/** Is token i an adverb that may sit inside a compound tense ("a notamment ajouté", "a de son côté fait
 * état", "n'a pas exclu")? Looked up only around a verb, never over the whole text. */
class AdverbCheck {
  constructor(private readonly ctx: BlockContext) {}
  has(i: number): boolean {
    const ctx = this.ctx;
    const f = ctx.f(i);
    if (ctx.lex.adverbsFr.has(f) || NEGATION.has(f) || groupAdverb(ctx, i)) return true;
    // Multi-word adverbials end at i when one starts a few tokens before and covers it.
    for (let k = Math.max(0, i - 3); k <= i; k++) {
      const m = ctx.lex.adverbPhrasesFr.match(ctx.toks, k);
      if (m && m.end > i) return true;
    }
    return false;
  }
}

interface Group {
  cs: number;
  ce: number;
  lemma: string;
  form?: VerbForm;
  compound: boolean;
  ambiguous: boolean;
}

/** The verb group around the main verb at i, with its auxiliary and adverbs, if it is a cue. */
function groupAt(ctx: BlockContext, i: number, adv: AdverbCheck): Group | undefined {
  const l = ctx.lex;
  const f = ctx.f(i);
  let form: VerbForm | undefined;
  let ce = i + 1;
  let reflexiveNeeded = false;
  // Most words are no verb at all: three lookups decide before any other work.
  const phrases0 = l.frPhrases.get(f);
  if (!phrases0 && !l.frParticiple.has(f) && !l.frFinite.has(f)) return undefined;
  // Is the verb reflexive ("s'est dit", "se félicite")? Only then do reflexive phrases apply.
  let back = i - 1;
  while (back >= 0 && i - back < 6 && adv.has(back)) back--;
  const reflexive =
    REFLEXIVE.has(ctx.f(i - 1)) || (l.auxFrReflexive.has(ctx.f(back)) && REFLEXIVE.has(ctx.f(back - 1)));
  const phrases = l.frPhrases.get(f);
  if (phrases) {
    for (const p of phrases) {
      if (p.reflexive !== reflexive) continue;
      let k = i + 1;
      let ok = true;
      for (const w of p.tail) {
        // "s'est dit « très préoccupé »": the adjective may sit in a quotation.
        if (w === '*' && ctx.isOpenQuote(k)) k++;
        const t = ctx.tok(k);
        if (!t || t.k !== Kind.Word) {
          ok = false;
          break;
        }
        if ((w === '*' || w === '+verb') && (ctx.isPreposition(t.f) || l.determiners.has(t.f))) {
          ok = false;
          break;
        }
        if (w === '*' || w === '+verb' || t.f === w) k++;
        else {
          ok = false;
          break;
        }
      }
      if (ok) {
        form = { lemma: p.lemma, ambiguous: false };
        ce = k;
        reflexiveNeeded = p.reflexive;
        break;
      }
    }
  }
  const participle = l.frParticiple.get(f);
  const finite = l.frFinite.get(f);
  if (!form && !participle && !finite) return undefined;
  // Walk back over adverbs to an auxiliary.
  let k = i - 1;
  while (k >= 0 && i - k < 6 && adv.has(k)) k--;
  const aux = ctx.f(k);
  const tokAux = ctx.tok(k);
  if (tokAux && tokAux.t.includes('-')) return undefined; // "a-t-il ajouté": the inversion detector's
  if (l.auxFr.has(aux) && (participle || form)) {
    if (reflexiveNeeded) return undefined;
    return { cs: k, ce, lemma: (form ?? participle)?.lemma ?? f, compound: true, ambiguous: false };
  }
  // "a réapparu mardi et affirmé que": a participle sharing the auxiliary of the verb before "et".
  if ((aux === 'et' || aux === 'puis') && participle && sharedAuxiliary(ctx, k)) {
    if (reflexiveNeeded) return undefined;
    return { cs: i, ce, lemma: (form ?? participle)?.lemma ?? f, compound: true, ambiguous: false };
  }
  if (l.auxFrReflexive.has(aux) && REFLEXIVE.has(ctx.f(k - 1)) && form) {
    return { cs: k - 1, ce, lemma: (form ?? participle)?.lemma ?? f, compound: true, ambiguous: false };
  }
  if (REFLEXIVE.has(ctx.f(i - 1)) && form) {
    return { cs: i - 1, ce, lemma: (form ?? finite)?.lemma ?? f, compound: false, ambiguous: false };
  }
  if (reflexiveNeeded) return undefined;
  // "l'offensive se poursuivait", "la réunion s'est poursuivie": a reflexive that is not one of the
  // reflexive verbs of saying reports nothing.
  if (REFLEXIVE.has(ctx.f(i - 1)) && !form) return undefined;
  if (form && !participle && f !== 'fait')
    return { cs: i, ce, lemma: form.lemma, compound: false, ambiguous: false };
  // "dénoncé" folds like "dénonce": the written accent says participle, and a participle needs its auxiliary.
  const written = ctx.tok(i)?.t.toLowerCase() ?? '';
  const participleWritten = /(?:é|ée|és|ées)$/.test(written);
  if (finite && !participleWritten)
    return { cs: i, ce, lemma: finite.lemma, compound: false, ambiguous: finite.ambiguous };
  if (form && f === 'fait') return { cs: i, ce, lemma: form.lemma, compound: false, ambiguous: false };
  return undefined;
}

/** Does an auxiliary and its participle open the clause coordinated before token `et` ("a réapparu mardi
 * et ...")? Only words stand between them: no comma, no quotation. */
function sharedAuxiliary(ctx: BlockContext, et: number): boolean {
  const [s] = ctx.sentenceOf(et);
  for (let k = et - 1; k >= s && et - k < 8; k--) {
    const t = ctx.tok(k);
    if (!t || t.k !== Kind.Word) return false;
    if (ctx.lex.auxFr.has(t.f)) return /(?:é|ée|és|ées|i|is|ie|u|us|ue|t)$/.test(ctx.tok(k + 1)?.t ?? '');
  }
  return false;
}

function detect(ctx: BlockContext): void {
  const adv = new AdverbCheck(ctx);
  const l = ctx.lex;
  for (let i = 0; i < ctx.toks.length; i++) {
    const t = ctx.toks[i];
    if (!t || t.k !== Kind.Word) continue;
    // Most words are no verb and no "et de": one lookup skips them.
    if ((tokenClass(l, t) & WordClass.FrVerbHead) === 0 && t.f !== "d'" && t.f !== 'de') continue;
    // A capitalised word in mid-sentence is a name, not a verb ("Note").
    if (t.cap && ctx.sentenceOf(i)[0] !== i) continue;
    // "..., précisant que", "en dénonçant": continues the cue before it in the sentence.
    const gerund = l.frGerund.get(t.f);
    if (gerund && (ctx.isPunct(i - 1, ',') || ctx.f(i - 1) === 'en') && !overlapsCandidate(ctx, i, i + 1)) {
      const first = ctx.firstCueOfSentence.get(ctx.sentOf[i] ?? 0);
      if (first !== undefined && first < i) {
        const cs = ctx.f(i - 1) === 'en' ? i - 1 : i;
        ctx.addCandidate({
          cs,
          ce: i + 1,
          kind: 'speech-verb',
          lemma: gerund.lemma,
          ref: { kind: 'previous-in-sentence' },
          via: [],
        });
        continue;
      }
    }
    if (insideClosedQuote(ctx, i)) continue;
    // "Et d'ajouter : « ... »": the narrative infinitive continues the last speaker.
    if ((t.f === "d'" || t.f === 'de') && ctx.f(i - 1) === 'et' && ctx.sentenceOf(i)[0] >= i - 2) {
      const inf = l.frInfinitive.get(ctx.f(i + 1));
      if (inf && !overlapsCandidate(ctx, i - 1, i + 2)) {
        ctx.addCandidate({
          cs: i - 1,
          ce: i + 2,
          kind: 'speech-verb',
          lemma: inf.lemma,
          ref: { kind: 'pronoun', tok: -1 },
          via: [],
        });
        i += 1;
        continue;
      }
    }
    const g = groupAt(ctx, i, adv);
    if (!g || overlapsCandidate(ctx, g.cs, g.ce)) continue;
    if (!senseOk(ctx, l.frParticiple.get(t.f) ?? l.frFinite.get(t.f), g.lemma, g.ce)) continue;
    // "n'a pas exclu": the negation's "ne" belongs to the group.
    if ((ctx.f(g.cs - 1) === "n'" || ctx.f(g.cs - 1) === 'ne') && g.compound) g.cs--;
    const prev = ctx.f(g.cs - 1);
    // "l'annonce", "la note", "une date précise": a determiner or noun before a finite form makes it a noun.
    if (!g.compound && (l.determiners.has(prev) || prev === "l'")) continue;
    let ref: SpeakerRef | undefined;
    let quote: Candidate['quote'];
    let kind: Candidate['kind'] = 'speech-verb';
    // "X, porte-parole de Y, a condamné Z" is speaker-first: an apposition or a relative clause before the
    // comma, not a reported clause.
    const commaSubject = ctx.isPunct(g.cs - 1, ',') ? subjectBefore(ctx, g.cs) : undefined;
    const apposed = commaSubject?.kind === 'span' && (commaSubject.appos || commaSubject.viaComma);
    if (apposed) ref = commaSubject;
    else if (
      (afterClauseEdge(ctx, g.cs) && !appositionComma(ctx, g.cs)) ||
      g.cs === ctx.sentenceOf(g.cs)[0]
    ) {
      ref = invertedSubject(ctx, g.ce);
      if (ref) {
        kind = 'inverted';
        quote = quoteBefore(ctx, g.cs);
      }
    }
    if (!ref) {
      ref = subjectBefore(ctx, g.cs);
      if (!ref) continue;
      if (g.ambiguous || !g.compound) {
        // A finite form needs a subject that can speak, or a complement clause after it.
        let after = g.ce;
        if (ctx.isPunct(after, ',')) {
          let k = after + 1;
          while (k < ctx.toks.length && k - after < 14 && !ctx.isPunct(k, ',.')) k++;
          if (ctx.isPunct(k, ',')) after = k + 1;
        }
        const next = ctx.tok(after);
        const complement =
          quoteSoon(ctx, g.ce) ||
          (!!next && (COMPLEMENT.has(next.t.toLowerCase()) || COMPLEMENT.has(next.f)));
        // "relève d'une présentation", "X dénonce les sanctions": without a clause it reports nothing.
        if (!complement && !g.compound) continue;
        if (!complement && ref.kind === 'span' && !speakerLike(ctx, ref.a, ref.b)) continue;
      }
      quote = quoteAfter(ctx, g.ce) ?? quoteBefore(ctx, ref.kind === 'span' ? ref.a : g.cs);
    }
    const cand: Candidate = {
      cs: g.cs,
      ce: g.ce,
      kind,
      lemma: g.lemma,
      ref,
      via: relayAfter(ctx, g.ce, false),
    };
    // "a déclaré le Premier ministre belge à la RTBF": after an inverted subject, the relay follows it.
    if (kind === 'inverted' && ref.kind === 'span' && cand.via.length === 0)
      cand.via = relayAfter(ctx, ref.b, false);
    if (quote) cand.quote = quote;
    ctx.addCandidate(cand);
    i = g.ce - 1;
  }
}

/** A phrase that names someone or something that speaks: a name, a title, an institution, a pronoun. */
export function speakerLike(ctx: BlockContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = ctx.tok(k);
    if (!t) continue;
    if (t.cap || ctx.lex.roles.has(t.f) || ctx.entityAt[k] || ctx.placeAt[k] || SOURCE_NOUNS.has(t.f))
      return true;
    if (ctx.lex.pronounsFr.has(t.f) || ctx.lex.pronounsEn.has(t.f)) return true;
    if (ctx.lex.adjectives.has(t.f)) return true;
  }
  return false;
}

export const frSpeechVerbs: Detector = { id: 'fr-speech-verbs', langs: ['fr'], detect };
