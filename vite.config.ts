// The extension is built in four passes (scripts/build.mjs picks one with `--mode`):
//   pages       every src/ui/<page>/index.html, as ES modules sharing chunks
//   background  the service worker, one ES module with no dynamic import() (MV3 workers cannot import())
//   content     the content script, one classic IIFE file: content scripts are not modules
//   loader      the script registered on granted sites, a tiny classic IIFE that asks the background to
//               inject content.js once the page has loaded (src/content/loader.ts)
// Shadow-root CSS comes in as a string through `?inline`, so no pass emits a stylesheet the page could see.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const src = resolve(import.meta.dirname, 'src');
const outDir = resolve(import.meta.dirname, process.env.PROVENANCE_LENS_OUT ?? 'extension/.build');

/** Every extension page: src/ui/<name>/index.html. */
export function pageEntries(): Record<string, string> {
  const ui = join(src, 'ui');
  const entries: Record<string, string> = {};
  for (const name of readdirSync(ui).sort()) {
    const html = join(ui, name, 'index.html');
    if (existsSync(html)) entries[name] = html;
  }
  return entries;
}

/**
 * JSON imports (the lexicons, the knowledge base) as `JSON.parse("...")` rather than object literals: a string
 * is scanned, not parsed, when the script is compiled, and JSON.parse reads it faster than the JavaScript
 * parser would. On the bench page this cut content.js's evaluation task from some 52 ms to 36 ms (its
 * compiling from 34 ms to 19 ms). The same values: every JSON import here is a default import.
 */
const jsonAsParse: Plugin = {
  name: 'provenance-lens:json-as-parse',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.json')) return null;
    const json = JSON.stringify(JSON.parse(readFileSync(id, 'utf8')));
    return { code: `export default JSON.parse(${JSON.stringify(json)});`, moduleType: 'js' };
  },
};

// The timing report is noise in a three-pass build on a small machine.
const checks = { pluginTimings: false };

const shared: UserConfig = {
  root: src,
  publicDir: false,
  logLevel: 'warn',
  plugins: [preact()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    // Everything is bundled: no request leaves the extension, so no inlining to data: URLs is needed.
    assetsInlineLimit: 0,
    modulePreload: false,
    reportCompressedSize: false,
    // The knowledge base is bundled on purpose (no request ever leaves the extension): big chunks are expected.
    chunkSizeWarningLimit: 4096,
  },
};

/** One script built alone as a library: the background (an ES module), the content script and its loader
 * (IIFEs with a global name, as content scripts must be). */
function library(options: {
  entry: string;
  fileName: string;
  iife?: string;
  plugins?: UserConfig['plugins'];
}): UserConfig {
  return {
    ...shared,
    plugins: options.plugins ?? shared.plugins ?? [],
    build: {
      ...shared.build,
      lib: {
        entry: join(src, options.entry),
        formats: [options.iife ? 'iife' : 'es'],
        ...(options.iife ? { name: options.iife } : {}),
        fileName: () => options.fileName,
      },
      rolldownOptions: { checks, output: { codeSplitting: false } },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'background') return library({ entry: 'background/main.ts', fileName: 'background.js' });
  if (mode === 'content')
    return library({
      entry: 'content/main.ts',
      fileName: 'content.js',
      iife: 'provenanceLens',
      plugins: [jsonAsParse, ...(shared.plugins ?? [])],
    });
  if (mode === 'loader')
    return library({
      entry: 'content/loader.ts',
      fileName: 'loader.js',
      iife: 'provenanceLensLoader',
      plugins: [],
    });
  return {
    ...shared,
    build: {
      ...shared.build,
      rolldownOptions: {
        checks,
        input: pageEntries(),
        output: {
          entryFileNames: 'assets/[name]-[hash].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
});
