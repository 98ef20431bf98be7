#!/usr/bin/env node
// The content script on a long news page in Chromium: its main-thread time, split into extraction,
// analysis, anchoring and marking, beside a bare TreeWalker pass over the same page's text measured in the
// same run; the longest task; and the page-load time without the extension, with it and with an empty
// content script (median and interquartile range of interleaved runs, each scan finished before the next
// load). Prints figures, asserts nothing (targets: extraction + anchoring + marking within 10x the bare walk,
// no task over 50 ms, load within 5%).
//
//   node scripts/bench-page.mjs [--chromium PATH] [--runs N]
//   (npm run bench calls benchPage() after the engine's figures)
//
// The page: about 1 MB of generated French and English news (scripts/bench/generate.mjs: varied sentences,
// attributions, names, outlets; never one article tiled), with the furniture of a real news page.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { article, rng } from './bench/generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

const esc = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const LINKS = [
  ['https://www.rt.com/news/1/', 'RT'],
  ['https://sputnikglobe.com/20240101/x.html', 'Sputnik'],
  ['https://tass.com/politics/1', 'TASS'],
  ['https://www.bbc.com/news/world-1', 'BBC'],
  ['https://www.reuters.com/world/1', 'Reuters'],
  ['https://www.lemonde.fr/international/article/1.html', 'Le Monde'],
  ['https://www.deviantart.com/x', 'DeviantArt'],
];
const CREDITS = ['© SPUTNIK . MURAD SAID', 'Photo: AFP', '© REUTERS / Staff', '© TASS', 'Photo: AP'];

/** A news page holding about `bytes` of article text, as HTML. */
export function newsPage(bytes = MB, seed = 7) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const body = [];
  let size = 0;
  let section = 0;
  while (size < bytes) {
    const lang = r() < 0.5 ? 'fr' : 'en';
    const text = article(r, lang, 200 + Math.floor(r() * 600));
    body.push(`<h2>${lang === 'fr' ? 'Partie' : 'Part'} ${++section}</h2>`);
    for (const para of text.split('\n\n')) {
      size += Buffer.byteLength(para);
      // Inline elements inside paragraphs, as real articles have: emphasis and links across words.
      const words = esc(para).split(' ');
      if (words.length > 8 && r() < 0.3) {
        const i = 1 + Math.floor(r() * (words.length - 4));
        words[i] = `<em>${words[i]}`;
        words[i + 2] = `${words[i + 2]}</em>`;
      }
      if (words.length > 8 && r() < 0.15) {
        const [href] = pick(LINKS);
        const i = 1 + Math.floor(r() * (words.length - 3));
        words[i] = `<a href="${href}">${words[i]}`;
        words[i + 1] = `${words[i + 1]}</a>`;
      }
      body.push(`<p>${words.join(' ')}</p>`);
      if (r() < 0.04)
        body.push(
          `<figure><div class="img" role="img" aria-label="photo"></div><figcaption>${esc(pick(CREDITS))}</figcaption></figure>`,
        );
    }
  }
  const nav = LINKS.map(([href, name]) => `<li><a href="${href}">${esc(name)}</a></li>`).join('');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Bench: a long news page</title>
