// Import and export of the user's data as a versioned JSON pack (notes, annotations, custom sources, edits
// to seeded entries), and of page annotations as W3C Web Annotation JSON-LD.
//
// A pack comes from outside: it is checked by a hand-written schema before anything is written (size limit
// first, then every field, reporting paths such as "notes[3].text: expected a string"), a clean copy is
// built from the known fields only (so "__proto__" and friends never travel further), and the import
// runs in ONE transaction: a pack that fails anywhere writes nothing.

import { SOURCE_CATEGORIES, type SourceCategory } from '../core/types';
import { parseAddress } from '../core/domains';
import {
  type AnnotationRow,
  type CustomSourceRow,
  type EditRow,
  type NoteRow,
  type ProvenanceDb,
  StoreError,
  guarded,
  nowIso,
  pageKeyOf,
} from './db';
import { ALL_EDITABLE_FIELDS, EDITORIAL_CONTROLS, MAX_FIELD_CHARS } from './fields';
import { MAX_CONTEXT_CHARS, MAX_NOTE_CHARS, MAX_TAGS, MAX_TAG_CHARS } from './limits';

export const PACK_FORMAT = 'provenance-lens-pack';
export const PACK_VERSION = 1;
/** Largest pack accepted, in characters of JSON text (about 5 MB). */
export const MAX_PACK_CHARS = 5 * 1024 * 1024;
const MAX_ITEMS = 20_000;
const MAX_ERRORS = 20;

export interface Pack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  exported: string;
  notes: Array<Omit<NoteRow, 'id'>>;
  annotations: Array<Omit<AnnotationRow, 'id' | 'pageKey'>>;
  customSources: CustomSourceRow[];
  edits: EditRow[];
}

// ---- the schema check -------------------------------------------------------------------------------

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): undefined {
    if (this.list.length < MAX_ERRORS) this.list.push(`${path || 'pack'}: ${message}`);
    return undefined;
  }
  get full(): boolean {
    return this.list.length >= MAX_ERRORS;
  }
}

