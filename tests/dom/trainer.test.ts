// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import browser from '../../src/shared/browser';
import type { Lesson } from '../../src/core/lesson';
import type { Report } from '../../src/core/types';
import { startTrainer, type TrainerHandle } from '../../src/content/trainer/index';
import { extractText } from '../../src/dom/extract';

const ARTICLE = `<article>
  <h1>Une rencontre a eu lieu</h1>
  <p>Les participants se seraient mis d’accord, a annoncé la Défense russe.</p>
  <p>Des membres ont pris part à la rencontre, a déclaré le porte-parole Igor Konachenkov.</p>
  <p>Photo © SPUTNIK</p>
</article>`;

function load(): void {
  const parsed = new DOMParser().parseFromString(
    `<!doctype html><html><body>${ARTICLE}</body></html>`,
    'text/html',
  );
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.adoptNode(n)));
  document.title = 'Une rencontre';
}

// Preact runs effects after the next frame: wait for one, then for the tasks it queued.
const flush = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const ui = () => document.querySelector('provenance-lens-ui')!.shadowRoot!;
const click = async (selector: string, index = 0) => {
  const el = ui().querySelectorAll<HTMLElement>(selector)[index];
  if (!el) throw new Error(`no ${selector}`);
  el.click();
  await flush();
};

function reportFor(text: string): Report {
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const cue = at('a annoncé');
  return {
    language: 'fr',
    attributions: [
      {
        cue: { ...cue, kind: 'inverted' },
        source: { ...at('la Défense russe'), category: 'government', country: 'RU' },
        via: [],
        hedged: true,
      },
    ],
    outlets: [{ ...at('SPUTNIK'), category: 'state-media', kind: 'credit' }],
    hedges: [{ ...at('se seraient mis d’accord'), kind: 'conditional' }],
    unnamed: [],
  };
}

function select(phrase: string): void {
  const p = [...document.querySelectorAll('p')].find((e) => e.textContent!.includes(phrase))!;
  const node = p.firstChild as Text;
  const start = node.data.indexOf(phrase);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + phrase.length);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

let handle: TrainerHandle | undefined;
afterEach(() => {
  handle?.stop();
  vi.restoreAllMocks();
});

describe('trainer mode on a page', () => {
  it('authors a lesson from engine flags and a custom flag, and saves it through the background', async () => {
    load();
    const sent: Array<{ type: string; payload: { lesson: Lesson } }> = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: {
      type: string;
      payload: { lesson: Lesson };
    }) => {
      sent.push(m);
      return m.type === 'lesson/save' ? { ok: true, id: 'lesson-1' } : null;
    }) as never);
    const text = extractText(document, { computedStyle: false }).text;
    handle = await startTrainer({ mode: 'author', report: reportFor(text) });
    await flush();
    expect(ui().querySelectorAll('.pl-t-flag')).toHaveLength(3);
    const flags = [...ui().querySelectorAll('.pl-t-flag')].map((f) => f.textContent!);
    await click(
      '.pl-t-add-flag',
      flags.findIndex((f) => f.includes('a annoncé')),
    ); // the attribution
    await click(
      '.pl-t-add-flag',
      flags.findIndex((f) => f.includes('SPUTNIK')),
    ); // the photo credit
    select('Igor Konachenkov');
    await flush();
    await click('.pl-t-add-selection');
    expect(ui().querySelectorAll('.pl-t-step-item')).toHaveLength(3);
    const note = ui().querySelector<HTMLTextAreaElement>('.pl-t-step-item:nth-child(3) .pl-t-note')!;
    note.value = 'Le porte-parole du ministère';
    note.dispatchEvent(new Event('input'));
    await flush();
    await click('.pl-t-step-item:nth-child(3) .pl-t-up');
    await click('.pl-t-save');
    const saved = sent.find((m) => m.type === 'lesson/save')!.payload.lesson;
    expect(saved.steps.map((s) => [s.selector.quote.exact, s.kind])).toEqual([
      ['a annoncé la Défense russe', 'engine'],
      ['Igor Konachenkov', 'custom'],
      ['SPUTNIK', 'engine'],
    ]);
    expect(saved.steps[1]!.trainerNote).toBe('Le porte-parole du ministère');
    expect(saved.article?.text).toBe(text);
    expect(ui().querySelector('.pl-t-status')!.textContent).toBe('lesson_saved');
  });

  it('presents step by step with the keyboard and ends on a summary of who spoke', async () => {
    load();
    const text = extractText(document, { computedStyle: false }).text;
    const { describeRange } = await import('../../src/core/anchoring/index');
    const step = (q: string, id: string, speaker?: string) => ({
      id,
      selector: describeRange(text, text.indexOf(q), text.indexOf(q) + q.length),
      category: 'government' as const,
      trainerNote: `note ${id}`,
      kind: 'custom' as const,
      ...(speaker ? { speaker } : {}),
    });
    const lesson: Lesson = {
      title: 'T',
      url: 'http://x/',
      steps: [
        step('a annoncé la Défense russe', 'a', 'la Défense russe'),
        step('Igor Konachenkov', 'b', 'Igor Konachenkov'),
        step('Photo', 'c'),
      ].map((s, i) =>
        // a step whose words have left the page: listed as an orphan, not presented
        i === 2
          ? {
              ...s,
              selector: { ...s.selector, quote: { ...s.selector.quote, exact: 'Cette phrase a disparu' } },
            }
          : s,
      ),
      created: '2026-01-01T00:00:00Z',
      updated: '2026-01-01T00:00:00Z',
    };
    let exited = false;
    handle = await startTrainer({
      mode: 'present',
      lesson,
      report: reportFor(text),
      onExit: () => (exited = true),
    });
    await flush();
    const callout = () => ui().querySelector('.pl-t-callout')!.textContent!;
    expect(callout()).toContain('note a');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    await flush();
    expect(callout()).toContain('note b');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    await flush();
    expect(callout()).toContain('note a');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    await flush();
    expect(ui().querySelector('.pl-t-summary')).not.toBeNull();
    expect(ui().querySelector('.pl-t-summary-speakers')!.textContent).toContain('Igor Konachenkov');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flush();
    expect(exited).toBe(true);
    expect(document.querySelector('provenance-lens-ui')).toBeNull();
  });

  it('quizzes with the engine findings as the key when there is no lesson', async () => {
    load();
    const text = extractText(document, { computedStyle: false }).text;
    handle = await startTrainer({ mode: 'quiz', report: reportFor(text) });
    await flush();
    select('a annoncé la Défense russe');
    await flush();
    await click('.pl-t-mark-selection');
    select('Des membres');
    await flush();
    await click('.pl-t-mark-selection');
    await click('.pl-t-reveal');
    expect(ui().querySelectorAll('.pl-t-outcome-found')).toHaveLength(1);
    expect(ui().querySelectorAll('.pl-t-outcome-missed')).toHaveLength(2);
    expect(ui().querySelectorAll('.pl-t-outcome-extra')).toHaveLength(1);
    // (1 found + 1 right kind − 0.5 extra) / 6
    expect(ui().querySelector('.pl-t-score')!.textContent).toBe('lesson_score');
  });
});
