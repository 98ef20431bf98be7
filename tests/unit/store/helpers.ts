// Shared helpers for the store tests: a fresh database per test and a dump to compare whole databases.
import 'fake-indexeddb/auto';
import { ProvenanceDb } from '../../../src/store/db';
import { makeSeed, type Seed } from '../../../src/store/seed';
import { fixtureBodies, fixtureOfficials, fixtureOutlets } from './kb-fixture';

let counter = 0;
export function freshDb(): ProvenanceDb {
  counter++;
  return new ProvenanceDb(`test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const fixtureSeed: Seed = makeSeed({
  outlets: fixtureOutlets,
  officials: fixtureOfficials,
  bodies: fixtureBodies,
});

const TABLES = ['entities', 'edits', 'notes', 'annotations', 'customSources', 'settings', 'lessons'] as const;

/** Every row of every table, as JSON text: two equal dumps mean two equal databases. */
export async function dump(db: ProvenanceDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await db.table(t).toArray();
  return JSON.stringify(out);
}
