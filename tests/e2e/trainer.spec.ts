// Trainer mode end to end (issue 5): author a lesson on the first source article with engine flags and a
// custom flag, reload and see it re-attach, present every step with the keyboard, export it, import it into
// a fresh browser profile, run the quiz there and check the score, and open the bundled demo offline.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { accessibilityViolations, tabIdOf } from './support/extension';
import { startHarness, type Harness } from './support/page-harness';

const ARTICLE = ['source-article-fr', 'sputnik-idlib-fr', 'source-article', 'article-fr'];

interface Launched extends Harness {
  extensionId: string;
}

/** Chromium with the built test extension and a fixture server, in a profile of its own. */
async function launch(): Promise<Launched> {
  const harness = await startHarness();
  const worker = harness.context.serviceWorkers()[0] ?? (await harness.context.waitForEvent('serviceworker'));
  return Object.assign(harness, { extensionId: new URL(worker.url()).host });
}

test.describe.configure({ mode: 'serial' });

let first: Launched;

test.beforeAll(async () => {
  first = await launch();
});
test.afterAll(async () => {
  await first?.close();
});

const trainer = (page: Page) => page.locator('provenance-lens-ui[data-provenance-lens-trainer]');

/** Selects the words `phrase` in the article (the page's own text), as a reader's drag would. */
async function selectWords(page: Page, phrase: string): Promise<void> {
  await page.evaluate((p) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('provenance-lens-ui')) continue;
      const i = node.data.indexOf(p);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + p.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`not on the page: ${p}`);
  }, phrase);
}

