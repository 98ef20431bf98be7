// The extension shell in Debian's Chromium: what it asks for at install, the popup's figures and its
// per-site switch, no request ever leaving the extension, and no console error along the way.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  accessibilityViolations,
  launchExtension,
  root,
  serveFixtures,
  tabIdOf,
  type ExtensionBrowser,
  type FixtureServer,
} from './support/extension';

const ARTICLE = ['sputnik-idlib-meeting', 'source-article-fr'];
const manifestOf = (build: string) =>
  JSON.parse(readFileSync(join(root, 'extension', build, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  > & {
    permissions: string[];
    host_permissions?: string[];
    optional_host_permissions?: string[];
    content_scripts?: Array<{ matches: string[]; js: string[]; run_at?: string }>;
  };

test.describe.configure({ mode: 'serial' });

let ext: ExtensionBrowser;
let server: FixtureServer;
const errors: string[] = [];
const outside: string[] = [];

/** A tab that records its console errors and uncaught exceptions into `errors`. */
async function watched(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => errors.push(`${url}: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${url}: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

async function scannedArticle(): Promise<Page> {
  const page = await watched(server.url(...ARTICLE));
  await page.waitForFunction(() => document.documentElement.dataset.provenanceLens === 'ready', null, {
    timeout: 30_000,
  });
  return page;
}

async function popupFor(page: Page): Promise<Page> {
  const tabId = await tabIdOf(ext.worker, page.url());
  return watched(ext.extensionUrl(`ui/popup/index.html?tab=${tabId}`));
}

test.beforeAll(async () => {
  server = await serveFixtures();
  ext = await launchExtension();
  // Every request in the browser, the pages' and the service worker's (Playwright sees both), is
  // intercepted: the extension may fetch only its own files; the fixture server is the pages' business.
  // Anything else is recorded and refused.
  const allowed = (url: string) =>
    url.startsWith(`chrome-extension://${ext.extensionId}/`) ||
    url.startsWith(`${server.base}/`) ||
    url.startsWith(server.base.replace('127.0.0.1', 'localhost') + '/') ||
    url.startsWith('data:') ||
    url.startsWith('blob:');
  await ext.context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  ext.context.on('request', (r) => {
    if (!allowed(r.url()) && !outside.includes(r.url())) outside.push(r.url());
  });
  ext.worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`service worker: ${m.text()}`);
  });
});

test.afterAll(async () => {
  await ext?.close();
  await server?.close();
});

test('the store manifest asks for nothing broad at install, and one build serves both browsers', () => {
  const chrome = manifestOf('chrome');
  const firefox = manifestOf('firefox');
  expect(firefox).toEqual(chrome);
  expect(chrome.host_permissions ?? []).toEqual([]);
  expect(chrome.content_scripts ?? []).toEqual([]);
  expect(chrome.permissions.sort()).toEqual(['activeTab', 'scripting', 'storage']);
  expect(chrome.optional_host_permissions).toEqual(['*://*/*']);
  expect(chrome).toMatchObject({
    manifest_version: 3,
    background: { service_worker: 'background.js', scripts: ['background.js'], type: 'module' },
    browser_specific_settings: {
      gecko: { strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    },
  });
  // The test build differs only by the fixture server's host and a content script for it.
  const testBuild = manifestOf('test-chrome');
  const { host_permissions, content_scripts, ...rest } = testBuild;
  expect(rest).toEqual(chrome);
  expect(host_permissions).toEqual(['http://127.0.0.1/*']);
  expect(content_scripts?.map((c) => c.matches)).toEqual([['http://127.0.0.1/*']]);
  // What runs with every page is the loader alone, as for a granted site (src/background/sites.ts).
  expect(content_scripts?.map((c) => [c.js, c.run_at])).toEqual([[['loader.js'], 'document_start']]);
});

test('only the tiny loader runs while the page loads; content.js is evaluated after the load event', async () => {
  const loader = readFileSync(join(root, 'extension', 'test-chrome', 'loader.js'), 'utf8');
  expect(loader.length).toBeLessThan(1024);
  expect(loader).not.toMatch(/webextension-polyfill|provenance-lens-mark/);
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => errors.push(`loader order: ${String(e)}`));
  // The debugger reports every script the page's frames evaluate, content scripts included, in order
  // with the page's own events.
  const order: string[] = [];
  const cdp = await ext.context.newCDPSession(page);
  const ours = `chrome-extension://${ext.extensionId}/`;
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith(ours)) order.push(e.url.slice(ours.length));
  });
  cdp.on('Page.loadEventFired', () => order.push('load'));
  await cdp.send('Page.enable');
  await cdp.send('Debugger.enable');
  await page.goto(server.url(...ARTICLE));
  await page.waitForFunction(() => document.documentElement.dataset.provenanceLens === 'ready', null, {
    timeout: 30_000,
  });
  expect(await page.locator('provenance-lens-mark').count()).toBeGreaterThan(0);
  expect(order.filter((e) => e !== 'loader.js')).toEqual(['load', 'content.js']);
  // The loader itself runs at document_idle, before or after the load event: either way, only once.
  expect(order.filter((e) => e === 'loader.js')).toHaveLength(1);
  await cdp.detach();
  await page.close();
});

