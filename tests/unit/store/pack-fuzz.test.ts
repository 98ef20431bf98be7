import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoreError, type ProvenanceDb } from '../../../src/store/db';
import { addNote } from '../../../src/store/notes';
import { MAX_PACK_CHARS, importPack, validatePack, type Pack } from '../../../src/store/pack';
import { seedDatabase } from '../../../src/store/seed';
import { dump, fixtureSeed, freshDb } from './helpers';

// Hostile and broken packs, generated: every one must be refused with a named problem, and the database
// must be exactly as it was after each. The generator is seeded, so a failure is reproducible.

const T = '2025-05-01T12:00:00.000Z';
const validPack: Pack = {
  format: 'provenance-lens-pack',
  version: 1,
  exported: T,
  notes: [
    { entityId: 'sputnik', text: 'Relays the ministry', tags: ['class'], created: T, updated: T },
    { entityId: 'custom:mon-blog', text: 'Mon blog', tags: [], created: T, updated: T },
  ],
  annotations: [
    {
      url: 'https://news.example.org/a#x',
      quote: { type: 'TextQuoteSelector', exact: 'cité par Sputnik', prefix: 'dit, ', suffix: '.' },
      position: { type: 'TextPositionSelector', start: 10, end: 26 },
      body: 'relay',
      tags: ['relay'],
      entityId: 'sputnik',
      created: T,
      updated: T,
    },
  ],
  customSources: [
    {
      id: 'custom:mon-blog',
      name: 'Mon blog',
      names: ['MB'],
      domains: ['blog.example.net'],
      country: 'FR',
      category: 'other',
      description: 'a blog',
      created: T,
      updated: T,
    },
  ],
  edits: [{ entityId: 'rt', field: 'owner', value: 'ANO TV-Novosti', seededValue: 'x', updated: T }],
};

/** Mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = Array<string | number>;

const OPTIONAL = new Set([
  'annotations.*.position',
  'annotations.*.entityId',
  'annotations.*.quote.prefix',
  'annotations.*.quote.suffix',
  'customSources.*.country',
  'customSources.*.description',
  'edits.*.seededValue',
]);
const shapeOf = (path: Path) => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

function paths(value: Json, path: Path = []): Path[] {
  const out: Path[] = path.length ? [path] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...path, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...path, k]));
  return out;
}

function setAt(root: Json, path: Path, replace: (old: Json) => Json | undefined): void {
  let node = root as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const next = replace(node[last]!);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = next;
}

function deepNest(depth: number): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { nested: v };
  return v;
}

/** A value of another JSON type than `old`: always wrong where `old` was right. */
function otherType(old: Json, r: () => number): Json {
  const choices: Json[] = [
    null,
    true,
    0,
    -1.5,
    1e308,
    '',
    'x'.repeat(Math.floor(r() * 50)),
    [],
    [1, 'a', null],
    {},
    { a: 1 },
    deepNest(100 + Math.floor(r() * 900)),
  ];
  const kind = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const candidates = choices.filter((c) => kind(c) !== kind(old));
  return candidates[Math.floor(r() * candidates.length)]!;
}

