// One switched-on page: the scanner, the overlay in its shadow root, and the reader's ways in (hover,
// focus, keyboard). Everything registered here takes the session's AbortSignal, so `abort()` leaves the
// page as it was.
import { h } from 'preact';
import type { PageSummary } from '../shared/messages';
import { tryAsk } from './ask';
import { countFindings } from './findings';
import { MARK_TAG } from './marks';
import { App, type OverlayActions } from './overlay/App';
import { mountInShadow } from './overlay/host';
import { OverlayStore } from './overlay/state';
import overlayCss from './overlay/overlay.css?inline';
import { PageScanner } from './scanner';
import { later } from './schedule';

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 300;

export interface Session {
  scanner: PageScanner;
  store: OverlayStore;
  actions: OverlayActions;
  summary(): PageSummary;
}

export function startSession(
  doc: Document,
  signal: AbortSignal,
  options: { bench?: boolean; lazy?: boolean } = {},
): Session {
  const store = new OverlayStore();
  const win = doc.defaultView ?? window;
  let summary: PageSummary = emptySummary(doc);

  const scanner = new PageScanner(
    doc,
    signal,
    store,
    {
      onScanned(findings, publisher) {
        const { counts, byCountry } = countFindings(findings);
        summary = {
          url: doc.location?.href ?? '',
          title: doc.title,
          counts,
          byCountry,
          ...(publisher
            ? {
                publisher: {
                  name: publisher.name,
                  category: publisher.category,
                  ...(publisher.country ? { country: publisher.country } : {}),
                },
              }
            : {}),
        };
        void tryAsk('page/report', summary, { ok: true });
      },
    },
    options,
  );

  // ---- the card: which finding, where, and the marks lit up with it ----
  let lit: HTMLElement[] = [];
  const light = (id: string | null) => {
    for (const m of lit) m.removeAttribute('data-pl-active');
    lit = id ? scanner.marksOf(id) : [];
    for (const m of lit) m.setAttribute('data-pl-active', '');
  };
  let hoverTimer = 0; // generation counter: a newer hover cancels an older pending open/close
  let overCard = false;
  let cardMark: HTMLElement | null = null;

  const openCard = (mark: HTMLElement, pinned: boolean, focus: boolean) => {
    const id = mark.dataset.plId;
    if (!id) return;
    const anchor = scanner.marksOf(id).find((m) => m.hasAttribute('data-pl-focus')) ?? mark;
    const r = mark.getBoundingClientRect();
    cardMark = anchor;
    light(id);
    store.set({
      card: { id, rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right }, pinned, focus },
      current: id,
    });
  };
  const closeCard = (returnFocus: boolean) => {
    const mark = cardMark;
    cardMark = null;
    light(null);
    store.set({ card: null });
    if (returnFocus && mark?.isConnected) mark.focus({ preventScroll: true });
  };
  /** Closes an unpinned card a moment after the pointer leaves, unless it came back (to the mark or the card). */
  const closeCardSoon = () => {
    const ticket = ++hoverTimer;
    later(
      () => {
        const card = store.get().card;
        if (ticket === hoverTimer && card && !card.pinned && !overCard) closeCard(false);
      },
      HOVER_CLOSE_MS,
      signal,
    );
  };

  const markFrom = (target: EventTarget | null): HTMLElement | null => {
    const el = target instanceof Element ? target : null;
    return (el?.closest(MARK_TAG) as HTMLElement | null) ?? null;
  };

  doc.addEventListener(
    'mouseover',
    (e) => {
      const mark = markFrom(e.target);
      if (!mark) return;
      const ticket = ++hoverTimer;
      later(() => ticket === hoverTimer && openCard(mark, false, false), HOVER_OPEN_MS, signal);
    },
    { signal, passive: true },
  );
  doc.addEventListener(
    'mouseout',
    (e) => {
      if (!markFrom(e.target)) return;
      closeCardSoon();
    },
    { signal, passive: true },
  );
  doc.addEventListener(
    'focusin',
    (e) => {
      const mark = markFrom(e.target);
      if (mark?.hasAttribute('data-pl-focus')) openCard(mark, false, false);
    },
    { signal },
  );

  // ---- navigation between flags ----
  // Page order of the flags, kept until the findings change (sorting thousands costs a keypress's time).
  let order: { of: readonly unknown[]; ids: string[] } | null = null;
  const ordered = (): string[] => {
    if (
      order &&
      order.of === scanner.allFindings &&
      order.ids.every((id) => scanner.anchorOf(id)?.isConnected)
    )
      return order.ids;
    order = { of: scanner.allFindings, ids: sortFlags() };
    return order.ids;
  };
  const sortFlags = (): string[] => {
    const entries: Array<[string, Element]> = [];
    for (const f of scanner.allFindings) {
      const at = scanner.anchorOf(f.id);
      if (at?.isConnected && f.kind !== 'hedge') entries.push([f.id, at]);
    }
    // Page order; findings in one block keep their reading order (the sort is stable).
    entries.sort((a, b) =>
      a[1] === b[1] ? 0 : a[1].compareDocumentPosition(b[1]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    return entries.map(([id]) => id);
  };

  const actions: OverlayActions = {
    goTo(id) {
      const marks = scanner.ensureMarked(id);
      const mark = marks.find((m) => m.hasAttribute('data-pl-focus')) ?? marks[0];
      if (!mark) return;
      mark.scrollIntoView({ block: 'center', behavior: 'auto' });
      if (mark.hasAttribute('data-pl-focus')) mark.focus({ preventScroll: true });
      openCard(mark, true, false);
    },
    step(delta) {
      const ids = ordered();
      if (ids.length === 0) return;
      const current = store.get().current;
      const at = current ? ids.indexOf(current) : -1;
      const next = at < 0 ? (delta > 0 ? 0 : ids.length - 1) : (at + delta + ids.length) % ids.length;
      actions.goTo(ids[next]!);
    },
    closeCard,
    keepCard() {
      overCard = true;
    },
    releaseCard() {
      overCard = false;
      closeCardSoon();
    },
    togglePanel(open) {
      const next = open ?? !store.get().panelOpen;
      store.set({ panelOpen: next });
    },
    getNote: (entityId) => tryAsk('note/get', { entityId }, null),
    async addNote(entityId, text) {
      try {
        const reply = await tryAsk('note/add', { entityId, text }, { id: -1 });
        return reply.id >= 0;
      } catch {
        return false;
      }
    },
  };

  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.altKey && e.shiftKey && (e.code === 'KeyN' || e.code === 'KeyB') && !isTyping(e.target)) {
        e.preventDefault();
        actions.step(e.code === 'KeyN' ? 1 : -1);
        return;
      }
      const mark = markFrom(e.target);
      if (mark && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        openCard(mark, true, true);
        return;
      }
      if (e.key === 'Escape') {
        if (store.get().card) closeCard(true);
        else if (store.get().panelOpen) actions.togglePanel(false);
      }
    },
    { signal },
  );
  // A click outside the card closes a pinned card.
  doc.addEventListener(
    'pointerdown',
    (e) => {
      const card = store.get().card;
      if (!card || markFrom(e.target)) return;
      const path = e.composedPath();
      if (path.some((n) => n instanceof Element && n.hasAttribute('data-provenance-lens-ui'))) return;
      closeCard(false);
    },
    { signal, passive: true },
  );
  // Scrolling moves the text under a card that hangs from it: close a hover card, follow a pinned one.
  win.addEventListener(
    'scroll',
    () => {
      const card = store.get().card;
      if (!card) return;
      if (!card.pinned) return closeCard(false);
      const r = cardMark?.getBoundingClientRect();
      if (r)
        store.set({
          card: { ...card, rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right } },
        });
    },
    { signal, passive: true },
  );

  const mount = mountInShadow(doc, overlayCss, signal);
  mount.update(h(App, { store, actions }));
  signal.addEventListener('abort', () => light(null), { once: true });

  return { scanner, store, actions, summary: () => summary };
}

function emptySummary(doc: Document): PageSummary {
  const { counts, byCountry } = countFindings([]);
  return { url: doc.location?.href ?? '', title: doc.title, counts, byCountry };
}

/** Keys pressed while writing in the page's own fields are the page's. */
function isTyping(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  if (!el) return false;
  if (el.hasAttribute('data-provenance-lens-ui')) return false; // our own overlay: its keys are ours
  return el.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}
