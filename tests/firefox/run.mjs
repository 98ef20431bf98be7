#!/usr/bin/env node
// Firefox: the same build (extension/test-firefox) loads in Debian's firefox-esr and marks the first source
// article. Playwright cannot drive Firefox extensions; puppeteer-core can, over WebDriver BiDi, through
// `browser.installExtension` (a temporary add-on, as about:debugging would load it).
//
//   node tests/firefox/run.mjs OUT.json     writes {"passed":N,"failed":N} to OUT.json
//
// One line per test; a non-zero exit on any failure; the browser and the page server are always closed, and
// an overall time limit ends a run that hangs (the run is never left waiting on the browser).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findFirefox } from '../../scripts/browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = process.argv[2] ?? join(root, 'test-results', 'firefox.json');
const extensionDir = process.env.PROVENANCE_LENS_EXTENSION ?? join(root, 'extension', 'test-firefox');
const ARTICLE_SLUG = 'source-article-fr';
const TIME_LIMIT_MS = 150_000;
const STEP_LIMIT_MS = 60_000;

const results = { passed: 0, failed: 0 };
const cleanups = [];

function writeResults() {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results) + '\n');
}

async function cleanUp() {
  // Last opened, first closed: the browser before the server it was reading from.
  while (cleanups.length) {
    const undo = cleanups.pop();
    try {
      await undo();
    } catch {
      // Already gone: nothing left to close.
    }
  }
}

const overall = setTimeout(() => {
  console.error(`✗ the run took longer than ${TIME_LIMIT_MS / 1000} s and was stopped`);
  results.failed++;
  writeResults();
  void cleanUp().finally(() => process.exit(1));
  // If closing hangs too, leave anyway.
  setTimeout(() => process.exit(1), 10_000).unref();
}, TIME_LIMIT_MS);

/** Runs one named check; a later check that needs an earlier one's result is skipped as failed. */
async function check(name, body) {
  try {
    const detail = await body();
    results.passed++;
    console.log(`✓ ${name}${detail ? ` (${detail})` : ''}`);
    return true;
  } catch (error) {
    results.failed++;
    console.log(`✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The first source article as a realistic news page: the fixture folder's, else the Chromium tests' builder. */
async function articleHtml() {
  const fixture = join(root, 'tests', 'fixtures', 'pages', ARTICLE_SLUG, 'index.html');
  if (existsSync(fixture)) return readFileSync(fixture, 'utf8');
  const { tsImport } = await import('tsx/esm/api');
  const { builtPages } = await tsImport('../e2e/support/page-fixtures.ts', import.meta.url);
  const html = builtPages().get(ARTICLE_SLUG);
  assert(html, `no fixture page named ${ARTICLE_SLUG}`);
  return html;
}

function serve(html) {
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  const firefox = findFirefox();
  const ready = await check('firefox-esr and the test build are present', () => {
    assert(firefox, "firefox-esr is missing: install Debian's package (apt-get install -y firefox-esr)");
    assert(
      existsSync(join(extensionDir, 'manifest.json')),
      `${extensionDir} is not built: run node scripts/build.mjs --test-variant`,
    );
    return firefox;
  });
  if (!ready) return;

  const server = await serve(await articleHtml());
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}/`;

  const profile = mkdtempSync(join(tmpdir(), 'provenance-lens-firefox-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefox,
    headless: true,
    userDataDir: profile,
    timeout: STEP_LIMIT_MS,
    protocolTimeout: STEP_LIMIT_MS,
    extraPrefsFirefox: {
      // Nothing reaches out while the test runs: no updates, studies or telemetry of the browser's own.
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  cleanups.push(() => browser.close());

  let extensionId = '';
  const installed = await check('the test build installs as an add-on', async () => {
    extensionId = await browser.installExtension(extensionDir);
    assert(extensionId, 'installExtension returned no id');
    return extensionId;
  });
  if (!installed) return;

  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(url, { waitUntil: 'load', timeout: STEP_LIMIT_MS });

  let count = 0;
  const scanned = await check('the first source article is scanned', async () => {
    await page.waitForFunction(() => document.documentElement.dataset.provenanceLens === 'ready', {
      timeout: STEP_LIMIT_MS,
    });
    count = await page.evaluate(() => Number(document.documentElement.dataset.provenanceLensCount));
    assert(count >= 5, `${count} attributions, expected at least 5`);
    return `${count} attributions`;
  });
  if (!scanned) return;

  await check('the attributions are marked in the text, with their categories', async () => {
    const marks = await page.evaluate(() =>
      Array.from(document.querySelectorAll('provenance-lens-mark')).map((m) => ({
        kind: m.getAttribute('data-pl-kind'),
        category: m.getAttribute('data-pl-cat'),
        text: m.textContent,
      })),
    );
    assert(marks.length > 0, 'no provenance-lens-mark element on the page');
    const cues = marks.filter((m) => m.kind === 'cue');
    assert(cues.length >= 5, `${cues.length} cue marks, expected at least 5`);
    assert(
      cues.some((m) => m.category === 'government'),
      'no cue marked as a government source (the Russian Ministry of Defence speaks)',
    );
    return `${marks.length} marks, ${cues.length} cues`;
  });

  await check('the overlay is mounted in its own shadow root', async () => {
    const open = await page.evaluate(() => {
      const host = document.querySelector('provenance-lens-ui');
      return !!host?.shadowRoot;
    });
    assert(open, 'no provenance-lens-ui host with a shadow root');
  });

  // The note comes from the background's IndexedDB store: this checks the background runs in Firefox too.
  await check("the background answers: the Sputnik credit's card shows the store's note", async () => {
    await page.hover('provenance-lens-mark[data-pl-kind="outlet"]');
    const handle = await page.waitForFunction(
      () => {
        const note = document
          .querySelector('provenance-lens-ui')
          ?.shadowRoot?.querySelector('.pl-card .pl-note');
        return (
          note && /state-controlled|contrôlé par l'État/.test(note.textContent ?? '') && note.textContent
        );
      },
      { timeout: STEP_LIMIT_MS },
    );
    const text = String(await handle.jsonValue());
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  });

  await check('no error on the page', () => {
    assert(pageErrors.length === 0, pageErrors.join('; '));
  });
}

try {
  await main();
} catch (error) {
  results.failed++;
  console.log(`✗ the run stopped: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  clearTimeout(overall);
  await cleanUp();
  writeResults();
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
}
