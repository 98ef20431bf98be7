import { useEffect, useRef, useState } from 'preact/hooks';
import {
  EDITABLE_FIELDS,
  EDITORIAL_CONTROLS,
  addNote,
  deleteCustomSource,
  deleteNote,
  editField,
  getNoteView,
  revertEntity,
  updateNote,
  type ProvenanceDb,
  type ProvenanceNoteView,
} from '../../store';
import { t, tOr } from './i18n';
import { useLive } from './live';
import { Problem, useAction } from './util';

type Field = ProvenanceNoteView['fields'][number];

const splitTags = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function Entry(props: { db: ProvenanceDb; entityId: string; focus: boolean; onClose: () => void }) {
  const { db, entityId, focus, onClose } = props;
  const view = useLive(() => getNoteView(db, entityId), [db, entityId]);
  const row = useLive(() => db.entities.get(entityId), [db, entityId]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening an entry from the list moves focus to it (keyboard and screen-reader users land on the note);
  // opening the page on an entry does not steal focus.
  const loaded = view.value !== undefined;
  useEffect(() => {
    if (focus && loaded) heading.current?.focus();
  }, [focus, loaded]);

  if (view.value === undefined) return <p>{t('loading')}</p>;
  if (view.value === null)
    return (
      <p role="alert">
        {t('entry_missing', entityId)}{' '}
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </p>
    );
  const note = view.value;
  const type = row.value?.type;
  const editable = new Set(type ? EDITABLE_FIELDS[type] : []);
  const category = t(`category_${note.category.replace('-', '_')}`);
  return (
    <article class="entry" aria-labelledby="entry-title">
      <h2 id="entry-title" tabIndex={-1} ref={heading}>
        {note.name}
      </h2>
      <p class="entry-meta">
        <span class={`badge cat-${note.category}`}>{category}</span>
        {note.country && <span class="country">{note.country}</span>}
        {type && <span>{t(`type_${type}`)}</span>}
        {row.value?.retired && <span class="badge retired">{t('badge_retired')}</span>}
      </p>
      {type === 'outlet' && note.category === 'media' && <p class="fair">{t('fair_media')}</p>}
      <h3>{t('facts')}</h3>
      <dl class="facts">
        {note.fields.map((f, i) => (
          <FieldRow
            key={`${f.field}-${i}`}
            db={db}
            entityId={entityId}
            field={f}
            editable={editable.has(f.field)}
          />
        ))}
      </dl>
      {type && (
        <NameEdit
          db={db}
          entityId={entityId}
          name={note.name}
          edited={row.value !== undefined && row.value.name !== note.name}
          anyEdited={
            (row.value !== undefined && row.value.name !== note.name) || note.fields.some((f) => f.edited)
          }
        />
      )}
      {!type && entityId.startsWith('custom:') && (
        <CustomDelete db={db} entityId={entityId} onDeleted={onClose} />
      )}
      <Notes db={db} entityId={entityId} notes={note.userNotes} />
    </article>
  );
}

function fieldValue(f: Field): string {
  if (f.field === 'control') return tOr(`control_${f.value.replace(/-/g, '_')}`, f.value);
  return f.value;
}

function FieldRow(props: { db: ProvenanceDb; entityId: string; field: Field; editable: boolean }) {
  const { db, entityId, field, editable } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(field.value);
  const action = useAction();
  const label = tOr(`field_${field.field}`, field.field);
  const inputId = `edit-${field.field}`;
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>
        {!editing && <span class="value">{fieldValue(field)}</span>}
        {field.edited && <span class="badge mine">{t('badge_edited')}</span>}
        {!field.verified && !field.edited && <span class="badge unverified">{t('not_verified')}</span>}
        {field.refs.length > 0 && (
          <ul class="refs" aria-label={t('references')}>
            {field.refs.map((r) => (
              <li key={r.url}>
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.publisher}
                </a>
              </li>
            ))}
          </ul>
        )}
        {editable && !editing && (
          <span class="actions">
            <button
              type="button"
              onClick={() => {
                setDraft(field.value);
                setEditing(true);
              }}
            >
              {t('edit_field', label)}
            </button>
            {field.edited && (
              <button type="button" onClick={() => action.run(() => revertEntity(db, entityId, field.field))}>
                {t('revert_field', label)}
              </button>
            )}
          </span>
        )}
        {editing && (
          <form
            class="inline-edit"
            onSubmit={(e) => {
              e.preventDefault();
              void action.run(async () => {
                await editField(db, entityId, field.field, draft.trim());
                setEditing(false);
              });
            }}
          >
            <label for={inputId}>{t('new_value', label)}</label>
            {field.field === 'control' ? (
              <select id={inputId} value={draft} onChange={(e) => setDraft(e.currentTarget.value)}>
                {EDITORIAL_CONTROLS.map((c) => (
                  <option key={c} value={c}>
                    {tOr(`control_${c.replace(/-/g, '_')}`, c)}
                  </option>
                ))}
              </select>
            ) : (
              <input id={inputId} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
            )}
            <button type="submit">{t('save')}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </form>
        )}
        <Problem error={action.error} />
      </dd>
    </div>
  );
}

