// Approximate substring search: every place where `pattern` occurs in `text` with at most `maxErrors`
// edits (insertions, deletions, substitutions). Sellers' semi-global edit distance with Ukkonen's cut-off:
// a column only computes the rows that can still stay within the bound, so the cost is about
// O(maxErrors × text length) rather than O(pattern × text).

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/** End positions (exclusive) of the best local matches, each with its edit count. */
function matchEnds(text: string, pattern: string, maxErrors: number): Array<{ end: number; errors: number }> {
  const m = pattern.length;
  const over = maxErrors + 1;
  // prev[i] = edit distance between pattern[0..i) and the best substring of text ending at this column.
  // Rows below `lastActive` are conceptually > maxErrors and are never read as real values.
  let prev = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let lastActive = Math.min(maxErrors, m);
  const ends: Array<{ end: number; errors: number }> = [];
  let run: { end: number; errors: number } | undefined; // the best end of the current run of matches
  for (let j = 1; j <= text.length; j++) {
    const c = text.charCodeAt(j - 1);
    next[0] = 0;
    const limit = Math.min(m, lastActive + 1);
    for (let i = 1; i <= limit; i++) {
      let v = prev[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = (i <= lastActive ? prev[i]! : over) + 1;
      if (del < v) v = del;
      const ins = next[i - 1]! + 1;
      if (ins < v) v = ins;
      next[i] = v;
    }
    let active = limit;
    while (active > 0 && next[active]! > maxErrors) active--;
    lastActive = active;
    if (lastActive === m) {
      const errors = next[m]!;
      if (!run || errors < run.errors) run = { end: j, errors };
    } else if (run) {
      ends.push(run);
      run = undefined;
    }
    const swap = prev;
    prev = next;
    next = swap;
  }
  if (run) ends.push(run);
  return ends;
}

/**
 * The start of a match known to end at `end`: the same search run backwards over the reversed strings,
 * in a band of ±maxErrors around the diagonal (no alignment within the bound leaves it), so the cost is
 * O(pattern × maxErrors) however long the quote.
 */
function matchStart(text: string, pattern: string, end: number, maxErrors: number): number {
  const from = Math.max(0, end - pattern.length - maxErrors);
  const window = reverse(text.slice(from, end));
  const reversedPattern = reverse(pattern);
  const m = reversedPattern.length;
  const k = maxErrors;
  const over = k + 1;
  // Global on the pattern, anchored at the window's start (= the match's end), free at its other end.
  let prev = new Int32Array(m + 2);
  let next = new Int32Array(m + 2);
  for (let i = 0; i <= m + 1; i++) prev[i] = Math.min(i, over);
  let best = prev[m]!;
  let bestLength = 0;
  for (let j = 1; j <= window.length; j++) {
    const c = window.charCodeAt(j - 1);
    const lo = Math.max(1, j - k);
    const hi = Math.min(m, j + k);
    next[lo - 1] = lo - 1 === 0 ? Math.min(j, over) : over;
    for (let i = lo; i <= hi; i++) {
      const cost = reversedPattern.charCodeAt(i - 1) === c ? 0 : 1;
      next[i] = Math.min(prev[i - 1]! + cost, prev[i]! + 1, next[i - 1]! + 1, over);
    }
    if (hi + 1 <= m + 1) next[hi + 1] = over;
    if (hi === m) {
      const closer = Math.abs(j - m) < Math.abs(bestLength - m);
      if (next[m]! < best || (next[m]! === best && closer)) {
        best = next[m]!;
        bestLength = j;
      }
    }
    const swap = prev;
    prev = next;
    next = swap;
  }
  return end - bestLength;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Every approximate occurrence of `pattern` in `text` with at most `maxErrors` edits, best first. */
export function searchApproximate(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
  if (pattern.length === 0) return [];
  const errors = Math.max(0, Math.min(maxErrors, pattern.length - 1));
  const ends = matchEnds(text, pattern, errors);
  // Bound the work on pathological inputs: only the best few ends are refined.
  ends.sort((a, b) => a.errors - b.errors || a.end - b.end);
  return ends.slice(0, 32).map(({ end, errors: e }) => ({
    start: matchStart(text, pattern, end, errors),
    end,
    errors: e,
  }));
}
