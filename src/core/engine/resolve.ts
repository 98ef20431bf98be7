// Turns the detectors' candidates into attributions: speakers resolved in text order (so a pronoun
// finds the speaker before it), relays attached, quotations and hedges tied to their cue.
import type { Attribution, SourceMention } from '../types';
import {
  CIRCLES,
  describe,
  isNameToken,
  nameRunEnd,
  phraseAfter,
  phraseBefore,
  rememberName,
} from '../grammar/mentions';
import { speakerLike } from '../detectors/fr-speech-verbs';
import { Kind } from '../text/tokens';
import { WordClass, tokenClass } from '../lexicon/word-class';
import { subjectBefore } from '../grammar/subject';
import type { BlockContext, Candidate, SpeakerRef } from './context';
import { remembered, type Speaker } from './memory';

const PRONOUNS: Record<string, { gender?: 'm' | 'f'; plural: boolean; bodyOk: boolean }> = {
  il: { gender: 'm', plural: false, bodyOk: true },
  elle: { gender: 'f', plural: false, bodyOk: true },
  lui: { gender: 'm', plural: false, bodyOk: false },
  ils: { gender: 'm', plural: true, bodyOk: true },
  elles: { gender: 'f', plural: true, bodyOk: true },
  eux: { plural: true, bodyOk: true },
  he: { gender: 'm', plural: false, bodyOk: false },
  him: { gender: 'm', plural: false, bodyOk: false },
  she: { gender: 'f', plural: false, bodyOk: false },
  her: { gender: 'f', plural: false, bodyOk: false },
  they: { plural: true, bodyOk: true },
  them: { plural: true, bodyOk: true },
  it: { plural: false, bodyOk: true },
};
const FIRST_PERSON = new Set(['je', "j'", 'nous', 'i', 'we', 'you', 'vous', 'tu']);
/** Relay verbs: an outlet that "reports" beside another speaker relays, it does not speak. */
const RELAY_LEMMAS = new Set(['rapporter', 'report', 'selon', 'according to']);

/** The circle named in the sentence of token `tok` ("l'entourage du président"), as an unnamed source. */
function circleOf(ctx: BlockContext, tok: number): Speaker | undefined {
  const [s, e] = ctx.sentenceOf(tok);
  // Near the pronoun only: a sentence of a thousand "a-t-on" stays linear.
  for (let k = Math.max(s + 1, tok - 12); k < e && k < tok + 12; k++) {
    if (!CIRCLES.has(ctx.f(k)) || !ctx.lex.determiners.has(ctx.f(k - 1))) continue;
    const [a, b] = phraseAfter(ctx, k - 1);
    if (b <= k) continue;
    const d = describe(ctx, a, b);
    return { ...d.speaker, category: 'unnamed' };
  }
  return undefined;
}

function pronounSpeaker(ctx: BlockContext, tok: number): Speaker | undefined {
  // No pronoun at all ("Et d'ajouter"): the last speaker goes on.
  if (tok < 0) {
    const last = ctx.memory.resolvePronoun(undefined, false, true);
    return last ? { ...last, resolution: 'carried' } : undefined;
  }
  const t = ctx.tok(tok);
  if (!t) return undefined;
  let p = t.f;
  const m = /-(?:t-)?(il|elle|ils|elles|on)$/.exec(p.length < 24 ? p : '');
  if (m) p = m[1] as string;
  if (FIRST_PERSON.has(p)) return undefined;
  // "Dans l'entourage du président, on assure", "dit-on dans son entourage": the circle speaks.
  if (p === 'on')
    return (
      circleOf(ctx, tok) ?? {
        text: t.t,
        start: ctx.start(tok),
        end: ctx.end(tok + 1),
        category: 'unnamed',
        resolution: 'unresolved',
      }
    );
  const rule = PRONOUNS[p];
  const found = rule ? ctx.memory.resolvePronoun(rule.gender, rule.plural, rule.bodyOk) : undefined;
  if (found) return { ...found, resolution: 'pronoun' };
  return {
    text: t.t,
    start: ctx.start(tok),
    end: ctx.end(tok + 1),
    category: 'other',
    resolution: 'unresolved',
  };
}

/** Is there an anonymity clause between a subject and its verb ("The official, who was not authorised to
 * speak, said", "Three diplomats, speaking on condition of anonymity, confirmed")? */
