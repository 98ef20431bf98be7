// @vitest-environment happy-dom
// The page side end to end in happy-dom, with a stand-in engine (the real one is tested on its own): what
// gets scanned, when, and what switching off leaves behind.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/core/types';

const calls: Array<{ text: string; offset: number }> = [];
vi.mock('../../src/core/index', () => {
  class Analyzer {
    readonly language = 'fr' as const;
    /** Carried across blocks, like the engine's recent speakers. */
    private last = '';
    addBlock(text: string, offset = 0): Report {
      calls.push({ text, offset });
      const report: Report = { language: 'fr', attributions: [], outlets: [], hedges: [], unnamed: [] };
      const named = /([A-Z][a-zé]+ [A-Z][a-z]+) a déclaré/.exec(text);
      if (named) this.last = named[1]!;
      for (const m of text.matchAll(/a déclaré|a-t-il ajouté/g)) {
        const start = offset + m.index;
        const speaker = m[0] === 'a déclaré' && named ? named[1]! : this.last;
        const at = text.indexOf(speaker);
        report.attributions.push({
          cue: { start, end: start + m[0].length, text: m[0], kind: 'speech-verb' },
          source: {
            text: speaker,
            category: 'government',
            country: 'RU',
            ...(at >= 0 ? { start: offset + at, end: offset + at + speaker.length } : {}),
            resolution: at >= 0 ? 'named' : 'pronoun',
          },
          via: text.includes('cité par Sputnik')
            ? [
                {
                  text: 'Sputnik',
                  start: offset + text.indexOf('Sputnik'),
                  end: offset + text.indexOf('Sputnik') + 7,
                  category: 'state-media',
                  country: 'RU',
                  entityId: 'sputnik',
                },
              ]
            : [],
          hedged: false,
        });
      }
      return report;
    }
  }
  // The engine's start-up, in two steps like the real one's.
  function* engineStartSteps(): Generator<string, void, undefined> {
    yield 'engine start: lexicon';
    yield 'engine start: first analysis';
  }
  return { Analyzer, detectLanguage: () => 'fr', analyze: () => undefined, engineStartSteps };
});

