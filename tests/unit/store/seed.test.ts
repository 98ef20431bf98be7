import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Outlet } from '../../../src/core/kb/schema';
import { StoreError } from '../../../src/store/db';
import { addAnnotation, addNote } from '../../../src/store/notes';
import {
  bundledSeed,
  editField,
  hashOf,
  listChanges,
  makeSeed,
  revertEntity,
  seedDatabase,
} from '../../../src/store/seed';
import { getNoteView } from '../../../src/store/view';
import { fixtureBodies, fixtureOfficials, fixtureOutlets } from './kb-fixture';
import { dump, fixtureSeed, freshDb } from './helpers';

const sputnik = fixtureOutlets[0]!;

function seedWith(outlets: Outlet[]) {
  return makeSeed({ outlets, officials: fixtureOfficials, bodies: fixtureBodies });
}

describe('seeding', () => {
  it('fills an empty database and skips the work when the seed has not changed', async () => {
    const db = freshDb();
    const first = await seedDatabase(db, fixtureSeed);
    expect(first).toMatchObject({ added: 9, updated: 0, removed: 0, skipped: false });
    expect(await db.entities.count()).toBe(9);
    expect((await db.entities.get('ru-mod'))?.type).toBe('body');
    const again = await seedDatabase(db, fixtureSeed);
    expect(again.skipped).toBe(true);
  });

  it('seeds the bundled knowledge base, whatever it holds', async () => {
    const db = freshDb();
    const seed = bundledSeed();
    const r = await seedDatabase(db, seed);
    expect(r.added).toBe(new Set([...seed.outlets, ...seed.officials, ...seed.bodies].map((e) => e.id)).size);
  });

  it('hashes entries independently of key order', () => {
    expect(hashOf({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(hashOf({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: 2 }));
  });

  it('merges an update: new and corrected entries arrive, edited fields keep the user value', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    await editField(db, 'sputnik', 'owner', 'My own reading of the ownership');
    const noteId = (await addNote(db, { entityId: 'sputnik', text: 'Seen in class', tags: ['class'] })).id;
    await addAnnotation(db, {
      url: 'https://example.org/a',
      quote: { type: 'TextQuoteSelector', exact: 'cité par Sputnik' },
      body: 'relay',
      entityId: 'sputnik',
    });
    const before = JSON.parse(await dump(db));

    const corrected: Outlet = {
      ...sputnik,
      owner: { value: 'Rossiya Segodnya (corrected)', refs: ['wp'] },
      funding: { value: 'Russian federal budget (checked)', refs: ['wp'] },
    };
    const newcomer: Outlet = {
      ...fixtureOutlets[5]!,
      id: 'ria',
      name: 'RIA Novosti',
      domains: ['ria.ru'],
      names: [],
    };
    const update = seedWith([corrected, ...fixtureOutlets.slice(1), newcomer]);
    const r = await seedDatabase(db, update);
    expect(r).toMatchObject({ added: 1, updated: 1, unchanged: 8, removed: 0, skipped: false });

    const view = await getNoteView(db, 'sputnik');
    const field = (name: string) => view!.fields.find((f) => f.field === name);
    expect(field('owner')).toMatchObject({ value: 'My own reading of the ownership', edited: true });
    expect(field('funding')).toMatchObject({ value: 'Russian federal budget (checked)', edited: false });
    expect(view!.userNotes).toEqual([
      expect.objectContaining({ id: noteId, text: 'Seen in class', tags: ['class'] }),
    ]);

    const after = JSON.parse(await dump(db));
    expect(after.notes).toEqual(before.notes);
    expect(after.annotations).toEqual(before.annotations);
    expect(after.edits).toEqual(before.edits);

    const changes = await listChanges(db);
    expect(changes).toEqual([
      expect.objectContaining({
        entityId: 'sputnik',
        field: 'owner',
        value: 'My own reading of the ownership',
        seededValue: 'Rossiya Segodnya (corrected)',
        seedChanged: true,
      }),
    ]);
  });

  it('drops an edit once the seed says the same thing', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    await editField(db, 'sputnik', 'funding', 'Russian federal budget, per the 2024 law');
    await seedDatabase(
      db,
      seedWith([
        { ...sputnik, funding: { value: 'Russian federal budget, per the 2024 law', refs: ['wp'] } },
        ...fixtureOutlets.slice(1),
      ]),
    );
    expect(await listChanges(db)).toEqual([]);
  });

  it('deletes entries gone from the seed, but retires those the user edited or noted', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    await addNote(db, { entityId: 'tass', text: 'keep me' });
    await editField(db, 'afp', 'name', 'Agence France-Presse');
    const r = await seedDatabase(
      db,
      seedWith(fixtureOutlets.filter((o) => !['tass', 'afp', 'kremlin-ru'].includes(o.id))),
    );
    expect(r).toMatchObject({ removed: 1, retired: 2 });
    expect(await db.entities.get('kremlin-ru')).toBeUndefined();
    expect((await db.entities.get('tass'))?.retired).toBe(true);
    expect((await getNoteView(db, 'tass'))?.userNotes).toHaveLength(1);
    expect((await getNoteView(db, 'afp'))?.name).toBe('Agence France-Presse');
    // Back in a later seed, the entry is no longer retired.
    await seedDatabase(db, fixtureSeed);
    expect((await db.entities.get('tass'))?.retired).toBeUndefined();
  });
});

describe('editing and reverting', () => {
  it('edits one field, lists it, and reverts one field or the whole entry', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    await editField(db, 'rt', 'country', 'RU');
    expect(await listChanges(db)).toEqual([]); // the seeded value: nothing to keep
    await editField(db, 'rt', 'name', 'RT (Russia Today)');
    await editField(db, 'rt', 'control', 'captured-public');
    expect((await listChanges(db)).map((c) => c.field).sort()).toEqual(['control', 'name']);
    expect((await getNoteView(db, 'rt'))?.name).toBe('RT (Russia Today)');

    expect(await revertEntity(db, 'rt', 'name')).toBe(1);
    expect((await getNoteView(db, 'rt'))?.name).toBe('RT');
    expect((await listChanges(db)).map((c) => c.field)).toEqual(['control']);
    expect(await revertEntity(db, 'rt')).toBe(1);
    expect(await listChanges(db)).toEqual([]);
    const control = (await getNoteView(db, 'rt'))?.fields.find((f) => f.field === 'control');
    expect(control).toMatchObject({ value: 'state-controlled', edited: false, verified: true });
  });

  it('refuses edits that cannot be right', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    const before = await dump(db);
    await expect(editField(db, 'rt', 'control', 'evil')).rejects.toBeInstanceOf(StoreError);
    await expect(editField(db, 'rt', 'references', 'x')).rejects.toBeInstanceOf(StoreError);
    await expect(editField(db, 'rt', 'name', '   ')).rejects.toBeInstanceOf(StoreError);
    await expect(editField(db, 'ru-konashenkov', 'owner', 'x')).rejects.toBeInstanceOf(StoreError);
    await expect(editField(db, 'nobody', 'name', 'x')).rejects.toThrow(/No knowledge-base entry/);
    expect(await dump(db)).toBe(before);
  });
});
