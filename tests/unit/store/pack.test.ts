import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/db';
import { addAnnotation, addCustomSource, addNote } from '../../../src/store/notes';
import {
  ANNOTATION_CONTEXT,
  MAX_PACK_CHARS,
  PACK_FORMAT,
  exportPack,
  exportWebAnnotations,
  importPack,
  validatePack,
} from '../../../src/store/pack';
import { editField, seedDatabase } from '../../../src/store/seed';
import { dump, fixtureSeed, freshDb } from './helpers';

async function filledDb() {
  const db = freshDb();
  await seedDatabase(db, fixtureSeed);
  await addNote(db, { entityId: 'sputnik', text: 'Relays the ministry verbatim', tags: ['class-1'] });
  await addNote(db, { entityId: 'bbc', text: 'Publicly funded, independent: « not RT »' });
  await addAnnotation(db, {
    url: 'https://news.example.org/a#comments',
    quote: { type: 'TextQuoteSelector', exact: 'cité par Sputnik', prefix: 'a-t-il dit, ', suffix: '.' },
    position: { type: 'TextPositionSelector', start: 120, end: 136 },
    body: 'The relay is state media',
    tags: ['relay'],
    entityId: 'sputnik',
  });
  await addCustomSource(db, { name: 'Mon blog', category: 'other', domains: ['blog.example.net'] });
  await editField(db, 'rt', 'owner', 'ANO TV-Novosti');
  return db;
}