async function openLessons(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/ui/lessons/index.html`);
  return page;
}

async function articleTab(context: BrowserContext, url: string): Promise<Page> {
  await expect.poll(() => context.pages().some((p) => p.url().split('#')[0] === url)).toBe(true);
  return context.pages().find((p) => p.url().split('#')[0] === url)!;
}

let exported = '';
let articleUrl = '';

test('authors a lesson on the first source article, with engine flags and a custom flag', async () => {
  articleUrl = first.url(ARTICLE[0]!, ...ARTICLE.slice(1));
  const { context, extensionId } = first;
  const lessons = await openLessons(context, extensionId);
  await lessons.locator('.new-url').fill(articleUrl);
  await lessons.locator('.new-lesson').click();
  const article = await articleTab(context, articleUrl);
  const panel = trainer(article);
  await expect(panel.locator('.pl-t-panel')).toBeVisible();

  // Two flags the engine found: the ministry's attribution and the photo credit.
  const flags = panel.locator('.pl-t-flag');
  await expect(flags.first()).toBeVisible();
  await flags.filter({ hasText: 'la Défense russe' }).first().locator('.pl-t-add-flag').click();
  await flags.filter({ hasText: 'SPUTNIK' }).first().locator('.pl-t-add-flag').click();
  // A flag of the trainer's own: the footnote.
  await selectWords(article, 'Organisation terroriste interdite en Russie');
  await expect(panel.locator('.pl-t-add-selection')).toBeEnabled();
  await panel.locator('.pl-t-custom select').selectOption('other');
  await panel.locator('.pl-t-add-selection').click();

  const steps = panel.locator('.pl-t-step-item');
  await expect(steps).toHaveCount(3);
  const notes = [
    'The Ministry of Defence: one source, a party to the conflict.',
    'Photo credit: the state outlet.',
    'A legal notice required by Russian law.',
  ];
  for (const [i, note] of notes.entries()) await steps.nth(i).locator('.pl-t-note').fill(note);
  expect(await accessibilityViolations(article, 'provenance-lens-ui[data-provenance-lens-trainer]')).toEqual(
    [],
  );
  await panel.locator('.pl-t-title').fill('Idlib: who speaks?');
  await panel.locator('.pl-t-save').click();
  await expect(panel.locator('.pl-t-status')).toHaveText('Lesson saved.');
  await lessons.reload();
  await expect(lessons.locator('.lesson')).toHaveCount(1);
  await expect(lessons.locator('.lesson h3')).toHaveText('Idlib: who speaks?');
  await lessons.close();
});

test('re-attaches after a reload and presents every step with the keyboard', async () => {
  const { context, extensionId } = first;
  const article = await articleTab(context, articleUrl);
  await article.reload();
  const lessons = await openLessons(context, extensionId);
  await lessons.locator('.lesson .edit').click();
  const panel = trainer(article);
  await expect(panel.locator('.pl-t-attached')).toHaveText('3 of 3 steps attached to this page.');
  await expect(panel.locator('.pl-t-orphans')).toHaveCount(0);
  await expect(panel.locator('.pl-t-step-item .pl-t-note').first()).toHaveValue(/Ministry of Defence/);

  await lessons.locator('.lesson .present').click();
  await article.bringToFront();
  const callout = trainer(article).locator('.pl-t-callout');
  await expect(callout.locator('.pl-t-counter')).toHaveText('Step 1 of 3');
  await expect(callout).toContainText('The Ministry of Defence');
  await expect(trainer(article).locator('.pl-t-spotlight')).toHaveCount(1);
  await article.keyboard.press('ArrowRight');
  await expect(callout.locator('.pl-t-counter')).toHaveText('Step 2 of 3');
  await expect(callout).toContainText('Photo credit');
  await article.keyboard.press('ArrowLeft');
  await expect(callout.locator('.pl-t-counter')).toHaveText('Step 1 of 3');
  await article.keyboard.press('Space');
  await article.keyboard.press('ArrowRight');
  await expect(callout.locator('.pl-t-counter')).toHaveText('Step 3 of 3');
  await expect(callout).toContainText('Russian law');
  await article.keyboard.press('ArrowRight');
  await expect(callout.locator('.pl-t-summary')).toContainText('Who spoke in this article');
  await article.keyboard.press('Escape');
  await expect(trainer(article)).toHaveCount(0);
  await lessons.close();

  // The toolbar popup starts authoring on the page too (a new lesson).
  const worker = context.serviceWorkers()[0]!;
  const popup = await context.newPage();
  await popup.goto(
    `chrome-extension://${extensionId}/ui/popup/index.html?tab=${await tabIdOf(worker, article.url())}`,
  );
  await Promise.all([popup.waitForEvent('close'), popup.locator('button.teach').click()]);
  await expect(trainer(article).locator('.pl-t-panel')).toBeVisible();
  await expect(trainer(article).locator('.pl-t-step-item')).toHaveCount(0);
  // It offers the lesson already written on this page, which re-attaches whole.
  await trainer(article).locator('.pl-t-continue').click();
  await expect(trainer(article).locator('.pl-t-attached')).toHaveText('3 of 3 steps attached to this page.');
  await trainer(article).locator('.pl-t-close').click();
  await expect(trainer(article)).toHaveCount(0);
});

test('exports the lesson as a pack', async () => {
  const { context, extensionId } = first;
  const lessons = await openLessons(context, extensionId);
  const [download] = await Promise.all([
    lessons.waitForEvent('download'),
    lessons.locator('.lesson .export').click(),
  ]);
  const path = await download.path();
  exported = readFileSync(path, 'utf8');
  const pack = JSON.parse(exported);
  expect(pack.format).toBe('provenance-lens/lesson');
  expect(pack.version).toBe(1);
  expect(pack.url).toBe(articleUrl);
  expect(pack.steps.map((s: { kind: string }) => s.kind)).toEqual(['engine', 'engine', 'custom']);
  expect(pack.article.text).toContain('Organisation terroriste interdite en Russie');
  await lessons.close();
});

