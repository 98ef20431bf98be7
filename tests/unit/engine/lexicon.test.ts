// The lexicons are data: each file says where it comes from, its lists are sorted and free of
// duplicates, and its entries have the shape the engine reads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../seeds/lexicon');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const cmp = (a: string, b: string) => a.localeCompare(b, 'fr');
const KEYS = ['code', 'lemma', 'form', 'trigger', 'office', 'id'];
type Entry = string | Record<string, unknown>;
const keyOf = (e: Entry): string =>
  typeof e === 'string' ? e : String(e[KEYS.find((k) => typeof e[k] === 'string') ?? ''] ?? '');

function problemsInList(name: string, list: Entry[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < list.length; i++) {
    const a = keyOf(list[i - 1] as Entry);
    const b = keyOf(list[i] as Entry);
    if (cmp(a, b) > 0) out.push(`${name}: "${a}" before "${b}"`);
    if (a === b && typeof list[i] === 'string') out.push(`${name}: "${a}" twice`);
  }
  return out;
}

const lists = (json: { entries: unknown }): Array<[string, Entry[]]> =>
  Array.isArray(json.entries)
    ? [['entries', json.entries as Entry[]]]
    : Object.entries(json.entries as Record<string, Entry[]>);

describe('seeds/lexicon', () => {
  it('has the lexicons the engine loads', () => {
    for (const f of [
      'countries',
      'en-speech-verbs',
      'false-friends',
      'fr-speech-verbs',
      'fr-verb-phrases',
      'function-words',
      'given-names',
      'hedges',
      'offices',
      'outlets-core',
      'portfolios',
      'roles',
      'unnamed',
    ])
      expect(files).toContain(`${f}.json`);
  });

  for (const file of files) {
    it(`${file}: says where it comes from, sorted, no duplicates`, () => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { source: unknown; entries: unknown };
      expect(typeof json.source).toBe('string');
      expect((json.source as string).length).toBeGreaterThan(40);
      const problems = lists(json).flatMap(([name, list]) => problemsInList(name, list));
      expect(problems, problems.join('; ')).toEqual([]);
    });
  }

  it('countries: ISO codes, names, adjectives, at least 60 countries', () => {
    const { entries } = JSON.parse(readFileSync(join(dir, 'countries.json'), 'utf8')) as {
      entries: Array<{
        code: string;
        names: string[];
        adjectives: string[];
        capitals: string[];
        seats: string[];
      }>;
    };
    expect(entries.length).toBeGreaterThanOrEqual(60);
    for (const c of entries) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.names.length).toBeGreaterThan(0);
      expect(c.adjectives.length).toBeGreaterThan(1);
      expect(Array.isArray(c.capitals) && Array.isArray(c.seats)).toBe(true);
    }
  });

  it('roles: every kind is one the engine knows', () => {
    const kinds = new Set([
      'gov-person',
      'gov-body',
      'spokes',
      'media-person',
      'media-body',
      'unnamed',
      'other-person',
      'other-body',
    ]);
    const { entries } = JSON.parse(readFileSync(join(dir, 'roles.json'), 'utf8')) as {
      entries: Array<{ form: string; kind: string; gender?: string }>;
    };
    for (const r of entries) {
      expect(kinds.has(r.kind), `${r.form}: ${r.kind}`).toBe(true);
      if (r.gender) expect(['m', 'f']).toContain(r.gender);
    }
  });

  it('verbs: French forms and English forms are all given', () => {
    const fr = JSON.parse(readFileSync(join(dir, 'fr-speech-verbs.json'), 'utf8')) as {
      entries: Array<{ lemma: string; participle: string; finite: string[] }>;
    };
    for (const v of fr.entries) expect(v.participle && v.finite.length > 0, v.lemma).toBe(true);
    const en = JSON.parse(readFileSync(join(dir, 'en-speech-verbs.json'), 'utf8')) as {
      entries: Array<Record<string, string>>;
    };
    for (const v of en.entries)
      for (const k of ['lemma', 's', 'past', 'participle', 'ing'])
        expect(typeof v[k], `${v.lemma}.${k}`).toBe('string');
  });

  it('outlets-core: categories of the report', () => {
    const { entries } = JSON.parse(readFileSync(join(dir, 'outlets-core.json'), 'utf8')) as {
      entries: Array<{ id: string; category: string; country: string; names: string[] }>;
    };
    for (const o of entries) {
      expect(['state-media', 'media', 'government']).toContain(o.category);
      expect(o.country).toMatch(/^[A-Z]{2}$/);
      expect(o.names.length).toBeGreaterThan(0);
    }
  });
});