test("Mozilla's linter finds no error in the Firefox build", () => {
  const lint = spawnSync(
    join(root, 'node_modules', '.bin', 'web-ext'),
    ['lint', '--source-dir', join(root, 'extension', 'firefox'), '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const report = JSON.parse(lint.stdout) as {
    summary: { errors: number };
    errors: Array<{ code: string; file?: string }>;
  };
  expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
});

test('the service worker runs with the build manifest and no dynamic import', async () => {
  const manifest = await ext.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string; version: string } } } }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest.name).toBe('Provenance Lens');
  const source = readFileSync(join(root, 'extension', 'chrome', 'background.js'), 'utf8');
  expect(source).not.toMatch(/\bimport\(/);
  // No site was granted at run time, so no content script is registered: the test build's fixture host
  // has its own manifest entry and must not be scanned twice.
  const registered = await ext.worker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } };
      }
    ).chrome.scripting.getRegisteredContentScripts(),
  );
  expect(registered).toEqual([]);
});

test('the popup shows the page counts by kind of source and by country, and passes axe-core', async () => {
  const page = await scannedArticle();
  const popup = await popupFor(page);
  const total = popup.locator('.total');
  await expect(total).toBeVisible({ timeout: 20_000 });
  const count = Number(await total.getAttribute('data-total'));
  expect(count).toBeGreaterThan(0);
  // The first source article: Russia's ministry of defence speaks, through Sputnik's page.
  await expect(popup.locator('li[data-category="government"] .count')).toHaveText(/^[1-9]\d*$/);
  await expect(popup.locator('li[data-country="RU"]')).toBeVisible();
  // The page's publisher, said fairly: Sputnik is Russian state media.
  await expect(popup.locator('.publisher [data-category="state-media"]')).toContainText('Russia');
  const perCategory = await popup.locator('li[data-category] .count').allTextContents();
  expect(perCategory.map(Number).reduce((a, b) => a + b, 0)).toBe(count);
  // The page's own marks agree with the popup.
  expect(Number(await page.evaluate(() => document.documentElement.dataset.provenanceLensCount))).toBe(count);
  expect(await accessibilityViolations(popup)).toEqual([]);
  await popup.close();
  await page.close();
});

