// What the page-behaviour tests share: Chromium with the built test extension, a 127.0.0.1 server for the
// fixture pages (tests/fixtures/pages/<slug>/index.html when it exists, otherwise the page built here from
// the same source), and helpers to read our marks and our shadow-root overlay the way a reader meets them.
import type { BrowserContext, Page } from '@playwright/test';
import { launchExtension, serveFixtures, testExtensionDir } from './extension';

export const extensionDir = testExtensionDir;

export interface Harness {
  context: BrowserContext;
  base: string;
  /** The URL of a fixture page: the shared fixture when it exists, else the one built in page-fixtures. */
  url(slug: string, ...alternatives: string[]): string;
  close(): Promise<void>;
}

/** Chromium with the built test extension, and the fixture server (both from ./extension). */
export async function startHarness(): Promise<Harness> {
  const server = await serveFixtures();
  const browser = await launchExtension();
  return {
    context: browser.context,
    base: server.base,
    url: (slug, ...alternatives) => server.url(slug, ...alternatives),
    async close() {
      await browser.close();
      await server.close();
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
