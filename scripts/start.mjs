#!/usr/bin/env node
// `npm start`: builds the extension, serves the first source article on 127.0.0.1 as a news page, and opens
// Debian's Chromium with the extension loaded on it.
//
//   with a display     a browser window; the command ends when the window is closed
//   without a display  headless: waits for the scan, writes extension/demo.png, prints who speaks, exits
//
// `npm start -- --headless` forces the second. The page and everything the extension shows are local: the
// server listens on 127.0.0.1 only, and the browser is started with its own background traffic switched off.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { findChromium } from './browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = join(root, 'extension', 'test-chrome');
const screenshot = join(root, 'extension', 'demo.png');
const headless =
  process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const SCAN_LIMIT_MS = 60_000;

function fail(message) {
  console.error(`provenance-lens: ${message}`);
  process.exit(1);
}

const chromiumPath = findChromium();
if (!chromiumPath) fail("Chromium is missing: install Debian's package with `apt-get install -y chromium`.");

// The test build: the store build plus the right to scan 127.0.0.1 without a click, which the demo needs.
const built = spawnSync('node', [join(root, 'scripts', 'build.mjs'), '--test-variant'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (built.status !== 0) fail('the build failed (see above).');

// The same realistic page the browser tests use: navigation, headline, byline, photo credit, teaser, comments.
const { builtPages } = await tsImport('../tests/e2e/support/page-fixtures.ts', import.meta.url);
const html = builtPages().get('source-article-fr');
if (!html) fail('the first source article page could not be built.');

const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '/index.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  } else res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const profile = mkdtempSync(join(tmpdir(), 'provenance-lens-demo-'));
let context;
let closing;
function close() {
  closing ??= (async () => {
    await context?.close().catch(() => undefined);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  })();
  return closing;
}
process.once('SIGINT', () => void close().then(() => process.exit(130)));
process.once('SIGTERM', () => void close().then(() => process.exit(143)));

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(headless ? ['--disable-gpu'] : []),
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);

  if (!headless) {
    console.log(`Chromium is open on ${url} with Provenance Lens. Close the window to stop.`);
    await new Promise((resolve) => context.once('close', resolve));
  } else {
    await page.waitForFunction(() => document.documentElement.dataset.provenanceLens === 'ready', null, {
      timeout: SCAN_LIMIT_MS,
    });
    await openPanel(context, page);
    await page.screenshot({ path: screenshot });
    await printSummary(page, html);
    console.log(`\nScreenshot: ${screenshot.slice(root.length + 1)}`);
  }
} catch (error) {
  await close();
  fail(error instanceof Error ? error.message : String(error));
}
await close();

/** Opens the summary panel the way the popup does: a message to the tab's content script. */
async function openPanel(context, page) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    if (tab?.id !== undefined)
      await chrome.tabs.sendMessage(tab.id, { type: 'panel/toggle', payload: { open: true } });
  }, page.url());
  await page
    .locator('provenance-lens-ui .pl-panel')
    .first()
    .waitFor({ state: 'visible', timeout: 10_000 })
    .catch(() => undefined); // the screenshot is still worth taking without the panel
}

/** What the extension marked on the page, then the same engine's report of who speaks in it. */
async function printSummary(page, html) {
  const marked = await page.evaluate(() => {
    const byCategory = {};
    const seen = new Set();
    for (const m of document.querySelectorAll('provenance-lens-mark[data-pl-kind="cue"]')) {
      const id = m.getAttribute('data-pl-id');
      if (seen.has(id)) continue; // a cue split across inline elements is one attribution
      seen.add(id);
      const category = m.getAttribute('data-pl-cat') ?? 'other';
      byCategory[category] = (byCategory[category] ?? 0) + 1;
    }
    return { title: document.title, count: seen.size, byCategory };
  });
  const categories = Object.entries(marked.byCategory)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`Provenance Lens in Chromium, on "${marked.title}" (${url}):`);
  console.log(`  ${marked.count} attributions marked in the page (${categories || 'none'})\n`);

  // The page's own text, read by the same extraction and engine as the extension, in Node.
  const file = join(profile, 'article.html');
  writeFileSync(file, html);
  const { scanFile } = await tsImport('../src/cli/scan.ts', import.meta.url);
  const { formatReport } = await tsImport('../src/cli/report-text.ts', import.meta.url);
  console.log(formatReport('The first source article', await scanFile(file)));
}
