// The script registered on the pages scanned without a click (the sites the reader granted; the test build's
// fixture host): a few hundred bytes, built alone as loader.js. It waits for the page's load, plus one task
// so it runs after the page's own load handlers, then asks the background for the content script
// ('page/inject'): the background injects content.js into this frame if the site is on. So nothing of the
// content script (the engine, the knowledge base, the overlay) is parsed before the page has loaded.
//
// No polyfill here: Chromium and Firefox both give content scripts a promise-based `browser`; `chrome` is
// the fallback for a Chromium without it.
import type { Message } from '../shared/messages';

interface Runtime {
  runtime: { sendMessage(message: Message<'page/inject'>): Promise<unknown> };
}

function inject(): void {
  const scope = globalThis as { browser?: Runtime; chrome?: Runtime };
  const api = scope.browser ?? scope.chrome;
  const message: Message<'page/inject'> = { type: 'page/inject', payload: { origin: location.origin } };
  // A background that is gone (the extension updated or switched off) leaves the page as it is.
  api?.runtime.sendMessage(message).catch(() => undefined);
}

// Only HTML pages have prose to read (not SVG, XML or plain-text views).
if (/html/.test(document.contentType || 'text/html') && document.body) {
  const later = () => setTimeout(inject, 0);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}
