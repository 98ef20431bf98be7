// English reporting verbs: "X said", "X has said", "said X" after a quotation, "X told Reuters",
// "X wrote", "X tweeted", "is saying", the passive with its agent ("was first reported by The
// Washington Post"), and the participle that continues a cue ("..., adding that").
import type { BlockContext, Candidate, SpeakerRef } from '../engine/context';
import { phraseAfter } from '../grammar/mentions';
import { subjectBefore, TEMPORAL } from '../grammar/subject';
import { Kind } from '../text/tokens';
import { WordClass, tokenClass } from '../lexicon/word-class';
import { speakerLike } from './fr-speech-verbs';
import type { Detector } from './types';
import {
  groupAdverb,
  insideClosedQuote,
  invertedSubject,
  overlapsCandidate,
  quoteAfter,
  quoteBefore,
  relayAfter,
  senseOk,
} from './verb-group';

/** Reporting verbs whose past form is also an adjective before a noun ("reported cases", "stated goals"). */
const NOUN_LIKE_PAST = new Set([
  'report',
  'state',
  'note',
  'claim',
  'estimate',
  'cite',
  'quote',
  'call',
  'post',
  'allege',
  'promise',
  'post',
]);
/** Verbs of criticism whose other senses are physical ("slammed the door"): they report only with "as",
 * "for" or a quotation after them. */
const CRITICISM = new Set(['slam', 'blast']);
const COMPLEMENT = new Set(['that', ':', 'he', 'she', 'they', 'it', 'i', 'we', 'against', 'of', 'about']);
const MODALS = new Set([
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'should',
  'must',
  'shall',
  "'ll",
  "'d",
  'to',
]);
const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", "'re"]);
const INVERTED_PRONOUNS = new Set(['he', 'she', 'they']);
const CAUSATIVES = new Set(['let', 'make', 'made', 'hear', 'heard', 'see', 'saw', 'watch', 'help', 'have']);
const PLURAL_PRONOUNS = new Set(['they', 'we', 'i', 'you']);

const AS = new Set(['as']);
const AS_FOR = new Set(['as', 'for']);

/** Where one of `words` (or, with `quote`, a quotation mark) stands within `limit` tokens after the verb at
 * i, before any punctuation; -1 when none does. */
function markerAhead(
  ctx: BlockContext,
  i: number,
  words: ReadonlySet<string>,
  limit: number,
  quote: boolean,
): number {
  for (let k = i + 1; k < i + limit; k++) {
    if (words.has(ctx.f(k)) || (quote && ctx.tok(k)?.k === Kind.Quote)) return k;
    if (ctx.isPunct(k)) return -1;
  }
  return words.has(ctx.f(i + limit)) || (quote && ctx.tok(i + limit)?.k === Kind.Quote) ? i + limit : -1;
}

/** "posted on X that", "wrote on Telegram:": a platform between the verb and its reported clause. */
function clauseAfterPlatform(ctx: BlockContext, ce: number): boolean {
  if (ctx.f(ce) !== 'on') return false;
  for (let k = ce + 1; k < ce + 6; k++) {
    const t = ctx.tok(k);
    if (!t) return false;
    if (t.f === 'that' || t.t === ':' || t.k === Kind.Quote) return true;
    if (t.k === Kind.Punct) return false;
  }
  return false;
}

/** A quotation opens within a few words: 'denounced a "criminal blockade"'. */
export function quoteSoon(ctx: BlockContext, ce: number): boolean {
  for (let k = ce; k < ce + 4; k++) {
    if (ctx.isOpenQuote(k)) return true;
    if (ctx.isPunct(k, '.;')) return false;
  }
  return false;
}

