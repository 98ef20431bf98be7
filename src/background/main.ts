// The service worker. Listeners are registered at the top level, synchronously: a worker woken by an event
// must find its listener in place on its first run.
import browser from '../shared/browser';
import { database } from './database';
import { route } from './router';
import { syncRegisteredScripts } from './sites';
import { forgetTab, scanTab } from './tabs';

const warn = (error: unknown) => console.warn('Provenance Lens:', error);
const resync = () => void syncRegisteredScripts().catch(warn);

browser.runtime.onInstalled.addListener(() => {
  // Seed on install, merge the new seed on update (database() seeds before its first use anyway).
  void database().catch(warn);
  resync();
});
browser.runtime.onStartup.addListener(resync);
browser.permissions.onAdded.addListener(resync);
browser.permissions.onRemoved.addListener(resync);

browser.runtime.onMessage.addListener((message: unknown, sender: Parameters<typeof route>[1]) =>
  route(message, sender),
);

// The keyboard shortcut grants activeTab on the current tab, like a toolbar click.
browser.commands.onCommand.addListener((command, tab) => {
  if (command !== 'scan-page') return;
  if (tab?.id !== undefined) void scanTab(tab.id);
  else
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => {
      if (active?.id !== undefined) void scanTab(active.id);
    });
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(warn));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document is loading in the tab: the old figures no longer describe it.
  if (change.status === 'loading') void forgetTab(tabId).catch(warn);
});
