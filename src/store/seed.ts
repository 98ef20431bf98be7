// Seeding and merging the knowledge base into the store. Run on install and on every update (and cheaply on
// every start): new entries arrive, corrected entries replace the old seeded data, and the user's edits keep
// winning for the fields they edited. Notes, annotations, custom sources and lessons are never touched.

import type { GovernmentBody, Official, Outlet } from '../core/kb/schema';
import { bodies, officials, outlets } from '../core/kb/full';
import {
  type EditRow,
  type EntityRow,
  type EntityType,
  type ProvenanceDb,
  StoreError,
  guarded,
  nowIso,
} from './db';
import { MAX_FIELD_CHARS, invalidEdit, seededValue } from './fields';

export interface Seed {
  /** Changes whenever any entry changes (a hash of the whole seed). */
  version: string;
  outlets: readonly Outlet[];
  officials: readonly Official[];
  bodies: readonly GovernmentBody[];
}

export interface SeedResult {
  version: string;
  added: number;
  updated: number;
  unchanged: number;
  /** Entries gone from the seed and deleted (nobody had touched them). */
  removed: number;
  /** Entries gone from the seed but kept, marked retired, because the user edited or annotated them. */
  retired: number;
  /** True when the stored seed was already this version and nothing was read or written. */
  skipped: boolean;
}

const SEED_VERSION_KEY = 'seed.version';

/** JSON with sorted keys, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Two FNV-1a passes with different offsets: 64 bits, enough to tell a changed entry. */
export function hashOf(value: unknown): string {
  const text = canonical(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function makeSeed(parts: Omit<Seed, 'version'>): Seed {
  return { ...parts, version: hashOf(parts) };
}

let bundled: Seed | undefined;
/** The knowledge base bundled with this build. */
export function bundledSeed(): Seed {
  bundled ??= makeSeed({ outlets, officials, bodies });
  return bundled;
}

function seedRows(seed: Seed): EntityRow[] {
  const rows: EntityRow[] = [];
  const base = { seedVersion: seed.version };
  for (const data of seed.outlets)
    rows.push({ ...base, id: data.id, type: 'outlet', name: data.name, data, hash: hashOf(data) });
  for (const data of seed.officials)
    rows.push({ ...base, id: data.id, type: 'official', name: data.name, data, hash: hashOf(data) });
  for (const data of seed.bodies)
    rows.push({ ...base, id: data.id, type: 'body', name: data.name, data, hash: hashOf(data) });
  return rows;
}

/** Seeds an empty database or merges a new seed into a used one, in one transaction. */
export async function seedDatabase(db: ProvenanceDb, seed: Seed = bundledSeed()): Promise<SeedResult> {
  return guarded(() =>
    db.transaction('rw', [db.entities, db.edits, db.notes, db.settings], async () => {
      const result: SeedResult = {
        version: seed.version,
        added: 0,
        updated: 0,
        unchanged: 0,
        removed: 0,
        retired: 0,
        skipped: false,
      };
      const stored = await db.settings.get(SEED_VERSION_KEY);
      if (stored?.value === seed.version) return { ...result, skipped: true };

      const existing = new Map((await db.entities.toArray()).map((row) => [row.id, row]));
      const edits = await db.edits.toArray();
      const writes: EntityRow[] = [];
      const staleEdits: Array<[string, string]> = [];
      const incoming = seedRows(seed);
      const seen = new Set<string>();
      for (const row of incoming) {
        if (seen.has(row.id)) continue; // the data tests forbid duplicate ids; the first one wins here
        seen.add(row.id);
        const old = existing.get(row.id);
        if (!old) result.added++;
        else if (old.hash !== row.hash || old.retired || old.type !== row.type) result.updated++;
        else {
          result.unchanged++;
          continue;
        }
        writes.push(row);
        // When the seed now says what the user had written, the edit has done its work: the field
        // follows the seed again, and later corrections reach it.
        for (const edit of edits)
          if (edit.entityId === row.id && seededValue(row, edit.field) === edit.value)
            staleEdits.push([edit.entityId, edit.field]);
      }
      const removals: string[] = [];
      for (const [id, old] of existing) {
        if (seen.has(id)) continue;
        const touched =
          edits.some((e) => e.entityId === id) || (await db.notes.where('entityId').equals(id).count()) > 0;
        if (touched) {
          if (!old.retired) {
            writes.push({ ...old, retired: true });
            result.retired++;
          }
        } else {
          removals.push(id);
          result.removed++;
        }
      }
      await db.entities.bulkPut(writes);
      await db.entities.bulkDelete(removals);
      await db.edits.bulkDelete(staleEdits);
      await db.settings.put({ key: SEED_VERSION_KEY, value: seed.version });
      return result;
    }),
  );
}

/** Sets the user's value for one field of a seeded entry. Writing the seeded value back reverts the field. */
export async function editField(
  db: ProvenanceDb,
  entityId: string,
  field: string,
  value: string,
): Promise<void> {
  await guarded(() =>
    db.transaction('rw', db.entities, db.edits, async () => {
      const row = await db.entities.get(entityId);
      if (!row) throw new StoreError('not-found', `No knowledge-base entry "${entityId}".`);
      const problem = invalidEdit(row.type, field, value);
      if (problem) throw new StoreError('unknown', `Cannot edit ${field}: ${problem}.`);
      const seeded = seededValue(row, field);
      if (seeded === value) {
        await db.edits.delete([entityId, field]);
        return;
      }
      await db.edits.put({
        entityId,
        field,
        value,
        ...(seeded !== undefined ? { seededValue: seeded.slice(0, MAX_FIELD_CHARS) } : {}),
        updated: nowIso(),
      });
    }),
  );
}

/** Back to the seeded version: one field, or every field of the entry when `field` is omitted. */
export async function revertEntity(db: ProvenanceDb, entityId: string, field?: string): Promise<number> {
  return guarded(() =>
    db.transaction('rw', db.edits, async () => {
      if (field !== undefined) {
        const had = await db.edits.get([entityId, field]);
        await db.edits.delete([entityId, field]);
        return had ? 1 : 0;
      }
      return db.edits.where('entityId').equals(entityId).delete();
    }),
  );
}

export interface UserChange {
  entityId: string;
  name: string;
  type: EntityType | 'unknown';
  field: string;
  value: string;
  /** What the seed says today. */
  seededValue?: string;
  /** The seed has changed this field since the user edited it. */
  seedChanged: boolean;
  updated: string;
}

/** Every field the user has changed in the seeded knowledge base, newest first. */
export async function listChanges(db: ProvenanceDb): Promise<UserChange[]> {
  const edits: EditRow[] = await db.edits.toArray();
  const rows = new Map(
    (await db.entities.bulkGet([...new Set(edits.map((e) => e.entityId))])).flatMap((r) =>
      r ? [[r.id, r]] : [],
    ),
  );
  return edits
    .map((edit): UserChange => {
      const row = rows.get(edit.entityId);
      const seeded = row ? seededValue(row, edit.field) : undefined;
      return {
        entityId: edit.entityId,
        name: row?.name ?? edit.entityId,
        type: row?.type ?? 'unknown',
        field: edit.field,
        value: edit.value,
        ...(seeded !== undefined ? { seededValue: seeded } : {}),
        seedChanged: edit.seededValue !== undefined && seeded !== edit.seededValue,
        updated: edit.updated,
      };
    })
    .sort((a, b) => b.updated.localeCompare(a.updated));
}
