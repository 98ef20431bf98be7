// The background's router: each typed call reaches its handler over a seeded database, a tab's report is
// kept for the popup, and messages that are not ours are left to other listeners.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { PageSummary } from '../../src/shared/messages';

const badges: Array<{ tabId: number; text: string }> = [];
const injected: Array<{ target: { tabId: number; frameIds?: number[] }; files: string[] }> = [];
vi.mock('../../src/shared/browser', () => ({
  default: {
    runtime: { getManifest: () => ({ host_permissions: [] }), getURL: (p: string) => `ext://id/${p}` },
    permissions: { contains: async () => false, getAll: async () => ({ origins: [] }) },
    storage: {},
    action: {
      setBadgeText: async (b: { tabId: number; text: string }) => void badges.push(b),
      setBadgeBackgroundColor: async () => undefined,
    },
    scripting: {
      executeScript: async (details: (typeof injected)[number]) => {
        if (details.target.tabId === 99) throw new Error('No tab with id: 99');
        injected.push(details);
        return [];
      },
    },
    tabs: {},
  },
}));

const { route } = await import('../../src/background/router');
const call = (type: string, payload: unknown, sender = {}) => route({ type, payload }, sender);

const summary: PageSummary = {
  url: 'https://fr.sputniknews.africa/x',
  title: 'x',
  counts: { 'state-media': 1, government: 5, media: 0, unnamed: 0, other: 0 },
  byCountry: { RU: 6 },
};

describe('background router', () => {
  it('leaves messages that are not ours to other listeners', () => {
    expect(route({ type: 'something/else', payload: {} }, {})).toBeUndefined();
    expect(route('not a message', {})).toBeUndefined();
    expect(route(null, {})).toBeUndefined();
  });

  it('keeps the per-site switch in the database', async () => {
    const origin = 'https://www.example-news.org';
    expect(await call('site/get', { origin })).toEqual({ enabled: true, always: false });
    expect(await call('site/set', { origin, enabled: false })).toEqual({ ok: true });
    expect(await call('site/get', { origin })).toEqual({ enabled: false, always: false });
    expect(await call('site/get', { origin: 'https://other.example' })).toEqual({
      enabled: true,
      always: false,
    });
  });

  it('keeps each tab report for the popup and shows its count on the toolbar button', async () => {
    expect(await call('page/summary', { tabId: 7 })).toBeNull();
    expect(await call('page/report', summary, { tab: { id: 7 } })).toEqual({ ok: true });
    expect(await call('page/summary', { tabId: 7 })).toEqual(summary);
    expect(await call('page/summary', { tabId: 8 })).toBeNull();
    expect(badges).toContainEqual({ tabId: 7, text: '6' });
  });

  it('answers notes from the seeded database', async () => {
    const { id } = (await call('note/add', { entityId: 'sputnik', text: 'Checked in class' })) as {
      id: number;
    };
    expect(id).toBeGreaterThan(0);
    const note = (await call('note/get', { entityId: 'sputnik' })) as {
      userNotes: Array<{ text: string }>;
    } | null;
    expect(note?.userNotes.map((n) => n.text)).toContain('Checked in class');
  });

  it("injects the content script into the loader's own frame, only where the site is on", async () => {
    const origin = 'https://www.loader-news.example';
    injected.length = 0;
    const sender = { tab: { id: 12 }, frameId: 3, url: `${origin}/story` };
    expect(await call('page/inject', { origin }, sender)).toEqual({ injected: true });
    expect(injected).toEqual([{ target: { tabId: 12, frameIds: [3] }, files: ['content.js'] }]);
    // The top frame (no frameId from some browsers) is frame 0.
    expect(await call('page/inject', { origin }, { tab: { id: 12 } })).toEqual({ injected: true });
    expect(injected[1]!.target).toEqual({ tabId: 12, frameIds: [0] });
    // Switched off: nothing injected.
    await call('site/set', { origin, enabled: false });
    expect(await call('page/inject', { origin }, sender)).toEqual({ injected: false });
    // No tab (an extension page asking), or a tab gone meanwhile: nothing injected, no error.
    expect(await call('page/inject', { origin: 'https://other.example' }, {})).toEqual({ injected: false });
    expect(
      await call('page/inject', { origin: 'https://other.example' }, { tab: { id: 99 }, frameId: 0 }),
    ).toEqual({ injected: false });
    expect(injected).toHaveLength(2);
  });
});
