// Pages that change after load and pages that fight back: paragraphs appended later are scanned with the
// speakers carried over, a single-page navigation rescans, a hostile page runs none of its payloads
// through us and cannot hide or crush the overlay.
import { expect, test } from '@playwright/test';
import { card, marks, openPage, overlay, panel, startHarness, type Harness } from './support/page-harness';

let h: Harness;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test('paragraphs appended after load are scanned, and our own marking triggers no rescan', async () => {
  const { page, errors } = await openPage(h.context, h.url('appending', 'appended-paragraphs', 'live'));
  const before = (await marks(page, 'cue')).length;
  expect(before).toBeGreaterThanOrEqual(1);
  await page.waitForFunction(
    (n) => Number(document.documentElement.dataset.provenanceLensCount) >= n + 2,
    before,
    { timeout: 15_000 },
  );
  // Marks for new text are drawn when its block comes near the viewport, a frame or so after the count.
  await expect
    .poll(async () => (await marks(page, 'cue')).map((c) => c.text))
    .toEqual(expect.arrayContaining(['a précisé', 'a-t-il ajouté']));
  const cues = await marks(page, 'cue');
  // The new paragraph's pronoun speaks for the Iranian spokesperson named in the paragraph before it.
  const lastId = cues.find((c) => c.text === 'a-t-il ajouté')!.id;
  await page.locator(`provenance-lens-mark[data-pl-id="${lastId}"][data-pl-kind="cue"]`).hover();
  await expect(card(page)).toContainText(/Iran/);
  // Once quiet, the page stays marked once: no mark inside a mark of the same kind, no duplicate.
  const nested = await page.evaluate(
    () =>
      document.querySelectorAll(
        'provenance-lens-mark[data-pl-kind="cue"] provenance-lens-mark[data-pl-kind="cue"]',
      ).length,
  );
  expect(nested).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('a single-page navigation rescans the new view', async () => {
  const { page } = await openPage(h.context, h.url('appending', 'appended-paragraphs', 'live'));
  await page.waitForFunction(() => Number(document.documentElement.dataset.provenanceLensCount) >= 3, null, {
    timeout: 15_000,
  });
  await page.evaluate(() => {
    const article = document.querySelector('article')!;
    article.replaceChildren();
    const p = document.createElement('p');
    p.textContent = 'Le ministre turc des Affaires étrangères a déclaré que le cessez-le-feu tiendrait.';
    article.append(p);
    history.pushState({}, '', '?view=2');
  });
  await expect
    .poll(async () => (await marks(page, 'cue')).map((c) => c.text), { timeout: 10_000 })
    .toEqual(['a déclaré']);
  // A fresh scan of the new view, not the old findings plus one.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.provenanceLensCount))
    .toBe('1');
  await page.close();
});

test('a page rewriting itself a thousand times a second costs a bounded number of our tasks', async () => {
  const { page } = await openPage(h.context, h.url('storm'));
  const tasks = () =>
    page.evaluate(
      () => JSON.parse(document.documentElement.dataset.provenanceLensBench ?? '{}').tasks as number,
    );
  const start = await tasks();
  await page.waitForTimeout(3000); // about 3000 mutations
  // Batches are throttled to a few per second whatever the rate of change.
  expect((await tasks()) - start).toBeLessThan(40);
  expect((await marks(page, 'cue')).map((c) => c.text)).toEqual(['a déclaré']);
  await page.close();
});

test('a hostile page runs no payload through us and cannot hide the overlay', async () => {
  const { page, errors, dialogs } = await openPage(h.context, h.url('hostile', 'hostile-page'));
  expect((await marks(page, 'cue')).length).toBeGreaterThanOrEqual(1);
  // The payload text is in our card and panel as text, never as markup.
  const cue = page.locator('provenance-lens-mark[data-pl-kind="cue"]').first();
  await cue.focus();
  await page.keyboard.press('Enter');
  await expect(card(page)).toBeVisible();
  const box = await card(page).boundingBox();
  expect(box!.width).toBeGreaterThan(200);
  expect(box!.height).toBeGreaterThan(60);
  await page.keyboard.press('Escape');
  await overlay(page).locator('.pl-launcher').click();
  await expect(panel(page)).toBeVisible();
  const panelBox = await panel(page).boundingBox();
  expect(panelBox!.width).toBeGreaterThan(200);
  expect(panelBox!.height).toBeGreaterThan(100);
  // Fonts inside the overlay are ours, not the page's 9px.
  const fontSize = await panel(page).evaluate((el) => getComputedStyle(el).fontSize);
  expect(fontSize).toBe('14px');
  expect(await overlay(page).locator('img, script, svg').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // The page's own broken image is its business; nothing of ours failed.
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  await page.close();
});
