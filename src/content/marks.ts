// Highlights in the page's own text, the way Hypothesis draws them: text nodes split at the finding's
// edges and each piece wrapped in a <provenance-lens-mark> element, whitespace-only pieces left alone so
// nothing illegal lands between table rows. Marks are inline, add no box of their own and never wrap an
// element, so links and layout keep working.
import type { SourceCategory } from '../core/types';
import type { TextSegment } from '../dom/extract';
import { slicesForSpan, type NodeSlice } from '../dom/ranges';

export const MARK_TAG = 'provenance-lens-mark';

export type MarkKind = 'cue' | 'speaker' | 'quote' | 'via' | 'outlet' | 'hedge' | 'unnamed';

/** One stretch of page text to highlight, in extracted-text offsets. */
export interface MarkSpec {
  start: number;
  end: number;
  kind: MarkKind;
  category: SourceCategory;
  /** The finding it belongs to: the cue, speaker and quote of one attribution share it. */
  findingId: string;
  /** Spoken name of the finding, for the focusable mark (the cue, or an outlet/hedge mention). */
  label?: string;
  focusable?: boolean;
}

/** Elements inside which an inline element must not go (whitespace between rows, options...). */
const NO_INLINE_PARENT = new Set([
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'COLGROUP',
  'SELECT',
  'OPTGROUP',
  'DATALIST',
  'UL',
  'OL',
  'DL',
]);

interface Piece {
  node: Text;
  start: number; // offsets in the original node's data
  end: number;
}

/** Where each spec lands in the DOM, computed before anything is split. */
export interface MarkPlan {
  specs: MarkSpec[];
  slices: NodeSlice[][];
}

/** Anchoring: each spec's [start, end) to text-node slices, outer findings first so inner ones nest. */
export function planMarks(segments: readonly TextSegment[], specs: readonly MarkSpec[]): MarkPlan {
  const sorted = [...specs].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return { specs: sorted, slices: sorted.map((spec) => slicesForSpan(segments, spec.start, spec.end)) };
}

/**
 * Marking: wraps each planned slice in marks. All split points are taken before any split, so one text
 * node shared by several findings is cut once. Returns the marks created, grouped by finding id;
 * `onNewText` hears of every text node created by a split.
 */
export function applyMarks(
  doc: Document,
  plan: MarkPlan,
  onNewText?: (node: Text) => void,
): Map<string, HTMLElement[]> {
  const created = new Map<string, HTMLElement[]>();
  const { specs: sorted, slices: slicesOf } = plan;

  // Split points per node, then the pieces each node is cut into.
  const cuts = new Map<Text, Set<number>>();
  for (const slices of slicesOf)
    for (const s of slices) {
      let set = cuts.get(s.node);
      if (!set) cuts.set(s.node, (set = new Set()));
      set.add(s.start).add(s.end);
    }
  const pieces = new Map<Text, Piece[]>();
  for (const [node, set] of cuts) {
    // Planned earlier: the page may have removed or rewritten the node since.
    if (!node.isConnected) continue;
    const points = [...set].filter((p) => p > 0 && p < node.data.length).sort((a, b) => b - a);
    const list: Piece[] = [];
    let end = node.data.length;
    for (const p of points) {
      const tail = node.splitText(p);
      onNewText?.(tail);
      list.push({ node: tail, start: p, end });
      end = p;
    }
    list.push({ node, start: 0, end });
    list.reverse();
    pieces.set(node, list);
  }

  sorted.forEach((spec, i) => {
    let first = true;
    // Cloning a prepared element is cheaper than building each mark's attributes anew.
    const proto = doc.createElement(MARK_TAG);
    proto.setAttribute('data-pl-kind', spec.kind);
    proto.setAttribute('data-pl-cat', spec.category);
    for (const slice of slicesOf[i]!) {
      for (const piece of pieces.get(slice.node) ?? []) {
        if (piece.end <= slice.start || piece.start >= slice.end) continue;
        const parent = piece.node.parentNode;
        if (!parent || !piece.node.data.trim()) continue;
        if (parent.nodeType === 1 && NO_INLINE_PARENT.has((parent as Element).tagName.toUpperCase()))
          continue;
        const mark = proto.cloneNode(false) as HTMLElement;
        mark.setAttribute('data-pl-id', spec.findingId);
        // Inside a link the link is the focus stop; the panel's list reaches the flag instead.
        if (first && spec.focusable && !(parent as Element).closest?.('a[href], button')) {
          mark.tabIndex = 0;
          mark.setAttribute('role', 'button');
          if (spec.label) mark.setAttribute('aria-label', spec.label);
          mark.dataset.plFocus = '';
        }
        first = false;
        parent.insertBefore(mark, piece.node);
        mark.appendChild(piece.node);
        let list = created.get(spec.findingId);
        if (!list) created.set(spec.findingId, (list = []));
        list.push(mark);
      }
    }
  });
  return created;
}

/** Anchors and marks in one go. */
export function markSpans(
  doc: Document,
  segments: readonly TextSegment[],
  specs: readonly MarkSpec[],
  onNewText?: (node: Text) => void,
): Map<string, HTMLElement[]> {
  return applyMarks(doc, planMarks(segments, specs), onNewText);
}

/** Takes every mark out of the page, putting its text back where it was (adjacent pieces re-joined). */
export function removeMarks(root: ParentNode): void {
  const marks = Array.from(root.querySelectorAll(MARK_TAG));
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const p of parents) if (p.isConnected && !(p as Element).closest?.(MARK_TAG)) p.normalize();
}

