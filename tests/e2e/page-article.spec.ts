// The first source article as a reader meets it, in Chromium with the built extension: the right
// attributions marked with the right categories, the hover card with the provenance note from the store,
// a note added in the card surviving a reload, keyboard navigation, the summary panel, and axe-core
// finding no violation in our overlay.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { card, marks, openPage, overlay, panel, startHarness, type Harness } from './support/page-harness';

const ARTICLE = ['source-article-fr', 'sputnik-idlib-fr', 'source-article', 'article-fr'];
let h: Harness;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

const articleUrl = () => h.url(ARTICLE[0]!, ...ARTICLE.slice(1));

async function hoverText(page: Page, selector: string) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.locator(selector).first().hover();
}

test('marks the attributions with their categories, ties cue, speaker and quote, and skips the furniture', async () => {
  const { page, errors } = await openPage(h.context, articleUrl());
  const cues = await marks(page, 'cue');
  const declared = cues.find((c) => c.text === 'a déclaré');
  expect(declared, JSON.stringify(cues)).toBeTruthy();
  expect(declared!.category).toBe('government');
  expect(declared!.focusable).toBe(true);
  // The speaker and the quote of the same attribution carry its id.
  const same = (await marks(page)).filter((m) => m.id === declared!.id);
  expect(
    same
      .filter((m) => m.kind === 'speaker')
      .map((m) => m.text)
      .join(''),
  ).toContain('Igor Konachenkov');
  expect(same.some((m) => m.kind === 'quote')).toBe(true);
  // Every attribution of the article speaks for the Russian government; none is called state media.
  expect(cues.length).toBeGreaterThanOrEqual(5);
  expect(new Set(cues.map((c) => c.category))).toEqual(new Set(['government']));
  // The photo credit names Sputnik: state media.
  const credit = (await marks(page, 'outlet')).find((m) => /SPUTNIK/.test(m.text));
  expect(credit?.category).toBe('state-media');
  // The count on <html> matches the attributions marked; navigation and comments carry no mark.
  const count = await page.evaluate(() => Number(document.documentElement.dataset.provenanceLensCount));
  expect(count).toBe(cues.length);
  expect(await page.locator('nav provenance-lens-mark, .comments provenance-lens-mark').count()).toBe(0);
  // The page's links still work: each keeps its address, and no mark inside a link is a second focus stop.
  expect(await page.locator('a:not([href])').count()).toBe(0);
  expect(await page.locator('a provenance-lens-mark[tabindex]').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('the hover card names the speaker fairly and shows the store note for Sputnik with a reference', async () => {
  const { page, errors } = await openPage(h.context, articleUrl());
  const declaredId = (await marks(page, 'cue')).find((m) => m.text === 'a déclaré')!.id;
  await hoverText(page, `provenance-lens-mark[data-pl-kind="cue"][data-pl-id="${declaredId}"]`);
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toContainText('Igor Konachenkov');
  await expect(card(page)).toContainText(/government \(Russia\)|gouvernement \(Russie\)/);
  await expect(card(page)).not.toContainText(/fake|propagand/i);
  // Hovering lit the cue, speaker and quote of that attribution together.
  const lit = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('provenance-lens-mark[data-pl-active]')).map(
      (m) => m.dataset.plKind,
    ),
  );
  expect(new Set(lit)).toEqual(new Set(['cue', 'speaker', 'quote']));

  await page.mouse.move(5, 5);
  await hoverText(page, 'provenance-lens-mark[data-pl-kind="outlet"]');
  await expect(card(page)).toContainText('Sputnik');
  const note = card(page).locator('.pl-note');
  await expect(note).toContainText(/state-controlled|contrôlé par l'État/);
  await expect(note.locator('a.pl-ref').first()).toHaveAttribute('href', /^https:\/\//);
  expect(errors).toEqual([]);
  await page.close();
});

test('a note added in the card survives a reload', async () => {
  const text = `Note de cours ${Date.now()}`;
  let { page } = await openPage(h.context, articleUrl());
  await page.locator('provenance-lens-mark[data-pl-kind="outlet"]').first().focus();
  await page.keyboard.press('Enter'); // the card opens with the focus in it
  await expect(card(page)).toBeFocused();
  await card(page)
    .getByLabel(/Add a note|Ajouter une note/)
    .first()
    .fill(text);
  await card(page)
    .getByRole('button', { name: /Save the note|Enregistrer la note/ })
    .first()
    .click();
  await expect(card(page).getByRole('status').first()).toContainText(/saved|enregistrée/);
  await expect(card(page)).toContainText(text);
  await page.close();

  ({ page } = await openPage(h.context, articleUrl()));
  await hoverText(page, 'provenance-lens-mark[data-pl-kind="outlet"]');
  await expect(card(page)).toContainText(text);
  await page.close();
});

test('the keyboard moves between flags, opens the card and the panel, and Escape closes them', async () => {
  const { page, errors } = await openPage(h.context, articleUrl());
  await page.locator('h1').click();
  await page.keyboard.press('Alt+Shift+N');
  const first = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.plId);
  expect(first).toBeTruthy();
  await expect(card(page)).toBeVisible();
  await page.keyboard.press('Alt+Shift+N');
  const second = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.plId);
  expect(second).toBeTruthy();
  expect(second).not.toBe(first);
  await page.keyboard.press('Alt+Shift+B');
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.plId)).toBe(first);
  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);

  // The panel: opened from its launcher, j/k inside it, Escape closes it.
  await overlay(page).locator('.pl-launcher').click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page)).toContainText(/Who speaks on this page|Qui parle sur cette page/);
  await expect(panel(page)).toContainText(/Sputnik/);
  await panel(page).press('j');
  await expect(card(page)).toBeVisible();
  await panel(page).locator('.pl-item').nth(1).click();
  await expect(card(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);
  await panel(page).focus();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('axe-core finds no violation in the panel and the card', async () => {
  const { page } = await openPage(h.context, articleUrl());
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ content: readFileSync(axePath, 'utf8') });
  await overlay(page).locator('.pl-launcher').click();
  await expect(panel(page)).toBeVisible();
  await page.locator('provenance-lens-mark[data-pl-kind="outlet"]').first().focus();
  await page.keyboard.press('Enter');
  await expect(card(page).locator('.pl-note')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
        .axe;
      const result = (await axe.run(
        { include: [['provenance-lens-ui']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
      )) as { violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> };
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(violations, scheme).toEqual([]);
  }
  await page.close();
});
