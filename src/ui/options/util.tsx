import { useState } from 'preact/hooks';
import { t } from './i18n';

const EXPLAINED = ['quota', 'newer-version', 'upgrade-failed', 'invalid-pack', 'not-found'];

/** The words for a failure: the store's reasons in the user's language, anything else as it came. */
export function describeError(error: unknown): string {
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (typeof reason === 'string' && EXPLAINED.includes(reason))
    return t(`error_${reason.replace(/-/g, '_')}`);
  return error instanceof Error ? error.message : String(error);
}

/** Runs a store action and keeps its error for display; StoreError messages are written for the user. */
export function useAction() {
  const [error, setError] = useState<unknown>();
  return {
    error,
    run: async (work: () => Promise<unknown>) => {
      setError(undefined);
      try {
        await work();
      } catch (e) {
        setError(e);
      }
    },
  };
}

export function Problem({ error }: { error: unknown }) {
  if (error === undefined) return null;
  const details = (error as { details?: unknown }).details;
  return (
    <div class="problem" role="alert">
      <p>{describeError(error)}</p>
      {Array.isArray(details) && details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>{String(d)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Offers data as a file download, without any network request. */
export function download(name: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
