import { useMemo, useRef, useState } from 'preact/hooks';
import { SOURCE_CATEGORIES } from '../../core/types';
import { loadCatalog, searchCatalog, type CatalogRow, type ProvenanceDb } from '../../store';
import { AddSource } from './AddSource';
import { Entry } from './Entry';
import { t } from './i18n';
import { useLive } from './live';

const PAGE_SIZE = 50;
const TYPES = ['outlet', 'official', 'body', 'custom'] as const;

export function Sources(props: {
  db: ProvenanceDb;
  selected: string | undefined;
  onSelect: (id?: string) => void;
}) {
  const { db, selected, onSelect } = props;
  const catalog = useLive(() => loadCatalog(db), [db]);
  const [query, setQuery] = useState('');
  const [type, setType] = useState<CatalogRow['type'] | ''>('');
  const [category, setCategory] = useState<(typeof SOURCE_CATEGORIES)[number] | ''>('');
  const [page, setPage] = useState(0);
  const chosen = useRef(false);
  const rows = catalog.value ?? [];
  const hits = useMemo(() => searchCatalog(rows, { query, type, category }), [rows, query, type, category]);
  const pages = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = hits.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  return (
    <div class="sources">
      <section class="browser" aria-labelledby="browse-title">
        <h2 id="browse-title">{t('browse_title')}</h2>
        <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('search_label')}
            <input
              type="search"
              value={query}
              placeholder={t('search_placeholder')}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setPage(0);
              }}
            />
          </label>
          <label>
            {t('filter_type')}
            <select
              value={type}
              onChange={(e) => {
                setType(e.currentTarget.value as CatalogRow['type'] | '');
                setPage(0);
              }}
            >
              <option value="">{t('filter_any')}</option>
              {TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`type_${ty}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter_category')}
            <select
              value={category}
              onChange={(e) => {
                setCategory(e.currentTarget.value as (typeof SOURCE_CATEGORIES)[number] | '');
                setPage(0);
              }}
            >
              <option value="">{t('filter_any')}</option>
              {SOURCE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category_${c.replace('-', '_')}`)}
                </option>
              ))}
            </select>
          </label>
        </form>
        <p class="count" role="status">
          {catalog.value ? t('results', hits.length, rows.length) : t('loading')}
        </p>
        <ul class="results">
          {shown.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                class="result"
                aria-current={row.id === selected ? 'true' : undefined}
                onClick={() => {
                  chosen.current = true;
                  onSelect(row.id);
                }}
              >
                <span class="result-name">{row.name}</span>
                <span class={`badge cat-${row.category}`}>
                  {t(`category_${row.category.replace('-', '_')}`)}
                </span>
                {row.country && <span class="country">{row.country}</span>}
                {row.edited && <span class="badge mine">{t('badge_edited')}</span>}
                {row.retired && <span class="badge retired">{t('badge_retired')}</span>}
              </button>
            </li>
          ))}
        </ul>
        {pages > 1 && (
          <nav class="pager" aria-label={t('pager')}>
            <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
              {t('previous')}
            </button>
            <span>{t('page_of', current + 1, pages)}</span>
            <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              {t('next')}
            </button>
          </nav>
        )}
        <AddSource
          db={db}
          onAdded={(id) => {
            chosen.current = true;
            onSelect(id);
          }}
        />
      </section>
      <section class="detail">
        {selected ? (
          <Entry
            key={selected}
            db={db}
            entityId={selected}
            focus={chosen.current}
            onClose={() => onSelect()}
          />
        ) : (
          <p class="hint">{t('pick_entry')}</p>
        )}
      </section>
    </div>
  );
}
