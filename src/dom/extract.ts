// Page text in reading order, the way the engine wants it: the article's main content first, each
// block-level element one block, blocks separated by "\n\n", inline elements followed (a quote split by
// <em> or a link stays one quote), whitespace collapsed, and every character mapped back to the text
// node it came from so findings can be anchored to DOM ranges.
//
// DOM-generic: runs in the page (content script) and in Node over happy-dom (the command line).

/** Where a run of the extracted text comes from: `length` characters of `node` from `nodeStart`. */
export interface TextSegment {
  node: Text;
  /** Offset of the run in the extracted text. */
  start: number;
  /** Offset of the run in `node.data`. */
  nodeStart: number;
  length: number;
}

export interface TextBlock {
  /** [start, end) in the extracted text; `text.slice(start, end)` is the block's text. */
  start: number;
  end: number;
  /** The block's text (`text.slice(start, end)` of the whole extraction). */
  text: string;
  /** The block-level element holding the text. */
  element: Element;
  /** The block's runs, in order (a slice of the document's segments). */
  segments: TextSegment[];
}

export interface ExtractedText {
  text: string;
  blocks: TextBlock[];
  /** Every run of every block, in text order (for binary search). */
  segments: TextSegment[];
  /** The element the main content was read from, when the page looks like an article. */
  mainContent?: Element;
  /** Whether the cheap pre-check found an article (enough paragraph text, an <article>, JSON-LD). */
  isArticle: boolean;
}

export interface ExtractOptions {
  /** Read this subtree only (e.g. paragraphs added after load); skips the article detection. */
  root?: Element;
  /** Read these subtrees only, in this order (several new paragraphs at once). */
  roots?: Node[];
  /** Text nodes to leave out (already scanned). */
  skipText?: (node: Text) => boolean;
  /** Elements to leave out besides the built-in rules (our own UI, already-marked text). */
  skipElement?: (el: Element) => boolean;
  /** Check `display: none` / `visibility: hidden` through computed style (default: when available). */
  computedStyle?: boolean;
  /** Read the page outside the main content too, after it (default true). */
  includeRest?: boolean;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

const BLOCK_SELECTOR = Array.from(BLOCK_TAGS, (t) => t.toLowerCase()).join(',');

/** Never text a reader reads as prose. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MAP',
  'HEAD',
  'TITLE',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'MATH',
  'PROVENANCE-LENS-UI', // our own overlay
]);

/** Page furniture: menus and teasers, skipped wherever they stand. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE']);
const FURNITURE_ROLES = new Set(['navigation', 'menu', 'menubar', 'complementary', 'search', 'banner']);
/** Site-wide header and footer: skipped outside the main content, kept inside it (bylines, footnotes). */
const SITE_CHROME_TAGS = new Set(['HEADER', 'FOOTER']);

/** Our own UI: the overlay host and anything tagged by it. */
export const OWN_UI_SELECTOR = 'provenance-lens-ui, [data-provenance-lens-ui]';

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

function isHidden(el: Element, computed: boolean): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  if (!computed) return false;
  // Only elements a stylesheet can single out by class or id are worth the style lookup: it is the
  // costliest part of the walk on a long page.
  if (!el.hasAttribute('class') && !el.hasAttribute('id')) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const cs = view.getComputedStyle(el);
  return cs.display === 'none' || cs.visibility === 'hidden';
}

function skipByNature(el: Element, insideMain: boolean): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || FURNITURE_TAGS.has(tag)) return true;
  if (!insideMain && SITE_CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '') return true;
  if (el.hasAttribute('data-provenance-lens-ui') || tag === 'PROVENANCE-LENS-UI') return true;
  return false;
}

// ---- the cheap pre-check and the main content (Readability's idea, much reduced) ----

const MIN_ARTICLE_TEXT = 400;

function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  for (const node of readJsonLd(doc)) {
    const t = (node as { '@type'?: unknown })['@type'];
    if (typeof t === 'string') types.push(t);
    else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') types.push(x);
  }
  return types;
}

/** Is this page an article? Cheap: JSON-LD type, og:type, an <article>, or enough text in paragraphs. */
export function looksLikeArticle(doc: Document): boolean {
  if (jsonLdTypes(doc).some((t) => /Article|Report|BlogPosting/.test(t))) return true;
  if (doc.querySelector('meta[property="og:type"][content="article"]')) return true;
  if (doc.querySelector('article, [itemprop="articleBody"]')) return true;
  let total = 0;
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    total += (p.textContent ?? '').length;
    if (total >= MIN_ARTICLE_TEXT) return true;
  }
  return false;
}

function paragraphText(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) n += (p.textContent ?? '').trim().length;
  return n;
}

