#!/usr/bin/env node
// Builds the extension: extension/chrome/ and extension/firefox/ from one source and one manifest.
//
//   node scripts/build.mjs                 the store builds
//   node scripts/build.mjs --test-variant  also extension/test-chrome/ and extension/test-firefox/, whose
//                                          manifest also grants http://127.0.0.1/* and registers the
//                                          loader there (which brings in the content script after the
//                                          page's load), so browser tests and the demo need no toolbar click
//
// Vite runs in four passes (see vite.config.ts): the pages, the service worker, the loader, the content
// script.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'extension');
// Each build stages in its own folder and swaps each output in whole, so a browser test reading
// extension/test-chrome while another build runs never sees it half written.
const staging = join(extension, `.build-${process.pid}`);
const testVariant = process.argv.includes('--test-variant');

/** Host the test builds may scan without a click: the local fixture server, nothing else. */
export const TEST_HOST = 'http://127.0.0.1/*';

async function runVite() {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  process.env.PROVENANCE_LENS_OUT = staging;
  const configFile = join(root, 'vite.config.ts');
  const quiet = { configFile, logLevel: 'warn' };
  await build({ ...quiet, mode: 'pages' });
  await build({ ...quiet, mode: 'background' });
  await build({ ...quiet, mode: 'loader' });
  if (existsSync(join(root, 'src', 'content', 'main.ts'))) await build({ ...quiet, mode: 'content' });
  else {
    // The content script is not written yet: ship an inert one so the manifest stays valid.
    console.warn('src/content/main.ts is missing: content.js is an empty placeholder.');
    writeFileSync(join(staging, 'content.js'), '/* content script not built */\n');
  }
  cpSync(join(root, 'src', '_locales'), join(staging, '_locales'), { recursive: true });
  cpSync(join(root, 'src', 'icons'), join(staging, 'icons'), {
    recursive: true,
    filter: (p) => !p.endsWith('.svg'),
  });
}

/** The store manifest: the source one, less a page that is not written yet (the options page comes with the store). */
function storeManifest() {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  if (manifest.options_ui && !existsSync(join(staging, manifest.options_ui.page))) {
    console.warn(`${manifest.options_ui.page} was not built: this build has no options page.`);
    delete manifest.options_ui;
  }
  if (!existsSync(join(staging, manifest.action.default_popup)))
    throw new Error(`manifest.json names ${manifest.action.default_popup}, which was not built`);
  const broad = (manifest.host_permissions ?? []).filter((p) => p.includes('*://') || p === '<all_urls>');
  if (broad.length) throw new Error(`manifest.json asks for broad host permissions at install: ${broad}`);
  return manifest;
}

/**
 * The test manifest: the store one, plus the fixture server's host and a content script entry for it, the
 * loader, as the store build registers it for a granted site (src/background/sites.ts).
 */
export function testManifest(manifest) {
  return {
    ...manifest,
    host_permissions: [...(manifest.host_permissions ?? []), TEST_HOST],
    content_scripts: [
      ...(manifest.content_scripts ?? []),
      { matches: [TEST_HOST], js: ['loader.js'], run_at: 'document_start' },
    ],
  };
}

function emit(name, manifest) {
  const dir = join(extension, name);
  const fresh = `${dir}.new-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  cpSync(staging, fresh, { recursive: true });
  writeFileSync(join(fresh, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(fresh, dir);
  rmSync(old, { recursive: true, force: true });
  return dir;
}

try {
  await runVite();
  const manifest = storeManifest();
  const outputs = [emit('chrome', manifest), emit('firefox', manifest)];
  if (testVariant)
    outputs.push(emit('test-chrome', testManifest(manifest)), emit('test-firefox', testManifest(manifest)));
  for (const dir of outputs) console.log(`built ${dir.slice(root.length + 1)}/`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
