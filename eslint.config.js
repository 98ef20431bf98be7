// One linter for the whole tree. The zones keep the layers honest: the pure core imports nothing but itself
// and seeds/ data, the IndexedDB store (src/store) is reached only from the extension's own origin, page-side code never reaches into the background or the UI, and only src/shared talks
// to the browser API.
import tseslint from 'typescript-eslint';

const layers = ['core', 'dom', 'cli', 'content', 'background', 'ui', 'shared', 'store'];
const forbid = (dir, banned, extra = []) => ({
  files: [`src/${dir}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...banned.map((layer) => ({
            group: [`**/${layer}/**`, `**/${layer}`],
            message: `src/${dir} may not import src/${layer}.`,
          })),
          ...extra.map(([group, message]) => ({ group, message })),
        ],
      },
    ],
  },
});
const browserApi = [['webextension-polyfill'], 'Only src/shared/browser.ts imports the browser API.'];
const idb = [['dexie'], 'IndexedDB belongs to the background and the extension pages, never the page.'];

export default tseslint.config(
  { ignores: ['node_modules/', 'extension/', 'dist/', 'test-results/', '.bench/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page text is never HTML: render it as text.' },
        { property: 'outerHTML', message: 'Page text is never HTML: render it as text.' },
      ],
    },
  },
  forbid(
    'core',
    layers.filter((l) => l !== 'core'),
    [[['node:*', 'preact', 'preact/*'], 'src/core is pure: no Node, no DOM framework.'], browserApi, idb],
  ),
  forbid('cli', ['content', 'background', 'ui', 'shared', 'store'], [browserApi]),
  forbid(
    'dom',
    ['cli', 'content', 'background', 'ui', 'shared', 'store'],
    [[['node:*'], 'src/dom runs in the page too.'], browserApi, idb],
  ),
  forbid(
    'content',
    ['background', 'ui', 'cli', 'store'],
    [[['node:*'], 'Page code has no Node.'], browserApi, idb],
  ),
  forbid('background', ['content', 'ui', 'cli'], [browserApi]),
  forbid('store', ['content', 'ui', 'cli', 'background', 'shared'], [browserApi]),
  forbid('ui', ['content', 'background', 'cli'], [browserApi]),
);