/** "People close to the president insist": a plural head with its modifiers before a base form. */
function pluralHead(ctx: BlockContext, cs: number): boolean {
  const ref = subjectBefore(ctx, cs);
  if (ref?.kind !== 'span' || ref.b - ref.a < 2) return false;
  let k = ref.a;
  while (k < ref.b - 1 && (ctx.lex.determiners.has(ctx.f(k)) || ctx.tok(k)?.k === Kind.Number)) k++;
  const head = ctx.f(k);
  return head === 'people' || /[^s']s$/.test(head);
}

/** "..." said X / "...," said X: right after a quotation. */
function afterQuote(ctx: BlockContext, cs: number): boolean {
  return ctx.isCloseQuote(cs - 1) || (ctx.isPunct(cs - 1, ',') && ctx.isCloseQuote(cs - 2));
}

/** The subject at the head of the sentence, past an opening adverbial clause. */
export function sentenceSubject(ctx: BlockContext, i: number): SpeakerRef | undefined {
  const [s] = ctx.sentenceOf(i);
  let k = s;
  while (ctx.tok(k)?.k === Kind.Quote) k++;
  const f = ctx.f(k);
  if (ctx.isPreposition(f) || ctx.lex.conjunctions.has(f)) {
    while (k < i && k - s < 25 && !ctx.isPunct(k, ',')) k++;
    k++;
  }
  if (k >= i) return undefined;
  const [a, b] = phraseAfter(ctx, k);
  if (b <= a || b > i || !speakerLike(ctx, a, b)) return undefined;
  return { kind: 'span', a, b };
}

function detect(ctx: BlockContext): void {
  const l = ctx.lex;
  for (let i = 0; i < ctx.toks.length; i++) {
    const t = ctx.toks[i];
    if (!t || t.k !== Kind.Word) continue;
    // Most words are no speech verb: one lookup skips them.
    if ((tokenClass(l, t) & WordClass.EnVerbForm) === 0) continue;
    if (t.cap && ctx.sentenceOf(i)[0] !== i) continue;
    const f = t.f;
    const finite = l.enFinite.get(f);
    const participle = l.enParticiple.get(f);
    const base = l.enBase.get(f);
    const ing = l.enIng.get(f);
    if (!finite && !participle && !base && !ing) continue;
    if (insideClosedQuote(ctx, i)) continue;
    // Walk back over adverbs, time words and auxiliaries: "has also said", "just this month announced".
    let cs = i;
    let sawAux = false;
    let modal = false;
    let be = -1;
    while (cs > 0 && i - cs < 5) {
      const p = ctx.f(cs - 1);
      if (BE.has(p)) {
        be = cs - 1;
        break;
      }
      // "China on Tuesday urged": the time phrase sits inside.
      if (
        (p === 'on' || p === 'at' || p === 'in' || p === 'late' || p === 'early') &&
        TEMPORAL.has(ctx.f(cs))
      ) {
        cs--;
        continue;
      }
      if (MODALS.has(p)) modal = true;
      else if (l.auxEn.has(p)) sawAux = true;
      else if (p === 'not' || p === "n't" || p === 'never') modal = modal || false;
      else if (!l.adverbsEn.has(p) && !TEMPORAL.has(p) && !groupAdverb(ctx, cs - 1)) break;
      cs--;
    }
    if (modal) continue; // "will announce", "would add": not a statement made
    const prev = ctx.f(cs - 1);
    if (l.determiners.has(prev) || prev === "'s") continue; // "the said contract", "a noted author"
    let ce = i + 1;
    const lemma = (finite ?? participle ?? base ?? ing)?.lemma ?? f;
    if (lemma === 'go') {
      // Only the clause-final '"...," he went on' reports speech; "went on to win" does not.
      if ((f !== 'went' && f !== 'goes') || ctx.f(i + 1) !== 'on') continue;
      const after = ctx.tok(i + 2);
      if (after && after.k === Kind.Word) continue;
    }
    if (be >= 0) {
      if (ing) {
        // "is saying", "is telling": a progressive, the subject is before the auxiliary.
        cs = be;
      } else if (
        (lemma === 'quote' || lemma === 'cite') &&
        (ctx.f(i + 1) === 'as' || ctx.f(i + 1) === 'by')
      ) {
        // "X was quoted (by RIA Novosti) as saying": X speaks, the agency relays.
        const subject = subjectBefore(ctx, be);
        if (!subject || overlapsCandidate(ctx, be, i + 1)) continue;
        let via: Array<{ a: number; b: number }> = [];
        let end = i + 1;
        if (ctx.f(i + 1) === 'by') {
          const [a, b] = phraseAfter(ctx, i + 2);
          if (b > a) via = [{ a, b }];
          end = b;
        }
        if (ctx.f(end) === 'as' && ctx.f(end + 1) === 'saying') {
          end += 2;
          // "was quoted as saying by the TASS news agency": the agent after the participle clause.
          if (via.length === 0 && ctx.f(end) === 'by') {
            const [a, b] = phraseAfter(ctx, end + 1);
            if (b > a) via = [{ a, b }];
          }
        } else end = i + 1;
        ctx.addCandidate({
          cs: be,
          ce: end - be <= 12 ? end : i + 1,
          kind: 'relay',
          lemma: 'quote',
          ref: subject,
          via,
        });
        continue;
      } else if ((participle || finite) && ctx.f(i + 1) === 'by') {
        // "was first reported by The Washington Post": the agent speaks.
        const [a, b] = phraseAfter(ctx, i + 2);
        if (b <= a || overlapsCandidate(ctx, be, i + 2)) continue;
        ctx.addCandidate({
          cs: be,
          ce: i + 2,
          kind: 'speech-verb',
          lemma,
          ref: { kind: 'span', a, b },
          via: [],
        });
        i += 1;
        continue;
      } else continue; // "is said to": a hedge, not a cue
    } else if (ing) {
      // "..., adding that": continues the cue before it, or the sentence's subject.
      if (!ctx.isPunct(i - 1, ',') && prev !== 'and') continue;
      if (overlapsCandidate(ctx, i, ce)) continue;
      const first = ctx.firstCueOfSentence.get(ctx.sentOf[i] ?? 0);
      let ref: SpeakerRef | undefined;
      if (first !== undefined && first < i) ref = { kind: 'previous-in-sentence' };
      else ref = sentenceSubject(ctx, i);
      if (!ref) continue;
      ctx.addCandidate({
        cs: i,
        ce,
        kind: 'speech-verb',
        lemma,
        ref,
        via: relayAfter(ctx, ce, lemma === 'tell'),
      });
      continue;
    }
    if (base && !finite && !sawAux && be < 0) {
      // "officials say", "they tell": only after a plural subject, never "let editorials tell them".
      const plural =
        PLURAL_PRONOUNS.has(prev) ||
        (/[^s']s$/.test(prev) && !CAUSATIVES.has(ctx.f(cs - 2))) ||
        pluralHead(ctx, cs);
      if (!plural || base.ambiguous) continue;
    }
    if (f === 'described' || f === 'describes') {
      // "described as", "described the announcement as": naming needs its "as".
      const k = markerAhead(ctx, i, AS, 8, false);
      if (k < 0) continue;
      if (k === i + 1) ce = i + 2;
    }
    // "slammed the sanctions as illegal", "blasted Washington for ...", or a quotation: criticism, not
    // "slammed the door" or "blasted music".
    if (CRITICISM.has(lemma) && markerAhead(ctx, i, AS_FOR, 10, true) < 0) continue;
    // The particle belongs to the cue ("pointed out", "went on"), yet still satisfies the verb's company.
    const particle = (lemma === 'point' && ctx.f(i + 1) === 'out') || lemma === 'go';
    if (!senseOk(ctx, finite ?? participle ?? base, lemma, ce)) continue;
    if (particle) ce = i + 2;
    if (overlapsCandidate(ctx, cs, ce)) continue;
    // Only the -s and base forms double as nouns ("claims", "reports"); most past forms do not.
    const pastForm = f.endsWith('ed') || f === 'wrote' || f === 'told' || f === 'said';
    const vf = finite ?? participle ?? base;
    // A verb whose required company is there ("called for") has its reporting sense.
    const ambiguous = (vf?.ambiguous ?? false) && !vf?.requires && (!pastForm || NOUN_LIKE_PAST.has(lemma));
    let ref: SpeakerRef | undefined;
    let quote: Candidate['quote'];
    let kind: Candidate['kind'] = 'speech-verb';
    const nf = ctx.f(ce);
    const quoted = afterQuote(ctx, cs);
    if (quoted || (ctx.isPunct(cs - 1, ',') && !sawAux)) {
      // After a comma, "X, a spokesman for Y, said ..." is speaker-first; after a quotation, the
      // speaker usually follows ("..., said O'Neill").
      const before = quoted ? undefined : subjectBefore(ctx, cs);
      if (
        before &&
        (before.kind === 'pronoun' || (before.kind === 'span' && (before.appos || before.viaComma)))
      )
        ref = before;
      else {
        ref = INVERTED_PRONOUNS.has(nf) ? { kind: 'pronoun', tok: ce } : invertedSubject(ctx, ce);
        if (ref) kind = 'inverted';
        else ref = before;
      }
      if (kind === 'inverted') quote = quoteBefore(ctx, cs);
    }
    if (!ref) {
      ref = subjectBefore(ctx, cs);
      if (!ref) continue;
      const next = ctx.tok(ce);
      // "As Reuters reported last week, ...": an "as" clause is a sourcing clause whatever follows the verb.
      const asClause =
        ref.kind === 'span' &&
        ctx.f(ref.a - 1) === 'as' &&
        (ctx.sentenceOf(ref.a)[0] === ref.a - 1 || ctx.isPunct(ref.a - 2, ','));
      const complement =
        asClause ||
        quoteSoon(ctx, ce) ||
        clauseAfterPlatform(ctx, ce) ||
        (!!next &&
          (COMPLEMENT.has(next.f) ||
            next.k === Kind.Quote ||
            (next.cap && ref.kind !== 'span') ||
            (next.cap && ref.kind === 'span' && speakerLike(ctx, ref.a, ref.b))));
      // "..., Iranian state television reported." A clause-final verb after a speaking subject counts.
      const clauseEnd = !next || next.k === Kind.Punct;
      const speaking = ref.kind === 'pronoun' || (ref.kind === 'span' && speakerLike(ctx, ref.a, ref.b));
      // "what he called ...", "which Trump calls ...": naming inside a relative clause reports nothing.
      const subjStart = ref.kind === 'span' ? ref.a : ref.kind === 'pronoun' ? ref.tok : cs;
      if (ambiguous || vf?.requires) {
        const before = ctx.f(subjStart - 1);
        if (before === 'what' || before === 'which' || before === 'whom') continue;
      }
      // '"...," the mayor wrote': the quotation sits before the subject.
      const quotedBefore = ref.kind === 'span' && afterQuote(ctx, ref.a);
      if (ambiguous && !complement && !quoted && !quotedBefore && !(clauseEnd && speaking)) continue;
      // "The measures announced last week": a subject that cannot speak, then a time phrase, is a
      // participle modifying it; a long subject that cannot speak needs a reported clause.
      if (
        ref.kind === 'span' &&
        !speakerLike(ctx, ref.a, ref.b) &&
        !complement &&
        (ref.b - ref.a > 4 || TEMPORAL.has(ctx.f(ce)))
      )
        continue;
      quote = quoteAfter(ctx, ce) ?? quoteBefore(ctx, ref.kind === 'span' ? ref.a : cs);
    }
    const cand: Candidate = { cs, ce, kind, lemma, ref, via: relayAfter(ctx, ce, lemma === 'tell') };
    // '"...," said the minister to Reuters': after an inverted subject, the relay follows it.
    if (kind === 'inverted' && ref.kind === 'span' && cand.via.length === 0)
      cand.via = relayAfter(ctx, ref.b, false);
    if (quote) cand.quote = quote;
    ctx.addCandidate(cand);
    i = ce - 1;
  }
}

export const enSpeechVerbs: Detector = { id: 'en-speech-verbs', langs: ['en'], detect };
