// The user's own data: notes on sources, page annotations, custom sources and settings. Each write is its
// own transaction; a full disk comes back as a StoreError and leaves the database as it was.

import type { SourceCategory } from '../core/types';
import {
  type AnnotationRow,
  type CustomSourceRow,
  type NoteRow,
  type ProvenanceDb,
  StoreError,
  guarded,
  nowIso,
  pageKeyOf,
} from './db';
import { MAX_CONTEXT_CHARS, MAX_NOTE_CHARS, MAX_TAGS, MAX_TAG_CHARS } from './limits';
import { packItemProblems } from './pack';

export { MAX_NOTE_CHARS, MAX_TAGS } from './limits';

/** Refuses a row that a pack could not carry back in (so every export can be imported again). */
function mustFit(kind: Parameters<typeof packItemProblems>[0], row: unknown): void {
  const problems = packItemProblems(kind, row);
  if (problems.length) throw new StoreError('unknown', `Cannot save: ${problems.join('; ')}`, problems);
}

function cleanTags(tags: readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const t of tags ?? []) {
    const tag = t.trim().slice(0, MAX_TAG_CHARS);
    if (tag) out.add(tag);
    if (out.size >= MAX_TAGS) break;
  }
  return [...out];
}

function checkText(text: string): string {
  const t = text.trim();
  if (!t) throw new StoreError('unknown', 'A note cannot be empty.');
  if (t.length > MAX_NOTE_CHARS)
    throw new StoreError('unknown', `A note is limited to ${MAX_NOTE_CHARS} characters.`);
  return t;
}

export async function addNote(
  db: ProvenanceDb,
  note: { entityId: string; text: string; tags?: readonly string[] },
): Promise<{ id: number }> {
  const text = checkText(note.text);
  const now = nowIso();
  const row = { entityId: note.entityId, text, tags: cleanTags(note.tags), created: now, updated: now };
  mustFit('notes', row);
  const id = await guarded(() => db.notes.add(row));
  return { id };
}

export async function updateNote(
  db: ProvenanceDb,
  id: number,
  change: { text?: string; tags?: readonly string[] },
): Promise<void> {
  const patch: Partial<NoteRow> = { updated: nowIso() };
  if (change.text !== undefined) patch.text = checkText(change.text);
  if (change.tags !== undefined) patch.tags = cleanTags(change.tags);
  const n = await guarded(() => db.notes.update(id, patch));
  if (n === 0) throw new StoreError('not-found', 'This note no longer exists.');
}

export async function deleteNote(db: ProvenanceDb, id: number): Promise<void> {
  await guarded(() => db.notes.delete(id));
}

export async function listNotes(db: ProvenanceDb, entityId: string): Promise<NoteRow[]> {
  const notes = await db.notes.where('entityId').equals(entityId).toArray();
  return notes.sort((a, b) => b.updated.localeCompare(a.updated));
}

export async function addAnnotation(
  db: ProvenanceDb,
  a: Omit<AnnotationRow, 'id' | 'pageKey' | 'created' | 'updated' | 'tags'> & { tags?: readonly string[] },
): Promise<{ id: number }> {
  const now = nowIso();
  const quote = {
    ...a.quote,
    ...(a.quote.prefix !== undefined ? { prefix: a.quote.prefix.slice(-MAX_CONTEXT_CHARS) } : {}),
    ...(a.quote.suffix !== undefined ? { suffix: a.quote.suffix.slice(0, MAX_CONTEXT_CHARS) } : {}),
  };
  const row = {
    ...a,
    quote,
    body: a.body.slice(0, MAX_NOTE_CHARS),
    tags: cleanTags(a.tags),
    created: now,
    updated: now,
  };
  mustFit('annotations', row);
  const id = await guarded(() => db.annotations.add({ ...row, pageKey: pageKeyOf(a.url) }));
  return { id };
}

/** The annotations of one page, whatever its URL's #fragment. */
export async function listAnnotations(db: ProvenanceDb, url: string): Promise<AnnotationRow[]> {
  return db.annotations.where('pageKey').equals(pageKeyOf(url)).toArray();
}

export async function deleteAnnotation(db: ProvenanceDb, id: number): Promise<void> {
  await guarded(() => db.annotations.delete(id));
}

function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'source'
  );
}

export async function addCustomSource(
  db: ProvenanceDb,
  s: {
    name: string;
    category: SourceCategory;
    names?: string[];
    domains?: string[];
    country?: string;
    description?: string;
  },
): Promise<CustomSourceRow> {
  const name = s.name.trim();
  if (!name) throw new StoreError('unknown', 'A source needs a name.');
  const now = nowIso();
  return guarded(() =>
    db.transaction('rw', db.customSources, async () => {
      let id = `custom:${slug(name)}`;
      for (let n = 2; await db.customSources.get(id); n++) id = `custom:${slug(name)}-${n}`;
      const row: CustomSourceRow = {
        id,
        name,
        names: s.names ?? [],
        domains: s.domains ?? [],
        category: s.category,
        ...(s.country ? { country: s.country.toUpperCase() } : {}),
        ...(s.description ? { description: s.description } : {}),
        created: now,
        updated: now,
      };
      mustFit('customSources', row);
      await db.customSources.add(row);
      return row;
    }),
  );
}

export async function deleteCustomSource(db: ProvenanceDb, id: string): Promise<void> {
  await guarded(() => db.customSources.delete(id));
}

export async function getSetting<T>(db: ProvenanceDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: ProvenanceDb, key: string, value: unknown): Promise<void> {
  await guarded(() => db.settings.put({ key, value }));
}

/** Whether the user switched scanning off for a site (an origin such as "https://www.lemonde.fr"). */
export async function isSiteEnabled(db: ProvenanceDb, origin: string): Promise<boolean> {
  return getSetting(db, `site:${origin}`, true);
}

export async function setSiteEnabled(db: ProvenanceDb, origin: string, enabled: boolean): Promise<void> {
  await setSetting(db, `site:${origin}`, enabled);
}
