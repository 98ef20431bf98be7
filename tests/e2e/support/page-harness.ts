// What the page-behaviour tests share: Chromium with the built test extension, a 127.0.0.1 server for the
// fixture pages (tests/fixtures/pages/<slug>/index.html when it exists, otherwise the page built here from
// the same source), and helpers to read our marks and our shadow-root overlay the way a reader meets them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { builtPages } from './page-fixtures';

const root = join(import.meta.dirname, '..', '..', '..');
export const extensionDir = process.env.PROVENANCE_LENS_EXTENSION ?? join(root, 'extension', 'test-chrome');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const fixtures = join(root, 'tests', 'fixtures', 'pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export interface Harness {
  context: BrowserContext;
  base: string;
  /** The URL of a fixture page: the shared fixture when it exists, else the one built in page-fixtures. */
  url(slug: string, ...alternatives: string[]): string;
  close(): Promise<void>;
}

function startServer(): Promise<Server> {
  const built = builtPages();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // the browser asks; a 404 would be a console error
      return;
    }
    const builtPage = built.get(path.replace(/^\/built\//, '').replace(/\/(index\.html)?$/, ''));
    if (path.startsWith('/built/') && builtPage) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      res.end(builtPage);
      return;
    }
    const file = normalize(join(fixtures, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(fixtures) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function startHarness(): Promise<Harness> {
  const server = await startServer();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(join(tmpdir(), 'provenance-lens-page-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1200, height: 900 },
  });
  return {
    context,
    base,
    url(slug, ...alternatives) {
      for (const s of [slug, ...alternatives])
        if (existsSync(join(fixtures, s, 'index.html'))) return `${base}/${s}/`;
      return `${base}/built/${slug}/`;
    },
    async close() {
      await context.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
}

/** A new tab that records console errors, page errors and dialogs (a dialog would mean a payload ran). */
export async function openPage(context: BrowserContext, url: string): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.provenanceLens === 'ready', null, {
    timeout: 30_000,
  });
  return { page, errors, dialogs };
}

/** Our marks of one kind, as { text, category, id } in page order. */
export function marks(page: Page, kind?: string) {
  return page.evaluate((kind) => {
    const sel = kind ? `provenance-lens-mark[data-pl-kind="${kind}"]` : 'provenance-lens-mark';
    return Array.from(document.querySelectorAll<HTMLElement>(sel)).map((m) => ({
      text: m.textContent ?? '',
      category: m.dataset.plCat ?? '',
      id: m.dataset.plId ?? '',
      kind: m.dataset.plKind ?? '',
      focusable: m.hasAttribute('data-pl-focus'),
    }));
  }, kind);
}

/** The overlay's shadow root, as Playwright locators see it (they pierce open shadow roots). */
export const overlay = (page: Page) => page.locator('provenance-lens-ui');
export const card = (page: Page) => overlay(page).locator('.pl-card');
export const panel = (page: Page) => overlay(page).locator('.pl-panel');
