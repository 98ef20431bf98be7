// Which fields of a seeded entry the user may edit, and how an edit applies. An edit replaces one field's
// value and nothing else: the field's references stay attached to the seeded value, not to the user's.

import type { Claim, EditorialControl } from '../core/kb/schema';
import type { EditRow, EntityRow, EntityType } from './db';

export const EDITORIAL_CONTROLS: readonly EditorialControl[] = [
  'state-controlled',
  'captured-public',
  'state-funded-independent',
  'independent-public-service',
  'state-aligned-private',
  'covert-proxy',
  'official-government-channel',
  'private',
];

export const EDITABLE_FIELDS: Record<EntityType, readonly string[]> = {
  outlet: ['name', 'country', 'control', 'owner', 'funding', 'reliability'],
  official: ['name', 'country'],
  body: ['name', 'country'],
};

export const ALL_EDITABLE_FIELDS: ReadonlySet<string> = new Set(Object.values(EDITABLE_FIELDS).flat());

export const MAX_FIELD_CHARS = 10_000;

function claimValue(claim: Claim | undefined): string | undefined {
  return claim?.value;
}

/** The seeded value of an editable field, as a string; undefined when the seed leaves it empty. */
export function seededValue(row: EntityRow, field: string): string | undefined {
  const data = row.data;
  if (field === 'name') return data.name;
  if (field === 'country') return data.country;
  if (row.type !== 'outlet') return undefined;
  switch (field) {
    case 'control':
      return row.data.control.value;
    case 'owner':
      return claimValue(row.data.owner);
    case 'funding':
      return claimValue(row.data.funding);
    case 'reliability':
      return claimValue(row.data.reliability);
    default:
      return undefined;
  }
}

/** Why a value cannot be saved for this field, or undefined when it can. */
export function invalidEdit(type: EntityType, field: string, value: string): string | undefined {
  if (!EDITABLE_FIELDS[type].includes(field)) return `the field "${field}" cannot be edited`;
  if (value.trim() === '') return 'the value is empty';
  if (value.length > MAX_FIELD_CHARS) return `the value is longer than ${MAX_FIELD_CHARS} characters`;
  if (field === 'control' && !EDITORIAL_CONTROLS.includes(value as EditorialControl))
    return `"${value}" is not an editorial-control class`;
  if (field === 'country' && !/^[A-Za-z]{2}$/.test(value)) return 'a country is a two-letter ISO code';
  return undefined;
}

/** The entry's data with the user's edits applied (for display and matching; the seed row is untouched). */
export function applyEdits<R extends EntityRow>(row: R, edits: readonly EditRow[]): R['data'] {
  const data: Record<string, unknown> = { ...row.data };
  for (const edit of edits) {
    if (edit.entityId !== row.id || !EDITABLE_FIELDS[row.type].includes(edit.field)) continue;
    if (edit.field === 'name' || edit.field === 'country') data[edit.field] = edit.value;
    else {
      const claim = data[edit.field] as Claim | undefined;
      data[edit.field] = { ...(claim ?? { refs: [] }), value: edit.value };
    }
  }
  return data as unknown as R['data'];
}
