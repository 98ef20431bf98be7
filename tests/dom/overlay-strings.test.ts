// @vitest-environment happy-dom
// Every word the page overlay uses exists in both locales, and the English defaults match the English file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_MESSAGES } from '../../src/content/i18n';

const locale = (lang: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'src', '_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;

describe('overlay strings', () => {
  const en = locale('en');
  const fr = locale('fr');
  for (const [key, text] of Object.entries(ENGLISH_MESSAGES))
    it(`${key} exists in English and French`, () => {
      expect(en[key]?.message).toBe(text);
      expect(fr[key]?.message).toBeTruthy();
      // The same substitutions in both languages.
      expect(fr[key]!.message.match(/\$\d/g)?.sort()).toEqual(text.match(/\$\d/g)?.sort());
    });

  it('never calls a source fake', () => {
    for (const table of [en, fr])
      for (const [key, { message }] of Object.entries(table))
        if (key.startsWith('page_')) expect(message).not.toMatch(/fake|faux|propagand/i);
  });
});
