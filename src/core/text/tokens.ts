// One pass over a block of text: words, numbers, punctuation and quotation marks, with their UTF-16
// offsets. Every later step works on this array with Map/Set lookups, never by rescanning the text,
// so the engine stays linear in the length of its input.
import { fold } from './fold';

export const enum Kind {
  Word = 0,
  Number = 1,
  Punct = 2,
  Quote = 3,
}

export const enum QuoteSide {
  None = 0,
  Open = 1,
  Close = 2,
  Either = 3,
}

export interface Token {
  /** Start and end in the block's text (UTF-16). */
  s: number;
  e: number;
  /** As written. */
  t: string;
  /** Folded: lower case, no accents (see fold). */
  f: string;
  k: Kind;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case ("SPUTNIK", "TASS"). */
  caps: boolean;
  /** A line break stands between this token and the previous one. */
  nl: boolean;
  q: QuoteSide;
  /** The spelling's shared facts and memos. */
  w: Shape;
}

// French elided articles and pronouns split off their word: "l'agence" is "l'" + "agence".
const ELIDED = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'lorsqu',
  'puisqu',
  'jusqu',
  'quoiqu',
  'presqu',
]);

// Letter or not, per UTF-16 code unit (64 KB): one array read per character. Filled as characters are first
// met (0 unknown, 1 letter, 2 not), so loading the script does not test 65,536 characters up front.
const LETTERS = new Uint8Array(65536);
const LETTER = /\p{L}|\p{M}/u;
function classify(c: number): number {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
  if (c === 0xab || c === 0xbb || (c >= 0x2000 && c <= 0x206f) || (c >= 0xd800 && c <= 0xdfff)) return 2;
  return LETTER.test(String.fromCharCode(c)) ? 1 : 2;
}
function isLetter(c: number): boolean {
  // ASCII letters first: most characters of most news text, without a table read.
  const lower = c | 32;
  if (lower >= 97 && lower <= 122) return true;
  if (c < 128) return false;
  let v = LETTERS[c];
  if (v === 0) v = LETTERS[c] = classify(c);
  return v === 1;
}
const isDigit = (c: number) => c >= 48 && c <= 57;
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x02bc;
const isSpace = (c: number) =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009;

function quoteSide(c: number): QuoteSide {
  switch (c) {
    case 0xab: // «
    case 0x201c: // “
    case 0x201e: // „
      return QuoteSide.Open;
    case 0xbb: // »
    case 0x201d: // ”
      return QuoteSide.Close;
    case 34: // "
      return QuoteSide.Either;
    default:
      return QuoteSide.None;
  }
}

/** What a spelling says of itself (folded form, case), shared by every token written the same way: news
 * text repeats a few thousand words, so each is folded and case-tested once. Later steps memoise their own
 * per-word answers on it too (word classes, whether a phrase index holds the word). */
export interface Shape {
  /** As written (one string for every token written the same way). */
  t: string;
  f: string;
  cap: boolean;
  caps: boolean;
  digit: boolean;
  /** The word's classes in the lexicon `classesOf` (see lexicon/word-class.ts); -1 until asked. */
  classes: number;
  classesOf: unknown;
  /** Phrase indexes that have asked whether a phrase starts with this word (one bit each), and those that
   * found one (see lexicon/phrase-index.ts). */
  asked: number;
  starts: number;
}

// The shapes met so far, found from the text's characters without cutting a string out of it first: an
// open-addressing table of FNV-1a hashes over the UTF-16 code units, checked against the spelling in place.
const MAX_SHAPES = 50_000;
const TABLE_SIZE = 1 << 17; // over twice MAX_SHAPES: probes stay short
const table = new Int32Array(TABLE_SIZE); // index + 1 into `shapes`, 0 for an empty slot
const shapes: Shape[] = [];

