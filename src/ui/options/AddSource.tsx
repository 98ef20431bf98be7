import { useState } from 'preact/hooks';
import { parseAddress } from '../../core/domains';
import { SOURCE_CATEGORIES, type SourceCategory } from '../../core/types';
import { addCustomSource, type ProvenanceDb } from '../../store';
import { t } from './i18n';
import { Problem, useAction } from './util';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A source the knowledge base lacks, added by the user: it is theirs, shown and exported as such. */
export function AddSource({ db, onAdded }: { db: ProvenanceDb; onAdded: (id: string) => void }) {
  const [name, setName] = useState('');
  const [category, setCategory] = useState<SourceCategory>('media');
  const [country, setCountry] = useState('');
  const [domains, setDomains] = useState('');
  const [description, setDescription] = useState('');
  const action = useAction();
  return (
    <details class="add-source">
      <summary>{t('add_source')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const bad = list(domains).filter((d) => !parseAddress(d));
            if (bad.length) throw new Error(t('bad_domains', bad.join(', ')));
            if (country && !/^[A-Za-z]{2}$/.test(country)) throw new Error(t('bad_country'));
            const row = await addCustomSource(db, {
              name,
              category,
              domains: list(domains),
              ...(country ? { country } : {}),
              ...(description.trim() ? { description: description.trim() } : {}),
            });
            setName('');
            setDomains('');
            setDescription('');
            setCountry('');
            onAdded(row.id);
          });
        }}
      >
        <label>
          {t('source_name')}
          <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('filter_category')}
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value as SourceCategory)}>
            {SOURCE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category_${c.replace('-', '_')}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('source_country')}
          <input value={country} maxLength={2} onInput={(e) => setCountry(e.currentTarget.value)} />
        </label>
        <label>
          {t('source_domains')}
          <input value={domains} onInput={(e) => setDomains(e.currentTarget.value)} />
        </label>
        <label>
          {t('field_description')}
          <textarea value={description} rows={2} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('add_source_button')}</button>
        <Problem error={action.error} />
      </form>
    </details>
  );
}
