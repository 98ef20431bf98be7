// The provenance note the UI shows for an entity: the seeded facts with their references and whether they
// were checked, the user's edits marked as such, and the user's notes. Field names are stable keys the UI
// translates ("control", "owner", "sanction", ...); values are plain text.

import { CATEGORY_OF_CONTROL, type Claim, type Reference } from '../core/kb/schema';
import type { SourceCategory } from '../core/types';
import type { CustomSourceRow, EditRow, EntityRow, NoteRow, ProvenanceDb } from './db';
import { applyEdits } from './fields';

/** What the UI shows of an entry; the message protocol (src/shared/messages.ts) carries it as it is. */
export interface ProvenanceNoteView {
  entityId: string;
  name: string;
  category: SourceCategory;
  country?: string;
  fields: Array<{
    field: string;
    value: string;
    refs: Array<{ url: string; publisher: string }>;
    verified: boolean;
    edited: boolean;
  }>;
  userNotes: Array<{ id: number; text: string; tags: string[]; updated: string }>;
}

type Field = ProvenanceNoteView['fields'][number];

function refsOf(references: readonly Reference[], ids: readonly string[] | undefined) {
  return (ids ?? []).flatMap((id) => {
    const r = references.find((ref) => ref.id === id);
    return r ? [{ url: r.url, publisher: r.publisher }] : [];
  });
}

/** Builds the note from rows already read (pure; getNoteView reads them). */
export function buildNoteView(
  row: EntityRow,
  edits: readonly EditRow[],
  notes: readonly NoteRow[],
): ProvenanceNoteView {
  const edited = new Set(edits.filter((e) => e.entityId === row.id).map((e) => e.field));
  const entryChecked = !('verified' in row.data && row.data.verified === false);
  const references = row.data.references;
  const fields: Field[] = [];
  const plain = (field: string, value: string) =>
    fields.push({ field, value, refs: [], verified: entryChecked, edited: edited.has(field) });
  const claimed = (field: string, value: string, ids: readonly string[] | undefined, verified?: boolean) => {
    const refs = refsOf(references, ids);
    const isEdited = edited.has(field);
    fields.push({
      field,
      value,
      // The user's own value has no reference behind it; a seeded claim counts as checked only when it
      // cites a reference and was not marked unverified.
      refs: isEdited ? [] : refs,
      verified: !isEdited && entryChecked && verified !== false && refs.length > 0,
      edited: isEdited,
    });
  };
  const claim = (field: string, c: Claim | undefined) => {
    if (c) claimed(field, c.value, c.refs, c.verified);
  };

  let category: ProvenanceNoteView['category'] = 'government';
  if (row.type === 'outlet') {
    const data = applyEdits(row, edits);
    category = CATEGORY_OF_CONTROL[data.control.value] ?? 'media';
    claim('control', data.control);
    claim('owner', data.owner);
    claim('funding', data.funding);
    if (data.parent) plain('parent', data.parent);
    for (const s of data.sanctions ?? [])
      claimed('sanction', `${s.jurisdiction}: ${s.act} (${s.date})`, s.refs, s.verified);
    for (const l of data.platformLabels ?? []) {
      const when = l.from || l.until ? ` (${l.from ?? '…'}–${l.until ?? ''})` : '';
      claimed('platformLabel', `${l.platform}: ${l.label}${when}`, l.refs, l.verified);
    }
    claim('reliability', data.reliability);
    for (const f of data.formerly ?? []) {
      const what = [f.name, f.domain].filter(Boolean).join(', ');
      if (what) claimed('formerly', f.until ? `${what} (until ${f.until})` : what, f.refs);
    }
    if (data.domains.length) plain('domains', data.domains.join(', '));
    if (data.names.length) plain('names', data.names.join(', '));
    return finish(data.name, data.country);
  }
  const data = applyEdits(row, edits);
  if (row.type === 'official') {
    for (const t of row.data.terms) {
      const when = t.from || t.until ? ` (${t.from ?? '…'}–${t.until ?? ''})` : '';
      claimed('role', `${t.role}${when}`, t.refs ?? row.data.references.map((r) => r.id), t.verified);
    }
  }
  const aliases = 'aliases' in data ? data.aliases : [];
  if (aliases.length) plain('aliases', aliases.join(', '));
  return finish(data.name, data.country);

  function finish(name: string, country: string): ProvenanceNoteView {
    return {
      entityId: row.id,
      name,
      category,
      country: country.toUpperCase(),
      fields: [
        {
          field: 'country',
          value: country.toUpperCase(),
          refs: [],
          verified: entryChecked,
          edited: edited.has('country'),
        },
        ...fields,
      ],
      userNotes: notesView(notes),
    };
  }
}

function notesView(notes: readonly NoteRow[]): ProvenanceNoteView['userNotes'] {
  return [...notes]
    .sort((a, b) => b.updated.localeCompare(a.updated))
    .map((n) => ({ id: n.id ?? 0, text: n.text, tags: n.tags, updated: n.updated }));
}

/** A user-added source, shown the same way; everything in it is the user's own. */
export function buildCustomView(row: CustomSourceRow, notes: readonly NoteRow[]): ProvenanceNoteView {
  const mine = (field: string, value: string) => ({ field, value, refs: [], verified: false, edited: true });
  return {
    entityId: row.id,
    name: row.name,
    category: row.category,
    ...(row.country ? { country: row.country } : {}),
    fields: [
      ...(row.country ? [mine('country', row.country)] : []),
      ...(row.description ? [mine('description', row.description)] : []),
      ...(row.domains.length ? [mine('domains', row.domains.join(', '))] : []),
      ...(row.names.length ? [mine('names', row.names.join(', '))] : []),
    ],
    userNotes: notesView(notes),
  };
}

/** The note for a seeded or custom entity; null when the store knows no such entity. */
export async function getNoteView(db: ProvenanceDb, entityId: string): Promise<ProvenanceNoteView | null> {
  return db.transaction('r', [db.entities, db.edits, db.notes, db.customSources], async () => {
    const notes = await db.notes.where('entityId').equals(entityId).toArray();
    const row = await db.entities.get(entityId);
    if (row) {
      const view = buildNoteView(row, await db.edits.where('entityId').equals(entityId).toArray(), notes);
      // "Part of" reads better as the parent's name than as its id.
      for (const f of view.fields)
        if (f.field === 'parent') f.value = (await db.entities.get(f.value))?.name ?? f.value;
      return view;
    }
    const custom = await db.customSources.get(entityId);
    return custom ? buildCustomView(custom, notes) : null;
  });
}
