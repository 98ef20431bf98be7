// Dexie's liveQuery as a Preact hook: the component re-renders whenever the rows its query read change,
// whoever changed them (this page, the background, another tab).
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLive<T>(
  query: () => Promise<T>,
  deps: unknown[],
): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({
    value: undefined,
    error: undefined,
  });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) => setState({ value: undefined, error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
