import { listChanges, revertEntity, type ProvenanceDb } from '../../store';
import { AllNotes } from './AllNotes';
import { Annotations } from './Annotations';
import { t, tOr } from './i18n';
import { useLive } from './live';
import { Problem, useAction } from './util';

/** Every field the user changed in the seeded knowledge base, each revertable. */
export function Changes({ db, onOpen }: { db: ProvenanceDb; onOpen: (id: string) => void }) {
  const changes = useLive(() => listChanges(db), [db]);
  const noteCount = useLive(() => db.notes.count(), [db]);
  const action = useAction();
  const list = changes.value ?? [];
  return (
    <section class="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{t('changes_title')}</h2>
      <p>{t('changes_intro', noteCount.value ?? 0)}</p>
      {changes.value && list.length === 0 && <p class="hint">{t('changes_none')}</p>}
      {list.length > 0 && (
        <table>
          <caption class="visually-hidden">{t('changes_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col_entry')}</th>
              <th scope="col">{t('col_field')}</th>
              <th scope="col">{t('col_yours')}</th>
              <th scope="col">{t('col_seeded')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('col_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={`${c.entityId}/${c.field}`}>
                <td>
                  <button type="button" class="link" onClick={() => onOpen(c.entityId)}>
                    {c.name}
                  </button>
                </td>
                <td>{tOr(`field_${c.field}`, c.field)}</td>
                <td>{c.value}</td>
                <td>
                  {c.seededValue ?? '—'}
                  {c.seedChanged && <span class="badge unverified">{t('seed_changed')}</span>}
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => action.run(() => revertEntity(db, c.entityId, c.field))}
                  >
                    {t('revert_field', tOr(`field_${c.field}`, c.field))}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Problem error={action.error} />
      <AllNotes db={db} onOpen={onOpen} />
      <Annotations db={db} />
    </section>
  );
}
