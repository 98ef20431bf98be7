// Where Debian's browsers live. The tests use the system packages (`apt-get install chromium firefox-esr`);
// no test tool downloads a browser of its own.
import { existsSync } from 'node:fs';

const first = (paths) => paths.find((p) => p && existsSync(p));

/** Debian's Chromium; /usr/lib/chromium/chromium skips the wrapper script's warning. */
export const findChromium = () =>
  first([process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']);

export const findFirefox = () =>
  first([
    process.env.FIREFOX_PATH,
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
  ]);
