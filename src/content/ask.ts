// The content script's side of the typed protocol (src/shared/messages.ts): it asks the background, which
// alone holds the database. A page-side script never opens IndexedDB: it would be the news site's.
import browser from '../shared/browser';
import type { BackgroundCalls, CallName, Message, Payload, Reply } from '../shared/messages';

export async function ask<K extends CallName>(type: K, payload: Payload<K>): Promise<Reply<K>> {
  const message: Message<K> = { type, payload };
  return (await browser.runtime.sendMessage(message)) as BackgroundCalls[K][1];
}

/** Like `ask`, but a missing or failing background gives `fallback` (the page keeps working without it). */
export async function tryAsk<K extends CallName>(
  type: K,
  payload: Payload<K>,
  fallback: Reply<K>,
): Promise<Reply<K>> {
  try {
    return (await ask(type, payload)) ?? fallback;
  } catch {
    return fallback;
  }
}
