// The whole knowledge base as one searchable list (seeded entries and the user's custom sources), for the
// options page. Each row carries a folded "haystack" built once, so a search over thousands of rows is a
// loop of `includes` on every keystroke, with no database round trip.

import { CATEGORY_OF_CONTROL } from '../core/kb/schema';
import type { SourceCategory } from '../core/types';
import type { CustomSourceRow, EditRow, EntityRow, ProvenanceDb } from './db';
import { applyEdits } from './fields';

export interface CatalogRow {
  id: string;
  type: 'outlet' | 'official' | 'body' | 'custom';
  name: string;
  category: SourceCategory;
  country: string;
  /** The editorial-control class of an outlet. */
  control?: string;
  edited: boolean;
  retired: boolean;
  haystack: string;
}

/** Lower case, no accents, punctuation folded to spaces: "L'Agence TASS" and "agence tass" meet. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

export function catalogRow(row: EntityRow, edits: readonly EditRow[]): CatalogRow {
  const mine = edits.filter((e) => e.entityId === row.id);
  const data = applyEdits(row, mine);
  const words: string[] = [row.id, data.name, data.country];
  let category: SourceCategory = 'government';
  let control: string | undefined;
  if (row.type === 'outlet') {
    const outlet = data as typeof row.data;
    category = CATEGORY_OF_CONTROL[outlet.control.value] ?? 'media';
    control = outlet.control.value;
    words.push(
      ...outlet.names,
      ...outlet.domains,
      ...(outlet.formerly ?? []).flatMap((f) => [f.name ?? '', f.domain ?? '']),
    );
  } else {
    const person = data as { aliases: string[]; domains?: string[] };
    words.push(...person.aliases, ...(person.domains ?? []));
  }
  return {
    id: row.id,
    type: row.type,
    name: data.name,
    category,
    country: data.country.toUpperCase(),
    ...(control ? { control } : {}),
    edited: mine.length > 0,
    retired: row.retired === true,
    haystack: fold(words.join(' | ')),
  };
}

export function customCatalogRow(row: CustomSourceRow): CatalogRow {
  return {
    id: row.id,
    type: 'custom',
    name: row.name,
    category: row.category,
    country: row.country ?? '',
    edited: true,
    retired: false,
    haystack: fold([row.id, row.name, ...row.names, ...row.domains, row.country ?? ''].join(' | ')),
  };
}

/** Every entry, sorted by name. */
export async function loadCatalog(db: ProvenanceDb): Promise<CatalogRow[]> {
  return db.transaction('r', [db.entities, db.edits, db.customSources], async () => {
    const edits = await db.edits.toArray();
    const rows = [
      ...(await db.entities.toArray()).map((r) => catalogRow(r, edits)),
      ...(await db.customSources.toArray()).map(customCatalogRow),
    ];
    return rows.sort((a, b) => a.name.localeCompare(b.name));
  });
}

export interface CatalogFilter {
  query: string;
  type?: CatalogRow['type'] | '';
  category?: SourceCategory | '';
}

/** The rows every word of the query appears in (names, aliases, domains, country), exact names first. */
export function searchCatalog(rows: readonly CatalogRow[], filter: CatalogFilter): CatalogRow[] {
  const words = fold(filter.query).split(' ').filter(Boolean);
  const folded = fold(filter.query);
  const hits = rows.filter(
    (r) =>
      (!filter.type || r.type === filter.type) &&
      (!filter.category || r.category === filter.category) &&
      words.every((w) => r.haystack.includes(w)),
  );
  if (!folded) return hits;
  const rank = (r: CatalogRow) => (fold(r.name) === folded ? 0 : fold(r.name).startsWith(folded) ? 1 : 2);
  return hits
    .map((r, i) => [rank(r), i, r] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([, , r]) => r);
}
