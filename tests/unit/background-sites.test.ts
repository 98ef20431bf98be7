// The sites scanned on every visit: the content script is registered for exactly the origins the reader
// granted at run time, never for the manifest's own grants, and dropped when the last one is revoked.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  manifestHosts: [] as string[],
  granted: [] as string[],
  registered: [] as Array<{ id: string; matches: string[]; js: string[]; runAt?: string }>,
}));

vi.mock('../../src/shared/browser', () => ({
  default: {
    runtime: { getManifest: () => ({ host_permissions: state.manifestHosts }) },
    permissions: {
      getAll: async () => ({ origins: [...state.manifestHosts, ...state.granted] }),
      contains: async ({ origins }: { origins: string[] }) =>
        origins.every((o) => [...state.manifestHosts, ...state.granted].includes(o)),
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        state.registered.filter((r) => ids.includes(r.id)),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((r) => !ids.includes(r.id));
      },
      registerContentScripts: async (scripts: Array<{ id: string; matches: string[]; js: string[] }>) => {
        for (const s of scripts) {
          if (state.registered.some((r) => r.id === s.id)) throw new Error(`duplicate id ${s.id}`);
          state.registered.push(s);
        }
      },
    },
  },
}));

const { isAlwaysScanned, syncRegisteredScripts } = await import('../../src/background/sites');

describe('sites scanned on every visit', () => {
  beforeEach(() => {
    state.manifestHosts = [];
    state.granted = [];
    state.registered = [];
  });

  it('registers nothing when nothing was granted, even where the manifest grants a host', async () => {
    state.manifestHosts = ['http://127.0.0.1/*'];
    await syncRegisteredScripts();
    expect(state.registered).toEqual([]);
  });

  it('registers the loader for exactly the granted origins', async () => {
    state.manifestHosts = ['http://127.0.0.1/*'];
    state.granted = ['https://www.lemonde.fr/*', 'https://fr.sputniknews.africa/*'];
    await syncRegisteredScripts();
    expect(state.registered).toHaveLength(1);
    // The loader, which brings in content.js after the page's load ('page/inject').
    expect(state.registered[0]!.js).toEqual(['loader.js']);
    // At document_start: a document_idle script, even an empty one, holds the page's load event back.
    expect(state.registered[0]!.runAt).toBe('document_start');
    expect(state.registered[0]!.matches).toEqual([
      'https://fr.sputniknews.africa/*',
      'https://www.lemonde.fr/*',
    ]);
    expect(await isAlwaysScanned('https://www.lemonde.fr')).toBe(true);
    expect(await isAlwaysScanned('https://www.lefigaro.fr')).toBe(false);
  });

  it('follows a revocation, and two events in a row never register the same id twice', async () => {
    state.granted = ['*://*/*'];
    await Promise.all([syncRegisteredScripts(), syncRegisteredScripts()]);
    expect(state.registered.map((r) => r.matches)).toEqual([['*://*/*']]);
    state.granted = [];
    await syncRegisteredScripts();
    expect(state.registered).toEqual([]);
  });

  it('never calls a browser page or a non-web origin always scanned', async () => {
    state.granted = ['*://*/*'];
    expect(await isAlwaysScanned('chrome://extensions')).toBe(false);
    expect(await isAlwaysScanned('null')).toBe(false);
  });
});
