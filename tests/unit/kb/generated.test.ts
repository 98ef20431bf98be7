// The generated seeds/kb/*.json are committed so the engine and the CLI need no build step; this keeps
// them in step with the per-country source files.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/compile-kb.mjs', import.meta.url));

describe('generated knowledge base', () => {
  it('is up to date with seeds/kb/{outlets,officials,bodies}/, engine.json included (run node scripts/compile-kb.mjs)', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr, 'run node scripts/compile-kb.mjs').toBe('');
    expect(run.status, 'run node scripts/compile-kb.mjs').toBe(0);
  });
});
