// The sites the reader chose to have scanned on every visit ("always scan this site", "scan all sites"): each
// is an optional host permission the reader granted from the popup; the content script's loader is
// registered for exactly those origins, re-registered when the worker starts, and dropped as soon as one is
// revoked. The loader (src/content/loader.ts, a few hundred bytes) waits for the page's load and then asks
// the background for the content script itself ('page/inject'), so none of it is parsed before the load.
import browser from '../shared/browser';

const SCRIPT_ID = 'granted-sites';

/** The match pattern that covers every page of an origin ("https://www.lemonde.fr" → "https://www.lemonde.fr/*"). */
export function originPattern(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/*`;
}

/** Host permissions the reader granted (the manifest's own, which the test build carries, are not theirs). */
export async function grantedOrigins(): Promise<string[]> {
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const all = await browser.permissions.getAll();
  return (all.origins ?? []).filter((o) => !required.has(o)).sort();
}

/** Whether pages of this origin are scanned without a click (a granted host permission covers it). */
export async function isAlwaysScanned(origin: string): Promise<boolean> {
  if (!/^https?:\/\//.test(origin)) return false;
  return browser.permissions.contains({ origins: [originPattern(origin)] });
}

let syncing: Promise<void> = Promise.resolve();

/** Makes the registered content script match the granted origins (one registration, replaced whole). */
export function syncRegisteredScripts(): Promise<void> {
  // One at a time: two permission events in a row must not register the same id twice.
  syncing = syncing.then(register, register);
  return syncing;
}

async function register(): Promise<void> {
  const origins = await grantedOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!origins.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: origins,
      js: ['loader.js'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ]);
}
