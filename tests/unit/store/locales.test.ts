import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every word of the options page exists in English and French, with the same placeholders.
const root = join(import.meta.dirname, '../../..');
const optionsDir = join(root, 'src/ui/options');
const load = (lang: string): Record<string, { message: string; placeholders?: object }> => {
  const file = join(root, 'src/_locales', lang, 'messages.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
};

function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync(optionsDir).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'))) {
    const text = readFileSync(join(optionsDir, file), 'utf8');
    for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) keys.add(`options_${m[1]}`);
  }
  for (const s of ['sources', 'changes', 'packs', 'sites']) keys.add(`options_section_${s}`);
  for (const ty of ['outlet', 'official', 'body', 'custom']) keys.add(`options_type_${ty}`);
  for (const e of ['quota', 'newer_version', 'upgrade_failed', 'invalid_pack', 'not_found'])
    keys.add(`options_error_${e}`);
  for (const c of ['state_media', 'government', 'media', 'unnamed', 'other'])
    keys.add(`options_category_${c}`);
  return [...keys].sort();
}

describe('options page messages', () => {
  const en = load('en');
  const fr = load('fr');
  it.each(usedKeys())('%s is translated', (key) => {
    expect(en[key]?.message).toBeTruthy();
    expect(fr[key]?.message).toBeTruthy();
    expect(Object.keys(fr[key]?.placeholders ?? {})).toEqual(Object.keys(en[key]?.placeholders ?? {}));
  });
});