/** The element holding the article's text: articleBody, the fullest <article>, <main>, else the densest block. */
export function findMainContent(doc: Document): Element | undefined {
  const body = doc.querySelector('[itemprop="articleBody"]');
  if (body) return body.closest('article') ?? body;
  const articles = Array.from(doc.querySelectorAll('article'));
  if (articles.length === 1) return articles[0];
  if (articles.length > 1) {
    let best: Element | undefined;
    let bestScore = 0;
    for (const a of articles) {
      const s = paragraphText(a);
      if (s > bestScore) [best, bestScore] = [a, s];
    }
    if (best) return best;
  }
  const main = doc.querySelector('main, [role="main"]');
  if (main) return main;
  // The densest block: the parent holding most paragraph text (grandparents get half).
  const scores = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const len = (p.textContent ?? '').trim().length;
    if (len < 25) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + len);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + len / 2);
  }
  let best: Element | undefined;
  let bestScore = MIN_ARTICLE_TEXT - 1;
  for (const [el, s] of scores) if (s > bestScore) [best, bestScore] = [el, s];
  return best && best !== doc.body ? best : undefined;
}

// ---- the walk ----

/** Whitespace other than one plain space: runs of two or more, or any single newline, tab, nbsp... */
const IRREGULAR_SPACE = /\s{2,}|[^\S ]/g;
const WHITESPACE_ONLY = /^\s*$/;

/**
 * Walks the DOM in document order and builds the extracted text. Resumable: `run(deadline)` stops at a
 * block boundary once `deadline()` says the time slice is spent, so the content script can yield between
 * short tasks; `extractText` runs it to the end at once.
 */
export class TextExtractor {
  readonly blocks: TextBlock[] = [];
  readonly segments: TextSegment[] = [];
  /** The text of the block being read. */
  private current = '';
  private length = 0;
  private blockStart = 0;
  private blockSegStart = 0;
  private blockElement: Element | null = null;
  private lastWasSpace = true;
  /** What the text's last character is when it is a space: part of a segment, or a separator. */
  private trailing: 'none' | 'segment' | 'separator' = 'none';
  private readonly computed: boolean;
  private readonly skipText: ((node: Text) => boolean) | undefined;
  private readonly skipElement: ((el: Element) => boolean) | undefined;
  private readonly roots: Array<{ root: Node; insideMain: boolean; exclude?: Element }>;
  private readonly excluded: Set<Element>;
  // The walk's position, kept between runs: the next node to visit, the root it belongs to, the block
  // elements open around it, and whether it is inside the main content (and which element made it so).
  private next: Node | null = null;
  private rootIndex = -1;
  private root: Node | null = null;
  private insideMain = false;
  private mainElement: Element | null = null;
  private readonly openBlocks: Element[] = [];
  private baseBlock: Element | null = null;
  private blocksClosed = 0;

  constructor(
    roots: Array<{ root: Node; insideMain: boolean; exclude?: Element }>,
    options: ExtractOptions = {},
    private readonly firstOffset = 0,
  ) {
    this.length = firstOffset;
    this.blockStart = firstOffset;
    const doc = roots[0]?.root.ownerDocument ?? null;
    this.computed = options.computedStyle ?? typeof doc?.defaultView?.getComputedStyle === 'function';
    this.skipText = options.skipText;
    this.skipElement = options.skipElement;
    this.roots = roots;
    this.excluded = new Set(roots.map((r) => r.exclude).filter((e): e is Element => !!e));
    this.next = this.nextRoot();
  }

  get done(): boolean {
    return this.next === null;
  }

  private nextRoot(): Node | null {
    const r = this.roots[++this.rootIndex];
    if (!r) {
      this.closeBlock();
      this.root = null;
      return null;
    }
    this.closeBlock();
    this.root = r.root;
    this.insideMain = r.insideMain;
    this.mainElement = null;
    this.openBlocks.length = 0;
    // Text directly under a non-block root belongs to the nearest block around it.
    const el = r.root.nodeType === 1 ? (r.root as Element) : r.root.parentElement;
    this.baseBlock = el ? (isBlockElement(el) ? null : (el.closest(BLOCK_SELECTOR) ?? el)) : null;
    this.blockElement = this.baseBlock;
    return r.root;
  }

  /** Walks until the end or until `deadline()` is true at a block boundary. Returns the new blocks. */
  run(deadline?: () => boolean): TextBlock[] {
    const before = this.blocks.length;
    let node = this.next;
    while (node) {
      const type = node.nodeType;
      if (type === 3) {
        this.addText(node as Text);
        node = this.after(node, false);
      } else if (type === 1) {
        const el = node as Element;
        node = this.enter(el) ? (el.firstChild ?? this.after(el, true)) : this.after(el, false);
      } else if ((type === 9 || type === 11) && node.firstChild) node = node.firstChild;
      else node = this.after(node, false);
      if (this.blocksClosed >= 8) {
        this.blocksClosed = 0;
        if (deadline?.()) break;
      }
    }
    this.next = node;
    return this.blocks.slice(before);
  }

