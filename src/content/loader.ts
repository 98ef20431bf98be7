// The script registered on the pages scanned without a click (the sites the reader granted; the test build's
// fixture host): a few hundred bytes, built alone as loader.js. It waits for the page's load, plus one task
// so it runs after the page's own load handlers, then asks the background for the content script
// ('page/inject'): the background injects content.js into this frame if the site is on. So nothing of the
// content script (the engine, the knowledge base, the overlay) is parsed before the page has loaded.
//
// It runs at document_start: on the bench page (scripts/bench-page.mjs), even an empty script at
// document_idle or document_end put Chromium's load event some 130 ms after DOMContentLoaded instead of
// 10 to 20 ms, while a script this small at document_start costs the load nothing measurable.
//
// No polyfill here: Chromium and Firefox both give content scripts a promise-based `browser`; `chrome` is
// the fallback for a Chromium without it.
import type { Message } from '../shared/messages';

interface Runtime {
  runtime: { sendMessage(message: Message<'page/inject'>): Promise<unknown> };
}

function inject(): void {
  // Only HTML pages with a body have prose to read (not SVG, XML or plain-text views).
  if (!document.body) return;
  const scope = globalThis as { browser?: Runtime; chrome?: Runtime };
  const api = scope.browser ?? scope.chrome;
  const message: Message<'page/inject'> = { type: 'page/inject', payload: { origin: location.origin } };
  // A background that is gone (the extension updated or switched off) leaves the page as it is.
  api?.runtime.sendMessage(message).catch(() => undefined);
}

if (/html/.test(document.contentType || 'text/html')) {
  const later = () => setTimeout(inject, 0);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}
