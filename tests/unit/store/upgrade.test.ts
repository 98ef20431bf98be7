import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_VERSION,
  ProvenanceDb,
  SCHEMA_VERSIONS,
  StoreError,
  openDatabase,
  pageKeyOf,
} from '../../../src/store/db';
import { addNote } from '../../../src/store/notes';
import { seedDatabase } from '../../../src/store/seed';
import { getNoteView } from '../../../src/store/view';
import { fixtureSeed } from './helpers';

const uniqueName = (label: string) => `upgrade-${label}-${Math.random().toString(36).slice(2)}`;

/** Rows as a user of schema version `v` would have written them (fields added later are absent). */
function rowsOf(v: number) {
  const note = (i: number) => ({
    entityId: i % 2 ? 'sputnik' : 'custom:my-blog',
    text: `note ${i} written under version ${v}`,
    tags: i % 3 ? ['class', `t${i}`] : [],
    created: `2025-0${(i % 9) + 1}-01T10:00:00.000Z`,
    updated: `2025-0${(i % 9) + 1}-02T10:00:00.000Z`,
  });
  const annotation = (i: number) => ({
    url: `https://news.example.org/article-${i}#section-${i}`,
    quote: { type: 'TextQuoteSelector', exact: `passage ${i}`, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + 9 },
    body: `annotation ${i}`,
    tags: ['v' + v],
    created: '2025-01-01T00:00:00.000Z',
    updated: '2025-01-01T00:00:00.000Z',
  });
  return {
    notes: Array.from({ length: 25 }, (_, i) => note(i)),
    annotations: Array.from({ length: 12 }, (_, i) => annotation(i)),
    edits: [
      {
        entityId: 'sputnik',
        field: 'owner',
        value: 'my reading',
        seededValue: 'Rossiya Segodnya, owned by the Russian state',
        updated: '2025-01-03T00:00:00.000Z',
      },
    ],
    customSources: [
      {
        id: 'custom:my-blog',
        name: 'My blog',
        names: [],
        domains: ['myblog.example.net'],
        category: 'other',
        created: '2025-01-01T00:00:00.000Z',
        updated: '2025-01-01T00:00:00.000Z',
      },
    ],
    settings: [
      { key: 'site:https://www.lemonde.fr', value: false },
      { key: 'ui.lang', value: 'fr' },
    ],
    lessons: [
      {
        id: 'lesson-1',
        title: 'Qui parle ?',
        url: 'https://news.example.org/article-1',
        steps: [{ quote: 'a déclaré', note: 'the cue' }],
        created: '2025-01-01T00:00:00.000Z',
        updated: '2025-01-01T00:00:00.000Z',
      },
    ],
  };
}

describe('schema versions', () => {
  it('are append-only and numbered in order', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_VERSION).toBe(SCHEMA_VERSIONS.length);
    // The first schema already holds every table, lessons included.
    expect(Object.keys(SCHEMA_VERSIONS[0]!.stores).sort()).toEqual(
      ['annotations', 'customSources', 'edits', 'entities', 'lessons', 'notes', 'settings'].sort(),
    );
  });

  const earlier = SCHEMA_VERSIONS.filter((v) => v.version < CURRENT_VERSION).map((v) => v.version);
  it.each(earlier)('a database of version %i, filled, upgrades with nothing lost', async (v) => {
    const name = uniqueName(`v${v}`);
    const old = new ProvenanceDb(name, undefined, v);
    await seedDatabase(old, fixtureSeed);
    const rows = rowsOf(v);
    await old.notes.bulkAdd(rows.notes);
    await old.annotations.bulkAdd(rows.annotations as never);
    await old.edits.bulkAdd(rows.edits);
    await old.customSources.bulkAdd(rows.customSources as never);
    await old.settings.bulkAdd(rows.settings);
    await old.lessons.bulkAdd(rows.lessons);
    const before = {
      entities: await old.entities.toArray(),
      notes: await old.notes.toArray(),
      annotations: await old.annotations.toArray(),
    };
    expect(old.verno).toBe(v);
    old.close();

    const db = await openDatabase(name);
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.entities.toArray()).toEqual(before.entities);
    expect(await db.notes.toArray()).toEqual(before.notes);
    expect(await db.edits.toArray()).toEqual(rows.edits);
    expect(await db.customSources.toArray()).toEqual(rows.customSources);
    expect(await db.settings.toArray()).toEqual(
      expect.arrayContaining(rows.settings.map((s) => expect.objectContaining(s))),
    );
    expect(await db.lessons.toArray()).toEqual(rows.lessons);
    const annotations = await db.annotations.toArray();
    expect(annotations.map(({ pageKey: _p, ...a }) => a)).toEqual(
      before.annotations.map(({ pageKey: _p, ...a }) => a),
    );
    // What the later versions add works on the upgraded rows.
    for (const a of annotations) expect(a.pageKey).toBe(pageKeyOf(a.url));
    expect(await db.annotations.where('pageKey').equals('https://news.example.org/article-3').count()).toBe(
      1,
    );
    expect(await db.notes.where('tags').equals('class').count()).toBe(
      rows.notes.filter((n) => n.tags.includes('class')).length,
    );
    // And the user's edit still wins in the view.
    const view = await getNoteView(db, 'sputnik');
    expect(view?.fields.find((f) => f.field === 'owner')).toMatchObject({
      value: 'my reading',
      edited: true,
    });
    await addNote(db, { entityId: 'sputnik', text: 'after the upgrade' });
    expect(await db.notes.count()).toBe(26);
    db.close();
  });

  it('a fresh install opens at the current version', async () => {
    const db = await openDatabase(uniqueName('fresh'));
    expect(db.verno).toBe(CURRENT_VERSION);
    db.close();
  });

  it('a database from a newer version is refused with a clear message, and kept', async () => {
    const name = uniqueName('newer');
    const future = new Dexie(name);
    future.version(CURRENT_VERSION + 5).stores({ notes: '++id, entityId', somethingNew: 'id' });
    await future.table('notes').add({ entityId: 'x', text: 'from the future' });
    future.close();

    const error = await openDatabase(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('newer-version');
    expect((error as StoreError).message).toMatch(/newer version/);

    const again = new Dexie(name);
    await again.open();
    expect(await again.table('notes').toArray()).toEqual([{ id: 1, entityId: 'x', text: 'from the future' }]);
    again.close();
  });
});