/** The page stylesheet for marks: colour per category plus a line style and a glyph, never colour alone. */
export const MARK_CSS = `
${MARK_TAG}[data-pl-kind] {
  all: unset !important;
  display: inline !important;
  color: inherit !important;
  font: inherit !important;
  cursor: help !important;
  border-radius: 2px !important;
  -webkit-box-decoration-break: clone !important;
  box-decoration-break: clone !important;
  --pl-c: #6b7280;
  --pl-line: solid;
}
${MARK_TAG}[data-pl-cat="state-media"] { --pl-c: #c2185b; --pl-line: double; }
${MARK_TAG}[data-pl-cat="government"] { --pl-c: #b45309; --pl-line: solid; }
${MARK_TAG}[data-pl-cat="media"] { --pl-c: #1d4ed8; --pl-line: dashed; }
${MARK_TAG}[data-pl-cat="unnamed"] { --pl-c: #6d28d9; --pl-line: dotted; }
${MARK_TAG}[data-pl-cat="other"] { --pl-c: #4b5563; --pl-line: solid; }
${MARK_TAG}[data-pl-kind="cue"], ${MARK_TAG}[data-pl-kind="speaker"], ${MARK_TAG}[data-pl-kind="via"],
${MARK_TAG}[data-pl-kind="outlet"], ${MARK_TAG}[data-pl-kind="unnamed"] {
  background: color-mix(in srgb, var(--pl-c) 16%, transparent) !important;
  text-decoration: underline var(--pl-line) var(--pl-c) !important;
  text-decoration-thickness: 2px !important;
  text-underline-offset: 3px !important;
  text-decoration-skip-ink: none !important;
}
${MARK_TAG}[data-pl-kind="cue"] { font-weight: bolder !important; }
${MARK_TAG}[data-pl-kind="quote"] {
  background: color-mix(in srgb, var(--pl-c) 6%, transparent) !important;
}
${MARK_TAG}[data-pl-kind="hedge"] {
  text-decoration: underline wavy #0f766e !important;
  text-decoration-thickness: 1px !important;
  text-underline-offset: 3px !important;
}
${MARK_TAG}[data-pl-focus]::after {
  display: inline-block !important;
  margin-left: 0.15em !important;
  font-size: 0.7em !important;
  line-height: 1 !important;
  vertical-align: super !important;
  color: var(--pl-c) !important;
  content: "●" !important;
  text-decoration: none !important;
}
${MARK_TAG}[data-pl-cat="state-media"][data-pl-focus]::after { content: "◆" !important; }
${MARK_TAG}[data-pl-cat="government"][data-pl-focus]::after { content: "■" !important; }
${MARK_TAG}[data-pl-cat="media"][data-pl-focus]::after { content: "●" !important; }
${MARK_TAG}[data-pl-cat="unnamed"][data-pl-focus]::after { content: "?" !important; }
${MARK_TAG}[data-pl-cat="other"][data-pl-focus]::after { content: "○" !important; }
${MARK_TAG}[data-pl-kind="hedge"][data-pl-focus]::after { content: "~" !important; color: #0f766e !important; }
${MARK_TAG}[data-pl-active] {
  outline: 2px solid var(--pl-c) !important;
  outline-offset: 1px !important;
  background: color-mix(in srgb, var(--pl-c) 28%, transparent) !important;
}
${MARK_TAG}[data-pl-focus]:focus-visible { outline: 3px solid var(--pl-c) !important; outline-offset: 2px !important; }
@media (prefers-color-scheme: dark) {
  ${MARK_TAG}[data-pl-cat="state-media"] { --pl-c: #f06292; }
  ${MARK_TAG}[data-pl-cat="government"] { --pl-c: #f59e0b; }
  ${MARK_TAG}[data-pl-cat="media"] { --pl-c: #60a5fa; }
  ${MARK_TAG}[data-pl-cat="unnamed"] { --pl-c: #a78bfa; }
  ${MARK_TAG}[data-pl-cat="other"] { --pl-c: #9ca3af; }
}
a[data-pl-link-badge]::after {
  content: "◆ " attr(data-pl-link-badge) !important;
  display: inline-block !important;
  margin-left: 0.25em !important;
  padding: 0 0.3em !important;
  border: 1px solid #c2185b !important;
  border-radius: 3px !important;
  color: #c2185b !important;
  background: transparent !important;
  font: 600 0.7em/1.4 system-ui, sans-serif !important;
  vertical-align: middle !important;
  text-decoration: none !important;
}
`;

/** Puts the marks' stylesheet into the page once; returns its remover. */
export function installMarkStyles(doc: Document): () => void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    // A constructed sheet is not blocked by the page's style-src CSP, unlike a <style> element.
    const Sheet = view?.CSSStyleSheet;
    // Firefox content scripts see the page through Xray wrappers: a sheet built on our side of it cannot
    // be adopted by the page's document, so Firefox gets the <style> element.
    const firefoxXray = view !== null && 'wrappedJSObject' in (view as object);
    if (Sheet && 'adoptedStyleSheets' in doc && !firefoxXray) {
      const sheet = new Sheet();
      sheet.replaceSync(MARK_CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // Firefox content scripts cannot always adopt sheets across compartments: fall back to <style>.
  }
  const style = doc.createElement('style');
  style.dataset.provenanceLensUi = '';
  style.textContent = MARK_CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
  return () => style.remove();
}
