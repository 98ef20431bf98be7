// What the reader sees beside the text: a hover/focus card per flag and a summary panel of who speaks,
// both rendered in our shadow root. Page text only ever goes in as text nodes (Preact escapes it).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceCategory } from '../../core/types';
import { SOURCE_CATEGORIES } from '../../core/types';
import type { ProvenanceNoteView } from '../../shared/messages';
import type { FindingView } from '../findings';
import { categoryLabel, countryName, describeSource, t, tMaybe } from '../i18n';
import type { OverlayState, OverlayStore } from './state';

export interface OverlayActions {
  /** Scrolls to a finding's mark, focuses it and opens its card. */
  goTo(id: string): void;
  /** Next (1) or previous (-1) flag in reading order. */
  step(delta: 1 | -1): void;
  closeCard(returnFocus: boolean): void;
  keepCard(): void;
  releaseCard(): void;
  togglePanel(open?: boolean): void;
  getNote(entityId: string): Promise<ProvenanceNoteView | null>;
  addNote(entityId: string, text: string): Promise<boolean>;
}

export const GLYPH: Record<SourceCategory, string> = {
  'state-media': '◆',
  government: '■',
  media: '●',
  unnamed: '?',
  other: '○',
};

function useStore(store: OverlayStore): OverlayState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    const off = store.subscribe(() => setState(store.get()));
    setState(store.get()); // changes made before this effect ran
    return off;
  }, [store]);
  return state;
}

export function App({ store, actions }: { store: OverlayStore; actions: OverlayActions }) {
  const state = useStore(store);
  const attributions = state.findings.filter((f) => f.kind === 'attribution');
  const cardFinding = state.card ? state.findings.find((f) => f.id === state.card!.id) : undefined;
  const flagged = state.findings.length > 0 || state.publisher?.category === 'state-media';
  return (
    <>
      {cardFinding && state.card && <Card finding={cardFinding} state={state} actions={actions} />}
      {state.panelOpen ? (
        <Panel state={state} actions={actions} />
      ) : (
        flagged && (
          <button
            type="button"
            class="pl-launcher"
            aria-label={t('page_launcher', String(attributions.length))}
            title={t('page_panelTitle')}
            onClick={() => actions.togglePanel(true)}
          >
            <span aria-hidden="true">◆ {attributions.length}</span>
          </button>
        )
      )}
    </>
  );
}

// ---- the card ----

function useNotes(ids: string[], actions: OverlayActions, version: number) {
  const [notes, setNotes] = useState<Record<string, ProvenanceNoteView | null | undefined>>({});
  const key = ids.join('|');
  useEffect(() => {
    let live = true;
    setNotes({});
    for (const id of ids)
      void actions.getNote(id).then((note) => {
        if (live) setNotes((n) => ({ ...n, [id]: note }));
      });
    return () => {
      live = false;
    };
  }, [key, version]);
  return notes;
}