describe('packs', () => {
  it('round-trips: export, import into a fresh database, export again', async () => {
    const source = await filledDb();
    const pack = await exportPack(source);
    expect(pack).toMatchObject({ format: PACK_FORMAT, version: 1 });
    expect(pack.notes).toHaveLength(2);
    expect(validatePack(JSON.parse(JSON.stringify(pack)))).toEqual({ ok: true, pack });

    const target = freshDb();
    await seedDatabase(target, fixtureSeed);
    const result = await importPack(target, JSON.stringify(pack));
    expect(result).toEqual({
      notes: { added: 2, skipped: 0 },
      annotations: { added: 1, skipped: 0 },
      customSources: { added: 1, updated: 0, skipped: 0 },
      edits: { added: 1, updated: 0, skipped: 0 },
    });
    const again = await exportPack(target);
    expect({ ...again, exported: '' }).toEqual({ ...pack, exported: '' });
    expect((await target.annotations.toArray())[0]?.pageKey).toBe('https://news.example.org/a');

    // Importing the same pack twice adds nothing.
    const before = await dump(target);
    const second = await importPack(target, pack);
    expect(second.notes).toEqual({ added: 0, skipped: 2 });
    expect(second.edits).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect(await dump(target)).toBe(before);
  });

  it('keeps the newer of two custom sources or edits', async () => {
    const db = await filledDb();
    const pack = await exportPack(db);
    const newer = {
      ...pack,
      notes: [],
      annotations: [],
      customSources: pack.customSources.map((s) => ({
        ...s,
        name: 'Renamed',
        updated: '2999-01-01T00:00:00.000Z',
      })),
      edits: pack.edits.map((e) => ({ ...e, value: 'Older value', updated: '2000-01-01T00:00:00.000Z' })),
    };
    const r = await importPack(db, newer);
    expect(r.customSources).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect(r.edits).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect((await db.customSources.toArray())[0]?.name).toBe('Renamed');
    expect((await db.edits.toArray())[0]?.value).toBe('ANO TV-Novosti');
  });

  it('names the bad field and writes nothing', async () => {
    const db = await filledDb();
    const pack = await exportPack(db);
    const before = await dump(db);
    const bad = { ...pack, notes: [...pack.notes, pack.notes[0], { ...pack.notes[0], text: 42 }] };
    const error = await importPack(db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).details).toEqual(['notes[3].text: expected a string, got number 42']);
    expect(await dump(db)).toBe(before);
  });

  it.each([
    ['other format', { format: 'other' }, 'format: expected "provenance-lens-pack", got "other"'],
    ['later version', { format: PACK_FORMAT, version: 9 }, 'version: this pack is version 9'],
    ['array', [], 'pack: expected an object, got an array'],
    ['null', null, 'pack: expected an object, got null'],
    ['broken JSON', '{"format": ', 'pack: not valid JSON'],
    ['over 5 MB', 'x'.repeat(MAX_PACK_CHARS + 1), 'pack: larger than the 5 MB limit'],
  ])('refuses: %s', (_label, input, message) => {
    const r = validatePack(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain(message);
  });

  it('refuses prototype-polluting keys without polluting anything', () => {
    const text =
      '{"format":"provenance-lens-pack","version":1,"exported":"2025-01-01T00:00:00Z","notes":[{"entityId":"x","text":"t","tags":[],"created":"2025-01-01","updated":"2025-01-01","__proto__":{"polluted":true}}],"annotations":[],"customSources":[],"edits":[],"constructor":{"prototype":{"polluted":true}}}';
    const r = validatePack(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['constructor: forbidden key', 'notes[0].__proto__: forbidden key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a write that fails half-way leaves nothing behind (one transaction)', async () => {
    const db = await filledDb();
    const pack = await exportPack(db);
    const target = freshDb();
    await seedDatabase(target, fixtureSeed);
    const before = await dump(target);
    let n = 0;
    target.customSources.hook('creating', () => {
      if (++n === 1) throw new Error('disk trouble');
    });
    await expect(importPack(target, pack)).rejects.toThrow('disk trouble');
    expect(await dump(target)).toBe(before);
  });

  it('a full disk gives a clear message and loses nothing', async () => {
    const db = await filledDb();
    const before = await dump(db);
    db.notes.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await addNote(db, { entityId: 'rt', text: 'one more' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('quota');
    expect((error as StoreError).message).toMatch(/disk is full/);
    const pack = await exportPack(db);
    const importError = await importPack(db, { ...pack, notes: [{ ...pack.notes[0]!, text: 'new' }] }).catch(
      (e: unknown) => e,
    );
    expect((importError as StoreError).reason).toBe('quota');
    expect(await dump(db)).toBe(before);
  });
});

describe('W3C Web Annotation export', () => {
  it('writes an AnnotationCollection that annotation tools read', async () => {
    const db = await filledDb();
    const collection = await exportWebAnnotations(db);
    expect(collection).toMatchObject({
      '@context': ANNOTATION_CONTEXT,
      type: 'AnnotationCollection',
      total: 1,
    });
    const item = (collection.first as { items: Array<Record<string, unknown>> }).items[0];
    expect(item).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'The relay is state media', purpose: 'commenting' },
        { type: 'TextualBody', value: 'relay', purpose: 'tagging' },
      ],
      target: {
        source: 'https://news.example.org/a#comments',
        selector: [
          { type: 'TextQuoteSelector', exact: 'cité par Sputnik', prefix: 'a-t-il dit, ', suffix: '.' },
          { type: 'TextPositionSelector', start: 120, end: 136 },
        ],
      },
    });
    expect(String(item?.id)).toMatch(/^urn:provenance-lens:annotation:\d+$/);
    expect((await exportWebAnnotations(db, 'https://news.example.org/a')).total).toBe(1);
    expect((await exportWebAnnotations(db, 'https://news.example.org/b')).total).toBe(0);
  });
});

describe('what the store accepts, a pack carries back', () => {
  it('trims what would not fit and refuses what could never travel', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    await addAnnotation(db, {
      url: 'file:///home/me/saved-article.html',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'a-t-il ajouté',
        prefix: 'p'.repeat(5000),
        suffix: 's'.repeat(5000),
      },
      body: 'b'.repeat(30_000),
      tags: ['t'.repeat(500)],
    });
    await addNote(db, {
      entityId: 'sputnik',
      text: 'ok',
      tags: Array.from({ length: 80 }, (_, i) => `tag${i}`),
    });
    const pack = await exportPack(db);
    expect(validatePack(JSON.parse(JSON.stringify(pack))).ok).toBe(true);

    const before = await dump(db);
    await expect(
      addAnnotation(db, {
        url: 'javascript:alert(1)',
        quote: { type: 'TextQuoteSelector', exact: 'x' },
        body: '',
      }),
    ).rejects.toThrow(/url: expected an http\(s\) or file URL/);
    await expect(addNote(db, { entityId: 'not an id!', text: 'x' })).rejects.toBeInstanceOf(StoreError);
    await expect(
      addCustomSource(db, { name: 'X', category: 'other', domains: ['not a domain'] }),
    ).rejects.toThrow(/domains\[0\]: expected a domain or URL/);
    expect(await dump(db)).toBe(before);
  });
});
