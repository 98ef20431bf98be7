import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../src/core/anchoring/index';
import { lessonToPack, type Lesson } from '../../src/core/lesson';
import { ProvenanceDb } from '../../src/store/db';
import {
  deleteLesson,
  exportLessonPack,
  getLesson,
  importLessonPacks,
  lessonsForPage,
  listLessons,
  saveLesson,
} from '../../src/store/lessons';

const article = readFileSync(
  new URL('../../seeds/articles/000_2a3898ad9733a0ba.txt', import.meta.url),
  'utf8',
);
const quote = '© SPUTNIK';
const start = article.indexOf(quote);

const lesson = (): Lesson => ({
  title: 'Idlib',
  url: 'http://127.0.0.1:8000/idlib/',
  steps: [
    {
      id: 's1',
      selector: describeRange(article, start, start + quote.length),
      category: 'state-media',
      trainerNote: 'Crédit photo : l’agence d’État',
      kind: 'engine',
    },
  ],
  article: { text: article },
  created: '2026-11-01T00:00:00.000Z',
  updated: '2026-11-01T00:00:00.000Z',
});

let db: ProvenanceDb;
let n = 0;
beforeEach(async () => {
  db = new ProvenanceDb(`lessons-test-${n++}`);
  await db.open();
});
afterEach(() => db.close());

describe('the lessons store', () => {
  it('saves, lists, reads, updates and deletes a lesson', async () => {
    const saved = await saveLesson(db, lesson());
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const list = await listLessons(db);
    expect(list).toEqual([
      expect.objectContaining({ id: saved.id, title: 'Idlib', steps: 1, offline: true }),
    ]);
    const read = await getLesson(db, saved.id);
    expect(read?.steps[0]?.trainerNote).toBe('Crédit photo : l’agence d’État');
    await saveLesson(db, { ...read!, title: 'Idlib (v2)' });
    expect((await getLesson(db, saved.id))?.title).toBe('Idlib (v2)');
    expect((await getLesson(db, saved.id))?.created).toBe('2026-11-01T00:00:00.000Z');
    expect(await lessonsForPage(db, 'http://127.0.0.1:8000/idlib/#top')).toHaveLength(1);
    await deleteLesson(db, saved.id);
    expect(await listLessons(db)).toEqual([]);
  });

  it('refuses to save a lesson a pack could not carry', async () => {
    const bad = lesson();
    bad.steps[0]!.category = 'fake' as never;
    const saved = await saveLesson(db, bad);
    expect(saved).toEqual({ ok: false, error: expect.objectContaining({ path: 'steps[0].category' }) });
    expect(await db.lessons.count()).toBe(0);
  });

  it('exports a pack that imports as the same lesson', async () => {
    const saved = await saveLesson(db, lesson());
    if (!saved.ok) throw new Error('save');
    const pack = await exportLessonPack(db, saved.id);
    const imported = await importLessonPacks(db, JSON.stringify(pack));
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const copy = await getLesson(db, imported.ids[0]!);
    const original = await getLesson(db, saved.id);
    expect({ ...copy, id: 'x' }).toEqual({ ...original, id: 'x' });
  });

  it('imports a list of packs in one go', async () => {
    const pack = lessonToPack(lesson());
    const result = await importLessonPacks(db, JSON.stringify([pack, { ...pack, title: 'Deux' }]));
    expect(result.ok && result.ids.length).toBe(2);
    expect(await db.lessons.count()).toBe(2);
  });

  it('writes nothing for any of 136 broken files', async () => {
    await saveLesson(db, lesson());
    const before = JSON.stringify(await db.lessons.toArray());
    const good = lessonToPack(lesson());
    const broken: string[] = [
      '',
      'null',
      '[]',
      '{',
      '"pack"',
      '[{}]',
      JSON.stringify([good, { ...good, version: 9 }]),
    ];
    const keys = Object.keys(good) as Array<keyof typeof good>;
    const junk: unknown[] = [null, 0, -3, 'x', [], {}, true, 1.5, '   '];
    for (const key of keys) {
      for (const value of junk) {
        // a valid title, and an empty lesson (a draft) are fine
        if ((key === 'title' && value === 'x') || (key === 'steps' && Array.isArray(value))) continue;
        broken.push(JSON.stringify({ ...good, [key]: value }));
        // the broken pack second in a list: the good first one must not be written either
        broken.push(JSON.stringify([good, { ...good, [key]: value }]));
      }
    }
    broken.push(JSON.stringify({ ...good, steps: [{ ...good.steps[0], kind: 'other' }] }));
    expect(broken.length).toBeGreaterThanOrEqual(136);
    for (const file of broken) {
      const result = await importLessonPacks(db, file);
      expect(result.ok, file.slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.error.path.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(await db.lessons.toArray())).toBe(before);
  });

  it('names the broken pack inside a list', async () => {
    const good = lessonToPack(lesson());
    const result = await importLessonPacks(db, JSON.stringify([good, { ...good, title: '' }]));
    expect(result).toEqual({ ok: false, error: { path: '[1].title', message: 'must not be empty' } });
  });
});