  /** Opens an element; false when it is skipped (with everything inside it). */
  private enter(el: Element): boolean {
    if (el !== this.root && this.excluded.has(el)) return false;
    const tag = el.tagName.toUpperCase();
    const insideMain = this.insideMain;
    // Most elements of an article carry no attribute at all: only their tag can rule them out.
    if (el.hasAttributes()) {
      if (skipByNature(el, insideMain) || this.skipElement?.(el) || isHidden(el, this.computed)) return false;
    } else if (SKIP_TAGS.has(tag) || FURNITURE_TAGS.has(tag) || (!insideMain && SITE_CHROME_TAGS.has(tag)))
      return false;
    if (tag === 'BR') {
      this.addSeparator(' ');
      return false;
    }
    if (BLOCK_TAGS.has(tag)) {
      this.closeBlock();
      this.openBlocks.push(el);
      this.blockElement = el;
    }
    if (
      !insideMain &&
      (tag === 'ARTICLE' || tag === 'MAIN' || el.getAttribute('itemprop') === 'articleBody')
    ) {
      this.insideMain = true;
      this.mainElement = el;
    }
    return true;
  }

  private exit(el: Element): void {
    if (this.openBlocks[this.openBlocks.length - 1] === el) {
      this.closeBlock();
      this.openBlocks.pop();
      this.blockElement = this.openBlocks[this.openBlocks.length - 1] ?? this.baseBlock;
      this.blocksClosed++;
    }
    if (el === this.mainElement) {
      this.insideMain = false;
      this.mainElement = null;
    }
  }

  /** The node after `node` in document order within the root (closing what is left), or the next root. */
  private after(node: Node, entered: boolean): Node | null {
    let n = node;
    if (entered && n.nodeType === 1) this.exit(n as Element);
    for (;;) {
      if (n === this.root) return this.nextRoot();
      const sibling = n.nextSibling;
      if (sibling) return sibling;
      const parent = n.parentNode;
      if (!parent) return this.nextRoot();
      n = parent;
      if (n.nodeType === 1) this.exit(n as Element);
    }
  }

  private addSeparator(s: string): void {
    if (this.lastWasSpace) return;
    this.current += s;
    this.length += s.length;
    this.lastWasSpace = true;
    this.trailing = 'separator';
  }

  private addText(node: Text): void {
    if (this.skipText?.(node)) return;
    const data = node.data;
    if (!data) return;
    // The indentation between tags, after a space or a block's start, adds nothing: the commonest text
    // node of a page, skipped without the run-by-run scan below.
    if (this.lastWasSpace && data.charCodeAt(0) <= 32 && WHITESPACE_ONLY.test(data)) return;
    // Regular stretches (words with single plain spaces) are copied as they are, one segment each; an
    // irregular whitespace run (several characters, a newline, a tab, a no-break space) becomes one space
    // mapped to the run's first character. Native regex scanning keeps this near the cost of reading.
    let out = '';
    let at = 0;
    IRREGULAR_SPACE.lastIndex = 0;
    for (;;) {
      const m = IRREGULAR_SPACE.exec(data);
      const end = m ? m.index : data.length;
      if (end > at) out += this.addRun(node, data, at, end);
      if (!m) break;
      if (!this.lastWasSpace) {
        this.segments.push({ node, start: this.length, nodeStart: m.index, length: 1 });
        out += ' ';
        this.length += 1;
        this.lastWasSpace = true;
        this.trailing = 'segment';
      }
      at = m.index + m[0].length;
    }
    if (out) this.current += out;
  }

  /** A stretch with single plain spaces only: copied 1:1 (less a leading space after a space). */
  private addRun(node: Text, data: string, start: number, end: number): string {
    if (this.lastWasSpace && data.charCodeAt(start) === 32) start++;
    if (end <= start) return '';
    this.segments.push({ node, start: this.length, nodeStart: start, length: end - start });
    this.length += end - start;
    const spaceAtEnd = data.charCodeAt(end - 1) === 32;
    this.lastWasSpace = spaceAtEnd;
    this.trailing = spaceAtEnd ? 'segment' : 'none';
    return data.slice(start, end);
  }

  private closeBlock(): void {
    const segStart = this.blockSegStart;
    if (this.segments.length > segStart && this.blockElement) {
      // A trailing space belongs to no word: drop it.
      if (this.trailing !== 'none') {
        this.current = this.current.slice(0, -1);
        this.length -= 1;
        if (this.trailing === 'segment') {
          const last = this.segments[this.segments.length - 1]!;
          if (last.length === 1) this.segments.pop();
          else last.length -= 1;
        }
      }
      if (this.length > this.blockStart && this.segments.length > segStart) {
        this.blocks.push({
          start: this.blockStart,
          end: this.length,
          text: this.current,
          element: this.blockElement,
          segments: this.segments.slice(segStart),
        });
        this.length += 2; // the "\n\n" between blocks
      }
    }
    this.blockStart = this.length;
    this.blockSegStart = this.segments.length;
    this.current = '';
    this.lastWasSpace = true;
    this.trailing = 'none';
  }

