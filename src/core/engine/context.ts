// What every detector sees of one block: its tokens, sentences, quotations and the entity and place
// matches at each token, computed once; and where detectors put what they find.
import type { CueKind, Hedge, Lang, OutletMention, UnnamedSource } from '../types';
import { lexicon, type KnownEntity, type Lexicon, type Place } from '../lexicon';

/** Words after an outlet's name that show it is something else ("Sputnik moment", "Sputnik V"). */
const LOOKALIKE_NEXT = new Set([
  'moment',
  'era',
  'satellite',
  'generation',
  'v',
  'vaccine',
  'vaccin',
  'efes',
  'square',
  'footage',
  'camera',
  'cameras',
  'images',
  'video',
  'videos',
  'surveillance',
  'systeme',
  'system',
]);
/** Words before it that show the same ("le programme spatial Spoutnik", "the launch of Sputnik"). */
const LOOKALIKE_BEFORE = new Set([
  'spatial',
  'space',
  'satellite',
  'fusee',
  'rocket',
  'programme',
  'program',
]);

/** Articles that begin outlets' names ("The Wall Street Journal", "Le Monde"), whatever their case. */
const NAME_ARTICLES = new Set(['the', 'le', 'la', 'les', "l'"]);

function isVerbForm(l: Lexicon, f: string): boolean {
  return l.frFinite.has(f) || l.enFinite.has(f) || l.frParticiple.has(f) || l.enParticiple.has(f);
}
import type { PhraseMatch } from '../lexicon/phrase-index';
import { Kind, QuoteSide, tokenizeReusing, type Token } from '../text/tokens';
import type { Memory } from './memory';

/** Per-token arrays shared by successive blocks, grown as needed: blocks are analysed one at a time and
 * synchronously, and a fresh typed array per block costs an allocation outside the heap each time. */
let buffers = { sentOf: new Int32Array(256), quoteOf: new Int32Array(256), cueMask: new Uint8Array(256) };
function scratch(n: number): typeof buffers {
  if (buffers.cueMask.length < n) {
    const size = Math.max(n, buffers.cueMask.length * 2);
    buffers = { sentOf: new Int32Array(size), quoteOf: new Int32Array(size), cueMask: new Uint8Array(size) };
  }
  return buffers;
}

/** How the speaker of a cue is to be found, once cues are taken in text order. */
export type SpeakerRef =
  | { kind: 'span'; a: number; b: number; appos?: { a: number; b: number }; viaComma?: boolean }
  | { kind: 'pronoun'; tok: number }
  | { kind: 'subject-before'; tok: number }
  | { kind: 'previous-in-sentence' }
  | { kind: 'unnamed'; a: number; b: number }
  /** The page's own newsroom ("selon nos informations", "selon notre envoyé spécial"): a media source. */
  | { kind: 'newsroom'; a: number; b: number };

export interface Candidate {
  /** Token range of the cue. */
  cs: number;
  ce: number;
  kind: CueKind;
  lemma: string;
  ref: SpeakerRef;
  /** Token ranges of relaying outlets named in the cue's own phrase ("told Reuters"). */
  via: Array<{ a: number; b: number }>;
  /** Where the reported statement is, as a token range, when the detector knows. */
  quote?: { a: number; b: number };
}

export interface QuoteRegion {
  /** Token index of the opening mark (or -1 when the block starts inside a quotation). */
  open: number;
  /** Token index of the closing mark, or the block's token count when it stays open. */
  close: number;
}

export class BlockContext {
  readonly lex: Lexicon = lexicon();
  readonly toks: Token[];
  /** Sentence id of each token; sentences[k] = [first token, end token). */
  readonly sentOf: Int32Array;
  readonly sentences: Array<[number, number]> = [];
  /** Quotation region id of each token inside a quotation (marks excluded), or -1. */
  readonly quoteOf: Int32Array;
  readonly quotes: QuoteRegion[] = [];
  readonly entityAt: Array<PhraseMatch<KnownEntity> | undefined>;
  readonly placeAt: Array<PhraseMatch<Place> | undefined>;
  readonly candidates: Candidate[] = [];
  /** Tokens already claimed by a cue, so a later detector does not claim them twice. */
  readonly cueMask: Uint8Array;
  /** For each sentence with a cue, the start of its first cue. */
  readonly firstCueOfSentence = new Map<number, number>();
  readonly outlets: OutletMention[] = [];
  readonly hedges: Hedge[] = [];
  readonly unnamed: UnnamedSource[] = [];
  /** Relay phrases found in the text ("cité par Sputnik"): the outlet's token range and sentence. */
  readonly relays: Array<{ a: number; b: number; at: number }> = [];

