import { deleteAnnotation, type ProvenanceDb } from '../../store';
import { t } from './i18n';
import { useLive } from './live';
import { Problem, useAction } from './util';

/** The passages the user annotated on pages, newest first, each deletable. */
export function Annotations({ db }: { db: ProvenanceDb }) {
  const rows = useLive(() => db.annotations.orderBy('updated').reverse().limit(500).toArray(), [db]);
  const action = useAction();
  const list = rows.value ?? [];
  return (
    <section aria-labelledby="annotations-title">
      <h3 id="annotations-title">{t('annotations_title')}</h3>
      {rows.value && list.length === 0 && <p class="hint">{t('annotations_none')}</p>}
      <ul class="note-list">
        {list.map((a) => (
          <li key={a.id} class="note">
            <blockquote class="note-text">{a.quote.exact}</blockquote>
            {a.body && <p class="note-text">{a.body}</p>}
            <p class="note-meta">
              <a href={a.url} target="_blank" rel="noopener noreferrer">
                {a.url}
              </a>{' '}
              <button type="button" onClick={() => action.run(() => deleteAnnotation(db, a.id!))}>
                {t('delete_note')}
              </button>
            </p>
          </li>
        ))}
      </ul>
      <Problem error={action.error} />
    </section>
  );
}
