#!/usr/bin/env node
// `npm run package`: the store zips, from a fresh store build (never the test variants, which also grant the
// local fixture server):
//
//   extension/provenance-lens-chrome.zip    for the Chrome Web Store (extension/chrome/)
//   extension/provenance-lens-firefox.zip   for addons.mozilla.org (extension/firefox/)
//
// then Mozilla's linter over the Firefox build, offline; any error it reports fails the command.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'extension');
// Neither browser wants our build's bookkeeping inside the zip.
const ignoreFiles = ['**/.DS_Store', '**/*.map'];

function fail(message) {
  console.error(message);
  process.exit(1);
}

const built = spawnSync('node', [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) fail('The build failed: nothing was packaged.');

for (const target of ['chrome', 'firefox']) {
  const sourceDir = join(extension, target);
  if (!existsSync(join(sourceDir, 'manifest.json'))) fail(`${sourceDir} has no manifest.json.`);
  const filename = `provenance-lens-${target}.zip`;
  rmSync(join(extension, filename), { force: true });
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir, artifactsDir: extension, filename, overwriteDest: true, ignoreFiles },
    { shouldExitProgram: false, showReadyMessage: false },
  );
  console.log(`packaged ${extensionPath.slice(root.length + 1)}`);
}

// addons-linter, as AMO runs it on upload; it needs no network.
const lint = await webExt.cmd.lint(
  { sourceDir: join(extension, 'firefox'), output: 'text', boring: true, ignoreFiles },
  { shouldExitProgram: false },
);
const errors = lint?.errors ?? [];
const warnings = lint?.warnings ?? [];
if (errors.length) fail(`web-ext lint: ${errors.length} error(s) in extension/firefox.`);
console.log(`web-ext lint: no errors${warnings.length ? `, ${warnings.length} warning(s)` : ''}.`);