/** One broken pack, as JSON text, with a word on how it was broken. */
function brokenPack(r: () => number): { how: string; text: string } {
  const pack = JSON.parse(JSON.stringify(validPack)) as Json;
  const all = paths(pack);
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(r() * xs.length)]!;
  const strategy = Math.floor(r() * 10);
  switch (strategy) {
    case 0: {
      // A field of the wrong type.
      const path = pick(all);
      setAt(pack, path, (old) => otherType(old, r));
      return { how: `wrong type at ${path.join('.')}`, text: JSON.stringify(pack) };
    }
    case 1: {
      // A required field missing.
      const required = all.filter((p) => typeof p[p.length - 1] === 'string' && !OPTIONAL.has(shapeOf(p)));
      const path = pick(required);
      setAt(pack, path, () => undefined);
      return { how: `missing ${path.join('.')}`, text: JSON.stringify(pack) };
    }
    case 2: {
      // Prototype-pollution and unknown keys, written into the JSON text (JSON.parse keeps "__proto__").
      const objects = [[], ...all].filter((p) => {
        let v: Json = pack;
        for (const k of p) v = (v as Record<string | number, Json>)[k]!;
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      const path = pick(objects);
      const key = pick(['__proto__', 'constructor', 'prototype', 'unexpected', 'toString', 'isAdmin']);
      const marker = '"@@marker@@":1';
      if (path.length === 0) (pack as Record<string, Json>)['@@marker@@'] = 1;
      else setAt(pack, path, (old) => ({ ...(old as object), '@@marker@@': 1 }));
      if (!JSON.stringify(pack).includes(marker)) throw new Error('the marker was not placed');
      const payload = pick(['{"polluted":true}', '{"prototype":{"polluted":true}}', 'null', '"x"', '[]']);
      return {
        how: `key ${key} at ${path.join('.') || 'top'}`,
        text: JSON.stringify(pack).replace(marker, `"${key}":${payload}`),
      };
    }
    case 3: {
      // A string far over its field's limit.
      const strings = all.filter((p) => {
        let v: Json = pack;
        for (const k of p) v = (v as Record<string | number, Json>)[k]!;
        return typeof v === 'string';
      });
      const path = pick(strings);
      setAt(pack, path, () => 'A'.repeat(20_001 + Math.floor(r() * 50_000)));
      return { how: `huge string at ${path.join('.')}`, text: JSON.stringify(pack) };
    }
    case 4: {
      // Wrong format or version.
      const o = pack as Record<string, Json>;
      const which = Math.floor(r() * 6);
      if (which === 0) o.version = 2;
      else if (which === 1) o.version = 0;
      else if (which === 2) o.version = '1';
      else if (which === 3) o.format = 'hypothesis-export';
      else if (which === 4) delete o.format;
      else o.version = 1.5;
      return { how: `format/version ${which}`, text: JSON.stringify(pack) };
    }
    case 5: {
      // Not a pack at all.
      const text = pick([
        'null',
        '[]',
        '42',
        '"pack"',
        'true',
        '',
        '{',
        '{"format":"provenance-lens-pack"',
        // Nesting far deeper than any stack: built as text, never as values.
        '['.repeat(100_000) + ']'.repeat(100_000),
        '{"format":"provenance-lens-pack","version":1,"notes":' +
          '{"a":'.repeat(50_000) +
          '1' +
          '}'.repeat(50_000) +
          '}',
        '\u0000\u0001',
        JSON.stringify(validPack).slice(0, Math.floor(r() * 500)),
      ]);
      return { how: 'not a pack', text };
    }
    case 6: {
      // Values of the right type but out of their domain.
      const bad: Array<[Path, Json]> = [
        [['notes', 0, 'created'], 'yesterday'],
        [['notes', 0, 'updated'], '2025-13-45T99:99:99Z'],
        [['notes', 0, 'text'], ''],
        [['notes', 0, 'entityId'], 'has spaces'],
        [['notes', 0, 'entityId'], ''],
        [['notes', 0, 'tags'], ['']],
        [['notes', 0, 'tags'], Array.from({ length: 51 }, (_, i) => `t${i}`)],
        [['annotations', 0, 'url'], 'javascript:alert(1)'],
        [['annotations', 0, 'url'], 'data:text/html,<script>alert(1)</script>'],
        [['annotations', 0, 'quote', 'type'], 'RangeSelector'],
        [['annotations', 0, 'quote', 'exact'], ''],
        [['annotations', 0, 'position', 'start'], -1],
        [['annotations', 0, 'position', 'end'], 5],
        [['annotations', 0, 'position', 'start'], 1.5],
        [['customSources', 0, 'id'], 'sputnik'],
        [['customSources', 0, 'id'], 'custom:'],
        [['customSources', 0, 'category'], 'propaganda'],
        [['customSources', 0, 'country'], 'France'],
        [['customSources', 0, 'domains'], ['not a domain']],
        [['edits', 0, 'field'], 'references'],
        [['edits', 0, 'field'], '__proto__'],
        [['edits', 0, 'value'], ''],
        [['exported'], ''],
      ];
      const [path, value] = pick(bad);
      setAt(pack, path, () => value);
      if (path[0] === 'edits' && path[2] === 'field' && r() < 0.5)
        setAt(pack, ['edits', 0, 'value'], () => 'x');
      return { how: `bad value at ${path.join('.')}`, text: JSON.stringify(pack) };
    }
    case 7: {
      // A control or country edit with a value outside its vocabulary.
      const o = pack as { edits: Array<Record<string, Json>> };
      const control = r() < 0.5;
      o.edits[0]!.field = control ? 'control' : 'country';
      o.edits[0]!.value = control
        ? pick(['fake-news', 'State-Controlled', 'propaganda'])
        : pick(['FRA', 'F', '12']);
      return { how: `edit vocabulary ${o.edits[0]!.field}`, text: JSON.stringify(pack) };
    }
    case 8: {
      // Many broken items at once: the first errors are named, and the list stops at 20.
      const o = pack as { notes: Json[] };
      o.notes = Array.from({ length: 30 + Math.floor(r() * 100) }, (_, i) => ({ entityId: i, text: null }));
      return { how: 'many broken notes', text: JSON.stringify(pack) };
    }
    default: {
      // A valid item followed by a broken one: nothing from the valid part may land.
      const o = pack as { notes: Array<Record<string, Json>> };
      const extra = { ...o.notes[0]!, text: `valid ${r()}` };
      const key = pick(['text', 'tags', 'created']);
      const broken = { ...o.notes[0]!, [key]: otherType(o.notes[0]![key]!, r) };
      o.notes.push(extra, broken);
      return { how: 'valid then broken', text: JSON.stringify(pack) };
    }
  }
}

describe('hostile and broken packs (fuzzed)', () => {
  let db: ProvenanceDb;
  let before: string;

  beforeAll(async () => {
    db = freshDb();
    await seedDatabase(db, fixtureSeed);
    await addNote(db, { entityId: 'sputnik', text: 'already here' });
    before = await dump(db);
  });

  it('the valid pack the mutations start from is valid', () => {
    expect(validatePack(JSON.stringify(validPack)).ok).toBe(true);
  });

  it('refuses 1200 generated bad packs, naming a field, with the database unchanged after each', async () => {
    const r = rng(20261122);
    const kinds = new Map<string, number>();
    for (let i = 0; i < 1200; i++) {
      const { how, text } = brokenPack(r);
      const kind = how.split(' ').slice(0, 2).join(' ');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const error = await importPack(db, text).catch((e: unknown) => e);
      if (!(error instanceof StoreError) || error.reason !== 'invalid-pack')
        throw new Error(`pack #${i} (${how}) was not refused: ${String(error)}`);
      expect(error.details.length).toBeGreaterThan(0);
      expect(error.details.length).toBeLessThanOrEqual(20);
      for (const d of error.details) expect(d).toMatch(/^[\w$[\].@-]+: .+/);
      expect(await dump(db)).toBe(before);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(kinds.size).toBeGreaterThan(10);
  });

  it('refuses a pack over the size limit before parsing it', async () => {
    const big = JSON.stringify({ ...validPack, notes: [] }).replace(
      '"notes":[]',
      `"notes":["${'n'.repeat(MAX_PACK_CHARS)}"]`,
    );
    const error = await importPack(db, big).catch((e: unknown) => e);
    expect((error as StoreError).details).toEqual(['pack: larger than the 5 MB limit']);
    expect(await dump(db)).toBe(before);
  });
});
