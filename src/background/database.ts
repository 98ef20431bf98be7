// The database, opened once per service-worker life and seeded before its first use. Seeding is a no-op
// when the stored seed version is current, so a worker woken for one message pays one settings read.
import { openDatabase, seedDatabase, type ProvenanceDb } from '../store';

let opening: Promise<ProvenanceDb> | undefined;

export function database(): Promise<ProvenanceDb> {
  opening ??= (async () => {
    const db = await openDatabase();
    await seedDatabase(db);
    return db;
  })();
  // A failed open is retried on the next call rather than cached for the worker's life.
  opening.catch(() => (opening = undefined));
  return opening;
}