function shapeAt(text: string, s: number, e: number): Shape {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  h ^= h >>> 15;
  const len = e - s;
  let slot = h & (TABLE_SIZE - 1);
  for (let idx = table[slot] as number; idx !== 0; idx = table[slot] as number) {
    const shape = shapes[idx - 1] as Shape;
    if (shape.t.length === len && text.startsWith(shape.t, s)) return shape;
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
  // Bounded, so a text of endless distinct strings cannot grow it without end.
  if (shapes.length >= MAX_SHAPES) {
    table.fill(0);
    shapes.length = 0;
    slot = h & (TABLE_SIZE - 1);
  }
  const t = text.slice(s, e);
  const lower = t.toLowerCase();
  const cap = t !== lower && t.charAt(0) !== lower.charAt(0);
  const caps = cap && t.length >= 2 && t === t.toUpperCase();
  const shape: Shape = {
    t,
    f: fold(t),
    cap,
    caps,
    digit: isDigit(t.charCodeAt(0)),
    classes: -1,
    classesOf: undefined,
    asked: 0,
    starts: 0,
  };
  shapes.push(shape);
  table[slot] = shapes.length;
  return shape;
}

/** Token objects reused from one block to the next (see tokenizeReusing), or null while tokenize allocates. */
let pool: Token[] | null = null;
let pooled = 0;

function makeWord(text: string, s: number, e: number, nl: boolean, k: Kind): Token {
  const w = shapeAt(text, s, e);
  const kind = w.digit ? Kind.Number : k;
  let tok = pool === null ? undefined : pool[pooled];
  if (tok === undefined) {
    tok = { s, e, t: w.t, f: w.f, k: kind, cap: w.cap, caps: w.caps, nl, q: QuoteSide.None, w };
    if (pool !== null) pool.push(tok);
  } else {
    tok.s = s;
    tok.e = e;
    tok.t = w.t;
    tok.f = w.f;
    tok.k = kind;
    tok.cap = w.cap;
    tok.caps = w.caps;
    tok.nl = nl;
    tok.q = QuoteSide.None;
    tok.w = w;
  }
  pooled++;
  return tok;
}

const POOL: Token[] = [];
/** A pool grown past this by one huge block lets the rest go afterwards. */
const MAX_POOL = 1 << 16;

/**
 * Like tokenize, but the token objects are those of the previous call, overwritten: for the engine's blocks,
 * which are read one at a time and never kept (a block's tokens are dead once its report is made). Saves
 * allocating an object per word of every block.
 */
export function tokenizeReusing(text: string): Token[] {
  pool = POOL;
  pooled = 0;
  try {
    return tokenize(text);
  } finally {
    pool = null;
    if (POOL.length > MAX_POOL) POOL.length = MAX_POOL;
  }
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  let nl = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 || c === 13) nl = true;
      i++;
      continue;
    }
    if (isLetter(c) || isDigit(c)) {
      let j = i + 1;
      // Only a word with an inner apostrophe can split ("l'agence", "Trump's").
      let apostrophe = false;
      for (;;) {
        const d = text.charCodeAt(j);
        if (j >= n) break;
        if (isLetter(d) || isDigit(d)) {
          j++;
          continue;
        }
        // Inner hyphen, apostrophe, or the separators of a number ("8:30", "2,5", "1.000").
        const next = text.charCodeAt(j + 1);
        if ((d === 45 || isApostrophe(d)) && (isLetter(next) || isDigit(next))) {
          if (d !== 45) apostrophe = true;
          j += 2;
          continue;
        }
        if ((d === 46 || d === 44 || d === 58) && isDigit(text.charCodeAt(j - 1)) && isDigit(next)) {
          j += 2;
          continue;
        }
        // Initials and abbreviations written with inner dots: "U.S.", "p.m.".
        if (d === 46 && isLetter(next) && text.charCodeAt(j + 2) === 46 && j - i <= 2) {
          j += 3;
          while (isLetter(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 46) j += 2;
          break;
        }
        break;
      }
      if (apostrophe) splitWord(text, i, j, nl, out);
      else out.push(makeWord(text, i, j, nl, Kind.Word));
      nl = false;
      i = j;
      continue;
    }
    // Two apostrophes or backquotes stand for a double quotation mark in some wire copy: ''...''.
    if ((c === 39 || c === 96) && text.charCodeAt(i + 1) === c) {
      const tok = makeWord(text, i, i + 2, nl, Kind.Quote);
      tok.k = Kind.Quote;
      tok.q = c === 96 ? QuoteSide.Open : QuoteSide.Either;
      tok.cap = false;
      out.push(tok);
      nl = false;
      i += 2;
      continue;
    }
    const side = quoteSide(c);
    const tok = makeWord(text, i, i + 1, nl, Kind.Punct);
    tok.k = side === QuoteSide.None ? Kind.Punct : Kind.Quote;
    tok.q = side;
    tok.cap = false;
    out.push(tok);
    nl = false;
    i++;
  }
  return out;
}

function splitWord(text: string, s: number, e: number, nl: boolean, out: Token[]): void {
  // Elision: the first apostrophe after a known clitic ("l'", "qu'") splits the word.
  for (let k = s + 1; k < e && k - s <= 7; k++) {
    if (isApostrophe(text.charCodeAt(k))) {
      const head = fold(text.slice(s, k));
      if (ELIDED.has(head)) {
        out.push(makeWord(text, s, k + 1, nl, Kind.Word));
        splitWord(text, k + 1, e, false, out);
        return;
      }
      break;
    }
  }
  // English possessive: "Trump's" is "Trump" + "'s".
  if (e - s > 2 && isApostrophe(text.charCodeAt(e - 2)) && (text.charCodeAt(e - 1) | 32) === 115) {
    out.push(makeWord(text, s, e - 2, nl, Kind.Word));
    out.push(makeWord(text, e - 2, e, false, Kind.Word));
    return;
  }
  out.push(makeWord(text, s, e, nl, Kind.Word));
}