test('imports the pack into a fresh profile, and scores a quiz with right and wrong marks', async ({}, testInfo) => {
  // A fresh profile: a browser that has never seen the lesson (the article is still served by the first).
  const fresh = await launch();
  try {
    const { context, extensionId } = fresh;
    const lessons = await openLessons(context, extensionId);
    await expect(lessons.locator('.lessons')).toBeAttached();
    // A broken file first: refused with the field named, nothing written.
    const broken = testInfo.outputPath('broken.json');
    const bad = JSON.parse(exported);
    bad.steps[1].category = 'propaganda';
    writeFileSync(broken, JSON.stringify(bad));
    await lessons.locator('input.import').setInputFiles(broken);
    await expect(lessons.locator('.status')).toContainText('steps[1].category');
    await expect(lessons.locator('.lesson')).toHaveCount(0);

    const file = testInfo.outputPath('idlib.lesson.json');
    writeFileSync(file, exported);
    await lessons.locator('input.import').setInputFiles(file);
    await expect(lessons.locator('.status')).toContainText('Imported');
    await expect(lessons.locator('.lesson h3')).toHaveText('Idlib: who speaks?');

    await lessons.locator('.lesson .quiz').click();
    const article = await articleTab(context, articleUrl);
    const quiz = trainer(article).locator('.pl-t-quiz');
    await expect(quiz).toBeVisible();
    // Right: the ministry, as government.
    await selectWords(article, 'a annoncé la Défense russe');
    await quiz.locator('select').selectOption('government');
    await quiz.locator('.pl-t-mark-selection').click();
    // Found, but the wrong kind: the photo credit called "news outlet".
    await selectWords(article, 'SPUTNIK');
    await quiz.locator('select').selectOption('media');
    await quiz.locator('.pl-t-mark-selection').click();
    // Extra: words that are not in the key.
    await selectWords(article, 'La rencontre en question');
    await quiz.locator('select').selectOption('other');
    await quiz.locator('.pl-t-mark-selection').click();
    await quiz.locator('.pl-t-reveal').click();
    // (2 found + 1 right kind − 0.5 for the extra) / 6 = 42%
    await expect(quiz.locator('.pl-t-score')).toHaveText('Score: 42%');
    await expect(quiz.locator('.pl-t-outcome-found')).toHaveCount(2);
    await expect(quiz.locator('.pl-t-outcome-missed')).toHaveCount(1);
    await expect(quiz.locator('.pl-t-outcome-missed')).toContainText('Russian law');
    await expect(quiz.locator('.pl-t-outcome-extra')).toHaveCount(1);
    expect(
      await accessibilityViolations(article, 'provenance-lens-ui[data-provenance-lens-trainer]'),
    ).toEqual([]);
    expect(await accessibilityViolations(lessons, 'html')).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('opens the bundled demo with no network and presents its ready-made lesson', async () => {
  const { context, extensionId } = first;
  await context.setOffline(true);
  try {
    const demo = await context.newPage();
    const outside: string[] = [];
    demo.on('request', (r) => {
      if (!r.url().startsWith('chrome-extension://')) outside.push(r.url());
    });
    await demo.goto(`chrome-extension://${extensionId}/ui/demo/index.html`);
    await demo.locator('.demo-present').first().click();
    await expect(demo.locator('article h1')).toContainText('Casques blancs');
    const callout = trainer(demo).locator('.pl-t-callout');
    await expect(callout.locator('.pl-t-counter')).toHaveText(/^Step 1 of \d+$/);
    expect(await accessibilityViolations(demo, 'provenance-lens-ui')).toEqual([]);
    const total = Number((await callout.locator('.pl-t-counter').textContent())!.match(/of (\d+)/)![1]);
    for (let i = 2; i <= total; i++) {
      await demo.keyboard.press('ArrowRight');
      await expect(callout.locator('.pl-t-counter')).toHaveText(`Step ${i} of ${total}`);
    }
    await demo.keyboard.press('ArrowRight');
    await expect(callout.locator('.pl-t-summary')).toBeVisible();
    expect(outside).toEqual([]);
    await demo.close();
  } finally {
    await context.setOffline(false);
  }
});
