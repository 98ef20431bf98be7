// The scored corpora in tests/corpus must stay well formed: every gold cue and outlet names text the article
// holds (the scorer stops on a broken corpus), with the scorer's categories, and each article is the length
// of a short news story.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CATEGORIES = ['state-media', 'government', 'media', 'unnamed', 'other'];

interface Gold {
  language?: string;
  attributions?: Array<{ cue?: string; n?: number; speaker?: string[]; category?: string | null }>;
  outlets?: Array<{ text?: string; n?: number; category?: string }>;
}

/** Where the n-th occurrence of `needle` starts, or -1. */
function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

for (const lang of ['fr', 'en']) {
  const dir = new URL(`../../corpus/${lang}/`, import.meta.url);
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  describe(`corpus ${lang}`, () => {
    it('holds at least eight articles', () => expect(names.length).toBeGreaterThanOrEqual(8));
    for (const name of names) {
      it(name, () => {
        const text = readFileSync(new URL(name, dir), 'utf8');
        const gold = JSON.parse(
          readFileSync(new URL(name.replace(/\.txt$/, '.gold.json'), dir), 'utf8'),
        ) as Gold;
        const wrong: string[] = [];
        if (gold.language !== lang) wrong.push(`language ${gold.language}`);
        for (const a of gold.attributions ?? []) {
          if (!a.cue || nth(text, a.cue, a.n ?? 1) < 0)
            wrong.push(`cue "${a.cue}" #${a.n ?? 1} not in the text`);
          if (a.category && !CATEGORIES.includes(a.category)) wrong.push(`category ${a.category}`);
          if (a.speaker && !a.speaker.every((s) => text.toLowerCase().includes(s.toLowerCase())))
            wrong.push(`a speaker form of "${a.cue}" is not written in the text`);
        }
        for (const o of gold.outlets ?? []) {
          if (!o.text || nth(text, o.text, o.n ?? 1) < 0)
            wrong.push(`outlet "${o.text}" #${o.n ?? 1} not in the text`);
          if (o.category && !CATEGORIES.includes(o.category)) wrong.push(`outlet category ${o.category}`);
        }
        const words = text.split(/\s+/).filter(Boolean).length;
        if (words < 150 || words > 400) wrong.push(`${words} words`);
        expect(wrong, wrong.join('; ')).toEqual([]);
      });
    }
  });
}
