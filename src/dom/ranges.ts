// From offsets in the extracted text back to the DOM: which text nodes, and which characters in each, a
// finding's [start, end) covers. DOM-generic (used by the page's marking and by tests).
import type { TextSegment } from './extract';

/** A piece of one text node: characters [start, end) of `node.data`. */
export interface NodeSlice {
  node: Text;
  start: number;
  end: number;
}

/** Index of the last segment starting at or before `offset` (binary search), or -1. */
function segmentAt(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The text-node slices covering [start, end) of the extracted text, in order, merged per node. Characters
 * that come from no node (block separators) are skipped; a span across blocks yields slices in each.
 */
export function slicesForSpan(segments: readonly TextSegment[], start: number, end: number): NodeSlice[] {
  const out: NodeSlice[] = [];
  if (end <= start) return out;
  let i = Math.max(0, segmentAt(segments, start));
  for (; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.start >= end) break;
    const a = Math.max(start, seg.start);
    const b = Math.min(end, seg.start + seg.length);
    if (b <= a) continue;
    const ns = seg.nodeStart + (a - seg.start);
    const ne = seg.nodeStart + (b - seg.start);
    const prev = out[out.length - 1];
    if (prev && prev.node === seg.node && prev.end >= ns) prev.end = Math.max(prev.end, ne);
    else out.push({ node: seg.node, start: ns, end: ne });
  }
  return out;
}

/** A DOM Range for [start, end) of the extracted text, or null when nothing of it is in the page. */
export function rangeForSpan(
  doc: Document,
  segments: readonly TextSegment[],
  start: number,
  end: number,
): Range | null {
  const slices = slicesForSpan(segments, start, end);
  const first = slices[0];
  const last = slices[slices.length - 1];
  if (!first || !last) return null;
  const range = doc.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}