  constructor(
    readonly text: string,
    readonly offset: number,
    readonly lang: Lang,
    readonly memory: Memory,
    startsInQuote: boolean,
  ) {
    this.toks = tokenizeReusing(text);
    const n = this.toks.length;
    const buffers = scratch(n);
    this.sentOf = buffers.sentOf.subarray(0, n).fill(0);
    this.cueMask = buffers.cueMask.subarray(0, n).fill(0);
    this.quoteOf = buffers.quoteOf.subarray(0, n).fill(-1);
    this.entityAt = new Array(n);
    this.placeAt = new Array(n);
    this.findQuotes(startsInQuote);
    this.findSentences();
    const { entities, places } = this.lex;
    let shared: number[] | undefined;
    for (let i = 0; i < n; i++) {
      const t = this.toks[i] as Token;
      if (t.k !== Kind.Word) continue;
      const m = entities.match(this.toks, i);
      if (m && (m.value.kind !== 'outlet' || this.plausibleOutlet(i, m.end, m.value))) {
        this.entityAt[i] = m;
        if (m.value.choices) (shared ??= []).push(i);
        else if (m.value.kind === 'outlet' && memory.outletsSeen.size < 256)
          memory.outletsSeen.add(m.value.id);
      }
      if (t.cap) this.placeAt[i] = places.match(this.toks, i);
    }
    if (shared) this.chooseShared(shared);
  }

  /** A shared alias ("VTV") means the outlet the text named before, else the one whose country the block
   * or the recent speakers are about, else the first listed. */
  private chooseShared(at: readonly number[]): void {
    const countries = new Set<string>();
    for (let k = 0; k < this.toks.length; k++) {
      const place = this.placeAt[k];
      if (place) countries.add(place.value.country);
      const adjective = this.lex.adjectives.get(this.f(k));
      if (adjective) countries.add(adjective);
    }
    const recent = this.memory.recent;
    for (let k = recent.length - 1; k >= 0 && k >= recent.length - 10; k--) {
      const country = recent[k]?.country;
      if (country) countries.add(country);
    }
    for (const i of at) {
      const m = this.entityAt[i];
      const choices = m?.value.choices;
      if (!m || !choices) continue;
      const pick =
        choices.find((c) => this.memory.outletsSeen.has(c.entity.id)) ??
        choices.find((c) => countries.has(c.prefer)) ??
        choices[0];
      if (pick) this.entityAt[i] = { value: pick.entity, end: m.end };
    }
  }

  /** Keeps look-alikes out: "Anadolu Efes", "Global Times Square", "Sputnik moment", "AA batteries". */
  private plausibleOutlet(i: number, end: number, value: KnownEntity): boolean {
    const first = this.toks[i] as Token;
    // "the Wall Street Journal": a lower-case article before a capitalised name is the name's own.
    if (!first.cap && !(NAME_ARTICLES.has(first.f) && this.toks[i + 1]?.cap)) return false;
    const l = this.lex;
    const next = this.toks[end];
    if (next && !next.nl && next.k === Kind.Word) {
      const f = next.f;
      const functional =
        l.determiners.has(f) ||
        l.conjunctions.has(f) ||
        l.prepositionsEn.has(f) ||
        l.prepositionsFr.has(f) ||
        l.auxEn.has(f) ||
        l.auxFr.has(f);
      // "Anadolu Efes" is a club, but "Sputnik Moldova" is an edition: a place may follow.
      if (next.cap && !functional && !l.roles.has(f) && !isVerbForm(l, f) && !l.places.match(this.toks, end))
        return false;
      if (LOOKALIKE_NEXT.has(f)) return false;
    }
    const before = this.toks[i - 1]?.f;
    const before2 = this.toks[i - 2]?.f;
    if (
      (before === 'de' || before === 'du' || before === 'of') &&
      (before2 === 'lancement' || before2 === 'launch')
    )
      return false;
    if (before && LOOKALIKE_BEFORE.has(before)) return false;
    if (value.contracted && before !== 'au' && before !== 'du' && before !== 'aux' && before !== 'des')
      return false;
    if (value.contextual) {
      const b = this.toks[i - 1];
      const a = this.toks[end];
      const framed = (b?.t === '(' && a?.t === ')') || (b?.t === '/' && a?.t === '/') || b?.t === '©';
      let agency = false;
      for (let k = Math.max(0, i - 6); k < i; k++) {
        const f = this.toks[k]?.f;
        if (f === 'agence' || f === 'agency' || f === 'news') agency = true;
      }
      if (!framed && !agency && !this.memory.acronymsSeen.has(value.id)) return false;
      if (this.memory.acronymsSeen.size < 64) this.memory.acronymsSeen.add(value.id);
    }
    return true;
  }

  addCandidate(c: Candidate): void {
    this.candidates.push(c);
    for (let k = c.cs; k < c.ce; k++) this.cueMask[k] = 1;
    const sid = this.sentOf[c.cs] ?? 0;
    const first = this.firstCueOfSentence.get(sid);
    if (first === undefined || c.cs < first) this.firstCueOfSentence.set(sid, c.cs);
  }

  /** A preposition of the block's language ("a" is an article in English, "à" in French). */
  isPreposition(f: string): boolean {
    return this.lang === 'fr' ? this.lex.prepositionsFr.has(f) : this.lex.prepositionsEn.has(f);
  }

