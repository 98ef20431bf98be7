// The content script's entry (built as one IIFE). Injected by a toolbar click (activeTab) or registered
// for the sites the reader chose; it may be injected again into a page that already has it, so the first
// copy owns the page and later ones only ask it to scan.
import browser from '../shared/browser';
import type { PageCallName, PageCalls, PageMessage } from '../shared/messages';
import { tryAsk } from './ask';
import { startSession, type Session } from './session';
import { startTrainer } from './trainer/index';

const OWNER = Symbol.for('provenance-lens.content');

interface Controller {
  start(): void;
  stop(): void;
}

function benchRequested(doc: Document): boolean {
  return (
    doc.location?.search.includes('provenance-lens-bench') === true ||
    doc.documentElement.hasAttribute('data-provenance-lens-bench')
  );
}

function createController(doc: Document): Controller & { session(): Session | null } {
  let controller: AbortController | null = null;
  let session: Session | null = null;
  return {
    session: () => session,
    start() {
      if (!isHtmlPage(doc)) return;
      if (controller) return void session?.scanner.rescan();
      controller = new AbortController();
      session = startSession(doc, controller.signal, { bench: benchRequested(doc), lazy: true });
      // Watching starts first: text the page adds while the first scan runs is queued, not missed.
      session.scanner.watch();
      void session.scanner.rescan();
    },
    stop() {
      controller?.abort();
      controller = null;
      session = null;
    },
  };
}

/** Only HTML pages have prose to read (not SVG, XML or plain-text views). */
function isHtmlPage(doc: Document): boolean {
  return /html/.test(doc.contentType || 'text/html') && !!doc.body;
}

async function boot(): Promise<void> {
  const scope = globalThis as unknown as Record<symbol, Controller | undefined>;
  const existing = scope[OWNER];
  if (existing) {
    existing.start();
    return;
  }
  const doc = document;
  const ctl = createController(doc);
  scope[OWNER] = ctl;

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = raw as PageMessage | undefined;
    if (!message || typeof message.type !== 'string') return undefined;
    const reply = (type: PageCallName): Promise<PageCalls[typeof type][1]> | undefined => {
      switch (type) {
        case 'scan/start':
          ctl.start();
          return Promise.resolve({ ok: true as const });
        case 'scan/stop':
          ctl.stop();
          return Promise.resolve({ ok: true as const });
        case 'panel/toggle': {
          if (!ctl.session()) ctl.start();
          const open = (message as PageMessage<'panel/toggle'>).payload?.open;
          ctl.session()?.actions.togglePanel(open);
          return Promise.resolve({ ok: true as const });
        }
        case 'scan/status':
          return Promise.resolve(ctl.session()?.summary() ?? null);
        case 'trainer/start': {
          // Trainer mode; during a quiz the overlay's marks are taken off (they would give the answers).
          const { mode, lessonId } = (message as PageMessage<'trainer/start'>).payload;
          let resume = false; // the marks come back after the quiz only if they were there before it
          void startTrainer({
            mode,
            ...(lessonId ? { lessonId } : {}),
            setFlagsHidden: (hidden) => {
              if (hidden) {
                resume = ctl.session() !== null;
                ctl.stop();
              } else if (resume) ctl.start();
            },
          });
          return Promise.resolve({ ok: true as const });
        }
        default:
          return undefined; // not ours: another listener may answer
      }
    };
    return reply(message.type);
  });

  // Scan unless the reader switched this site off (a toolbar click asks again with scan/start).
  const origin = doc.location?.origin ?? '';
  const site = await tryAsk('site/get', { origin }, { enabled: true, always: false });
  if (!site.enabled) return;
  // After the page's own load: the scan never delays it, and reads the page as the reader gets it. A task
  // of its own after the load event, or its first steps would run inside the page's load handlers.
  if (doc.readyState !== 'complete') {
    await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  ctl.start();
}

void boot();