function Card({
  finding,
  state,
  actions,
}: {
  finding: FindingView;
  state: OverlayState;
  actions: OverlayActions;
}) {
  const card = state.card!;
  const ref = useRef<HTMLDivElement>(null);
  const [version, setVersion] = useState(0);
  const entityIds = [finding.entityId, ...finding.via.map((v) => v.entityId)].filter(
    (id, i, all): id is string => !!id && all.indexOf(id) === i,
  );
  const notes = useNotes(entityIds, actions, version);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const width = el.offsetWidth || 360;
    const height = el.offsetHeight || 200;
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    let top = card.rect.bottom + 8;
    if (top + height > vh - 8 && card.rect.top - height - 8 > 8) top = card.rect.top - height - 8;
    top = Math.max(8, Math.min(top, vh - Math.min(height, vh - 16) - 8));
    const left = Math.max(8, Math.min(card.rect.left, vw - width - 8));
    setPos({ top, left });
  }, [card.rect.top, card.rect.left, card.rect.bottom, finding.id, notes]);

  useEffect(() => {
    if (card.focus) ref.current?.focus();
  }, [card.focus, finding.id]);

  const titleId = `pl-card-title-${finding.id}`;
  const sourceWords = describeSource(
    finding.category,
    finding.country,
    controlOf(notes[finding.entityId ?? '']),
  );
  return (
    <div
      ref={ref}
      class={`pl-card pl-cat-${finding.category}`}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      style={pos ? { top: `${pos.top}px`, left: `${pos.left}px` } : { top: '-9999px', left: '0px' }}
      onMouseEnter={() => actions.keepCard()}
      onMouseLeave={() => actions.releaseCard()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          actions.closeCard(true);
        }
      }}
    >
      <div class="pl-card-head">
        <span class="pl-glyph" aria-hidden="true">
          {finding.kind === 'hedge' ? '~' : GLYPH[finding.category]}
        </span>
        <h2 id={titleId} class="pl-card-title">
          {finding.kind === 'hedge' ? t('page_hedges') : finding.speaker || t('page_unknownSpeaker')}
        </h2>
        <button
          type="button"
          class="pl-icon-button"
          aria-label={t('page_close')}
          onClick={() => actions.closeCard(true)}
        >
          ×
        </button>
      </div>
      {finding.kind !== 'hedge' && <p class="pl-source">{sourceWords}</p>}
      {finding.role && (
        <p class="pl-line">
          <span class="pl-label">{t('page_role')}: </span>
          {finding.role}
        </p>
      )}
      {finding.resolution && finding.resolution !== 'named' && finding.resolution !== 'unresolved' && (
        <p class="pl-muted">{t('page_resolvedFrom')}</p>
      )}
      {finding.via.length > 0 && (
        <p class="pl-chain">
          {finding.speaker || t('page_unknownSpeaker')}
          {finding.via.map((v) => (
            <span key={v.text}>
              {' → '}
              {t('page_relayedBy')} <strong>{v.text}</strong>
              {v.category === 'state-media' && `, ${describeSource(v.category, v.country)}`}
            </span>
          ))}
        </p>
      )}
      {finding.quote && (
        <blockquote class="pl-quote" aria-label={t('page_quote')}>
          {finding.quote}
        </blockquote>
      )}
      {(finding.hedged || finding.hedges.length > 0) && (
        <p class="pl-hedge">{t('page_hedged', finding.hedges.join(', ') || finding.cue)}</p>
      )}
      {entityIds.map((id) => (
        <NoteView
          key={id}
          note={notes[id]}
          entityId={id}
          actions={actions}
          sayWho={id !== finding.entityId}
          onSaved={() => setVersion((v) => v + 1)}
        />
      ))}
    </div>
  );
}

/** Fields the card leaves to the options page: the country is in the card's heading, lists are long. */
const LONG_LISTS = new Set(['country', 'names', 'domains', 'aliases']);

function controlOf(note: ProvenanceNoteView | null | undefined): string | undefined {
  return note?.fields.find((f) => f.field === 'control')?.value;
}

function fieldValue(field: string, value: string): string {
  if (field === 'control') return tMaybe(`page_control_${value.replace(/-/g, '_')}`) ?? value;
  if (field === 'country') return countryName(value) ?? value;
  return value;
}