type Check<T> = (value: unknown, path: string, p: Problems) => T | undefined;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const ENTITY_ID = /^[\p{L}\p{N}:_.-]{1,200}$/u;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : `"${value}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function str(opts: {
  max: number;
  min?: number;
  pattern?: RegExp;
  what?: string;
  oneOf?: readonly string[];
}): Check<string> {
  return (v, path, p) => {
    if (typeof v !== 'string') return p.add(path, `expected a string, got ${describe(v)}`);
    if (v.length < (opts.min ?? 0)) return p.add(path, opts.min === 1 ? 'must not be empty' : 'too short');
    if (v.length > opts.max) return p.add(path, `longer than ${opts.max} characters`);
    if (opts.oneOf && !opts.oneOf.includes(v)) return p.add(path, `expected one of ${opts.oneOf.join(', ')}`);
    if (opts.pattern && !opts.pattern.test(v)) return p.add(path, `expected ${opts.what ?? 'a valid value'}`);
    return v;
  };
}

const date = str({ max: 40, pattern: ISO_DATE, what: 'an ISO date' });
const dateCheck: Check<string> = (v, path, p) => {
  const s = date(v, path, p);
  if (s !== undefined && Number.isNaN(Date.parse(s))) return p.add(path, 'expected an ISO date');
  return s;
};

function int(min: number, max: number): Check<number> {
  return (v, path, p) => {
    if (typeof v !== 'number' || !Number.isInteger(v))
      return p.add(path, `expected an integer, got ${describe(v)}`);
    if (v < min || v > max) return p.add(path, `expected an integer from ${min} to ${max}`);
    return v;
  };
}

function literal<T extends string | number>(expected: T): Check<T> {
  return (v, path, p) =>
    v === expected ? expected : p.add(path, `expected ${JSON.stringify(expected)}, got ${describe(v)}`);
}

function arr<T>(item: Check<T>, max: number): Check<T[]> {
  return (v, path, p) => {
    if (!Array.isArray(v)) return p.add(path, `expected an array, got ${describe(v)}`);
    if (v.length > max) return p.add(path, `more than ${max} items`);
    const out: T[] = [];
    let ok = true;
    for (let i = 0; i < v.length && !p.full; i++) {
      const r = item(v[i], `${path}[${i}]`, p);
      if (r === undefined) ok = false;
      else out.push(r);
    }
    return ok && !p.full ? out : undefined;
  };
}

type Shape = Record<string, [check: Check<unknown>, optional?: 'optional']>;

/** A plain JSON object with exactly these fields (optional ones may be absent); unknown keys are refused. */
function obj<T>(shape: Shape, refine?: (o: T, path: string, p: Problems) => boolean): Check<T> {
  return (v, path, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return p.add(path, `expected an object, got ${describe(v)}`);
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return p.add(path, 'expected a plain object');
    let ok = true;
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        p.add(at(key), 'forbidden key');
        ok = false;
      } else if (!Object.hasOwn(shape, key)) {
        p.add(at(key.slice(0, 40)), 'unexpected field');
        ok = false;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, [check, optional]] of Object.entries(shape)) {
      const value = (v as Record<string, unknown>)[key];
      if (!Object.hasOwn(v, key) || value === undefined) {
        if (!optional) {
          p.add(at(key), 'missing');
          ok = false;
        }
        continue;
      }
      const r = check(value, at(key), p);
      if (r === undefined) ok = false;
      else out[key] = r;
    }
    if (!ok) return undefined;
    return refine && !refine(out as T, path, p) ? undefined : (out as T);
  };
}

const tags = arr(str({ max: MAX_TAG_CHARS, min: 1 }), MAX_TAGS);
const entityId = str({
  max: 200,
  pattern: ENTITY_ID,
  what: 'an entity id (letters, digits, ":", "_", ".", "-")',
});
// Pages are read over http(s), or from disk; no other scheme (javascript:, data:) is an annotated page.
const pageUrl = str({ max: 4096, pattern: /^(?:https?|file):\/\/\S+$/i, what: 'an http(s) or file URL' });

const noteCheck = obj<Pack['notes'][number]>({
  entityId: [entityId],
  text: [str({ max: MAX_NOTE_CHARS, min: 1 })],
  tags: [tags],
  created: [dateCheck],
  updated: [dateCheck],
});

const quoteCheck = obj<AnnotationRow['quote']>({
  type: [literal('TextQuoteSelector')],
  exact: [str({ max: MAX_NOTE_CHARS, min: 1 })],
  prefix: [str({ max: MAX_CONTEXT_CHARS }), 'optional'],
  suffix: [str({ max: MAX_CONTEXT_CHARS }), 'optional'],
});

const positionCheck = obj<NonNullable<AnnotationRow['position']>>(
  { type: [literal('TextPositionSelector')], start: [int(0, 1e9)], end: [int(0, 1e9)] },
  (o, path, p) => (o.start <= o.end ? true : (p.add(`${path}.end`, 'must not come before start'), false)),
);

const annotationCheck = obj<Pack['annotations'][number]>({
  url: [pageUrl],
  quote: [quoteCheck],
  position: [positionCheck, 'optional'],
  body: [str({ max: MAX_NOTE_CHARS })],
  tags: [tags],
  entityId: [entityId, 'optional'],
  created: [dateCheck],
  updated: [dateCheck],
});

const domainCheck: Check<string> = (v, path, p) => {
  const s = str({ max: 300, min: 1 })(v, path, p);
  if (s !== undefined && !parseAddress(s)) return p.add(path, 'expected a domain or URL');
  return s;
};

const customSourceCheck = obj<CustomSourceRow>({
  id: [str({ max: 200, pattern: /^custom:[\p{L}\p{N}_.-]{1,190}$/u, what: 'an id starting with "custom:"' })],
  name: [str({ max: 300, min: 1 })],
  names: [arr(str({ max: 300, min: 1 }), 100)],
  domains: [arr(domainCheck, 100)],
  country: [str({ max: 2, pattern: /^[A-Z]{2}$/, what: 'a two-letter ISO country code' }), 'optional'],
  category: [str({ max: 20, oneOf: SOURCE_CATEGORIES }) as Check<SourceCategory>],
  description: [str({ max: MAX_NOTE_CHARS }), 'optional'],
  created: [dateCheck],
  updated: [dateCheck],
});

const editCheck = obj<EditRow>(
  {
    entityId: [entityId],
    field: [str({ max: 40, oneOf: [...ALL_EDITABLE_FIELDS] })],
    value: [str({ max: MAX_FIELD_CHARS, min: 1 })],
    seededValue: [str({ max: MAX_FIELD_CHARS }), 'optional'],
    updated: [dateCheck],
  },
  (o, path, p) => {
    if (o.field === 'control' && !(EDITORIAL_CONTROLS as readonly string[]).includes(o.value))
      return (p.add(`${path}.value`, `expected one of ${EDITORIAL_CONTROLS.join(', ')}`), false);
    if (o.field === 'country' && !/^[A-Za-z]{2}$/.test(o.value))
      return (p.add(`${path}.value`, 'expected a two-letter ISO country code'), false);
    return true;
  },
);

const packCheck = obj<Pack>({
  format: [literal(PACK_FORMAT)],
  version: [literal(PACK_VERSION)],
  exported: [dateCheck],
  notes: [arr(noteCheck, MAX_ITEMS)],
  annotations: [arr(annotationCheck, MAX_ITEMS)],
  customSources: [arr(customSourceCheck, MAX_ITEMS)],
  edits: [arr(editCheck, MAX_ITEMS)],
});

const ITEM_CHECKS = {
  notes: noteCheck,
  annotations: annotationCheck,
  customSources: customSourceCheck,
  edits: editCheck,
} as const;

/** What would stop one item from travelling in a pack (empty when it fits). */
export function packItemProblems(kind: keyof typeof ITEM_CHECKS, item: unknown): string[] {
  const problems = new Problems();
  ITEM_CHECKS[kind](item, kind, problems);
  return problems.list;
}

export type PackCheck = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/** Checks a pack, given as JSON text or as parsed data; returns a clean copy or the list of problems. */
export function validatePack(input: unknown): PackCheck {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_PACK_CHARS)
      return { ok: false, errors: [`pack: larger than the ${MAX_PACK_CHARS / 1024 / 1024} MB limit`] };
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, errors: ['pack: not valid JSON'] };
    }
  }
  const problems = new Problems();
  // Say early when the pack is of another kind or version, before listing its fields.
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const head = data as { format?: unknown; version?: unknown };
    if (head.format !== PACK_FORMAT)
      return { ok: false, errors: [`format: expected "${PACK_FORMAT}", got ${describe(head.format)}`] };
    if (typeof head.version === 'number' && head.version > PACK_VERSION)
      return {
        ok: false,
        errors: [
          `version: this pack is version ${head.version}; this version of Provenance Lens reads version ${PACK_VERSION}. Update the extension.`,
        ],
      };
  }
  const pack = packCheck(data, '', problems);
  return pack && problems.list.length === 0 ? { ok: true, pack } : { ok: false, errors: problems.list };
}

// ---- import and export -----------------------------------------------------------------------------

export interface ImportResult {
  notes: { added: number; skipped: number };
  annotations: { added: number; skipped: number };
  customSources: { added: number; updated: number; skipped: number };
  edits: { added: number; updated: number; skipped: number };
}

const noteKey = (n: { entityId: string; created: string; text: string }) =>
  `${n.entityId}\u0000${n.created}\u0000${n.text}`;
const annotationKey = (a: { url: string; created: string; body: string; quote: { exact: string } }) =>
  `${a.url}\u0000${a.created}\u0000${a.quote.exact}\u0000${a.body}`;

/**
 * Imports a pack in one transaction. The same pack imported twice adds nothing the second time; a custom
 * source or edit replaces the stored one only when the pack's is newer. Throws a StoreError naming every
 * problem (up to 20) when the pack is broken, with nothing written.
 */
export async function importPack(db: ProvenanceDb, input: unknown): Promise<ImportResult> {
  const checked = validatePack(input);
  if (!checked.ok)
    throw new StoreError(
      'invalid-pack',
      `This pack cannot be imported: ${checked.errors[0]}`,
      checked.errors,
    );
  const pack = checked.pack;
  return guarded(() =>
    db.transaction('rw', [db.notes, db.annotations, db.customSources, db.edits], async () => {
      const result: ImportResult = {
        notes: { added: 0, skipped: 0 },
        annotations: { added: 0, skipped: 0 },
        customSources: { added: 0, updated: 0, skipped: 0 },
        edits: { added: 0, updated: 0, skipped: 0 },
      };
      const haveNotes = new Set((await db.notes.toArray()).map(noteKey));
      const newNotes = pack.notes.filter((n) => {
        const key = noteKey(n);
        if (haveNotes.has(key)) return false;
        haveNotes.add(key);
        return true;
      });
      result.notes = { added: newNotes.length, skipped: pack.notes.length - newNotes.length };
      await db.notes.bulkAdd(newNotes);

      const haveAnnotations = new Set((await db.annotations.toArray()).map(annotationKey));
      const newAnnotations = pack.annotations.filter((a) => {
        const key = annotationKey(a);
        if (haveAnnotations.has(key)) return false;
        haveAnnotations.add(key);
        return true;
      });
      result.annotations = {
        added: newAnnotations.length,
        skipped: pack.annotations.length - newAnnotations.length,
      };
      await db.annotations.bulkAdd(newAnnotations.map((a) => ({ ...a, pageKey: pageKeyOf(a.url) })));

      for (const s of pack.customSources) {
        const old = await db.customSources.get(s.id);
        if (old && old.updated >= s.updated) result.customSources.skipped++;
        else {
          await db.customSources.put(s);
          result.customSources[old ? 'updated' : 'added']++;
        }
      }
      for (const e of pack.edits) {
        const old = await db.edits.get([e.entityId, e.field]);
        if (old && old.updated >= e.updated) result.edits.skipped++;
        else {
          await db.edits.put(e);
          result.edits[old ? 'updated' : 'added']++;
        }
      }
      return result;
    }),
  );
}

/** Everything the user made, as a pack. */
export async function exportPack(db: ProvenanceDb): Promise<Pack> {
  return db.transaction('r', [db.notes, db.annotations, db.customSources, db.edits], async () => ({
    format: PACK_FORMAT,
    version: PACK_VERSION,
    exported: nowIso(),
    notes: (await db.notes.toArray()).map(({ id: _id, ...n }) => n),
    annotations: (await db.annotations.toArray()).map(({ id: _id, pageKey: _pageKey, ...a }) => a),
    customSources: await db.customSources.toArray(),
    edits: await db.edits.toArray(),
  }));
}

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** One annotation in the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/). */
export function toWebAnnotation(a: AnnotationRow): Record<string, unknown> {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:provenance-lens:annotation:${a.id ?? a.created}`,
    type: 'Annotation',
    created: a.created,
    modified: a.updated,
    motivation: 'commenting',
    body: [
      ...(a.body
        ? [{ type: 'TextualBody', value: a.body, format: 'text/plain', purpose: 'commenting' }]
        : []),
      ...a.tags.map((t) => ({ type: 'TextualBody', value: t, purpose: 'tagging' })),
    ],
    target: {
      source: a.url,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: a.quote.exact,
          ...(a.quote.prefix !== undefined ? { prefix: a.quote.prefix } : {}),
          ...(a.quote.suffix !== undefined ? { suffix: a.quote.suffix } : {}),
        },
        ...(a.position
          ? [{ type: 'TextPositionSelector', start: a.position.start, end: a.position.end }]
          : []),
      ],
    },
  };
}

/** The page annotations (of one page, or all) as a W3C AnnotationCollection, JSON-LD. */
export async function exportWebAnnotations(db: ProvenanceDb, url?: string): Promise<Record<string, unknown>> {
  const rows = url
    ? await db.annotations.where('pageKey').equals(pageKeyOf(url)).toArray()
    : await db.annotations.toArray();
  const items = rows.map((a) => {
    const { '@context': _context, ...item } = toWebAnnotation(a);
    return item;
  });
  return {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Provenance Lens annotations',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
