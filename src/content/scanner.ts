// The page side's conductor: reads the page's text, runs the engine block by block, anchors and marks the
// findings, feeds the overlay, and keeps up with the page afterwards. All of it in short tasks, and all of
// it (listeners, observer, timers, marks, overlay) undone through the one AbortSignal it is given.
//
// Dynamic pages: the MutationObserver callback only queues nodes (uBlock Origin's rule); a throttled idle
// task scans the new text with the same Analyzer, so speakers carry over to paragraphs added later. A huge
// batch becomes one full rescan (Dark Reader's rule), and our own DOM writes never reach the queue.
import { Analyzer, detectLanguage, engineStartSteps } from '../core/index';
import { outletCategory, resolvePublisher } from '../core/publisher';
import { matchOutlet, parseAddress } from '../core/domains';
import type { Lang, Publisher } from '../core/types';
import {
  createExtractor,
  readPublisherMeta,
  isBlockElement,
  type TextBlock,
  type TextExtractor,
} from '../dom/extract';
import { countFindings, viewFindings, type FindingView } from './findings';
import { categoryLabel, t } from './i18n';
import {
  applyMarks,
  installMarkStyles,
  MARK_TAG,
  planMarks,
  removeMarks,
  type MarkPlan,
  type MarkSpec,
} from './marks';
import { HOST_TAG } from './overlay/host';
import type { OverlayStore, StateLink } from './overlay/state';
import { later, now, SLICE_MS, whenIdle, yieldToPage } from './schedule';

/** Past this many queued nodes, one full rescan is cheaper than following them one by one. */
const MAX_QUEUE = 400;
let engineStarted = false;
/** The engine's start-up, step by step, shared by every scan of the page. */
let engineStart: Generator<string, void, undefined> | null = null;

/** The tag on text nodes already read (private to the content script's world). */
const SCANNED = Symbol('provenance-lens.scanned');
/** How far beyond the viewport marks are drawn ahead of the reader's scrolling. */
const LAZY_MARGIN_PX = 1500;
/** At most one incremental batch per this many milliseconds, however fast the page mutates. */
const BATCH_INTERVAL_MS = 300;

const SKIP_ANCESTORS = `${HOST_TAG}, [data-provenance-lens-ui], nav, aside, [role="navigation"], [aria-hidden="true"], [hidden], template, noscript, script, style, textarea, [contenteditable="true"], [contenteditable=""]`;

/** A block's findings waiting to be anchored and marked. */
interface PendingMarks {
  segments: TextBlock['segments'];
  specs: MarkSpec[];
}

export type Phase = 'extract' | 'analyze' | 'anchor' | 'mark' | 'links' | 'ui';

export interface ScanTimings {
  phases: Record<Phase, number>;
  /** Sum of every task the scan ran (phases plus bookkeeping). */
  total: number;
  /** The longest single task, and what it was doing. */
  longestTask: number;
  longestTaskStep?: string;
  /** Tasks over 30 ms, with the time each phase took in them (bench mode only). */
  slowTasks?: Array<{ step: string; ms: number; phases: Partial<Record<Phase, number>> }>;
  tasks: number;
}

export interface ScannerHooks {
  /** After every scan or batch: the page's findings and publisher. */
  onScanned(findings: readonly FindingView[], publisher: Publisher | undefined, links: StateLink[]): void;
}

