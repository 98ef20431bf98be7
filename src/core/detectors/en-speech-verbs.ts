// English reporting verbs: "X said", "X has said", "said X" after a quotation, "X told Reuters",
// "X wrote", "X tweeted", and the participle that continues a cue ("..., adding that").
import type { BlockContext, Candidate, SpeakerRef } from '../engine/context';
import { subjectBefore } from '../grammar/subject';
import { Kind } from '../text/tokens';
import { speakerLike } from './fr-speech-verbs';
import type { Detector } from './types';
import {
  afterClauseEdge,
  invertedSubject,
  overlapsCandidate,
  quoteAfter,
  quoteBefore,
  relayAfter,
} from './verb-group';

const COMPLEMENT = new Set(['that', ':', '“', '"', '‘', 'in', 'on', 'at', 'during', 'after', 'before']);
const NOT_BEFORE_BASE = new Set([
  'to',
  'would',
  'will',
  'can',
  'could',
  'may',
  'might',
  'should',
  'must',
  'did',
  'does',
  'do',
  "n't",
  'not',
  'shall',
  "'ll",
  'let',
  'cannot',
]);
const PASSIVE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s"]);
const INVERTED_PRONOUNS = new Set(['he', 'she', 'they']);

function detect(ctx: BlockContext): void {
  const l = ctx.lex;
  for (let i = 0; i < ctx.toks.length; i++) {
    const t = ctx.toks[i];
    if (!t || t.k !== Kind.Word) continue;
    if (t.cap && ctx.sentenceOf(i)[0] !== i) continue;
    const f = t.f;
    const finite = l.enFinite.get(f);
    const participle = l.enParticiple.get(f);
    const base = l.enBase.get(f);
    const ing = l.enIng.get(f);
    if (!finite && !participle && !base && !ing) continue;
    // Walk back over adverbs and auxiliaries: "has also said", "would later say".
    let cs = i;
    let sawAux = false;
    while (cs > 0 && (l.adverbsEn.has(ctx.f(cs - 1)) || l.auxEn.has(ctx.f(cs - 1))) && i - cs < 4) {
      const p = ctx.f(cs - 1);
      if (PASSIVE.has(p)) break;
      if (l.auxEn.has(p)) sawAux = true;
      cs--;
    }
    const prev = ctx.f(cs - 1);
    if (PASSIVE.has(prev) && f !== 'saying') continue; // "is said to": a hedge, not a cue
    if (l.determiners.has(prev) || prev === "'s") continue; // "the said contract", "a noted author"
    let ce = i + 1;
    let lemma = (finite ?? participle ?? base ?? ing)?.lemma ?? f;
    if (ing && !finite && !participle) {
      // "..., adding that": continues the cue before it in the sentence.
      if (!ctx.isPunct(i - 1, ',') && prev !== 'and') continue;
      const first = ctx.firstCueOfSentence.get(ctx.sentOf[i] ?? 0);
      if (first === undefined || first >= i) continue;
      if (overlapsCandidate(ctx, i, ce)) continue;
      ctx.addCandidate({
        cs: i,
        ce,
        kind: 'speech-verb',
        lemma,
        ref: { kind: 'previous-in-sentence' },
        via: relayAfter(ctx, ce, lemma === 'tell'),
      });
      continue;
    }
    if (base && !finite && !sawAux && (NOT_BEFORE_BASE.has(prev) || !prev)) continue;
    if (f === 'described' || f === 'describes') {
      if (ctx.f(i + 1) === 'as') ce = i + 2;
      else continue;
    }
    if (f === 'pointed' && ctx.f(i + 1) === 'out') ce = i + 2;
    if (overlapsCandidate(ctx, cs, ce)) continue;
    const ambiguous = (finite ?? participle ?? base)?.ambiguous ?? false;
    let ref: SpeakerRef | undefined;
    let quote: Candidate['quote'];
    let kind: Candidate['kind'] = 'speech-verb';
    if (afterClauseEdge(ctx, cs) && !sawAux) {
      const nf = ctx.f(ce);
      if (INVERTED_PRONOUNS.has(nf)) ref = { kind: 'pronoun', tok: ce };
      else ref = invertedSubject(ctx, ce);
      if (ref) {
        kind = 'inverted';
        quote = quoteBefore(ctx, cs);
      }
    }
    if (!ref) {
      ref = subjectBefore(ctx, cs);
      if (!ref) continue;
      const next = ctx.tok(ce);
      const complement = !!next && (COMPLEMENT.has(next.f) || next.k === Kind.Quote);
      if (
        ambiguous &&
        !complement &&
        !afterClauseEdge(ctx, cs) &&
        !(ref.kind === 'span' && speakerLike(ctx, ref.a, ref.b)) &&
        ref.kind !== 'pronoun'
      )
        continue;
      if (ref.kind === 'span' && !speakerLike(ctx, ref.a, ref.b) && !complement && ref.b - ref.a > 4)
        continue;
      quote = quoteAfter(ctx, ce) ?? quoteBefore(ctx, ref.kind === 'span' ? ref.a : cs);
    }
    const cand: Candidate = { cs, ce, kind, lemma, ref, via: relayAfter(ctx, ce, lemma === 'tell') };
    if (quote) cand.quote = quote;
    ctx.addCandidate(cand);
    i = ce - 1;
    lemma = '';
  }
}

export const enSpeechVerbs: Detector = { id: 'en-speech-verbs', langs: ['en'], detect };
