import type { ProvenanceDb } from '../../store';
import { t } from './i18n';
import { useLive } from './live';

/** Every note the user wrote, newest first, each leading to its source. */
export function AllNotes({ db, onOpen }: { db: ProvenanceDb; onOpen: (id: string) => void }) {
  const notes = useLive(async () => {
    const rows = await db.notes.orderBy('updated').reverse().limit(500).toArray();
    const ids = [...new Set(rows.map((n) => n.entityId))];
    const names = new Map<string, string>();
    for (const row of await db.entities.bulkGet(ids)) if (row) names.set(row.id, row.name);
    for (const row of await db.customSources.bulkGet(ids)) if (row) names.set(row.id, row.name);
    return rows.map((n) => ({ ...n, name: names.get(n.entityId) ?? n.entityId }));
  }, [db]);
  const list = notes.value ?? [];
  return (
    <section aria-labelledby="all-notes-title">
      <h3 id="all-notes-title">{t('notes_title')}</h3>
      {notes.value && list.length === 0 && <p class="hint">{t('notes_none')}</p>}
      <ul class="note-list">
        {list.map((n) => (
          <li key={n.id} class="note">
            <p class="note-meta">
              <button type="button" class="link" onClick={() => onOpen(n.entityId)}>
                {n.name}
              </button>{' '}
              <time dateTime={n.updated}>{new Date(n.updated).toLocaleString()}</time>
            </p>
            <p class="note-text">{n.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
