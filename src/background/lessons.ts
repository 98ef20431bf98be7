// The background's answers to the lesson messages (src/shared/messages.ts): it alone opens the database,
// so the trainer on a page and the lessons page both come through here.
import browser from '../shared/browser';
import type { BackgroundCalls, CallName, Payload, Reply, TrainerMode } from '../shared/messages';
import type { ProvenanceDb } from '../store/db';
import {
  deleteLesson,
  exportLessonPack,
  getLesson,
  importLessonPacks,
  lessonsForPage,
  listLessons,
  saveLesson,
} from '../store/lessons';

type LessonCall = Extract<CallName, `lesson/${string}`>;
export type LessonHandlers = {
  [K in LessonCall]: (payload: Payload<K>) => Promise<Reply<K>>;
};

/** The handlers, over a database the caller opens once (`db` is awaited on every call). */
export function lessonHandlers(db: () => Promise<ProvenanceDb>): LessonHandlers {
  return {
    'lesson/list': async () => listLessons(await db()),
    'lesson/get': async ({ id }) => (await getLesson(await db(), id)) ?? null,
    'lesson/forPage': async ({ url }) => lessonsForPage(await db(), url),
    'lesson/save': async ({ lesson }) => saveLesson(await db(), lesson),
    'lesson/delete': async ({ id }) => {
      await deleteLesson(await db(), id);
      return { ok: true };
    },
    'lesson/export': async ({ id }) => (await exportLessonPack(await db(), id)) ?? null,
    'lesson/import': async ({ json }) => importLessonPacks(await db(), json),
    'lesson/open': async ({ url, mode, lessonId }) => openTrainer(url, mode, lessonId),
  };
}

/** Whether a message is one of ours, for a router that dispatches by name. */
export function isLessonCall(type: string): type is LessonCall {
  return type.startsWith('lesson/');
}

function waitForLoad(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') {
        browser.tabs.onUpdated.removeListener(done);
        resolve();
      }
    };
    browser.tabs.onUpdated.addListener(done);
    // Already loaded before the listener was in place.
    void browser.tabs.get(tabId).then((tab) => {
      if (tab.status === 'complete') done(tabId, { status: 'complete' });
    });
  });
}

async function startInTab(tabId: number, mode: TrainerMode, lessonId?: string): Promise<boolean> {
  const message = { type: 'trainer/start' as const, payload: lessonId ? { mode, lessonId } : { mode } };
  try {
    await browser.tabs.sendMessage(tabId, message);
    return true;
  } catch {
    // No content script in the tab yet: inject it (the host permission was asked for by the page that
    // sent this), then ask again.
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
      await browser.tabs.sendMessage(tabId, message);
      return true;
    } catch {
      return false;
    }
  }
}

/** Finds the article's tab (or opens it) and starts the trainer in it. */
async function openTrainer(
  url: string,
  mode: TrainerMode,
  lessonId?: string,
): Promise<{ ok: boolean; tabId?: number }> {
  const extensionPage = url.startsWith(browser.runtime.getURL(''));
  if (!/^https?:/.test(url) && !extensionPage) return { ok: false };
  const bare = url.split('#')[0];
  const tabs = await browser.tabs.query({});
  let tab = tabs.find((t) => t.url?.split('#')[0] === bare);
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
  } else {
    tab = await browser.tabs.create({ url });
  }
  const tabId = tab.id;
  if (tabId === undefined) return { ok: false };
  await waitForLoad(tabId);
  // The bundled demo pages run the trainer themselves (no content script on extension pages).
  if (extensionPage) return { ok: true, tabId };
  return { ok: await startInTab(tabId, mode, lessonId), tabId };
}

export type { BackgroundCalls };
