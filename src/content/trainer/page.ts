// The page as the trainer sees it: its text in reading order (the same extraction the overlay uses, so
// engine offsets and lesson selectors agree), ranges for spans of that text, and the span of the reader's
// selection. The text is read again whenever the page changed (marks split text nodes; articles grow).
import { createExtractor, OWN_UI_SELECTOR, type ExtractedText } from '../../dom/extract';
import { rangeForSpan } from '../../dom/ranges';

export interface Span {
  start: number;
  end: number;
}

export interface PageModel {
  readonly url: string;
  readonly title: string;
  text(): string;
  rangeFor(span: Span): Range | null;
  /** The selected words in the article, as a span of its text (null if none, or in our own UI). */
  selectionSpan(): Span | null;
  /** Call after the page changed. */
  invalidate(): void;
}

function extract(doc: Document, root?: Element): ExtractedText {
  const { extractor, mainContent, isArticle } = createExtractor(doc, root ? { root } : {});
  extractor.run();
  const result = extractor.result();
  return { ...result, isArticle, ...(mainContent ? { mainContent } : {}) };
}

export function pageModel(doc: Document, signal: AbortSignal, root?: Element): PageModel {
  let cached: ExtractedText | undefined;
  const current = (): ExtractedText => (cached ??= extract(doc, root));
  // Any change outside our own UI may move text: read it again when next asked.
  const observer = new MutationObserver((records) => {
    if (records.some((r) => !(r.target instanceof Element && r.target.closest(OWN_UI_SELECTOR))))
      cached = undefined;
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  function offsetAt(node: Node, offset: number, side: 'start' | 'end'): number | null {
    const { segments } = current();
    // A boundary between elements: move it onto the nearest text node.
    if (!(node instanceof Text)) {
      const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      const child = node.childNodes[side === 'start' ? offset : offset - 1];
      if (child instanceof Text) return offsetAt(child, side === 'start' ? 0 : child.data.length, side);
      if (child) {
        walker.currentNode = child;
        const text = side === 'start' ? walker.nextNode() : lastText(child);
        if (text instanceof Text) return offsetAt(text, side === 'start' ? 0 : text.data.length, side);
      }
      return null;
    }
    for (const seg of segments) {
      if (seg.node !== node) continue;
      if (offset >= seg.nodeStart && offset <= seg.nodeStart + seg.length)
        return seg.start + (offset - seg.nodeStart);
    }
    // Inside collapsed whitespace of this node: the nearest segment of it.
    const own = segments.filter((s) => s.node === node);
    if (own.length === 0) return null;
    const after = own.find((s) => s.nodeStart >= offset);
    if (side === 'start')
      return after ? after.start : own[own.length - 1]!.start + own[own.length - 1]!.length;
    const before = [...own].reverse().find((s) => s.nodeStart + s.length <= offset);
    return before ? before.start + before.length : own[0]!.start;
  }

  function lastText(node: Node): Text | null {
    for (let n: Node | null = node.lastChild; n; n = n.previousSibling) {
      if (n instanceof Text) return n;
      const inner = lastText(n);
      if (inner) return inner;
    }
    return null;
  }

  return {
    url: doc.location?.href ?? '',
    title: doc.title,
    text: () => current().text,
    rangeFor: (span) => rangeForSpan(doc, current().segments, span.start, span.end),
    selectionSpan: () => {
      const selection = doc.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
      const range = selection.getRangeAt(0);
      const inside = range.commonAncestorContainer;
      const el = inside instanceof Element ? inside : inside.parentElement;
      if (el?.closest(OWN_UI_SELECTOR)) return null;
      const start = offsetAt(range.startContainer, range.startOffset, 'start');
      const end = offsetAt(range.endContainer, range.endOffset, 'end');
      if (start === null || end === null || end <= start) return null;
      // Trim the whitespace a double-click or a drag picks up at the edges.
      const text = current().text;
      let s = start;
      let e = end;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      return e > s ? { start: s, end: e } : null;
    },
    invalidate: () => {
      cached = undefined;
    },
  };
}