test('the per-site switch turns the scan off and on, and the choice holds across a reload', async () => {
  const page = await scannedArticle();
  const popup = await popupFor(page);
  const toggle = popup.getByRole('checkbox');
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeEnabled();
  await toggle.uncheck();
  await expect.poll(() => page.locator('provenance-lens-mark').count()).toBe(0);
  await expect(page.locator('provenance-lens-ui')).toHaveCount(0);

  // Reloaded, the page stays unmarked: the content script asks and is told no.
  await page.reload();
  const popupAgain = await popupFor(page);
  await expect(popupAgain.getByRole('checkbox')).not.toBeChecked();
  expect(await page.locator('provenance-lens-mark').count()).toBe(0);

  await popupAgain.getByRole('checkbox').check();
  await page.waitForFunction(() => document.documentElement.dataset.provenanceLens === 'ready', null, {
    timeout: 30_000,
  });
  await expect.poll(() => page.locator('provenance-lens-mark').count()).toBeGreaterThan(0);
  await popup.close();
  await popupAgain.close();
  await page.close();
});

test('the popup opens the summary panel on the page', async () => {
  const page = await scannedArticle();
  const popup = await popupFor(page);
  await popup.getByRole('button', { name: 'Open the summary panel' }).click();
  await expect(page.locator('provenance-lens-ui').locator('.pl-panel')).toBeVisible();
  await page.close();
});

test('without a click, the extension cannot read a page it was not granted', async () => {
  // The same page under another host name: the test build's grant covers 127.0.0.1 only, and no toolbar
  // click or shortcut granted activeTab, so the background's attempt to scan it must fail.
  const url = server.url(...ARTICLE).replace('127.0.0.1', 'localhost');
  const page = await watched(url);
  const popup = await watched(ext.extensionUrl('ui/popup/index.html'));
  const tabId = await tabIdOf(ext.worker, url).catch(() => undefined);
  // Without a host permission the extension does not even see the tab's address.
  expect(tabId).toBeUndefined();
  const ids = await ext.worker.evaluate(async () =>
    (
      await (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }
      ).chrome.tabs.query({})
    ).map((t) => t.id),
  );
  // A control: the page the build may read, open beside it, is scanned on the same request.
  const granted = await scannedArticle();
  const grantedId = await tabIdOf(ext.worker, granted.url());
  const replies: Record<string, boolean> = {};
  for (const id of [...ids, grantedId]) {
    const reply = await popup.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
          }
        ).chrome.runtime.sendMessage({ type: 'tab/scan', payload: { tabId: id } }),
      id,
    );
    replies[id] = reply.ok;
  }
  // No other open tab (the unread page, the popup, a blank tab) may be scanned without a click.
  expect(Object.entries(replies).filter(([, ok]) => ok)).toEqual([[String(grantedId), true]]);
  await granted.close();
  expect(await page.locator('provenance-lens-mark').count()).toBe(0);
  await popup.close();
  await page.close();
});

test('the extension pages and the service worker make no request beyond the extension', async () => {
  const page = await scannedArticle();
  const popup = await popupFor(page);
  await expect(popup.locator('.total')).toBeVisible({ timeout: 20_000 });
  for (const path of ['ui/options/index.html', 'ui/lessons/index.html'])
    await (await watched(ext.extensionUrl(path))).close();
  // Nothing went anywhere but the extension's files and the fixture server the page came from.
  expect(outside).toEqual([]);
  await popup.close();
  await page.close();
});

test('the popup speaks French when the browser does', async () => {
  const fr = await launchExtension(undefined, { locale: 'fr-FR' });
  try {
    const page = await fr.context.newPage();
    await page.goto(server.url(...ARTICLE));
    await page.waitForFunction(() => document.documentElement.dataset.provenanceLens === 'ready', null, {
      timeout: 30_000,
    });
    const tabId = await tabIdOf(fr.worker, page.url());
    const popup = await fr.context.newPage();
    await popup.goto(fr.extensionUrl(`ui/popup/index.html?tab=${tabId}`));
    await expect(popup.getByRole('heading', { name: 'Qui parle sur cette page' })).toBeVisible();
    await expect(popup.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(popup.getByRole('checkbox', { name: 'Analyser ce site' })).toBeVisible();
    await expect(popup.locator('li[data-country="RU"]')).toContainText('Russie');
  } finally {
    await fr.close();
  }
});

test('no console error or uncaught exception on the way', () => {
  expect(errors).toEqual([]);
});