function anonymousBetween(ctx: BlockContext, from: number, to: number): boolean {
  for (let k = from; k < to && k - from < 14; k++) if (ctx.lex.unnamedPhrases.match(ctx.toks, k)) return true;
  return false;
}

function speakerOf(
  ctx: BlockContext,
  ref: SpeakerRef,
  previous: Speaker | undefined,
  cue: number,
  depth = 0,
): Speaker | undefined {
  switch (ref.kind) {
    case 'pronoun':
      return pronounSpeaker(ctx, ref.tok);
    case 'previous-in-sentence':
      return previous
        ? { ...previous, resolution: previous.resolution === 'named' ? 'carried' : previous.resolution }
        : undefined;
    case 'subject-before': {
      const r = subjectBefore(ctx, ref.tok);
      return r && depth < 2 ? speakerOf(ctx, r, previous, cue, depth + 1) : undefined;
    }
    case 'unnamed': {
      const d = describe(ctx, ref.a, ref.b);
      return { ...d.speaker, category: 'unnamed' };
    }
    case 'newsroom':
      return {
        text: ctx.slice(ref.a, ref.b),
        start: ctx.start(ref.a),
        end: ctx.end(ref.b),
        category: 'media',
        resolution: 'named',
        person: false,
      };
    case 'span': {
      const main = describe(ctx, ref.a, ref.b);
      if (!ref.appos) {
        rememberName(ctx, main);
        if (
          !main.name &&
          main.speaker.category !== 'unnamed' &&
          ref.b < cue &&
          anonymousBetween(ctx, ref.b, cue)
        )
          return { ...main.speaker, category: 'unnamed' };
        return main.speaker;
      }
      // A name and its title side by side: the name is the mention, the title gives the kind.
      const other = describe(ctx, ref.appos.a, ref.appos.b, true);
      // A known outlet or body is named by itself ("Global Times, a tabloid run by the People's Daily").
      const named = main.name || main.speaker.entityId ? main : other.name && !main.headKind ? other : main;
      const titled = named === main ? other : main;
      const sp: Speaker = { ...named.speaker };
      const t = titled.speaker;
      if (titled.headKind || t.category !== 'other') {
        // "General Sir Patrick Sanders, the former head of the British Army": no longer an official.
        if (sp.category === 'other' || !named.headKind || titled.former) sp.category = t.category;
        if (t.country && !sp.country) sp.country = t.country;
        if (t.role) sp.role = t.role;
        if (t.office && !sp.office) sp.office = t.office;
        if (t.gender && !sp.gender) sp.gender = t.gender;
        if (t.head && !sp.head) sp.head = t.head;
        sp.person = true;
      }
      rememberName(ctx, { ...named, speaker: sp });
      return sp;
    }
  }
}

function mention(sp: Speaker): SourceMention & { start: number; end: number } {
  const m: SourceMention & { start: number; end: number } = {
    text: sp.text,
    start: sp.start,
    end: sp.end,
    category: sp.category,
  };
  if (sp.country) m.country = sp.country;
  if (sp.entityId) m.entityId = sp.entityId;
  if (sp.role) m.role = sp.role;
  if (sp.resolution) m.resolution = sp.resolution;
  return m;
}

/** An outlet through which a statement came ("cité par l'agence CNA"): an agency that relays is a news
 * agency, even one the knowledge base does not hold. */
function relayMention(
  ctx: BlockContext,
  a: number,
  b: number,
): SourceMention & { start: number; end: number } {
  const sp = describe(ctx, a, b).speaker;
  const m = mention(sp);
  if (m.category === 'other' && (sp.head === 'agence' || sp.head === 'agency')) m.category = 'media';
  return m;
}

const OPENERS = new Set([
  'lors',
  'apres',
  'avant',
  'pendant',
  'dans',
  'en',
  'at',
  'in',
  'on',
  'after',
  'during',
  'before',
  'interroge',
  'interrogee',
  'asked',
  'contacted',
  'contacte',
  'contactee',
]);
/** A sourcing phrase opening the sentence ("According to her, Beijing ...", "Selon elle, Pékin ..."): what
 * follows is the source's claim, and its subject is no antecedent of the next pronoun. */
const SOURCE_OPENERS = new Set(['according', 'selon', 'citing']);

/** The noun phrase that opens each sentence (past an opening adverbial clause), when it can speak. */
type Mention = [a: number, b: number, salient: boolean];

/** People and bodies each sentence names, in order: its subject (salient: what a pronoun most likely
 * stands for) and, less salient, the other people it names ("X met Y": "he said" may be Y). */
