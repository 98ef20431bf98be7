// The one module that imports the browser API. Everything else takes `browser` from here, so unit tests
// can mock this file (webextension-polyfill throws when imported under Node).
import browser from 'webextension-polyfill';

export default browser;
export type { Browser, Runtime, Tabs } from 'webextension-polyfill';
