import { useEffect, useState } from 'preact/hooks';
import type { ProvenanceDb } from '../../store';
import { Changes } from './Changes';
import { Packs } from './Packs';
import { Sites } from './Sites';
import { Sources } from './Sources';
import { t, tOr } from './i18n';

const SECTIONS = ['sources', 'changes', 'packs', 'sites'] as const;
type Section = (typeof SECTIONS)[number];

/** The location hash keeps the section and the open entry, so a reload lands where the user was. */
function readHash(): { section: Section; entry?: string } {
  const params = new URLSearchParams(location.hash.slice(1));
  const section = SECTIONS.find((s) => s === params.get('section')) ?? 'sources';
  const entry = params.get('entry') ?? undefined;
  return entry ? { section, entry } : { section };
}

function writeHash(section: Section, entry?: string) {
  const params = new URLSearchParams({ section });
  if (entry) params.set('entry', entry);
  history.replaceState(null, '', `#${params.toString()}`);
}

export function App({ db }: { db: ProvenanceDb }) {
  const [state, setState] = useState(readHash);
  useEffect(() => writeHash(state.section, state.entry), [state]);
  useEffect(() => {
    const onHash = () => setState(readHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const open = (entry: string) => setState({ section: 'sources', entry });
  return (
    <div class="page">
      <header class="top">
        <h1>{t('title')}</h1>
        <nav aria-label={t('sections')}>
          <ul class="tabs">
            {SECTIONS.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  aria-current={state.section === s ? 'page' : undefined}
                  onClick={() =>
                    setState(
                      s === 'sources' && state.entry ? { section: s, entry: state.entry } : { section: s },
                    )
                  }
                >
                  {t(`section_${s}`)}
                </button>
              </li>
            ))}
            <li>
              {/* Trainer mode lives on its own page. */}
              <a class="lessons-link" href="../lessons/index.html">
                {tOr('lessons', 'Lessons (trainer mode)')}
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        {state.section === 'sources' && (
          <Sources
            db={db}
            selected={state.entry}
            onSelect={(entry) => setState(entry ? { section: 'sources', entry } : { section: 'sources' })}
          />
        )}
        {state.section === 'changes' && <Changes db={db} onOpen={open} />}
        {state.section === 'packs' && <Packs db={db} />}
        {state.section === 'sites' && <Sites db={db} />}
      </main>
    </div>
  );
}