  tok(i: number): Token | undefined {
    return this.toks[i];
  }
  f(i: number): string {
    return this.toks[i]?.f ?? '';
  }
  /** Start and end of a token range in the page's text. */
  start(i: number): number {
    return this.offset + (this.toks[i]?.s ?? this.text.length);
  }
  end(b: number): number {
    return this.offset + (this.toks[b - 1]?.e ?? 0);
  }
  slice(a: number, b: number): string {
    const ta = this.toks[a];
    const tb = this.toks[b - 1];
    return ta && tb ? this.text.slice(ta.s, tb.e) : '';
  }
  sentenceOf(i: number): [number, number] {
    return this.sentences[this.sentOf[i] ?? 0] ?? [0, this.toks.length];
  }
  isPunct(i: number, chars?: string): boolean {
    const t = this.toks[i];
    return !!t && t.k === Kind.Punct && (chars === undefined || chars.includes(t.t));
  }
  isCloseQuote(i: number): boolean {
    const t = this.toks[i];
    return !!t && t.k === Kind.Quote && this.quoteCloses.has(i);
  }
  isOpenQuote(i: number): boolean {
    const t = this.toks[i];
    return !!t && t.k === Kind.Quote && !this.quoteCloses.has(i);
  }
  /** The quotation whose closing mark is token i. */
  quoteClosedAt(i: number): QuoteRegion | undefined {
    const id = this.quoteCloses.get(i);
    return id === undefined ? undefined : this.quotes[id];
  }
  quoteOpenedAt(i: number): QuoteRegion | undefined {
    const id = this.quoteOpens.get(i);
    return id === undefined ? undefined : this.quotes[id];
  }
  /** The block ends inside a quotation: the next block continues it. */
  endsInQuote = false;

  private readonly quoteCloses = new Map<number, number>();
  private readonly quoteOpens = new Map<number, number>();

  private findQuotes(startsInQuote: boolean): void {
    // A stack of open marks; straight quotes toggle. Unclosed marks close at the end of the block, so
    // 100 000 unclosed « cost one pass.
    const stack: number[] = [];
    if (startsInQuote && this.toks[0]?.q !== QuoteSide.Open) {
      this.quotes.push({ open: -1, close: this.toks.length });
      stack.push(0);
    }
    let straightOpen = -1;
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i] as Token;
      if (t.k !== Kind.Quote) continue;
      if (t.q === QuoteSide.Open) {
        const id = this.quotes.length;
        this.quotes.push({ open: i, close: this.toks.length });
        this.quoteOpens.set(i, id);
        stack.push(id);
      } else if (t.q === QuoteSide.Close) {
        const id = stack.pop();
        if (id !== undefined) {
          (this.quotes[id] as QuoteRegion).close = i;
          this.quoteCloses.set(i, id);
        }
      } else if (straightOpen >= 0) {
        (this.quotes[straightOpen] as QuoteRegion).close = i;
        this.quoteCloses.set(i, straightOpen);
        straightOpen = -1;
      } else {
        straightOpen = this.quotes.length;
        this.quotes.push({ open: i, close: this.toks.length });
        this.quoteOpens.set(i, straightOpen);
      }
    }
    this.endsInQuote =
      stack.length > 0 && this.quotes.some((q) => q.close === this.toks.length && q.open >= 0);
    // Mark the inside of each region. Regions were opened in text order, so each one only marks what
    // the ones before it did not cover: one pass over the tokens in all.
    let coveredTo = -1;
    for (let id = 0; id < this.quotes.length; id++) {
      const q = this.quotes[id] as QuoteRegion;
      for (let k = Math.max(q.open + 1, coveredTo); k < q.close; k++) this.quoteOf[k] = id;
      coveredTo = Math.max(coveredTo, q.close);
    }
  }

  private findSentences(): void {
    const { abbreviations } = this.lex;
    let start = 0;
    const n = this.toks.length;
    const close = (end: number) => {
      if (end > start) {
        const id = this.sentences.length;
        this.sentences.push([start, end]);
        for (let k = start; k < end; k++) this.sentOf[k] = id;
      }
      start = end;
    };
    for (let i = 0; i < n; i++) {
      const t = this.toks[i] as Token;
      if (t.nl && i > start) close(i);
      if (t.k !== Kind.Punct) continue;
      if (t.t === '.' || t.t === '!' || t.t === '?' || t.t === '…') {
        const prev = this.toks[i - 1];
        if (t.t === '.' && prev && (abbreviations.has(prev.f) || (prev.t.length === 1 && prev.cap))) continue;
        // A full stop inside a quotation followed by its closing mark and an incise stays in the sentence.
        let j = i + 1;
        while (j < n && this.toks[j]?.k === Kind.Quote && this.quoteCloses.has(j)) j++;
        const next = this.toks[j];
        if (
          next &&
          !next.nl &&
          (next.t === ',' || (next.k === Kind.Word && !next.cap && next.k === Kind.Word))
        )
          continue;
        close(j);
        i = j - 1;
      }
    }
    close(n);
  }
}