function sentenceMentions(ctx: BlockContext): Mention[] {
  const out: Mention[] = [];
  for (const [s, e] of ctx.sentences) {
    // Headlines, captions and credits (no closing punctuation) do not set who the text is about.
    const last = ctx.tok(e - 1);
    if (!last || (last.k !== Kind.Punct && last.k !== Kind.Quote) || !'.!?…»”"'.includes(last.t)) continue;
    if (ctx.tok(s)?.t === '©') continue;
    let k = s;
    while (k < e && ctx.tok(k)?.k !== Kind.Word) k++;
    if (OPENERS.has(ctx.f(k))) {
      while (k < e && k - s < 25 && !ctx.isPunct(k, ',')) k++;
      k++;
    }
    let after = k;
    const sourced = SOURCE_OPENERS.has(ctx.f(k)) || (ctx.f(k) === "d'" && ctx.f(k + 1) === 'apres');
    if (k < e && ctx.quoteOf[k] === -1 && !sourced) {
      const [a, b] = phraseAfter(ctx, k);
      if (b > a && speakerLike(ctx, a, b)) {
        // Coordinated subjects are each an antecedent: "Stubb et la Commission européenne ont signé".
        let from = a;
        for (let m = a; m <= b; m++) {
          const f = ctx.f(m);
          if (m === b || f === 'et' || f === 'and') {
            if (m > from) out.push([from, m, true]);
            from = m + 1;
          }
        }
        after = b;
      }
    }
    for (let m = after; m < e && m - after < 60; m++) {
      if (ctx.quoteOf[m] !== -1) continue;
      // "a reçu le ministre polonais de la Défense": a title with an article names someone too.
      const t = ctx.tok(m);
      if (
        t &&
        (tokenClass(ctx.lex, t) & WordClass.Determiner) !== 0 &&
        ctx.lex.roles.get(ctx.f(m + 1))?.kind.startsWith('gov')
      ) {
        const [a, b] = phraseAfter(ctx, m);
        if (b > a + 1) {
          out.push([a, b, false]);
          m = b - 1;
          continue;
        }
      }
      if (!isNameToken(ctx, m)) continue;
      const r = nameRunEnd(ctx, m, e);
      if (r - m >= 2 || ctx.lex.givenNames.has(ctx.f(m))) {
        const [a] = phraseBefore(ctx, r);
        out.push([Math.min(a, m), r, false]);
      }
      m = r;
    }
  }
  return out;
}

/** Indices up to 8 steps away from k in one direction, nearest first. */
function nearby(list: readonly unknown[], k: number, step: 1 | -1): number[] {
  const out: number[] = [];
  for (let n = k + step, i = 0; n >= 0 && n < list.length && i < 8; n += step, i++) out.push(n);
  return out;
}

/** Is there a hedge inside [from, to)? Hedges come in text order: a binary search finds the first. */
function hedgeWithin(hedges: readonly { start: number; end: number }[], from: number, to: number): boolean {
  let lo = 0;
  let hi = hedges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hedges[mid] as { start: number }).start < from) lo = mid + 1;
    else hi = mid;
  }
  const h = hedges[lo];
  return !!h && h.start < to && h.end <= to;
}

