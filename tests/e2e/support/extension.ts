// Debian's Chromium with the built test extension (extension/test-chrome) and a 127.0.0.1 server for the
// fixture pages: tests/fixtures/pages/<slug>/ when it exists, else the page tests/e2e/support/page-fixtures
// builds from the same source. The extension id comes from the service worker's URL.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
// @ts-expect-error: a plain .mjs module without types
import { findChromium } from '../../../scripts/browsers.mjs';
import { builtPages } from './page-fixtures';

export const root = join(import.meta.dirname, '..', '..', '..');
export const fixturesDir = join(root, 'tests', 'fixtures', 'pages');
export const testExtensionDir =
  process.env.PROVENANCE_LENS_EXTENSION ?? join(root, 'extension', 'test-chrome');

/** Flags that keep Chromium quiet and local: nothing it does on its own may pass for the extension's. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export interface FixtureServer {
  base: string;
  /** The URL of the first of these slugs that exists (a fixture folder, else a built page). */
  url(...slugs: string[]): string;
  close(): Promise<void>;
}

export async function serveFixtures(): Promise<FixtureServer> {
  const built = builtPages();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // a 404 would be a console error on every page
      return;
    }
    const slug = path.replace(/^\/built\//, '').replace(/\/(index\.html)?$/, '');
    const page = path.startsWith('/built/') ? built.get(slug) : undefined;
    if (page) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    const file = normalize(join(fixturesDir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(fixturesDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    base,
    url(...slugs) {
      for (const s of slugs) if (existsSync(join(fixturesDir, s, 'index.html'))) return `${base}/${s}/`;
      for (const s of slugs) if (built.has(s)) return `${base}/built/${s}/`;
      throw new Error(`no fixture page among ${slugs.join(', ')}`);
    },
    async close() {
      // Chromium keeps sockets alive: without this, close() waits for them and the run hangs.
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** chrome-extension://ID/ + path */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchExtension(
  extensionDir = testExtensionDir,
  options: { locale?: string } = {},
): Promise<ExtensionBrowser> {
  const executablePath = process.env.CHROMIUM_PATH ?? findChromium();
  if (!executablePath)
    throw new Error("Chromium is missing: `apt-get install -y chromium` (Debian's package)");
  const profile = mkdtempSync(join(tmpdir(), 'provenance-lens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // The extension's _locales follow the browser's UI language, which these set.
      ...(options.locale ? [`--lang=${options.locale.slice(0, 2)}`] : []),
    ],
    viewport: { width: 1200, height: 900 },
    ...(options.locale
      ? { locale: options.locale, env: { ...process.env, LANGUAGE: options.locale.slice(0, 2) } }
      : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab showing `url`, as the extension sees it. */
export function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab shows ${url}`);
    return tab.id;
  }, url);
}
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};

/** axe-core's violations in `include` (a selector), in light and dark. */
export async function accessibilityViolations(page: Page, include = 'html'): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(async (include) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
        .axe;
      const result = (await axe.run(
        { include: [[include]] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
      )) as { violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> };
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    }, include);
    found.push(...violations.map((v) => `${scheme} ${v}`));
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}