export class PageScanner {
  private analyzer: Analyzer | null = null;
  private offset = 0;
  private nextId = 0;
  private generation = 0;
  private findings: FindingView[] = [];
  private links: StateLink[] = [];
  private publisher: Publisher | undefined;
  private readonly marks = new Map<string, HTMLElement[]>();
  /** Text already read is tagged with the current scan's epoch (a WeakSet costs more on long pages). */
  private epoch = 0;
  private readonly scanned = {
    add: (node: Text) => ((node as unknown as Record<symbol, number>)[SCANNED] = this.epoch),
    has: (node: Text) => (node as unknown as Record<symbol, number | undefined>)[SCANNED] === this.epoch,
  };
  private queue: Node[] = [];
  private overflow = false;
  private flushScheduled = false;
  private lastFlush = 0;
  private lastUrl: string;
  private readonly observer: MutationObserver;
  private readonly removeStyles: () => void;
  private scanning: Promise<void> | null = null;
  private readonly bench: boolean;
  private readonly io: IntersectionObserver | null;
  /** Planned marks waiting for their block to come near the viewport. */
  private readonly waiting = new Map<Element, PendingMarks[]>();
  /** Each finding's block element, where its marks are (or will be). */
  private readonly blockOfFinding = new Map<string, Element>();
  private watching = false;
  readonly timings: ScanTimings = {
    phases: { extract: 0, analyze: 0, anchor: 0, mark: 0, links: 0, ui: 0 },
    total: 0,
    longestTask: 0,
    tasks: 0,
  };

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly store: OverlayStore,
    private readonly hooks: ScannerHooks,
    options: { bench?: boolean; lazy?: boolean } = {},
  ) {
    this.bench = options.bench ?? false;
    // Marks far from the viewport wait until the reader scrolls near them (IntersectionObserver).
    const IO = (globalThis as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
    this.io =
      options.lazy && IO
        ? new IO((entries) => this.onVisible(entries), { rootMargin: `${LAZY_MARGIN_PX}px 0px` })
        : null;
    this.lastUrl = doc.location?.href ?? '';
    this.removeStyles = installMarkStyles(doc);
    this.observer = new MutationObserver((records) => this.enqueue(records));
    signal.addEventListener(
      'abort',
      () => {
        this.generation++;
        this.observer.disconnect();
        this.io?.disconnect();
        removeMarks(doc.body ?? doc.documentElement);
        this.clearLinkBadges();
        this.removeStyles();
        delete doc.documentElement.dataset.provenanceLens;
        delete doc.documentElement.dataset.provenanceLensCount;
      },
      { once: true },
    );
  }

  /** The finding's marks in the page (cue, speaker, quote, relays). */
  marksOf(id: string): HTMLElement[] {
    return this.marks.get(id) ?? [];
  }

  /** Marks the finding now if its block was waiting to be marked (the reader asked for it). */
  ensureMarked(id: string): HTMLElement[] {
    const el = this.blockOfFinding.get(id);
    if (el && this.waiting.has(el)) {
      const task = this.startTask('marks on demand');
      this.markBlock(el);
      this.endTask(task);
    }
    return this.marksOf(id);
  }

  /** Where a finding stands in the page: its first mark, or its block while not yet marked. */
  anchorOf(id: string): Element | undefined {
    const marks = this.marks.get(id);
    return marks?.find((m) => m.hasAttribute('data-pl-focus')) ?? marks?.[0] ?? this.blockOfFinding.get(id);
  }

  get allFindings(): readonly FindingView[] {
    return this.findings;
  }

  /** Starts watching the page for new text and address changes. */
  watch(): void {
    if (this.signal.aborted) return;
    this.watching = true;
    this.resume();
    const win = this.doc.defaultView;
    const check = () => this.checkUrl();
    win?.addEventListener('popstate', check, { signal: this.signal });
    win?.addEventListener('hashchange', check, { signal: this.signal });
    // pushState is invisible from a content script's world; the Navigation API sees it where it exists,
    // and a slow poll covers the rest.
    const nav = (win as unknown as { navigation?: EventTarget } | null)?.navigation;
    nav?.addEventListener('navigatesuccess', check, { signal: this.signal });
    const poll = () => {
      check();
      later(poll, 1000, this.signal);
    };
    later(poll, 1000, this.signal);
  }

  /** Scans the whole page afresh (first load, address change, or a batch too big to follow). */
  rescan(): Promise<void> {
    const run = this.fullScan();
    this.scanning = run;
    return run;
  }

  // ---- the full scan ----

  private async fullScan(): Promise<void> {
    const generation = ++this.generation;
    const doc = this.doc;
    let task = this.startTask('unmark');
    // Our own writes (unmarking) must not come back as page changes.
    this.enqueue(this.observer.takeRecords());
    this.pause();
    removeMarks(doc.body ?? doc.documentElement);
    this.clearLinkBadges();
    this.resume();
    this.queue = [];
    this.overflow = false;
    this.marks.clear();
    this.io?.disconnect();
    this.waiting.clear();
    this.unreported.clear();
    this.blockOfFinding.clear();
    this.epoch++;
    this.findings = [];
    this.links = [];
    this.offset = 0;
    this.analyzer = null;

    // Setup steps are tasks of their own (the knowledge base's index is built on first use).
    this.endTask(task);
    await yieldToPage();
    task = this.startTask('publisher');
    this.publisher = this.readPublisher();
    this.endTask(task);
    await yieldToPage();
    if (this.signal.aborted || generation !== this.generation) return;
    // The engine builds its indexes on first use: let that happen in tasks of their own, labelled, rather
    // than inside the first slice of reading. Its start-up comes in steps of a few milliseconds (the
    // lexicon, the known names in portions, a first analysis), one per task, so none is a long task; a scan
    // stopped half-way leaves the rest to the next one.
    if (!engineStarted) {
      engineStart ??= engineStartSteps();
      for (;;) {
        task = this.startTask('engine start');
        const step = engineStart.next();
        if (step.done) break;
        task.step = step.value;
        this.endTask(task);
        await yieldToPage();
        if (this.signal.aborted || generation !== this.generation) return;
      }
      engineStarted = true;
    }
    task = this.startTask('article detection');
    const t0 = now();
    const { extractor } = createExtractor(doc, { skipElement: isOurs });
    this.phase('extract', t0);
    this.endTask(task);
    await yieldToPage();
    if (this.signal.aborted || generation !== this.generation) return;
    task = this.startTask();
    await this.scanWith(extractor, generation, task);
    if (generation !== this.generation) return;
    task = this.startTask('links');
    await this.badgeLinks(generation, task);
  }

  private readPublisher(): Publisher | undefined {
    try {
      const meta = readPublisherMeta(this.doc);
      return resolvePublisher({ ...meta, url: this.doc.location?.href ?? '' });
    } catch {
      return undefined;
    }
  }

  private language(sample: string): Lang {
    const declared = (this.doc.documentElement.lang || '').slice(0, 2).toLowerCase();
    if (declared === 'fr' || declared === 'en') return declared;
    return detectLanguage(sample);
  }

  /**
   * Runs an extractor to its end in slices: each slice extracts blocks, analyses them, anchors and marks
   * their findings, then yields if its time is spent.
   */
  private async scanWith(
    extractor: TextExtractor,
    generation: number,
    task: { start: number; step?: string },
    waitForView = true,
  ): Promise<void> {
    const added: FindingView[] = [];
    let deadline = task.start + SLICE_MS;
    const spent = () => now() >= deadline;
    // First read all the text, then analyse and mark it: reading between markings would make every
    // computed-style lookup recompute the page's styles.
    const blocks: TextBlock[] = [];
    const slice = async (): Promise<boolean> => {
      if (!spent()) return true;
      this.endTask(task);
      this.resume();
      await yieldToPage();
      if (this.signal.aborted || generation !== this.generation) return false;
      this.pause();
      task = this.startTask();
      deadline = task.start + SLICE_MS;
      return true;
    };
    this.pause();
    while (!extractor.done) {
      const t0 = now();
      for (const b of extractor.run(spent)) blocks.push(b);
      this.phase('extract', t0);
      if (!(await slice())) return;
    }
    for (const block of blocks) {
      this.remember(block);
      this.analyzeAndMark(block, added);
      if (!(await slice())) return;
    }
    this.resume();
    // Announce the scan once the text in view is marked (the observer reports at the next frame).
    if (waitForView && this.io && this.waiting.size > 0) {
      this.endTask(task);
      await this.markedInView();
      if (this.signal.aborted || generation !== this.generation) return;
      task = this.startTask('publish');
    }
    const t0 = now();
    this.findings = [...this.findings, ...added]; // a new list: the overlay and its caches see the change
    this.publish();
    this.phase('ui', t0);
    this.endTask(task);
  }

  private remember(block: TextBlock): void {
    let last: Text | null = null;
    for (const seg of block.segments)
      if (seg.node !== last) {
        last = seg.node;
        this.scanned.add(last);
      }
  }

  private analyzeAndMark(block: TextBlock, added: FindingView[]): void {
    const t0 = now();
    if (!this.analyzer) {
      this.analyzer = new Analyzer({ lang: this.language(block.text), url: this.doc.location?.href ?? '' });
    }
    const report = this.analyzer.addBlock(block.text, block.start);
    this.offset = Math.max(this.offset, block.end + 2);
    const { views, marks } = viewFindings(
      report,
      (s, e) => block.text.slice(s - block.start, e - block.start),
      () => `f${++this.nextId}`,
    );
    this.phase('analyze', t0);
    if (marks.length === 0) return;
    for (const m of marks) {
      if (!m.focusable) continue;
      const view = views.find((v) => v.id === m.findingId);
      if (view) m.label = markLabel(view);
    }
    // Anchoring waits with marking: a block far from the viewport is only located when it is drawn.
    for (const v of views) {
      added.push(v);
      this.blockOfFinding.set(v.id, block.element);
    }
    const work = { segments: block.segments, specs: marks };
    if (this.io) {
      const list = this.waiting.get(block.element);
      if (list) list.push(work);
      else {
        this.waiting.set(block.element, [work]);
        this.unreported.add(block.element);
        this.io.observe(block.element);
      }
    } else this.anchorAndMark(work);
  }

  private anchorAndMark(work: PendingMarks): void {
    const t0 = now();
    const plan = planMarks(work.segments, work.specs);
    this.phase('anchor', t0);
    this.applyPlan(plan);
  }

  private applyPlan(plan: MarkPlan): void {
    const t0 = now();
    const created = applyMarks(this.doc, plan, (node) => this.scanned.add(node));
    for (const [id, list] of created) {
      const known = this.marks.get(id);
      if (known) known.push(...list);
      else this.marks.set(id, list);
    }
    this.phase('mark', t0);
  }

  private markBlock(el: Element): void {
    const pending = this.waiting.get(el);
    if (!pending) return;
    this.waiting.delete(el);
    this.unreported.delete(el);
    this.io?.unobserve(el);
    this.pause();
    for (const work of pending) this.anchorAndMark(work);
    this.resume();
  }

  private inView: Array<() => void> = [];

  /**
   * Resolves when the observer has reported (and the text in view is marked). Rendering can be throttled
   * (a busy machine, a tab in the background), so past half a second the blocks near the viewport are
   * measured once and marked without waiting for the observer.
   */
  private markedInView(): Promise<void> {
    return new Promise((resolve) => {
      let reported = false;
      this.inView.push(() => {
        reported = true;
        resolve();
      });
      later(
        () => {
          if (!reported) this.markNearViewport();
          resolve();
        },
        500,
        this.signal,
      );
    });
  }

  private markNearViewport(): void {
    const view = this.doc.defaultView;
    if (!view || this.signal.aborted) return;
    const top = -LAZY_MARGIN_PX;
    const bottom = view.innerHeight + LAZY_MARGIN_PX;
    const near = [...this.waiting.keys()].filter((el) => {
      const r = el.getBoundingClientRect();
      // A block with no box is not laid out (hidden, or no layout at all): the observer will tell.
      return (r.width > 0 || r.height > 0) && r.bottom >= top && r.top <= bottom;
    });
    for (const el of near) this.markBlock(el);
  }

  /** Marking runs started by the observer that have not finished (they yield between slices). */
  private markingInView = 0;
  /** Blocks observed whose first report has not come yet. */
  private readonly unreported = new Set<Element>();

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) this.unreported.delete(e.target);
    const visible = entries.filter((e) => e.isIntersecting).map((e) => e.target);
    // The text in view is marked once every block observed has been reported and no report is still being
    // marked. A report computed at an earlier frame can arrive after the scan's last blocks were observed
    // (it covers only the blocks before them), and a report of blocks out of view can arrive while an
    // earlier one yields between its slices: neither may announce the scan early.
    const done = () => {
      if (this.markingInView === 0 && this.unreported.size === 0) for (const r of this.inView.splice(0)) r();
    };
    if (visible.length === 0) return done();
    this.markingInView++;
    void (async () => {
      try {
        let task = this.startTask('marks near the viewport');
        for (const el of visible) {
          if (this.signal.aborted) return;
          this.markBlock(el);
          if (now() - task.start > SLICE_MS) {
            this.endTask(task);
            await yieldToPage();
            task = this.startTask('marks near the viewport');
          }
        }
        this.endTask(task);
      } finally {
        this.markingInView--;
      }
      done();
    })();
  }

  private publish(): void {
    const doc = this.doc;
    const { attributions } = countFindings(this.findings);
    doc.documentElement.dataset.provenanceLens = 'ready';
    doc.documentElement.dataset.provenanceLensCount = String(attributions);
    this.store.set({
      findings: this.findings,
      links: this.links,
      ...(this.publisher ? { publisher: this.publisher } : {}),
    });
    this.hooks.onScanned(this.findings, this.publisher, this.links);
  }

  // ---- state-media links ----

  private clearLinkBadges(): void {
    for (const a of Array.from(this.doc.querySelectorAll('a[data-pl-link-badge]')))
      a.removeAttribute('data-pl-link-badge');
  }

  private async badgeLinks(generation: number, task: { start: number }): Promise<void> {
    const doc = this.doc;
    const own = parseAddress(this.publisher?.url ?? doc.location?.href ?? '')?.domain;
    const anchors = Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]'));
    const outlets = new Map<string, NonNullable<ReturnType<typeof matchOutlet>> | null>();
    const badge = t('page_linkBadge');
    let deadline = task.start + SLICE_MS;
    let t0 = now();
    for (const a of anchors) {
      if (now() >= deadline) {
        this.phase('links', t0);
        this.endTask(task);
        await yieldToPage();
        if (this.signal.aborted || generation !== this.generation) return;
        task = this.startTask();
        deadline = task.start + SLICE_MS;
        t0 = now();
      }
      const href = a.href;
      // A page links to a few addresses many times over: each is looked up once.
      let outlet = outlets.get(href);
      if (outlet === undefined) {
        const found = /^https?:/i.test(href) ? matchOutlet(href) : undefined;
        const stateMedia = !!found && outletCategory(found) === 'state-media';
        // The site's own pages are no link to state media, even on a state outlet's site.
        outlet = found && stateMedia && !(own && parseAddress(href)?.domain === own) ? found : null;
        outlets.set(href, outlet);
      }
      // Only a link that would be badged is worth the ancestor check (a selector list per ancestor).
      if (!outlet || a.closest(SKIP_ANCESTORS)) continue;
      a.setAttribute('data-pl-link-badge', badge);
      this.links.push({
        href,
        text: (a.textContent ?? '').trim().slice(0, 120) || href,
        outlet: outlet.name,
        country: outlet.country.toUpperCase(),
        entityId: outlet.id,
      });
    }
    this.phase('links', t0);
    if (this.links.length > 0) this.store.set({ links: [...this.links] });
    this.endTask(task);
  }

  // ---- keeping up with the page ----

  private enqueue(records: MutationRecord[]): void {
    if (this.signal.aborted) return;
    let removed = false;
    for (const r of records) {
      const target = r.target;
      if (isOwnNode(target)) continue;
      if (r.removedNodes.length > 0) removed = true;
      for (const node of Array.from(r.addedNodes)) {
        if (this.overflow) break;
        if (node.nodeType === 3 ? this.scanned.has(node as Text) : node.nodeType !== 1) continue;
        if (isOwnNode(node)) continue;
        this.queue.push(node);
        if (this.queue.length > MAX_QUEUE) {
          this.overflow = true;
          this.queue = [];
        }
      }
    }
    if (
      (this.queue.length > 0 || this.overflow || (removed && this.findings.length > 0)) &&
      !this.flushScheduled
    )
      this.scheduleFlush();
  }

  private scheduleFlush(): void {
    this.flushScheduled = true;
    const wait = Math.max(0, this.lastFlush + BATCH_INTERVAL_MS - now());
    later(() => whenIdle(() => void this.flush(), 500, this.signal), wait, this.signal);
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    this.lastFlush = now();
    if (this.signal.aborted) return;
    if (this.scanning) await this.scanning;
    if (this.checkUrl()) return;
    if (this.overflow) {
      await this.rescan();
      return;
    }
    const roots = this.rootsOf(this.queue);
    this.queue = [];
    // Findings whose text the page has taken away leave the list.
    const before = this.findings.length;
    this.findings = this.findings.filter((f) => this.anchorOf(f.id)?.isConnected);
    if (roots.length === 0) {
      if (this.findings.length !== before) this.publish();
      return;
    }
    const generation = this.generation;
    const run = (async () => {
      const task = this.startTask('new text');
      const { extractor } = createExtractor(
        this.doc,
        { roots, skipElement: isOurs, skipText: (n) => this.scanned.has(n) },
        this.offset,
      );
      await this.scanWith(extractor, generation, task, false);
    })();
    this.scanning = run;
    await run;
  }

  /** The smallest set of block roots holding the queued nodes' new text. */
  private rootsOf(nodes: Node[]): Element[] {
    const roots = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected) continue;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || el.closest(SKIP_ANCESTORS) || el.closest(MARK_TAG)) continue;
      const root =
        isBlockElement(el) || el.querySelector('p, div, li, h1, h2, h3, blockquote') ? el : blockOf(el);
      if (root) roots.add(root);
    }
    // Drop roots inside other roots; read the rest in page order.
    return [...roots]
      .filter((r) => ![...roots].some((o) => o !== r && o.contains(r)))
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** Rescans when the address changed (single-page navigation); true when it did. */
  private checkUrl(): boolean {
    const url = this.doc.location?.href ?? '';
    if (url === this.lastUrl) return false;
    this.lastUrl = url;
    // Let the page render its new view first.
    later(() => void this.rescan(), 400, this.signal);
    return true;
  }

  // ---- our own writes ----
  // The observer is off while a task of ours writes to the page: page mutations were all delivered before
  // the task began (no page script runs inside it), so nothing of the page's is lost, and the thousands of
  // records our splits and wraps would make are never created.

  private pause(): void {
    if (this.watching) this.observer.disconnect();
  }

  private resume(): void {
    if (this.watching && !this.signal.aborted)
      this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
  }

  // ---- timing ----

  private startTask(step = 'scan'): { start: number; step: string; phases?: Record<Phase, number> } {
    return { start: now(), step, ...(this.bench ? { phases: { ...this.timings.phases } } : {}) };
  }

  private endTask(task: { start: number; step?: string; phases?: Record<Phase, number> }): void {
    const d = now() - task.start;
    if (task.phases && d > 30) {
      const before = task.phases;
      const phases: Partial<Record<Phase, number>> = {};
      for (const k of Object.keys(before) as Phase[]) {
        const delta = this.timings.phases[k] - before[k];
        if (delta > 0.5) phases[k] = Math.round(delta * 10) / 10;
      }
      (this.timings.slowTasks ??= []).push({
        step: task.step ?? 'scan',
        ms: Math.round(d * 10) / 10,
        phases,
      });
    }
    this.timings.total += d;
    this.timings.tasks++;
    if (d > this.timings.longestTask) {
      this.timings.longestTask = d;
      this.timings.longestTaskStep = task.step ?? 'scan';
    }
    if (this.bench) {
      try {
        performance.measure(`provenance-lens:${task.step ?? 'scan'}`, { start: task.start, duration: d });
      } catch {
        // Timing is a bench aid only.
      }
      this.doc.documentElement.dataset.provenanceLensBench = JSON.stringify(this.timings);
    }
  }

  private phase(name: Phase, start: number): void {
    const d = now() - start;
    // Summed only: a performance.measure per block would cost more than some phases it measures.
    this.timings.phases[name] += d;
  }
}

function isOurs(el: Element): boolean {
  return el.tagName === HOST_TAG.toUpperCase() || el.hasAttribute('data-provenance-lens-ui');
}

/** A node that is, or is inside, one of our marks or our overlay host. */
function isOwnNode(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return false;
  return !!el.closest(`${MARK_TAG}, ${HOST_TAG}, [data-provenance-lens-ui]`);
}

function blockOf(el: Element): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (isBlockElement(e)) return e;
  return null;
}

/** What a screen reader says on a focusable mark. */
export function markLabel(view: FindingView): string {
  // The category alone: country names (Intl.DisplayNames) cost a long task to set up, and the card says it.
  const who = categoryLabel(view.category);
  switch (view.kind) {
    case 'attribution':
      return t('page_markLabel', view.speaker || t('page_unknownSpeaker'), who);
    case 'outlet':
      return t('page_outletLabel', view.speaker, who);
    case 'hedge':
      return t('page_hedgeLabel', view.cue);
    default:
      return t('page_unnamedLabel', view.speaker);
  }
}
