// Links in the text to state-media outlets are badged, matched on the registrable domain: look-alike
// addresses (deviantart.com, rtl.be, rt.com.example.org, sputnikmusic.com) are left alone.
import { expect, test } from '@playwright/test';
import { openPage, overlay, panel, startHarness, type Harness } from './support/page-harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test('state-media links are badged and listed; look-alike domains are not', async () => {
  const { page, errors } = await openPage(
    h.context,
    h.url('state-media-links', 'links', 'state-media-links-en'),
  );
  await expect
    .poll(() =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('a[data-pl-link-badge]')).map(
          (a) => new URL((a as HTMLAnchorElement).href).host,
        ),
      ),
    )
    .toEqual(['www.rt.com', 'sputnikglobe.com']);
  // The badge is drawn by CSS beside the link; the link's own text and address are untouched.
  const rt = page.locator('a[href*="rt.com/news"]');
  await expect(rt).toHaveText('RT');
  const badge = await rt.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(badge).toMatch(/state media|média d'État/);
  await overlay(page).locator('.pl-launcher').click();
  await expect(panel(page)).toContainText(/Links to state media|Liens vers des médias d'État/);
  await expect(panel(page)).toContainText('RT');
  await expect(panel(page)).not.toContainText('RTL');
  expect(errors).toEqual([]);
  await page.close();
});
