// Trainer mode's entry on the page: `startTrainer` mounts the trainer in its own shadow root and returns
// how to stop it. The content script calls it lazily when asked (message `trainer/start`); the bundled demo
// pages call it directly. Lessons are loaded and saved through the background, never from IndexedDB here.
import { h } from 'preact';
import { analyze } from '../../core/index';
import type { Lesson } from '../../core/lesson';
import type { Report } from '../../core/types';
import type { ProvenanceNoteView, TrainerMode } from '../../shared/messages';
import { mountInShadow } from '../overlay/host';
import { tryAsk } from '../ask';
import { Trainer, type TrainerProps } from './App';
import { pageModel } from './page';
import css from './trainer.css?inline';

export interface TrainerContext {
  mode: TrainerMode;
  /** A saved lesson to load through the background. */
  lessonId?: string;
  /** A lesson given directly (the demo pages carry theirs). */
  lesson?: Lesson;
  doc?: Document;
  /** Read this element's text only (the demo page's article). */
  root?: Element;
  /** The engine's findings when the caller already has them; otherwise the trainer runs the engine. */
  report?: Report;
  /** Hides the overlay's marks during a quiz. */
  setFlagsHidden?(hidden: boolean): void;
  canAuthor?: boolean;
  /** Ends the trainer when aborted. */
  signal?: AbortSignal;
  onExit?(): void;
}

export interface TrainerHandle {
  stop(): void;
}

let running: TrainerHandle | undefined;

export async function startTrainer(ctx: TrainerContext): Promise<TrainerHandle> {
  running?.stop();
  const doc = ctx.doc ?? document;
  const controller = new AbortController();
  ctx.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const page = pageModel(doc, controller.signal, ctx.root);
  const lesson =
    ctx.lesson ??
    (ctx.lessonId ? ((await tryAsk('lesson/get', { id: ctx.lessonId }, null)) ?? undefined) : undefined);
  const report = ctx.report ?? analyze(page.text(), { url: page.url });
  const handle: TrainerHandle = {
    stop: () => {
      controller.abort();
      if (running === handle) running = undefined;
    },
  };
  const mount = mountInShadow(doc, css, controller.signal);
  mount.host.setAttribute('data-provenance-lens-trainer', ctx.mode);
  const noteCache = new Map<string, Promise<ProvenanceNoteView | null>>();
  const props: TrainerProps = {
    page,
    mode: ctx.mode,
    report,
    save: (l) =>
      tryAsk(
        'lesson/save',
        { lesson: l },
        { ok: false, error: { path: '(lesson)', message: 'no background' } },
      ),
    note: (entityId) => {
      let cached = noteCache.get(entityId);
      if (!cached) noteCache.set(entityId, (cached = tryAsk('note/get', { entityId }, null)));
      return cached;
    },
    onExit: () => {
      handle.stop();
      ctx.onExit?.();
    },
  };
  if (lesson) props.lesson = lesson;
  else if (ctx.mode === 'author' && ctx.canAuthor !== false) {
    props.pageLessons = await tryAsk('lesson/forPage', { url: page.url }, []);
  }
  if (ctx.setFlagsHidden) props.setFlagsHidden = ctx.setFlagsHidden;
  if (ctx.canAuthor !== undefined) props.canAuthor = ctx.canAuthor;
  mount.update(h(Trainer, props));
  running = handle;
  return handle;
}
