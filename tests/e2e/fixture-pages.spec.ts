// Every saved fixture page with an expected result (tests/fixtures/pages/<slug>/expected.json), read in
// Chromium with the built extension the way a reader meets it: the attributions a reader would point at are
// marked with the right speaker and category, outlets and hedges are flagged, and what is not article text
// (navigation, comments, form fields, hidden blocks, false friends such as "according to plan") carries no
// mark. A page added with its expected.json is tested without touching this file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { marks, openPage, startHarness, type Harness } from './support/page-harness';

interface Expected {
  /** What the page is, for the test's name. */
  about: string;
  minAttributions: number;
  /** Cues a reader would point at: the cue's text, words of its speaker as marked, the source's category. */
  attributions: Array<{ cue: string; speaker?: string; category: string }>;
  /** Every attribution's category is one of these (a page where only one kind of source speaks). */
  onlyCategories?: string[];
  /** Outlets flagged in the text: state media on their own, any outlet as the relay of an attribution. */
  outlets?: Array<{ text: string; category: string }>;
  hedges?: string[];
  /** Passages of text that no mark may touch. */
  unmarked?: string[];
  /** False friends: passages that may sit inside a reported claim but are never a cue themselves. */
  notCues?: string[];
  /** Elements (CSS selectors) holding no mark at all. */
  noMarksIn?: string[];
}

const pages = join(import.meta.dirname, '..', 'fixtures', 'pages');
const cases = (existsSync(pages) ? readdirSync(pages) : [])
  .filter((slug) => existsSync(join(pages, slug, 'expected.json')))
  .sort()
  .map((slug) => ({
    slug,
    expected: JSON.parse(readFileSync(join(pages, slug, 'expected.json'), 'utf8')) as Expected,
  }));

let h: Harness;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Whether any of our marks overlaps a passage of the page's text (its first occurrence, spaces collapsed);
 * 'absent' when the page does not hold it.
 */
function passageMarked(page: Page, passage: string, marks = 'provenance-lens-mark') {
  return page.evaluate(
    ([passage, marks]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      // The body's text with runs of white space collapsed, each character remembering its text node.
      let text = '';
      const owner: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const ch of (n as Text).data) {
          const space = /\s/.test(ch);
          if (space && text.endsWith(' ')) continue;
          text += space ? ' ' : ch;
          owner.push(n as Text);
        }
      }
      const at = text.indexOf(passage);
      if (at === -1) return 'absent';
      return owner.slice(at, at + passage.length).some((node) => !!node.parentElement?.closest(marks));
    },
    [passage, marks] as const,
  );
}

/**
 * Every mark of the page: marks are drawn as the reader scrolls near them, so scroll through it all, then
 * read the marks once two readings in a row agree.
 */
async function marksOfWholePage(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()?.height ?? 800;
  for (let y = 0; y < height + step; y += step) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  let before = await marks(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(200);
    const after = await marks(page);
    if (after.length === before.length) return after;
    before = after;
  }
  return before;
}

for (const { slug, expected } of cases) {
  test(`${slug}: ${expected.about}`, async () => {
    const { page, errors, dialogs } = await openPage(h.context, h.url(slug));
    const all = await marksOfWholePage(page);
    // One attribution's marks share its id; a cue interrupted by an outlet's name comes in pieces.
    const ids = [...new Set(all.filter((m) => m.kind === 'cue').map((m) => m.id))];
    const textOf = (id: string, kind: string) =>
      all.filter((m) => m.id === id && m.kind === kind).map((m) => squash(m.text));
    const found = ids.map((id) => ({
      cue: textOf(id, 'cue'),
      speaker: textOf(id, 'speaker').join(' '),
      category: all.find((m) => m.id === id && m.kind === 'cue')!.category,
    }));
    /** The cue as written, its pieces in order: "was quoted by" … "as saying" stands for the whole phrase. */
    const cueIs = (pieces: string[], cue: string) =>
      pieces.join(' ') === cue ||
      (cue.startsWith(pieces[0]!) && cue.endsWith(pieces.at(-1)!) && pieces.every((p) => cue.includes(p)));
    const seen = JSON.stringify(found, null, 1);

    expect(found.length, seen).toBeGreaterThanOrEqual(expected.minAttributions);
    expect(
      await page.evaluate(() => Number(document.documentElement.dataset.provenanceLensCount)),
    ).toBeGreaterThanOrEqual(expected.minAttributions);
    for (const want of expected.attributions) {
      const match = found.find(
        (f) =>
          cueIs(f.cue, want.cue) &&
          f.category === want.category &&
          (!want.speaker || f.speaker.includes(want.speaker)),
      );
      expect(match, `${JSON.stringify(want)} among ${seen}`).toBeTruthy();
    }
    if (expected.onlyCategories)
      for (const f of found) expect(expected.onlyCategories, seen).toContain(f.category);

    const outlets = all.filter((m) => m.kind === 'outlet' || m.kind === 'via');
    for (const want of expected.outlets ?? [])
      expect(
        outlets.some((o) => squash(o.text).includes(want.text) && o.category === want.category),
        `${JSON.stringify(want)} among ${JSON.stringify(outlets)}`,
      ).toBe(true);

    const hedges = all.filter((m) => m.kind === 'hedge').map((m) => m.text);
    for (const want of expected.hedges ?? [])
      expect(
        hedges.some((t) => squash(t).includes(want)),
        `${want} among ${JSON.stringify(hedges)}`,
      ).toBe(true);

    for (const passage of expected.unmarked ?? [])
      expect(await passageMarked(page, passage), passage).toBe(false);
    for (const passage of expected.notCues ?? [])
      expect(await passageMarked(page, passage, 'provenance-lens-mark[data-pl-kind="cue"]'), passage).toBe(
        false,
      );
    for (const selector of expected.noMarksIn ?? []) {
      await expect(page.locator(selector).first()).toBeAttached();
      await expect(page.locator(`${selector} provenance-lens-mark`), selector).toHaveCount(0);
    }

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
}

test('the fixture folders with an expected result are found', () => {
  expect(cases.length).toBeGreaterThanOrEqual(2);
});
