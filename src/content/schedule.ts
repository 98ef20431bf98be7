// Work cut into short tasks: the page stays responsive (no task over 50 ms) however long the article.
// Every timer goes through here with the scan's AbortSignal, so switching off leaves nothing running.

/** A slice of work ends after this many milliseconds, well under the 50 ms of a long task. */
export const SLICE_MS = 8;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Gives the page the main thread back, then resumes (scheduler.yield where it exists). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** setTimeout cleared on abort. */
export function later(fn: () => void, ms: number, signal: AbortSignal): void {
  if (signal.aborted) return;
  const cancel = () => clearTimeout(id);
  const id = setTimeout(() => {
    signal.removeEventListener('abort', cancel);
    fn();
  }, ms);
  signal.addEventListener('abort', cancel, { once: true });
}

/** When the page is idle (or after `timeout` ms at the latest), cleared on abort. */
export function whenIdle(fn: () => void, timeout: number, signal: AbortSignal): void {
  if (signal.aborted) return;
  const ric = (globalThis as { requestIdleCallback?: typeof requestIdleCallback }).requestIdleCallback;
  if (ric) {
    const cancel = () => cancelIdleCallback(id);
    const id = ric(
      () => {
        signal.removeEventListener('abort', cancel);
        fn();
      },
      { timeout },
    );
    signal.addEventListener('abort', cancel, { once: true });
  } else later(fn, Math.min(timeout, 50), signal);
}

/** performance.now() with a fallback for environments without it. */
export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