  /** The extracted text (from `firstOffset` on), without the final block separator. */
  result(): { text: string; blocks: TextBlock[]; segments: TextSegment[] } {
    const text = this.blocks.map((b) => b.text).join('\n\n');
    return { text, blocks: this.blocks, segments: this.segments };
  }
}

function extractionRoots(
  doc: Document,
  options: ExtractOptions,
): {
  roots: Array<{ root: Node; insideMain: boolean; exclude?: Element }>;
  main?: Element;
  isArticle: boolean;
} {
  if (options.roots)
    return { roots: options.roots.map((root) => ({ root, insideMain: true })), isArticle: false };
  if (options.root) return { roots: [{ root: options.root, insideMain: true }], isArticle: false };
  const body = doc.body ?? doc.documentElement;
  const isArticle = looksLikeArticle(doc);
  const main = isArticle ? findMainContent(doc) : undefined;
  if (!main || !body) return { roots: body ? [{ root: body, insideMain: false }] : [], isArticle };
  const roots: Array<{ root: Node; insideMain: boolean; exclude?: Element }> = [
    { root: main, insideMain: true },
  ];
  if (options.includeRest ?? true) roots.push({ root: body, insideMain: false, exclude: main });
  return { roots, main, isArticle };
}

/** Prepares a resumable extraction of the page (or of `options.root`), starting at text offset `offset`. */
export function createExtractor(
  doc: Document,
  options: ExtractOptions = {},
  offset = 0,
): { extractor: TextExtractor; mainContent?: Element; isArticle: boolean } {
  const { roots, main, isArticle } = extractionRoots(doc, options);
  return { extractor: new TextExtractor(roots, options, offset), mainContent: main, isArticle };
}

/** The page's text in reading order (main content first), with its blocks and the map back to text nodes. */
export function extractText(doc: Document, options: ExtractOptions = {}): ExtractedText {
  const { extractor, mainContent, isArticle } = createExtractor(doc, options);
  extractor.run();
  const { text, blocks, segments } = extractor.result();
  return { text, blocks, segments, isArticle, ...(mainContent ? { mainContent } : {}) };
}

// ---- publisher metadata ----

export interface PublisherMeta {
  canonicalUrl?: string;
  siteName?: string;
  jsonLdPublisher?: string;
  title?: string;
}

function readJsonLd(doc: Document): unknown[] {
  const nodes: unknown[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      nodes.push(v);
      const graph = (v as { '@graph'?: unknown })['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is the page's problem; the others still count.
    }
  }
  return nodes;
}

function publisherName(node: unknown): string | undefined {
  const p = (node as { publisher?: unknown }).publisher;
  const one = Array.isArray(p) ? p[0] : p;
  if (typeof one === 'string') return one.trim() || undefined;
  const name = (one as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

/** Who publishes the page, as it says itself: canonical link, og:site_name, JSON-LD publisher, title. */
export function readPublisherMeta(doc: Document): PublisherMeta {
  const meta: PublisherMeta = {};
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim();
  if (canonical) {
    try {
      meta.canonicalUrl = new URL(canonical, doc.baseURI || undefined).href;
    } catch {
      meta.canonicalUrl = canonical;
    }
  }
  const site = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim();
  if (site) meta.siteName = site;
  const nodes = readJsonLd(doc);
  // Prefer the article's publisher; fall back to any node naming one.
  const isArticleNode = (n: unknown) => {
    const t = (n as { '@type'?: unknown })['@type'];
    const types = Array.isArray(t) ? t : [t];
    return types.some((x) => typeof x === 'string' && /Article|Report|BlogPosting|WebPage/.test(x));
  };
  const withPublisher = nodes.filter((n) => publisherName(n));
  const chosen = withPublisher.find(isArticleNode) ?? withPublisher[0];
  const pub = chosen ? publisherName(chosen) : undefined;
  if (pub) meta.jsonLdPublisher = pub;
  else {
    const org = nodes.find((n) => {
      const t = (n as { '@type'?: unknown })['@type'];
      return t === 'NewsMediaOrganization' || t === 'Organization';
    }) as { name?: unknown } | undefined;
    if (typeof org?.name === 'string' && org.name.trim()) meta.jsonLdPublisher = org.name.trim();
  }
  const title =
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() || doc.title?.trim();
  if (title) meta.title = title;
  return meta;
}