function NameEdit(props: {
  db: ProvenanceDb;
  entityId: string;
  name: string;
  edited: boolean;
  anyEdited: boolean;
}) {
  const { db, entityId, name, edited, anyEdited } = props;
  const [draft, setDraft] = useState<string | undefined>();
  const action = useAction();
  return (
    <div class="name-edit">
      {draft === undefined ? (
        <>
          <button type="button" onClick={() => setDraft(name)}>
            {t('rename')}
          </button>
          {edited && (
            <button type="button" onClick={() => action.run(() => revertEntity(db, entityId, 'name'))}>
              {t('revert_field', tOr('field_name', 'name'))}
            </button>
          )}
          {anyEdited && (
            <button type="button" onClick={() => action.run(() => revertEntity(db, entityId))}>
              {t('revert_entry')}
            </button>
          )}
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(async () => {
              await editField(db, entityId, 'name', draft.trim());
              setDraft(undefined);
            });
          }}
        >
          <label>
            {t('new_value', tOr('field_name', 'name'))}
            <input value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setDraft(undefined)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <Problem error={action.error} />
    </div>
  );
}

function CustomDelete(props: { db: ProvenanceDb; entityId: string; onDeleted: () => void }) {
  const action = useAction();
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          action.run(async () => {
            await deleteCustomSource(props.db, props.entityId);
            props.onDeleted();
          })
        }
      >
        {t('delete_source')}
      </button>
      <Problem error={action.error} />
    </p>
  );
}

function Notes(props: { db: ProvenanceDb; entityId: string; notes: ProvenanceNoteView['userNotes'] }) {
  const { db, entityId, notes } = props;
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const action = useAction();
  return (
    <section class="notes" aria-labelledby="notes-title">
      <h3 id="notes-title">{t('notes_title')}</h3>
      {notes.length === 0 && <p class="hint">{t('notes_none')}</p>}
      <ul class="note-list">
        {notes.map((n) => (
          <NoteItem key={n.id} db={db} note={n} />
        ))}
      </ul>
      <form
        class="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            await addNote(db, { entityId, text, tags: splitTags(tags) });
            setText('');
            setTags('');
          });
        }}
      >
        <label for="new-note">{t('note_label')}</label>
        <textarea
          id="new-note"
          value={text}
          rows={3}
          required
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <label for="new-note-tags">{t('tags_label')}</label>
        <input id="new-note-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        <button type="submit">{t('add_note')}</button>
        <Problem error={action.error} />
      </form>
    </section>
  );
}

function NoteItem({ db, note }: { db: ProvenanceDb; note: ProvenanceNoteView['userNotes'][number] }) {
  const [draft, setDraft] = useState<string | undefined>();
  const [tags, setTags] = useState('');
  const action = useAction();
  const id = `note-${note.id}`;
  return (
    <li class="note">
      {draft === undefined ? (
        <>
          <p class="note-text">{note.text}</p>
          {note.tags.length > 0 && (
            <ul class="tags" aria-label={t('tags_label')}>
              {note.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
          <p class="note-meta">
            <time dateTime={note.updated}>{new Date(note.updated).toLocaleString()}</time>{' '}
            <button
              type="button"
              onClick={() => {
                setDraft(note.text);
                setTags(note.tags.join(', '));
              }}
            >
              {t('edit_note')}
            </button>{' '}
            <button type="button" onClick={() => action.run(() => deleteNote(db, note.id))}>
              {t('delete_note')}
            </button>
          </p>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(async () => {
              await updateNote(db, note.id, { text: draft, tags: splitTags(tags) });
              setDraft(undefined);
            });
          }}
        >
          <label for={id}>{t('note_label')}</label>
          <textarea id={id} value={draft} rows={3} onInput={(e) => setDraft(e.currentTarget.value)} />
          <label for={`${id}-tags`}>{t('tags_label')}</label>
          <input id={`${id}-tags`} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setDraft(undefined)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <Problem error={action.error} />
    </li>
  );
}