<meta property="og:site_name" content="Bench News">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bench","publisher":{"@type":"Organization","name":"Bench News"}}</script>
<style>body{font:16px/1.5 Georgia,serif;max-width:46em;margin:auto;padding:1em}.img{height:120px;background:#ddd}</style>
</head><body>
<header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>A long news page</h1><p class="byline">By the desk</p>
${body.join('\n')}
</article>
<aside><h3>Related</h3><p>Another story, the minister said.</p></aside></main>
<footer><p>Bench News, all rights reserved.</p></footer>
</body></html>`;
}

function serve(html) {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/article')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(html);
      } else {
        res.writeHead(404).end();
      }
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The built test extension, or a content-script-only build of it when the full build is not there. */
function extensionDir() {
  // PROVENANCE_LENS_EXTENSION picks another build, as it does for the browser tests.
  const built = process.env.PROVENANCE_LENS_EXTENSION ?? join(root, 'extension', 'test-chrome');
  if (existsSync(join(built, 'manifest.json')) && existsSync(join(built, 'content.js'))) return built;
  const out = join(root, '.bench', 'content-only');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  console.log('  (extension/test-chrome is not built: using a content-script-only build in .bench/)');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'vite.config.ts',
      '--mode',
      'content',
    ],
    { cwd: root, env: { ...process.env, PROVENANCE_LENS_OUT: out }, stdio: 'ignore' },
  );
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Provenance Lens (bench)',
      version: '0.0.0',
      content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
  return out;
}

/** An extension whose content script does nothing: what any content script costs the page's load. */
function emptyExtensionDir() {
  const out = join(root, '.bench', 'empty-extension');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'content.js'), '/* nothing */\n');
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script (bench baseline)',
      version: '0.0.0',
      content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
  return out;
}

async function launch(chromiumPath, extension) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'pl-bench-'));
  const args = ['--no-first-run', '--no-default-browser-check', '--disable-gpu'];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Registered before the page's own scripts: every long task of the page's life.
const LONGTASKS = () => {
  window.__plLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__plLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing here.
  }
};

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
};
const median = (xs) => quantile(xs, 0.5);

/** Median and interquartile range of a list of timings. */
const spread = (xs) => ({ median: median(xs), q1: quantile(xs, 0.25), q3: quantile(xs, 0.75), runs: xs });

/**
 * Waits until the extension's scan of the page is over: the page says 'ready' and the bench timings have not
 * moved for `quiet` ms (link badges and the lazily drawn marks come after 'ready'). A page the content
 * script never reaches (the browsers without it) returns at once.
 */
async function scanSettled(page, { quiet = 400, timeout = 60_000 } = {}) {
  const state = () =>
    page.evaluate(() => ({
      ready: document.documentElement.dataset.provenanceLens === 'ready',
      timings: document.documentElement.dataset.provenanceLensBench ?? '',
    }));
  const end = Date.now() + timeout;
  let last = await state();
  let since = Date.now();
  while (Date.now() < end) {
    await page.waitForTimeout(100);
    const now = await state();
    if (now.ready !== last.ready || now.timings !== last.timings) {
      last = now;
      since = Date.now();
    } else if (last.ready && Date.now() - since >= quiet) return true;
  }
  return false;
}

/** Starts tracing script evaluation in `page`; stop() gives content.js's evaluate and compile times (ms). */
async function traceScripts(context, page) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const ours = (name) =>
        events.filter((e) => e.name === name && /\/content\.js$/.test(e.args?.data?.url ?? ''));
      const ms = (list) => list.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
      const evaluate = ours('EvaluateScript');
      return evaluate.length ? { evaluate: ms(evaluate), compile: ms(ours('v8.compile')) } : null;
    },
  };
}

/**
 * Load times of the same page in several browsers (one per extension setup), interleaved: each round runs
 * every browser once, in an order that rotates from round to round, so the machine's drift falls on all of
 * them alike. Between navigations, the page that carries the extension is left until its scan is over (the
 * scan runs after the load event, but on a shared machine its CPU would fall on the next browser's load),
 * every page goes back to about:blank (so no navigation pays for unloading a marked-up page), and the
 * machine gets a short pause.
 */
async function loadTimes(contexts, url, runs, { scanning = [] } = {}) {
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  const times = contexts.map(() => []);
  const unsettled = contexts.map(() => 0);
  // Round -1 warms each browser up (its first load of the page is a cold one) and is not counted.
  for (let i = -1; i < runs; i++) {
    const order = pages.map((_, k) => (k + Math.max(i, 0)) % pages.length);
    if (Math.floor(Math.max(i, 0) / pages.length) % 2) order.reverse();
    for (const k of order) {
      await pages[k].goto('about:blank');
      await new Promise((r) => setTimeout(r, 150));
      await pages[k].goto(`${url}?provenance-lens-bench&run=${i}`, { waitUntil: 'load' });
      const ms = await pages[k].evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return nav.loadEventEnd - nav.startTime;
      });
      if (i >= 0) times[k].push(ms);
      if (scanning.includes(k) && !(await scanSettled(pages[k]))) unsettled[k]++;
      else await pages[k].waitForTimeout(200); // the page's own layout and idle work after load
    }
  }
  await Promise.all(pages.map((p) => p.close()));
  return times.map((t, k) => ({ ...spread(t), unsettled: unsettled[k] }));
}

/** Runs the page benchmark; returns the figures (milliseconds) and prints them when `print`. */
export async function benchPage({ chromiumPath, runs = 15, print = true, bytes = MB } = {}) {
  if (!chromiumPath) {
    const { findChromium } = await import('./browsers.mjs');
    chromiumPath = findChromium();
  }
  if (!chromiumPath) throw new Error('Chromium not found: apt-get install -y chromium');
  const html = newsPage(bytes);
  const server = await serve(html);
  const url = `http://127.0.0.1:${server.address().port}/article`;
  const extension = extensionDir();
  const figures = { pageBytes: Buffer.byteLength(html) };
  try {
    // Without the extension: the bare walk over the untouched page.
    const bare = await launch(chromiumPath, null);
    const withExt = await launch(chromiumPath, extension);
    try {
      const plain = await bare.context.newPage();
      await plain.addInitScript(LONGTASKS);
      await plain.goto(url, { waitUntil: 'load' });
      // The page's own long tasks (parsing 1 MB of HTML, layout), to tell them from ours.
      await plain.waitForTimeout(500);
      const bareLongTasks = await plain.evaluate(() => window.__plLongTasks ?? []);
      figures.longestBarePageTask = Math.max(0, ...bareLongTasks.map((t) => t.duration));
      figures.bareLongTasks = bareLongTasks.length;
      const walks = await plain.evaluate(() => {
        const out = [];
        let chars = 0;
        for (let i = 0; i < 7; i++) {
          const t0 = performance.now();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          chars = 0;
          while (walker.nextNode()) chars += walker.currentNode.data.length;
          out.push(performance.now() - t0);
        }
        return { out, chars };
      });
      figures.textChars = walks.chars;
      figures.bareWalkFirst = walks.out[0];
      figures.bareWalk = median(walks.out);
      await plain.close();

      // With the extension: the content script's own timings, read back from the page.
      const page = await withExt.context.newPage();
      await page.addInitScript(LONGTASKS);
      // The content script's own evaluation (injected after the load: compile and run its top level, one
      // task) is outside the scanner's timings: the browser's trace has it.
      const trace = await traceScripts(withExt.context, page);
      await page.goto(`${url}?provenance-lens-bench`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.provenanceLens === 'ready', null, {
        timeout: 120_000,
      });
      // The scan is done when its timings stop moving (link badges come after 'ready').
      let last = '';
      for (let i = 0; i < 60; i++) {
        const now = await page.evaluate(() => document.documentElement.dataset.provenanceLensBench ?? '');
        if (now && now === last) break;
        last = now;
        await page.waitForTimeout(500);
      }
      const inPage = await page.evaluate(() => ({
        timings: JSON.parse(document.documentElement.dataset.provenanceLensBench ?? 'null'),
        count: Number(document.documentElement.dataset.provenanceLensCount ?? 0),
        marks: document.querySelectorAll('provenance-lens-mark').length,
        measures: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('provenance-lens:'))
          .length,
        longTasks: window.__plLongTasks ?? [],
      }));
      const evaluation = await trace.stop();
      await page.close();
      figures.contentScriptEvaluation = evaluation;
      figures.attributions = inPage.count;
      figures.marks = inPage.marks;
      figures.measuresSeenByPage = inPage.measures;
      figures.phases = inPage.timings?.phases ?? null;
      figures.total = inPage.timings?.total ?? NaN;
      figures.tasks = inPage.timings?.tasks ?? 0;
      figures.longestOwnTask = inPage.timings?.longestTask ?? NaN;
      figures.longestOwnTaskStep = inPage.timings?.longestTaskStep ?? '?';
      figures.slowTasks = inPage.timings?.slowTasks ?? [];
      figures.longestPageTask = Math.max(0, ...inPage.longTasks.map((t) => t.duration));
      figures.longTasks = inPage.longTasks.length;

      // A second browser without the extension is the control: its distance from the first is the noise.
      const empty = await launch(chromiumPath, emptyExtensionDir());
      const control = await launch(chromiumPath, null);
      try {
        const [without, withExtension, emptyScript, again] = await loadTimes(
          [bare.context, withExt.context, empty.context, control.context],
          url,
          runs,
          { scanning: [1] },
        );
        figures.load = { without, with: withExtension, emptyScript, control: again };
        figures.loadWithout = without.median;
        figures.loadWith = withExtension.median;
        figures.loadEmptyScript = emptyScript.median;
        // Paired: each round's ratio to the same round's load without the extension, which takes out the
        // machine's drift from round to round (the other core's load comes and goes).
        const paired = (l) => spread(l.runs.map((t, i) => t / without.runs[i] - 1));
        figures.loadPaired = {
          with: paired(withExtension),
          emptyScript: paired(emptyScript),
          control: paired(again),
        };
      } finally {
        await control.close();
        await empty.close();
      }
    } finally {
      await withExt.close();
      await bare.close();
    }
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }

  const p = figures.phases ?? { extract: NaN, analyze: NaN, anchor: NaN, mark: NaN, links: NaN, ui: NaN };
  const pageSide = p.extract + p.anchor + p.mark;
  figures.pageSideOverBareWalk = pageSide / figures.bareWalk;
  figures.loadOverhead = figures.loadWith / figures.loadWithout - 1;
  if (print) {
    const ms = (x) => `${Number.isFinite(x) ? x.toFixed(1) : '?'} ms`;
    const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
    const pairedLine = (p) => `${pct(p.median)} (IQR ${pct(p.q1)} to ${pct(p.q3)})`;
    const lines = [
      `  page: ${(figures.pageBytes / MB).toFixed(2)} MB of HTML, ${(figures.textChars / 1e6).toFixed(2)} M characters of text`,
      `  findings: ${figures.attributions} attributions, ${figures.marks} marks`,
      `  bare TreeWalker pass over the page's text: ${ms(figures.bareWalk)} (median of 7; first ${ms(figures.bareWalkFirst)})`,
      `  content script main-thread time: ${ms(figures.total)} in ${figures.tasks} tasks`,
      `    extraction ${ms(p.extract)}, analysis ${ms(p.analyze)}, anchoring ${ms(p.anchor)}, marking ${ms(p.mark)}, links ${ms(p.links)}, overlay ${ms(p.ui)}`,
      `    extraction + anchoring + marking = ${ms(pageSide)} = ${figures.pageSideOverBareWalk.toFixed(1)}x the bare walk's median, ${(pageSide / figures.bareWalkFirst).toFixed(1)}x its first (cold) pass (target <= 10x)`,
      `    (marks are drawn for the text near the viewport; the rest as the reader scrolls to it)`,
      `  longest task of ours: ${ms(figures.longestOwnTask)} (${figures.longestOwnTaskStep}); longest task on the page (long-task API): ${ms(figures.longestPageTask)} across ${figures.longTasks} long tasks (target: none over 50 ms); without the extension: ${ms(figures.longestBarePageTask)} across ${figures.bareLongTasks}`,
      `  page load (navigation start to load event end; ${runs} runs each, interleaved, each scan finished before the next load):`,
      ...[
        ['without the extension', figures.load.without],
        ['with the extension', figures.load.with],
        ['with an empty document_idle script', figures.load.emptyScript],
        ['without it, a second browser', figures.load.control],
      ].map(
        ([name, l]) =>
          `    ${name.padEnd(29)} median ${ms(l.median)}, IQR ${ms(l.q1)} to ${ms(l.q3)}` +
          (l === figures.load.without ? '' : ` (${pct(l.median / figures.loadWithout - 1)})`) +
          (l.unsettled ? ` (${l.unsettled} scans not finished in 60 s)` : ''),
      ),
      `    paired round by round (each load over the same round's without): with the extension ${pairedLine(figures.loadPaired.with)}; an empty document_idle script ${pairedLine(figures.loadPaired.emptyScript)}; the control ${pairedLine(figures.loadPaired.control)}`,
      `    extension overhead at the median: ${pct(figures.loadOverhead)} (target <= 5%; the control's distance is the noise)`,
    ];
    const ev = figures.contentScriptEvaluation;
    if (ev)
      lines.push(
        `  content.js evaluation (injected after the load; one task, outside the figures above): ${ms(ev.evaluate)}, of which compiling ${ms(ev.compile)}`,
      );
    for (const t of figures.slowTasks ?? [])
      lines.push(`    a task of ${ms(t.ms)} (${t.step}): ${JSON.stringify(t.phases)}`);
    console.log(lines.join('\n'));
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const runs = Number(arg('--runs') ?? 15);
  benchPage({ chromiumPath: arg('--chromium'), runs }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
