import 'fake-indexeddb/auto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ProvenanceNoteView as MessageView } from '../../../src/shared/messages';
import {
  addCustomSource,
  addNote,
  deleteNote,
  isSiteEnabled,
  setSiteEnabled,
  updateNote,
} from '../../../src/store/notes';
import { editField, seedDatabase } from '../../../src/store/seed';
import { getNoteView, type ProvenanceNoteView as StoreView } from '../../../src/store/view';
import { fixtureSeed, freshDb } from './helpers';

describe('the provenance note view', () => {
  it('has the shape of the message protocol', () => {
    expectTypeOf<StoreView>().toEqualTypeOf<MessageView>();
  });

  it('shows seeded facts with their references, unverified ones marked, edits and notes', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    await editField(db, 'sputnik', 'owner', 'My reading');
    const { id } = await addNote(db, {
      entityId: 'sputnik',
      text: '  Used in class  ',
      tags: ['class', 'class', ' '],
    });
    const view = await getNoteView(db, 'sputnik');
    expect(view).toMatchObject({
      entityId: 'sputnik',
      name: 'Sputnik',
      category: 'state-media',
      country: 'RU',
    });
    const f = Object.fromEntries(view!.fields.map((x) => [x.field, x]));
    expect(f.control).toEqual({
      field: 'control',
      value: 'state-controlled',
      refs: [{ url: 'https://statemediamonitor.com/', publisher: 'Media and Journalism Research Center' }],
      verified: true,
      edited: false,
    });
    expect(f.owner).toMatchObject({ value: 'My reading', edited: true, verified: false, refs: [] });
    expect(f.funding).toMatchObject({ value: 'Russian federal budget', verified: false, edited: false });
    expect(f.sanction).toMatchObject({
      value: 'EU: Council Regulation (EU) 2022/350 (2022-03-01)',
      verified: true,
    });
    expect(f.formerly).toMatchObject({ value: 'sputniknews.com (until 2022)' });
    expect(view!.userNotes).toEqual([
      { id, text: 'Used in class', tags: ['class'], updated: expect.any(String) },
    ]);

    await updateNote(db, id, { text: 'Changed' });
    expect((await getNoteView(db, 'sputnik'))!.userNotes[0]!.text).toBe('Changed');
    await deleteNote(db, id);
    expect((await getNoteView(db, 'sputnik'))!.userNotes).toEqual([]);
  });

  it('never puts an independent broadcaster beside state media', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    expect((await getNoteView(db, 'bbc'))?.category).toBe('media');
    expect((await getNoteView(db, 'kremlin-ru'))?.category).toBe('government');
    // A claim without any reference is not shown as checked.
    expect((await getNoteView(db, 'kremlin-ru'))?.fields.find((f) => f.field === 'control')?.verified).toBe(
      false,
    );
  });

  it('shows officials with their terms, custom sources as the user wrote them, and nothing for unknown ids', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    const official = await getNoteView(db, 'ru-konashenkov');
    expect(official).toMatchObject({ category: 'government', country: 'RU' });
    expect(official?.fields.find((f) => f.field === 'role')?.value).toBe(
      'Spokesperson of the Ministry of Defence (2011–)',
    );
    const custom = await addCustomSource(db, {
      name: 'Mon blog',
      category: 'other',
      domains: ['blog.example.net'],
    });
    expect(custom.id).toBe('custom:mon-blog');
    expect((await addCustomSource(db, { name: 'Mon blog', category: 'other' })).id).toBe('custom:mon-blog-2');
    expect(await getNoteView(db, custom.id)).toMatchObject({ name: 'Mon blog', category: 'other' });
    expect(await getNoteView(db, 'nobody')).toBeNull();
  });

  it('keeps the per-site switch', async () => {
    const db = freshDb();
    expect(await isSiteEnabled(db, 'https://www.lemonde.fr')).toBe(true);
    await setSiteEnabled(db, 'https://www.lemonde.fr', false);
    expect(await isSiteEnabled(db, 'https://www.lemonde.fr')).toBe(false);
  });
});
