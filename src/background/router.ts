// One handler per call of src/shared/messages.ts, checked against its table: a missing or misspelt handler
// is a type error. The router answers only messages it knows and leaves the rest to other listeners.
import type { Runtime } from '../shared/browser';
import type { BackgroundCalls, CallName, Message, Payload, Reply } from '../shared/messages';
import { addNote, getNoteView, isSiteEnabled, setSiteEnabled } from '../store';
import { database } from './database';
import { lessonHandlers } from './lessons';
import { isAlwaysScanned } from './sites';
import { rememberReport, reportFor, scanTab } from './tabs';

export type Handlers = {
  [K in CallName]: (payload: Payload<K>, sender: Runtime.MessageSender) => Promise<Reply<K>>;
};

export const handlers: Handlers = {
  'note/get': async ({ entityId }) => getNoteView(await database(), entityId),
  'note/add': async (note) => addNote(await database(), note),
  'site/get': async ({ origin }) => ({
    enabled: await isSiteEnabled(await database(), origin),
    always: await isAlwaysScanned(origin),
  }),
  'site/set': async ({ origin, enabled }) => {
    await setSiteEnabled(await database(), origin, enabled);
    return { ok: true };
  },
  'page/summary': async ({ tabId }) => reportFor(tabId),
  'page/report': async (summary, sender) => {
    if (sender.tab?.id !== undefined) await rememberReport(sender.tab.id, summary);
    return { ok: true };
  },
  'tab/scan': async ({ tabId }) => ({ ok: await scanTab(tabId) }),
  // The loader asks for the content script in its own frame; a site the reader switched off gets none.
  'page/inject': async ({ origin }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !(await isSiteEnabled(await database(), origin))) return { injected: false };
    return { injected: await scanTab(tabId, sender.frameId ?? 0) };
  },
  ...lessonHandlers(database),
};

function isCall(message: unknown): message is Message {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(handlers, type);
}

/** The runtime.onMessage listener: a promise for our calls, undefined for anything else. */
export function route(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (!isCall(message)) return undefined;
  const handle = handlers[message.type] as (p: unknown, s: Runtime.MessageSender) => Promise<unknown>;
  return handle(message.payload, sender);
}

export type { BackgroundCalls };
