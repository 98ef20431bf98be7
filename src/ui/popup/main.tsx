// The toolbar popup: this page's figures by kind of source and by country, the per-site switch, "always
// scan" (an optional host permission, asked here because only a click may ask), the panel and the options.
// Opening the popup grants activeTab, so the background can scan the tab without any host permission.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser';
import { SOURCE_CATEGORIES, type SourceCategory } from '../../core/types';
import type {
  BackgroundCalls,
  CallName,
  PageCallName,
  PageCalls,
  PageSummary,
  Payload,
} from '../../shared/messages';

const t = (key: string, ...subs: Array<string | number>): string =>
  browser.i18n.getMessage(`popup_${key}`, subs.map(String)) || key;

async function ask<K extends CallName>(type: K, payload: Payload<K>): Promise<BackgroundCalls[K][1]> {
  return (await browser.runtime.sendMessage({ type, payload })) as BackgroundCalls[K][1];
}

async function tellPage<K extends PageCallName>(
  tabId: number,
  type: K,
  payload: PageCalls[K][0],
): Promise<PageCalls[K][1] | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, { type, payload })) as PageCalls[K][1]) ?? null;
  } catch {
    return null; // no content script in the tab
  }
}

/** Whether a content script answers in the tab (a scan may be under way: no need to start another). */
async function pageListens(tabId: number): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, { type: 'scan/status', payload: {} });
    return true;
  } catch {
    return false;
  }
}

const SYMBOL: Record<SourceCategory, string> = {
  'state-media': '◆',
  government: '▲',
  media: '●',
  unnamed: '?',
  other: '■',
};
const categoryLabel = (c: SourceCategory) => t(`category_${c.replace('-', '_')}`);

interface Target {
  tabId: number;
  origin: string | undefined;
}

/** The tab the popup speaks of: the active one, or `?tab=ID` (the popup opened as a page, in tests). */
async function findTarget(): Promise<Target | undefined> {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  const tab =
    Number.isInteger(asked) && asked > 0
      ? await browser.tabs.get(asked)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  let origin: string | undefined;
  try {
    const url = new URL(tab.url ?? '');
    if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
  } catch {
    origin = undefined;
  }
  return { tabId: tab.id, origin };
}

