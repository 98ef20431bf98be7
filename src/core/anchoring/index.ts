// Anchors: where a passage of a page's text is, described so it can be found again after the page changes.
// The description is the W3C Web Annotation pair: a TextQuoteSelector (the exact words with some context
// either side) and a TextPositionSelector (offsets into the page's text). Finding it again tries, in order:
// the old position, an exact search for the quote, the same search with whitespace collapsed, then an
// approximate search allowing about one error in four characters. A passage that cannot be found is
// reported as such (null) so callers list it as an orphan rather than drop it.
import { searchApproximate } from './fuzzy';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextAnchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export type AnchorMethod = 'position' | 'quote' | 'whitespace' | 'fuzzy';

export interface AnchoredRange {
  start: number;
  end: number;
  method: AnchorMethod;
  /** Edits between the stored quote and the text found (0 unless fuzzy). */
  errors: number;
}

/** How much context the quote selector keeps either side. */
export const CONTEXT_LENGTH = 32;

/** The most edits a fuzzy match may have, whatever the quote's length. */
export const MAX_FUZZY_ERRORS = 32;

export function describeRange(text: string, start: number, end: number): TextAnchor {
  if (!(start >= 0 && end <= text.length && start < end)) {
    throw new RangeError(`describeRange: bad range ${start}-${end} in a text of ${text.length}`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Whitespace-collapsed view of a text, with a map back to the original offsets.

interface CollapsedText {
  text: string;
  /** offsets[i] = index in the original of collapsed character i; offsets[length] = original length. */
  offsets: number[];
}

const SPACE = /\s/;

// Re-attaching a lesson anchors many steps in one text: collapse it once.
let lastCollapsed: { source: string; result: CollapsedText } | undefined;

function collapse(original: string): CollapsedText {
  if (lastCollapsed?.source === original) return lastCollapsed.result;
  const result = collapseUncached(original);
  lastCollapsed = { source: original, result };
  return result;
}

/** Index of the first collapsed character at or after `offset` in the original (binary search). */
function collapsedIndex(collapsed: CollapsedText, offset: number): number {
  let lo = 0;
  let hi = collapsed.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (collapsed.offsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function collapseUncached(original: string): CollapsedText {
  let text = '';
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (SPACE.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      text += ' ';
    } else {
      inSpace = false;
      text += ch;
    }
    offsets.push(i);
  }
  offsets.push(original.length);
  return { text, offsets };
}

const collapseString = (s: string): string => s.replace(/\s+/g, ' ');

// ---------------------------------------------------------------------------------------------------------
// Choosing between candidates: context agreement first, then closeness to the old position.

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function contextScore(text: string, c: Candidate, prefix: string, suffix: string): number {
  const before = text.slice(Math.max(0, c.start - prefix.length), c.start);
  const after = text.slice(c.end, c.end + suffix.length);
  return commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix);
}

function pickBest(
  text: string,
  candidates: Candidate[],
  prefix: string,
  suffix: string,
  hint: number,
  quoteLength: number,
): { best: Candidate; context: number } | undefined {
  let best: Candidate | undefined;
  let bestScore = -Infinity;
  let bestContext = 0;
  for (const c of candidates) {
    const context = contextScore(text, c, prefix, suffix);
    // An edit in the quote weighs like a lost context character times two; distance breaks ties gently.
    const distance = Math.abs(c.start - hint) / Math.max(1, text.length);
    const score = context - 2 * c.errors - distance * Math.min(quoteLength, 8);
    if (score > bestScore) {
      bestScore = score;
      best = c;
      bestContext = context;
    }
  }
  return best && { best, context: bestContext };
}

function allOccurrences(text: string, needle: string): Candidate[] {
  const found: Candidate[] = [];
  if (!needle) return found;
  for (let i = text.indexOf(needle); i !== -1 && found.length < 1000; i = text.indexOf(needle, i + 1)) {
    found.push({ start: i, end: i + needle.length, errors: 0 });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------

export interface AnchorOptions {
  /** Largest share of the quote that may differ in a fuzzy match (default 1/4). */
  maxErrorRate?: number;
}

/** Finds a described passage in `text` (the page's text now), or null when it is gone. */
export function anchorQuote(
  text: string,
  selector: TextAnchor,
  options: AnchorOptions = {},
): AnchoredRange | null {
  const { exact, prefix, suffix } = selector.quote;
  const { start, end } = selector.position;
  if (!exact) return null;

  // 1. Nothing moved.
  if (start >= 0 && end <= text.length && end - start === exact.length && text.slice(start, end) === exact) {
    return { start, end, method: 'position', errors: 0 };
  }

  // 2. The same words elsewhere (an insertion or deletion above them).
  const exactHits = allOccurrences(text, exact);
  const exactBest = pickBest(text, exactHits, prefix, suffix, start, exact.length);
  if (exactBest) return { start: exactBest.best.start, end: exactBest.best.end, method: 'quote', errors: 0 };

  // 3. The same words with their whitespace reflowed.
  const collapsed = collapse(text);
  const exactC = collapseString(exact);
  const prefixC = collapseString(prefix);
  const suffixC = collapseString(suffix);
  const hintC = collapsedIndex(collapsed, start);
  const back = (c: Candidate): { start: number; end: number } => ({
    start: collapsed.offsets[c.start]!,
    // the end maps through the last character kept, so trailing collapsed space is not swallowed
    end: collapsed.offsets[c.end - 1]! + 1,
  });
  const spaceHits = allOccurrences(collapsed.text, exactC);
  const spaceBest = pickBest(collapsed.text, spaceHits, prefixC, suffixC, hintC, exactC.length);
  if (spaceBest) return { ...back(spaceBest.best), method: 'whitespace', errors: 0 };

  // 4. Approximately the same words (a word corrected, a sentence shortened).
  const rate = options.maxErrorRate ?? 0.25;
  // Capped, so a long quote on a long page stays a quick search (beyond that, better an orphan than a
  // frozen page).
  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(exactC.trim().length * rate));
  if (maxErrors < 1) return null;
  const fuzzyHits = searchApproximate(collapsed.text, exactC, maxErrors);
  const fuzzyBest = pickBest(collapsed.text, fuzzyHits, prefixC, suffixC, hintC, exactC.length);
  if (!fuzzyBest) return null;
  // A loose match means little on its own ("a annoncé X" ≈ "a précisé X"): beyond a typo or two, the
  // surrounding words must agree as well.
  const light = fuzzyBest.best.errors <= Math.max(1, Math.floor(exactC.length / 12));
  if (!light && fuzzyBest.context < 8) return null;
  if (exactC.length < 16 && fuzzyBest.context < 4) return null;
  const range = back(fuzzyBest.best);
  if (range.end <= range.start) return null;
  return { ...range, method: 'fuzzy', errors: fuzzyBest.best.errors };
}

export { searchApproximate } from './fuzzy';
