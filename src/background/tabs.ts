// Tabs: the figures each tab's content script reported (for the popup and the toolbar badge), and the
// content script run in a tab the reader pointed at (toolbar or shortcut: both grant activeTab).
import browser from '../shared/browser';
import type { PageSummary } from '../shared/messages';

// Session storage outlives the service worker's short lives but not the browser session: a tab's figures
// are worth nothing once the tab is gone. The worker's memory is the fallback where it is missing.
const key = (tabId: number) => `report:${tabId}`;
const memory = new Map<number, PageSummary>();
const sessionArea = () => browser.storage?.session;

export async function rememberReport(tabId: number, summary: PageSummary): Promise<void> {
  memory.set(tabId, summary);
  await sessionArea()?.set({ [key(tabId)]: summary });
  const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  try {
    await browser.action.setBadgeText({ tabId, text: total ? String(total) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#1f4e79' });
  } catch {
    // The tab closed in the meantime: nothing to show.
  }
}

export async function reportFor(tabId: number): Promise<PageSummary | null> {
  const known = memory.get(tabId);
  if (known) return known;
  const stored = await sessionArea()?.get(key(tabId));
  return (stored?.[key(tabId)] as PageSummary | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await sessionArea()?.remove(key(tabId));
}

/**
 * Runs the content script in a tab (it starts a scan, or restarts one if it is already there), or in one
 * frame of it: the frame whose loader (src/content/loader.ts) asked once the page had loaded.
 */
export async function scanTab(tabId: number, frameId?: number): Promise<boolean> {
  const target = frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] };
  try {
    await browser.scripting.executeScript({ target, files: ['content.js'] });
    return true;
  } catch {
    // Pages no extension may read (the browser's own, the stores), or a tab or frame gone meanwhile.
    return false;
  }
}