function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return t('country_unknown');
  try {
    return new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function Counts({ summary }: { summary: PageSummary }) {
  const total = SOURCE_CATEGORIES.reduce((n, c) => n + (summary.counts[c] ?? 0), 0);
  if (!total) return <p class="status">{t('noAttributions')}</p>;
  const countries = Object.entries(summary.byCountry).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return (
    <>
      <p class="total" data-total={total}>
        {t('total', total)}
      </p>
      <h2 id="by-category">{t('byCategory')}</h2>
      <ul class="counts" aria-labelledby="by-category">
        {SOURCE_CATEGORIES.filter((c) => summary.counts[c]).map((c) => (
          <li class={`cat-${c}`} data-category={c} key={c}>
            <span class="symbol" aria-hidden="true">
              {SYMBOL[c]}
            </span>
            <span>{categoryLabel(c)}</span>
            <span class="count">{summary.counts[c]}</span>
            <span class="bar" style={{ width: `${(100 * summary.counts[c]) / total}%` }} aria-hidden="true" />
          </li>
        ))}
      </ul>
      {countries.length > 0 && (
        <>
          <h2 id="by-country">{t('byCountry')}</h2>
          <ul class="counts" aria-labelledby="by-country">
            {countries.map(([code, n]) => (
              <li data-country={code} key={code}>
                <span aria-hidden="true" />
                <span>{countryName(code)}</span>
                <span class="count">{n}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Who publishes the page, said fairly: its kind of source and country, in words and a symbol. */
function Publisher({ publisher }: { publisher: NonNullable<PageSummary['publisher']> }) {
  const { name, category, country } = publisher;
  return (
    <p class="publisher">
      {t('publisher', name)}
      {category !== 'other' && (
        <span class={`cat-${category}`} data-category={category}>
          {' · '}
          <span class="symbol" aria-hidden="true">
            {SYMBOL[category]}
          </span>{' '}
          {categoryLabel(category)}
          {country ? ` (${countryName(country)})` : ''}
        </span>
      )}
    </p>
  );
}

function Popup() {
  const [target, setTarget] = useState<Target | null | undefined>(undefined);
  const [summary, setSummary] = useState<PageSummary | null>(null);
  const [site, setSite] = useState<{ enabled: boolean; always: boolean } | null>(null);

  useEffect(() => {
    let stopped = false;
    void (async () => {
      const found = await findTarget();
      setTarget(found ?? null);
      if (!found?.origin) return;
      const state = await ask('site/get', { origin: found.origin });
      setSite(state);
      if (!state.enabled) return;
      let report = await ask('page/summary', { tabId: found.tabId });
      if (!report && !(await pageListens(found.tabId))) {
        // No content script in the tab: the click that opened this popup lets us run it now.
        await ask('tab/scan', { tabId: found.tabId });
      }
      // The scan reports when the text in view is marked; ask until it has.
      for (let i = 0; !report && !stopped && i < 40; i++) {
        await new Promise((r) => setTimeout(r, 250));
        report =
          (await ask('page/summary', { tabId: found.tabId })) ??
          (await tellPage(found.tabId, 'scan/status', {}));
      }
      if (!stopped) setSummary(report);
    })();
    return () => {
      stopped = true;
    };
  }, []);

  if (target === undefined) return <p class="status">{t('scanning')}</p>;
  if (!target?.origin)
    return (
      <>
        <p class="status">{t('notScannable')}</p>
        <OptionsButton />
      </>
    );
  const { tabId, origin } = target;

  const toggleSite = async (enabled: boolean) => {
    await ask('site/set', { origin, enabled });
    setSite((s) => (s ? { ...s, enabled } : s));
    if (enabled) {
      await ask('tab/scan', { tabId });
      await tellPage(tabId, 'scan/start', {});
    } else {
      await tellPage(tabId, 'scan/stop', {});
      setSummary(null);
    }
  };
  const always = async (origins: string[]) => {
    // The background registers the content script for what is granted (permissions.onAdded).
    const granted = await browser.permissions.request({ origins });
    if (granted) setSite((s) => (s ? { ...s, always: true } : s));
  };
  const openPanel = async () => {
    if (!(await tellPage(tabId, 'panel/toggle', { open: true }))) {
      await ask('tab/scan', { tabId });
      await tellPage(tabId, 'panel/toggle', { open: true });
    }
    window.close();
  };
  // Trainer mode: author a lesson on this page (the page side draws the authoring panel).
  const teach = async () => {
    if (!(await tellPage(tabId, 'trainer/start', { mode: 'author' }))) {
      await ask('tab/scan', { tabId });
      await tellPage(tabId, 'trainer/start', { mode: 'author' });
    }
    window.close();
  };

  return (
    <>
      {summary?.publisher && <Publisher publisher={summary.publisher} />}
      {site?.enabled === false ? null : summary ? (
        <Counts summary={summary} />
      ) : (
        <p class="status">{t('scanning')}</p>
      )}
      <div class="controls">
        <label class="switch">
          <input
            type="checkbox"
            name="site-enabled"
            checked={site?.enabled ?? true}
            disabled={!site}
            onChange={(e) => void toggleSite(e.currentTarget.checked)}
          />
          {t('siteToggle')}
        </label>
        {site?.always ? (
          <p class="status">{t('alwaysGranted')}</p>
        ) : (
          <div class="row">
            <button type="button" onClick={() => void always([`${origin}/*`])}>
              {t('alwaysSite')}
            </button>
            <button type="button" onClick={() => void always(['*://*/*'])}>
              {t('alwaysAll')}
            </button>
          </div>
        )}
        <div class="row">
          <button
            type="button"
            class="primary"
            onClick={() => void openPanel()}
            disabled={site?.enabled === false}
          >
            {t('openPanel')}
          </button>
          <OptionsButton />
        </div>
        <div class="row">
          <button type="button" class="teach" onClick={() => void teach()}>
            {browser.i18n.getMessage('lesson_author') || 'Author a lesson'}
          </button>
          <a class="lessons" href="../lessons/index.html" target="_blank" rel="noopener">
            {browser.i18n.getMessage('lesson_lessons') || 'Lessons'}
          </a>
        </div>
      </div>
    </>
  );
}

function OptionsButton() {
  return (
    <button
      type="button"
      onClick={() => {
        void browser.runtime.openOptionsPage().then(() => window.close());
      }}
    >
      {t('openOptions')}
    </button>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
document.title = browser.i18n.getMessage('extName') || document.title;
const app = document.getElementById('app');
if (app)
  render(
    <main>
      <h1>{t('title')}</h1>
      <Popup />
    </main>,
    app,
  );
