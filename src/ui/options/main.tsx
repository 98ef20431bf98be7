// The options page: browse and search the knowledge base, read and annotate an entry's note, edit a seeded
// field and revert it, import and export packs, and manage the sites the extension may scan. It opens the
// extension's database directly (same origin as the background) and follows it live.
import { render } from 'preact';
import { openDatabase, seedDatabase, type ProvenanceDb } from '../../store';
import { App } from './App';
import { t, uiLanguage } from './i18n';
import { describeError } from './util';

async function start(root: HTMLElement) {
  document.documentElement.lang = uiLanguage().startsWith('fr') ? 'fr' : 'en';
  document.title = t('title');
  let db: ProvenanceDb;
  try {
    db = await openDatabase();
    // The background seeds on install and update; doing it here too (a no-op when up to date) means the
    // page is complete even when opened before the background has finished.
    await seedDatabase(db);
  } catch (error) {
    render(
      <main class="fatal">
        <h1>{t('title')}</h1>
        <p role="alert">{describeError(error)}</p>
      </main>,
      root,
    );
    return;
  }
  render(<App db={db} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
