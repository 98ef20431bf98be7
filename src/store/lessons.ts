// Lessons in the database: list, read, save, delete, and packs in and out. An import is checked whole
// before anything is written, then written in one transaction, so a broken file leaves the store as it was.
import {
  LESSON_PACK_VERSION,
  lessonToPack,
  packToLesson,
  parseLessonPack,
  readPackJson,
  validateLessonPack,
  type Lesson,
  type LessonPack,
  type PackError,
} from '../core/lesson';
import { guarded, nowIso, pageKeyOf, type LessonRow, type ProvenanceDb } from './db';

export interface LessonSummary {
  id: string;
  title: string;
  url: string;
  steps: number;
  updated: string;
  /** Whether the article's text travels with the lesson (so it can be shown offline). */
  offline: boolean;
}

type LessonsDb = Pick<ProvenanceDb, 'lessons' | 'transaction'>;

function newLessonId(): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `lesson-${Date.now().toString(36)}-${random}`;
}

function toRow(lesson: Lesson & { id: string }): LessonRow {
  return { ...lesson, pageKey: pageKeyOf(lesson.url) } as unknown as LessonRow;
}

function fromRow(row: LessonRow): Lesson & { id: string } {
  const { pageKey: _pageKey, ...rest } = row as LessonRow & { pageKey?: string };
  return rest as unknown as Lesson & { id: string };
}

export async function listLessons(db: LessonsDb): Promise<LessonSummary[]> {
  const rows = await db.lessons.orderBy('updated').reverse().toArray();
  return rows.map((row) => {
    const lesson = fromRow(row);
    return {
      id: lesson.id,
      title: lesson.title,
      url: lesson.url,
      steps: Array.isArray(lesson.steps) ? lesson.steps.length : 0,
      updated: lesson.updated,
      offline: Boolean(lesson.article?.text),
    };
  });
}

export async function getLesson(db: LessonsDb, id: string): Promise<(Lesson & { id: string }) | undefined> {
  const row = await db.lessons.get(id);
  return row && fromRow(row);
}

/** The lessons written on this page (the address without its #fragment), newest first. */
export async function lessonsForPage(db: LessonsDb, url: string): Promise<Array<Lesson & { id: string }>> {
  const key = pageKeyOf(url);
  const rows = await db.lessons.where('url').anyOf([url, key]).toArray();
  return rows.map(fromRow).sort((a, b) => b.updated.localeCompare(a.updated));
}

/** Creates the lesson (no id) or replaces it (id), after checking it as strictly as an imported pack. */
export async function saveLesson(
  db: LessonsDb,
  lesson: Lesson,
): Promise<{ ok: true; id: string } | { ok: false; error: PackError }> {
  const now = nowIso();
  const id = lesson.id ?? newLessonId();
  const existing = lesson.id ? await db.lessons.get(lesson.id) : undefined;
  const full: Lesson & { id: string } = {
    ...lesson,
    id,
    created: existing?.created ?? lesson.created ?? now,
    updated: now,
  };
  const checked = validateLessonPack(lessonToPack(full));
  if (!checked.ok) return checked;
  await guarded(() => db.lessons.put(toRow(full)));
  return { ok: true, id };
}

export async function deleteLesson(db: LessonsDb, id: string): Promise<void> {
  await guarded(() => db.lessons.delete(id));
}

export async function exportLessonPack(db: LessonsDb, id: string): Promise<LessonPack | undefined> {
  const lesson = await getLesson(db, id);
  return lesson && lessonToPack(lesson);
}

export type ImportResult = { ok: true; ids: string[] } | { ok: false; error: PackError };

/**
 * Imports a pack file: one pack, or a list of packs. Every pack is checked first; then all are written in
 * one transaction. Each imported lesson is new (a fresh id), so importing twice never overwrites a lesson
 * the trainer has since edited.
 */
export async function importLessonPacks(db: LessonsDb, json: string): Promise<ImportResult> {
  let packs: LessonPack[];
  const trimmed = json.trimStart();
  if (trimmed.startsWith('[')) {
    const whole = parseList(json);
    if (!whole.ok) return whole;
    packs = whole.packs;
  } else {
    const one = parseLessonPack(json);
    if (!one.ok) return one;
    packs = [one.pack];
  }
  const now = nowIso();
  const rows = packs.map((pack) => toRow({ ...packToLesson(pack, now), id: newLessonId() }));
  await guarded(() =>
    db.transaction('rw', db.lessons, async () => {
      for (const row of rows) await db.lessons.add(row);
    }),
  );
  return { ok: true, ids: rows.map((r) => r.id) };
}

function parseList(json: string): { ok: true; packs: LessonPack[] } | { ok: false; error: PackError } {
  const read = readPackJson(json);
  if (!read.ok) return read;
  const value = read.value;
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
    return { ok: false, error: { path: '(pack)', message: 'must be a pack or a list of 1 to 100 packs' } };
  }
  const packs: LessonPack[] = [];
  for (const [i, item] of value.entries()) {
    const result = validateLessonPack(item);
    if (!result.ok) {
      const path = result.error.path === '(pack)' ? `[${i}]` : `[${i}].${result.error.path}`;
      return { ok: false, error: { path, message: result.error.message } };
    }
    packs.push(result.pack);
  }
  return { ok: true, packs };
}

export { LESSON_PACK_VERSION };