function NoteView({
  note,
  entityId,
  actions,
  sayWho,
  onSaved,
}: {
  note: ProvenanceNoteView | null | undefined;
  entityId: string;
  actions: OverlayActions;
  /** Whether to say what the source is (not when the card's heading already does). */
  sayWho: boolean;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  if (note === undefined) return <p class="pl-muted">{t('page_loading')}</p>;
  const inputId = `pl-note-${entityId}`;
  return (
    <section class="pl-note" aria-label={`${t('page_note')}: ${note?.name ?? entityId}`}>
      <h3 class="pl-note-title">
        {t('page_note')}
        {note ? ` · ${note.name}` : ''}
      </h3>
      {note ? (
        <>
          {sayWho && <p class="pl-source">{describeSource(note.category, note.country, controlOf(note))}</p>}
          <dl class="pl-fields">
            {note.fields
              .filter((f) => !LONG_LISTS.has(f.field))
              .map((f, i) => (
                <div key={`${f.field}-${i}`} class="pl-field">
                  <dt>{tMaybe(`page_field_${f.field}`) ?? f.field}</dt>
                  <dd>
                    {fieldValue(f.field, f.value)}
                    {!f.verified && <span class="pl-tag"> {t('page_unverified')}</span>}
                    {f.edited && <span class="pl-tag"> {t('page_editedByYou')}</span>}
                    {f.refs.length > 0 && (
                      <span class="pl-refs">
                        {' '}
                        {f.refs.map((r, j) => (
                          <a key={j} href={r.url} target="_blank" rel="noopener noreferrer" class="pl-ref">
                            {r.publisher}
                          </a>
                        ))}
                      </span>
                    )}
                  </dd>
                </div>
              ))}
          </dl>
          {note.userNotes.length > 0 && (
            <>
              <h4 class="pl-subtitle">{t('page_yourNotes')}</h4>
              <ul class="pl-user-notes">
                {note.userNotes.map((n) => (
                  <li key={n.id}>{n.text}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p class="pl-muted">{t('page_noNote')}</p>
      )}
      <form
        class="pl-add-note"
        onSubmit={(e) => {
          e.preventDefault();
          const text = draft.trim();
          if (!text) return;
          void actions.addNote(entityId, text).then((ok) => {
            setStatus(ok ? 'saved' : 'failed');
            if (ok) {
              setDraft('');
              onSaved();
            }
          });
        }}
      >
        <label for={inputId}>{t('page_addNote')}</label>
        <textarea
          id={inputId}
          rows={2}
          value={draft}
          onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="submit" class="pl-button">
          {t('page_saveNote')}
        </button>
        <span role="status" class="pl-muted">
          {status === 'saved' ? t('page_noteSaved') : status === 'failed' ? t('page_noteFailed') : ''}
        </span>
      </form>
    </section>
  );
}

// ---- the summary panel ----

function Bars({
  rows,
  label,
}: {
  rows: Array<{ key: string; name: string; glyph?: string; cat?: string; n: number }>;
  label: string;
}) {
  const total = rows.reduce((s, r) => s + r.n, 0) || 1;
  return (
    <ul class="pl-bars" aria-label={label}>
      {rows.map((r) => {
        const pct = Math.round((r.n / total) * 100);
        return (
          <li key={r.key} class={`pl-bar-row${r.cat ? ` pl-cat-${r.cat}` : ''}`}>
            <span class="pl-bar-name">
              {r.glyph && <span aria-hidden="true">{r.glyph} </span>}
              {r.name}
            </span>
            <span class="pl-bar-track" aria-hidden="true">
              <span class="pl-bar-fill" style={{ width: `${pct}%` }} />
            </span>
            <span class="pl-bar-value">
              {r.n} ({pct} %)
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Panel({ state, actions }: { state: OverlayState; actions: OverlayActions }) {
  const ref = useRef<HTMLElement>(null);
  const attributions = state.findings.filter((f) => f.kind === 'attribution');
  const hedges = state.findings.filter((f) => f.kind === 'hedge');
  const unnamed = state.findings.filter(
    (f) => f.kind === 'unnamed' || (f.kind === 'attribution' && f.category === 'unnamed'),
  );
  const outlets = state.findings.filter((f) => f.kind === 'outlet');
  const counts = new Map<SourceCategory, number>();
  const countries = new Map<string, number>();
  for (const a of attributions) {
    counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
    if (a.country) countries.set(a.country, (countries.get(a.country) ?? 0) + 1);
  }
  const publisher = state.publisher?.category === 'state-media' ? state.publisher : undefined;
  const [pubNote, setPubNote] = useState<ProvenanceNoteView | null | undefined>(undefined);
  useEffect(() => {
    if (!publisher?.entityId) return;
    let live = true;
    void actions.getNote(publisher.entityId).then((n) => live && setPubNote(n));
    return () => {
      live = false;
    };
  }, [publisher?.entityId]);
  useEffect(() => {
    ref.current?.focus();
  }, []);

  const item = (f: FindingView) => (
    <li key={f.id}>
      <button
        type="button"
        class={`pl-item pl-cat-${f.category}${state.current === f.id ? ' pl-current' : ''}`}
        onClick={() => actions.goTo(f.id)}
      >
        <span aria-hidden="true">{f.kind === 'hedge' ? '~' : GLYPH[f.category]} </span>
        <span class="pl-item-who">{f.kind === 'hedge' ? f.cue : f.speaker || t('page_unknownSpeaker')}</span>
        {f.kind !== 'hedge' && <span class="pl-item-what"> · {describeSource(f.category, f.country)}</span>}
        {f.kind === 'attribution' && <span class="pl-item-cue"> · {f.cue}</span>}
      </button>
    </li>
  );

  return (
    <aside
      ref={ref}
      class="pl-panel"
      aria-labelledby="pl-panel-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        const typing = target.tagName === 'TEXTAREA' || target.tagName === 'INPUT';
        if (e.key === 'Escape') {
          e.stopPropagation();
          actions.togglePanel(false);
        } else if (!typing && (e.key === 'j' || e.key === 'k')) {
          e.preventDefault();
          actions.step(e.key === 'j' ? 1 : -1);
        }
      }}
    >
      <div class="pl-panel-head">
        <h2 id="pl-panel-title" class="pl-panel-title">
          {t('page_panelTitle')}
        </h2>
        <button
          type="button"
          class="pl-icon-button"
          aria-label={t('page_close')}
          onClick={() => actions.togglePanel(false)}
        >
          ×
        </button>
      </div>
      <div class="pl-panel-body">
        {publisher && (
          <section class="pl-publisher pl-cat-state-media">
            <p>
              <span aria-hidden="true">◆ </span>
              {t(
                'page_publisher',
                publisher.name,
                describeSource(publisher.category, publisher.country, controlOf(pubNote)),
              )}
            </p>
            {pubNote &&
              pubNote.fields
                .filter((f) => f.field !== 'control' && !LONG_LISTS.has(f.field))
                .slice(0, 4)
                .map((f, i) => (
                  <p key={i} class="pl-line">
                    <span class="pl-label">{tMaybe(`page_field_${f.field}`) ?? f.field}: </span>
                    {fieldValue(f.field, f.value)}
                    {f.refs[0] && (
                      <>
                        {' '}
                        <a href={f.refs[0].url} target="_blank" rel="noopener noreferrer" class="pl-ref">
                          {f.refs[0].publisher}
                        </a>
                      </>
                    )}
                  </p>
                ))}
          </section>
        )}
        {attributions.length === 0 ? (
          <p class="pl-muted">{t('page_none')}</p>
        ) : (
          <>
            <h3 class="pl-section-title">{t('page_byCategory')}</h3>
            <Bars
              label={t('page_byCategory')}
              rows={SOURCE_CATEGORIES.filter((c) => counts.get(c)).map((c) => ({
                key: c,
                name: categoryLabel(c),
                glyph: GLYPH[c],
                cat: c,
                n: counts.get(c) ?? 0,
              }))}
            />
            {countries.size > 0 && (
              <>
                <h3 class="pl-section-title">{t('page_byCountry')}</h3>
                <Bars
                  label={t('page_byCountry')}
                  rows={[...countries]
                    .sort((a, b) => b[1] - a[1])
                    .map(([c, n]) => ({ key: c, name: countryName(c) ?? c, n }))}
                />
              </>
            )}
          </>
        )}
        <nav class="pl-steps" aria-label={t('page_keyboardHint')}>
          <button type="button" class="pl-button" onClick={() => actions.step(-1)} title="Alt+Shift+B">
            ← {t('page_previous')}
          </button>
          <button type="button" class="pl-button" onClick={() => actions.step(1)} title="Alt+Shift+N">
            {t('page_next')} →
          </button>
        </nav>
        {attributions.length > 0 && (
          <>
            <h3 class="pl-section-title">
              {t('page_attributions')} ({attributions.length})
            </h3>
            <ol class="pl-list">{attributions.map(item)}</ol>
          </>
        )}
        {outlets.length > 0 && (
          <ul class="pl-list" aria-label={t('page_cat_state_media')}>
            {outlets.map(item)}
          </ul>
        )}
        {state.links.length > 0 && (
          <>
            <h3 class="pl-section-title">{t('page_stateLinks')}</h3>
            <ul class="pl-list">
              {state.links.map((l, i) => (
                <li key={i} class="pl-line">
                  <span aria-hidden="true">◆ </span>
                  {l.text} · {l.outlet}
                  {l.country ? ` (${countryName(l.country)})` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        {hedges.length > 0 && (
          <>
            <h3 class="pl-section-title">{t('page_hedges')}</h3>
            <ul class="pl-list">{hedges.map(item)}</ul>
          </>
        )}
        {unnamed.length > 0 && (
          <>
            <h3 class="pl-section-title">{t('page_unnamedSources')}</h3>
            <ul class="pl-list">{unnamed.map(item)}</ul>
          </>
        )}
        <p class="pl-muted pl-hint">{t('page_keyboardHint')}</p>
      </div>
    </aside>
  );
}
