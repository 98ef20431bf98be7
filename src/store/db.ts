// The provenance store: one IndexedDB database in the extension's own origin (background, popup, options,
// lesson pages; never a content script, whose IndexedDB is the news site's). Seeded knowledge-base entries
// live beside the user's own data, which seeding never touches: field-level edits, notes, page annotations,
// custom sources, settings and lessons.
//
// Schema versions are append-only: add a new entry to SCHEMA_VERSIONS (with an upgrade when rows need
// filling), never change an old one. tests/unit/store/upgrade.test.ts opens every earlier version.

import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { GovernmentBody, Official, Outlet } from '../core/kb/schema';
import type { SourceCategory } from '../core/types';

export const DB_NAME = 'provenance-lens';

export type EntityType = 'outlet' | 'official' | 'body';

/** A seeded knowledge-base entry, as the seed last delivered it. */
export type EntityRow =
  | {
      id: string;
      type: 'outlet';
      name: string;
      data: Outlet;
      hash: string;
      seedVersion: string;
      retired?: boolean;
    }
  | {
      id: string;
      type: 'official';
      name: string;
      data: Official;
      hash: string;
      seedVersion: string;
      retired?: boolean;
    }
  | {
      id: string;
      type: 'body';
      name: string;
      data: GovernmentBody;
      hash: string;
      seedVersion: string;
      retired?: boolean;
    };

/** The user's value for one field of a seeded entry; it wins over the seed for that field only. */
export interface EditRow {
  entityId: string;
  field: string;
  value: string;
  /** The seeded value when the user edited it, to tell when the seed has changed since. */
  seededValue?: string;
  updated: string;
}

/** The user's note on any source (seeded or custom). */
export interface NoteRow {
  id?: number;
  entityId: string;
  text: string;
  tags: string[];
  created: string;
  updated: string;
}

/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A note the user attached to a passage of a page. */
export interface AnnotationRow {
  id?: number;
  url: string;
  /** The URL without its fragment: the page the annotation belongs to (index, since version 2). */
  pageKey?: string;
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
  body: string;
  tags: string[];
  /** The knowledge-base entity the passage speaks of, when there is one. */
  entityId?: string;
  created: string;
  updated: string;
}

/** A source the user added themselves. Ids start with "custom:" so they never meet a seeded id. */
export interface CustomSourceRow {
  id: string;
  name: string;
  names: string[];
  domains: string[];
  country?: string;
  category: SourceCategory;
  description?: string;
  created: string;
  updated: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A trainer's lesson (see src/store/lessons.ts). `steps` holds the lesson's steps as plain JSON data. */
export interface LessonRow {
  id: string;
  title: string;
  url: string;
  steps: unknown;
  created: string;
  updated: string;
  [more: string]: unknown;
}

/** Every schema the database has had, oldest first. Append only. */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void>;
}> = [
  {
    version: 1,
    stores: {
      entities: 'id, type, name',
      edits: '[entityId+field], entityId',
      notes: '++id, entityId, updated',
      annotations: '++id, url, updated',
      customSources: 'id, name',
      settings: 'key',
      lessons: 'id, url, updated',
    },
  },
  {
    // Version 2: notes searchable by tag; annotations found by page whatever the URL's #fragment.
    version: 2,
    stores: {
      notes: '++id, entityId, updated, *tags',
      annotations: '++id, url, pageKey, updated',
    },
    upgrade: async (tx) => {
      await tx
        .table<AnnotationRow, number>('annotations')
        .toCollection()
        .modify((a) => {
          a.pageKey = pageKeyOf(a.url);
        });
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** The page an address stands for: the URL without its fragment. */
export function pageKeyOf(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export class ProvenanceDb extends Dexie {
  entities!: Table<EntityRow, string>;
  edits!: Table<EditRow, [string, string]>;
  notes!: Table<NoteRow, number>;
  annotations!: Table<AnnotationRow, number>;
  customSources!: Table<CustomSourceRow, string>;
  settings!: Table<SettingRow, string>;
  lessons!: Table<LessonRow, string>;

  /** `upTo` opens the database as an earlier version of the code would (upgrade tests only). */
  constructor(name: string = DB_NAME, options?: DexieOptions, upTo: number = CURRENT_VERSION) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

/** A failure the user should read as it is (disk full, database from a newer version). */
export class StoreError extends Error {
  constructor(
    readonly reason: 'quota' | 'newer-version' | 'upgrade-failed' | 'invalid-pack' | 'not-found' | 'unknown',
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    e = (e as { inner?: unknown }).inner;
  }
  return names;
}

/** Turns the IndexedDB failures a user can meet into a StoreError that says what happened and what to do. */
export function explainStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const names = errorNames(error);
  if (names.includes('QuotaExceededError'))
    return new StoreError(
      'quota',
      'The disk is full (or the browser’s storage quota is reached): nothing was saved and nothing was lost. Free some space and try again.',
    );
  if (names.includes('VersionError'))
    return new StoreError(
      'newer-version',
      'This database was written by a newer version of Provenance Lens. Update the extension: your data is kept as it is.',
    );
  if (names.includes('UpgradeError'))
    return new StoreError(
      'upgrade-failed',
      'The database could not be upgraded; it was left as it was. Please report this problem.',
    );
  return error;
}

/** The schema version of the database on disk (Dexie stores version × 10), when the browser can tell. */
async function installedVersion(name: string): Promise<number | undefined> {
  try {
    const list = await globalThis.indexedDB?.databases?.();
    const found = list?.find((d) => d.name === name);
    return found?.version ? Math.floor(found.version / 10) : undefined;
  } catch {
    return undefined;
  }
}

/** Opens the database, upgrading it if needed; failures come back as a StoreError the UI can show. */
export async function openDatabase(name: string = DB_NAME, options?: DexieOptions): Promise<ProvenanceDb> {
  // Dexie 4 opens a database of a later version rather than failing (and adds its own missing parts to
  // it); this code does not know what that version changed, so it stops before touching it.
  const installed = await installedVersion(name);
  if (installed !== undefined && installed > CURRENT_VERSION)
    throw explainStoreError({ name: 'VersionError' });
  const db = new ProvenanceDb(name, options);
  try {
    await db.open();
  } catch (error) {
    db.close();
    throw explainStoreError(error);
  }
  if (Math.floor(db.backendDB().version / 10) > CURRENT_VERSION) {
    db.close();
    throw explainStoreError({ name: 'VersionError' });
  }
  return db;
}

/** Runs a write and turns quota or version errors into a StoreError. Dexie rolls the transaction back. */
export async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw explainStoreError(error);
  }
}

export const nowIso = (): string => new Date().toISOString();
