import { useState } from 'preact/hooks';
import {
  MAX_PACK_CHARS,
  exportPack,
  exportWebAnnotations,
  importPack,
  type ImportResult,
  type ProvenanceDb,
} from '../../store';
import { t } from './i18n';
import { Problem, download, useAction } from './util';

const stamp = () => new Date().toISOString().slice(0, 10);

export function Packs({ db }: { db: ProvenanceDb }) {
  const action = useAction();
  const [result, setResult] = useState<ImportResult | undefined>();
  return (
    <section class="packs" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('packs_title')}</h2>
      <p>{t('packs_intro')}</p>
      <div class="pack-actions">
        <button
          type="button"
          onClick={() =>
            action.run(async () => {
              const pack = await exportPack(db);
              download(`provenance-lens-${stamp()}.json`, JSON.stringify(pack, null, 2));
            })
          }
        >
          {t('export_pack')}
        </button>
        <button
          type="button"
          onClick={() =>
            action.run(async () => {
              const collection = await exportWebAnnotations(db);
              download(
                `provenance-lens-annotations-${stamp()}.jsonld`,
                JSON.stringify(collection, null, 2),
                'application/ld+json',
              );
            })
          }
        >
          {t('export_annotations')}
        </button>
      </div>
      <h3>{t('import_title')}</h3>
      <label for="import-file">{t('import_label')}</label>
      <input
        id="import-file"
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          setResult(undefined);
          void action.run(async () => {
            if (file.size > MAX_PACK_CHARS * 2) throw new Error(t('import_too_big'));
            setResult(await importPack(db, await file.text()));
            input.value = '';
          });
        }}
      />
      {result && (
        <p role="status" class="ok">
          {t(
            'import_done',
            result.notes.added,
            result.annotations.added,
            result.customSources.added + result.customSources.updated,
            result.edits.added + result.edits.updated,
          )}
        </p>
      )}
      <Problem error={action.error} />
    </section>
  );
}
