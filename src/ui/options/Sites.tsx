import browser from '../../shared/browser';
import { setSiteEnabled, type ProvenanceDb } from '../../store';
import { t } from './i18n';
import { useLive } from './live';
import { Problem, useAction } from './util';
import { useEffect, useState } from 'preact/hooks';

const ALL_SITES = ['*://*/*', '<all_urls>', 'http://*/*', 'https://*/*'];

/** The host permissions the user granted ("always scan this site", "scan all sites"), each revocable. */
function useGrantedOrigins(): [string[] | undefined, () => void] {
  const [origins, setOrigins] = useState<string[]>();
  const refresh = () => {
    void browser.permissions.getAll().then((all) => {
      // Hosts the manifest itself requires cannot be revoked: list only what the user granted.
      const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
      setOrigins((all.origins ?? []).filter((o) => !required.has(o)).sort());
    });
  };
  useEffect(() => {
    refresh();
    const onChange = () => refresh();
    browser.permissions.onAdded?.addListener(onChange);
    browser.permissions.onRemoved?.addListener(onChange);
    return () => {
      browser.permissions.onAdded?.removeListener(onChange);
      browser.permissions.onRemoved?.removeListener(onChange);
    };
  }, []);
  return [origins, refresh];
}

export function Sites({ db }: { db: ProvenanceDb }) {
  const [origins, refresh] = useGrantedOrigins();
  const switchedOff = useLive(
    () => db.settings.filter((s) => s.key.startsWith('site:') && s.value === false).toArray(),
    [db],
  );
  const action = useAction();
  return (
    <section class="sites" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sites_title')}</h2>
      <p>{t('sites_intro')}</p>
      <h3>{t('sites_granted')}</h3>
      {origins && origins.length === 0 && <p class="hint">{t('sites_none')}</p>}
      <ul class="site-list">
        {(origins ?? []).map((o) => (
          <li key={o}>
            <span>{ALL_SITES.includes(o) ? t('sites_all') : o}</span>{' '}
            <button
              type="button"
              onClick={() =>
                action.run(async () => {
                  await browser.permissions.remove({ origins: [o] });
                  refresh();
                })
              }
            >
              {t('sites_revoke')}
            </button>
          </li>
        ))}
      </ul>
      <h3>{t('sites_off')}</h3>
      {switchedOff.value && switchedOff.value.length === 0 && <p class="hint">{t('sites_off_none')}</p>}
      <ul class="site-list">
        {(switchedOff.value ?? []).map((s) => {
          const origin = s.key.slice('site:'.length);
          return (
            <li key={s.key}>
              <span>{origin}</span>{' '}
              <button type="button" onClick={() => action.run(() => setSiteEnabled(db, origin, true))}>
                {t('sites_turn_on')}
              </button>
            </li>
          );
        })}
      </ul>
      <Problem error={action.error} />
    </section>
  );
}