export function resolve(ctx: BlockContext): Attribution[] {
  const cands = [...ctx.candidates].sort((x, y) => x.cs - y.cs);
  // Sentence subjects are antecedents too: "X a reçu Y. « ... », a-t-il dit" stands for X.
  const subjects = sentenceMentions(ctx);
  let nextSubject = 0;
  const registerUpTo = (limit: number) => {
    while (nextSubject < subjects.length && (subjects[nextSubject] as Mention)[1] <= limit) {
      const [a, b, salient] = subjects[nextSubject++] as Mention;
      const d = describe(ctx, a, b);
      if (d.speaker.category !== 'unnamed' && (d.name || d.headKind || d.speaker.category !== 'other')) {
        rememberName(ctx, d);
        ctx.memory.remember(remembered(d.speaker, salient, ctx.memory.block));
      }
    }
  };
  const out: Array<{ cand: Candidate; att: Attribution; sp: Speaker; sent: number }> = [];
  let previous: { sp: Speaker; sent: number } | undefined;
  for (const cand of cands) {
    registerUpTo(cand.cs);
    const sent = ctx.sentOf[cand.cs] ?? 0;
    const prevInSentence = previous && previous.sent === sent ? previous.sp : undefined;
    const sp = speakerOf(ctx, cand.ref, prevInSentence, cand.cs);
    if (!sp) continue;
    const via = cand.via.map((v) => relayMention(ctx, v.a, v.b));
    const att: Attribution = {
      cue: {
        start: ctx.start(cand.cs),
        end: ctx.end(cand.ce),
        text: ctx.slice(cand.cs, cand.ce),
        kind: cand.kind,
        lemma: cand.lemma,
      },
      source: mention(sp),
      via,
      hedged: false,
    };
    if (cand.quote && cand.quote.b > cand.quote.a)
      att.quote = { start: ctx.start(cand.quote.a), end: ctx.end(cand.quote.b) };
    out.push({ cand, att, sp, sent });
    if (sp.resolution !== 'unresolved') ctx.memory.remember(remembered(sp, true, ctx.memory.block));
    previous = { sp, sent };
  }
  registerUpTo(ctx.toks.length);
  // Relay phrases ("cité par Sputnik") attach to the nearest cue before them in their sentence.
  // Relays and cues both come in text order: one walk pairs each relay with the last cue before it in
  // its sentence, or the sentence's first cue when none precedes it.
  let o = 0;
  for (const r of ctx.relays) {
    const sent = ctx.sentOf[r.at] ?? 0;
    while (
      o < out.length &&
      ((out[o] as (typeof out)[number]).sent < sent ||
        ((out[o] as (typeof out)[number]).sent === sent && (out[o] as (typeof out)[number]).cand.cs < r.at))
    )
      o++;
    const before = out[o - 1];
    const after = out[o];
    const target = before && before.sent === sent ? before : after && after.sent === sent ? after : undefined;
    if (!target) continue;
    const v = relayMention(ctx, r.a, r.b);
    if (target.att.via.length < 8 && !target.att.via.some((x) => x.start === v.start)) target.att.via.push(v);
  }
  // An outlet that "reports" what another source says relays it ("..., rapporte l'AFP", "..., selon
  // l'agence KCNA" after a cue); "the agency quoted him as saying" relays the speaker before it.
  const dropped = new Set<number>();
  out.forEach((o, k) => {
    if (o.cand.kind === 'relay' && o.cand.lemma === 'quote' && o.sp.resolution === 'pronoun') {
      const prev = nearby(out, k, -1).find(
        (n) => (out[n] as (typeof out)[number]).sent === o.sent && !dropped.has(n),
      );
      const prevItem = prev === undefined ? undefined : out[prev];
      if (prevItem) {
        prevItem.att.via.push(...o.att.via);
        dropped.add(k);
      }
      return;
    }
    // "The Crown Prince stressed ..., SPA said": an outlet saying so after another cue, at the end of the
    // sentence, relays it like "rapporte l'AFP".
    const saidAfter =
      o.cand.lemma === 'say' && o.cand.ref.kind === 'span' && ctx.isPunct(o.cand.ref.a - 1, ',');
    if (!o.sp.outlet || (!RELAY_LEMMAS.has(o.cand.lemma) && !saidAfter)) return;
    const before = o.cand.lemma === 'selon' || o.cand.lemma === 'according to';
    // Only close neighbours in the same sentence: a line of a thousand "selon l'AFP" stays linear.
    const otherIndex = [...nearby(out, k, -1), ...(before || saidAfter ? [] : nearby(out, k, 1))].find(
      (n) => {
        const x = out[n] as (typeof out)[number];
        return x.sent === o.sent && !x.sp.outlet && !dropped.has(n) && x.cand.lemma !== 'cite';
      },
    );
    const other = otherIndex === undefined ? undefined : out[otherIndex];
    if (!other) return;
    other.att.via.push(mention(o.sp));
    // "..., selon l'agence KCNA" is a source in its own right as well as a relay.
    if (!before) dropped.add(k);
  });
  // Hedges: a cue's claim is hedged when its statement (or, lacking one, its sentence) holds one.
  const result: Attribution[] = [];
  out.forEach((o, k) => {
    if (dropped.has(k)) return;
    const [s, e] = ctx.sentenceOf(o.cand.cs);
    const from = o.att.quote?.start ?? ctx.start(s);
    const to = o.att.quote?.end ?? ctx.end(e);
    o.att.hedged = hedgeWithin(ctx.hedges, from, to);
    result.push(o.att);
  });
  return result;
}
