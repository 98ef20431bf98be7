import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fold, loadCatalog, searchCatalog, type CatalogRow } from '../../../src/store/catalog';
import { addCustomSource } from '../../../src/store/notes';
import { editField, seedDatabase } from '../../../src/store/seed';
import { fixtureSeed, freshDb } from './helpers';

describe('the searchable catalog', () => {
  it('lists seeded entries and custom sources, with the user edits applied', async () => {
    const db = freshDb();
    await seedDatabase(db, fixtureSeed);
    await addCustomSource(db, { name: 'Mon blog', category: 'other', domains: ['blog.example.net'] });
    await editField(db, 'afp', 'name', 'Agence France-Presse');
    const rows = await loadCatalog(db);
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r.id === 'afp')).toMatchObject({
      name: 'Agence France-Presse',
      edited: true,
      category: 'media',
    });
    expect(rows.find((r) => r.id === 'custom:mon-blog')).toMatchObject({ type: 'custom', category: 'other' });

    const ids = (query: string, more: Partial<Parameters<typeof searchCatalog>[1]> = {}) =>
      searchCatalog(rows, { query, ...more }).map((r) => r.id);
    expect(ids('sputnik')).toEqual(['sputnik']);
    expect(ids('Спутник')).toEqual(['sputnik']);
    expect(ids('sputniknews')).toEqual(['sputnik']); // a former domain
    expect(ids('konachenkov')).toEqual(['ru-konashenkov']);
    expect(ids('defense russe')).toEqual(['ru-mod']);
    expect(ids('rt')[0]).toBe('rt'); // the exact name first
    expect(ids('', { category: 'state-media' }).sort()).toEqual(['rt', 'rt-france', 'sputnik', 'tass']);
    expect(ids('', { type: 'official' })).toEqual(['ru-konashenkov']);
    expect(ids('nothing like this')).toEqual([]);
  });

  it('searches thousands of rows by folding once', () => {
    const rows: CatalogRow[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `o${i}`,
      type: 'outlet',
      name: `Outlet ${i}`,
      category: i % 2 ? 'media' : 'state-media',
      country: 'FR',
      edited: false,
      retired: false,
      haystack: fold(`o${i} Outlet ${i} outlet${i}.example`),
    }));
    expect(searchCatalog(rows, { query: 'outlet 4999' }).map((r) => r.id)[0]).toBe('o4999');
    expect(searchCatalog(rows, { query: '', category: 'media' })).toHaveLength(2500);
  });
});