const { startSession } = await import('../../src/content/session');
const { MARK_TAG } = await import('../../src/content/marks');

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}</body></html>`,
    'text/html',
  );
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.adoptNode(n)));
}

const ARTICLE = `<nav><p>Igor Menu a déclaré dans le menu.</p></nav>
<article><h1>Titre</h1>
<p>La rencontre a eu lieu, Igor Konachenkov a déclaré vendredi.</p>
<p>Les scénarios ont été approuvés, a-t-il ajouté.</p></article>`;

function present<T>(x: T | null): T {
  if (!x) throw new Error('not rendered yet');
  return x;
}

let controller: AbortController | null = null;
afterEach(() => {
  controller?.abort();
  calls.length = 0;
});

describe('the page scan', () => {
  it('marks attributions in the article, skips the menu, and says so on <html>', async () => {
    load(ARTICLE);
    controller = new AbortController();
    const session = startSession(document, controller.signal);
    await session.scanner.rescan();
    const cues = Array.from(document.querySelectorAll(`${MARK_TAG}[data-pl-kind="cue"]`));
    expect(cues.map((c) => c.textContent)).toEqual(['a déclaré', 'a-t-il ajouté']);
    expect(document.querySelector('nav')!.querySelector(MARK_TAG)).toBeNull();
    expect(document.documentElement.dataset.provenanceLens).toBe('ready');
    expect(document.documentElement.dataset.provenanceLensCount).toBe('2');
    // The pronoun's speaker was carried from the block before.
    const views = session.store.get().findings;
    expect(views.map((v) => v.speaker)).toEqual(['Igor Konachenkov', 'Igor Konachenkov']);
    expect(session.summary().counts.government).toBe(2);
    expect(session.summary().byCountry).toEqual({ RU: 2 });
    // The cue, speaker mention of the first attribution share an id.
    const id = (cues[0] as HTMLElement).dataset.plId!;
    const kinds = Array.from(document.querySelectorAll(`${MARK_TAG}[data-pl-id="${id}"]`)).map(
      (m) => (m as HTMLElement).dataset.plKind,
    );
    expect(kinds.sort()).toEqual(['cue', 'speaker']);
  });

  it('scans paragraphs appended later with the same analyzer, and never rescans its own marks', async () => {
    load(ARTICLE);
    controller = new AbortController();
    const session = startSession(document, controller.signal);
    await session.scanner.rescan();
    session.scanner.watch();
    const afterFirst = calls.length;
    const lastOffset = calls[calls.length - 1]!.offset;
    // Our own marking is done; nothing more is analysed while the page is quiet.
    await new Promise((r) => setTimeout(r, 700));
    expect(calls.length).toBe(afterFirst);

    const p = document.createElement('p');
    p.textContent = 'Une nouvelle précision, a-t-il ajouté.';
    document.querySelector('article')!.append(p);
    await vi.waitFor(() => expect(document.documentElement.dataset.provenanceLensCount).toBe('3'), {
      timeout: 3000,
    });
    const added = calls.slice(afterFirst);
    expect(added.map((c) => c.text)).toEqual(['Une nouvelle précision, a-t-il ajouté.']);
    expect(added[0]!.offset).toBeGreaterThan(lastOffset);
    expect(p.querySelector(MARK_TAG)?.textContent).toBe('a-t-il ajouté');
    expect(session.store.get().findings.at(-1)?.speaker).toBe('Igor Konachenkov');
  });

  it('costs a bounded number of batches when the page mutates in a storm', async () => {
    load(ARTICLE);
    controller = new AbortController();
    const session = startSession(document, controller.signal);
    await session.scanner.rescan();
    session.scanner.watch();
    const tasksBefore = session.scanner.timings.tasks;
    const box = document.createElement('div');
    document.querySelector('article')!.append(box);
    for (let i = 0; i < 2000; i++) {
      const span = document.createElement('span');
      span.textContent = `tick ${i}`;
      box.replaceChildren(span);
    }
    await new Promise((r) => setTimeout(r, 1200));
    // 2000 mutations became at most a handful of batches (one full rescan once the queue overflowed).
    expect(session.scanner.timings.tasks - tasksBefore).toBeLessThan(30);
    expect(document.documentElement.dataset.provenanceLensCount).toBe('2');
  });

  it('leaves the page as it was when switched off', async () => {
    load(ARTICLE);
    const before = document.body.textContent;
    const nodesBefore = document.body.querySelectorAll('*').length;
    controller = new AbortController();
    const session = startSession(document, controller.signal);
    await session.scanner.rescan();
    session.scanner.watch();
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
    expect(document.querySelector('provenance-lens-ui')).not.toBeNull();
    controller.abort();
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
    expect(document.querySelector('provenance-lens-ui')).toBeNull();
    expect(document.documentElement.dataset.provenanceLens).toBeUndefined();
    expect(document.body.textContent).toBe(before);
    expect(document.body.querySelectorAll('*').length).toBe(nodesBefore);
    // Nothing runs afterwards: new text is not scanned.
    const n = calls.length;
    const p = document.createElement('p');
    p.textContent = 'Plus tard, a-t-il ajouté.';
    document.querySelector('article')!.append(p);
    await new Promise((r) => setTimeout(r, 700));
    expect(calls.length).toBe(n);
  });

  it('renders the summary panel and the card as text in an open shadow root', async () => {
    load(ARTICLE.replace('vendredi', '<img src=x onerror="window.pwned=1">vendredi'));
    controller = new AbortController();
    const session = startSession(document, controller.signal);
    await session.scanner.rescan();
    session.actions.togglePanel(true);
    const root = document.querySelector('provenance-lens-ui')!.shadowRoot!;
    expect(root).not.toBeNull();
    const panel = await vi.waitFor(() => present(root.querySelector('.pl-panel')));
    expect(panel.textContent).toContain('Igor Konachenkov');
    expect(panel.textContent).toContain('government (Russia)');
    session.actions.step(1);
    const card = await vi.waitFor(() => present(root.querySelector('.pl-card')));
    expect(card.textContent).toContain('Igor Konachenkov');
    expect(card.getAttribute('role')).toBe('dialog');
    // Page markup in the text stays text: the payload is neither parsed nor run.
    expect(root.querySelector('img')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    expect(document.querySelectorAll(`${MARK_TAG}[data-pl-active]`).length).toBeGreaterThan(1);
  });

  it('leaves blocks far from the viewport unmarked until the reader comes near, or asks', async () => {
    // A stand-in IntersectionObserver the test drives: nothing is "near" until the test says so.
    const observed = new Set<Element>();
    let notify: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void = () => undefined;
    class FakeIO {
      constructor(cb: typeof notify) {
        notify = cb;
      }
      observe(el: Element) {
        observed.add(el);
      }
      unobserve(el: Element) {
        observed.delete(el);
      }
      disconnect() {
        observed.clear();
      }
    }
    const real = window.IntersectionObserver;
    (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIO;
    try {
      load(ARTICLE);
      controller = new AbortController();
      const session = startSession(document, controller.signal, { lazy: true });
      await session.scanner.rescan();
      // Everything is analysed and listed, nothing is drawn yet.
      expect(session.store.get().findings).toHaveLength(2);
      expect(document.documentElement.dataset.provenanceLensCount).toBe('2');
      expect(document.querySelectorAll(MARK_TAG)).toHaveLength(0);
      expect(observed.size).toBe(2);
      // The first paragraph comes near the viewport.
      const [first, second] = document.querySelectorAll('article p');
      notify([{ target: first!, isIntersecting: true }]);
      await vi.waitFor(() => expect(first!.querySelector(MARK_TAG)).not.toBeNull());
      expect(second!.querySelector(MARK_TAG)).toBeNull();
      // The reader jumps to the second flag from the panel: it is marked on the spot.
      session.actions.step(1);
      session.actions.step(1);
      expect(second!.querySelector(`${MARK_TAG}[data-pl-kind="cue"]`)?.textContent).toBe('a-t-il ajouté');
      expect(observed.size).toBe(0);
    } finally {
      (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = real;
    }
  });

  it('shows the relay chain in the card: speaker → relayed by the outlet', async () => {
    load('<article><p>« Nous restons en contact », Dmitri Peskov a déclaré, cité par Sputnik.</p></article>');
    controller = new AbortController();
    const session = startSession(document, controller.signal);
    await session.scanner.rescan();
    const via = document.querySelector(`${MARK_TAG}[data-pl-kind="via"]`) as HTMLElement;
    expect(via.textContent).toBe('Sputnik');
    expect(via.dataset.plCat).toBe('state-media');
    session.actions.step(1);
    const root = document.querySelector('provenance-lens-ui')!.shadowRoot!;
    const card = await vi.waitFor(() => present(root.querySelector('.pl-card')));
    expect(card.querySelector('.pl-chain')?.textContent).toBe(
      'Dmitri Peskov → relayed by Sputnik, state media (Russia)',
    );
  });

  it('reads a batch of new paragraphs in one pass, in page order', async () => {
    load(ARTICLE);
    controller = new AbortController();
    const session = startSession(document, controller.signal);
    await session.scanner.rescan();
    session.scanner.watch();
    const n = calls.length;
    const article = document.querySelector('article')!;
    // Inserted last-first: the page order is one, two, three.
    for (const word of ['trois', 'deux', 'un']) {
      const p = document.createElement('p');
      p.textContent = `Paragraphe ${word}, a-t-il ajouté.`;
      article.insertBefore(p, article.querySelector('h1')!.nextSibling);
    }
    await vi.waitFor(() => expect(document.documentElement.dataset.provenanceLensCount).toBe('5'), {
      timeout: 3000,
    });
    expect(calls.slice(n).map((c) => c.text)).toEqual([
      'Paragraphe un, a-t-il ajouté.',
      'Paragraphe deux, a-t-il ajouté.',
      'Paragraphe trois, a-t-il ajouté.',
    ]);
  });
});
