// The scan command: JSON in the evaluation's format, HTML through the page's text extraction, and one
// clear message (no stack trace) for a missing file, bad encoding or empty text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'scan-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => {
    err += a.join(' ') + '\n';
  });
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    out += a.join(' ') + '\n';
  });
});
afterEach(() => vi.restoreAllMocks());

describe('provenance-lens scan', () => {
  it('prints the report object for one file with --json', async () => {
    const p = file(
      'a.txt',
      "« Nous restons prêts », a déclaré le porte-parole du Kremlin, cité par l'agence TASS.",
    );
    expect(await main(['scan', '--json', p])).toBe(0);
    const report = JSON.parse(out);
    expect(report.language).toBe('fr');
    const a = report.attributions[0];
    expect(a.cue).toMatchObject({ text: 'a déclaré' });
    expect(a.cue.end - a.cue.start).toBe('a déclaré'.length);
    expect(a.source).toMatchObject({ category: 'government', country: 'RU' });
    expect(a.via[0]).toMatchObject({ text: 'TASS', category: 'state-media' });
    expect(
      Array.isArray(report.outlets) && Array.isArray(report.hedges) && Array.isArray(report.unnamed),
    ).toBe(true);
  });

  it('prints an array of reports for several files', async () => {
    const p = file('b.txt', 'The minister said the talks would resume.');
    const q = file('c.txt', 'Le ministre a déclaré que les discussions reprendraient.');
    expect(await main(['scan', '--json', p, q])).toBe(0);
    const reports = JSON.parse(out);
    expect(reports.map((r: { language: string }) => r.language)).toEqual(['en', 'fr']);
  });

  it('prints a readable report with a summary of who speaks', async () => {
    const p = file('d.txt', 'The Kremlin said the talks would resume, according to Reuters.');
    expect(await main(['scan', p])).toBe(0);
    expect(out).toContain('Who speaks, by category');
    expect(out).toContain('government');
  });

  it('reads HTML through the text extraction, with the publisher', async () => {
    const p = file(
      'e.html',
      `<!doctype html><html><head><title>t</title><meta property="og:site_name" content="Sputnik Afrique"></head>
       <body><nav>Accueil</nav><article><p>« La situation est tendue », a déclaré <em>Dmitri Peskov</em>.</p></article></body></html>`,
    );
    expect(await main(['scan', '--json', p])).toBe(0);
    const report = JSON.parse(out);
    expect(report.attributions[0].source.text).toBe('Dmitri Peskov');
    expect(report.publisher?.name).toBeTruthy();
  });

  it('fails clearly on a missing file, invalid UTF-8 and an empty file', async () => {
    expect(await main(['scan', join(dir, 'nope.txt')])).toBe(1);
    expect(err).toMatch(/no such file/);
    err = '';
    expect(await main(['scan', file('bad.txt', Buffer.from([0x66, 0xff, 0xfe, 0x41]))])).toBe(1);
    expect(err).toMatch(/UTF-8/);
    err = '';
    expect(await main(['scan', file('empty.txt', '  \n')])).toBe(1);
    expect(err).toMatch(/empty/);
    expect(err).not.toMatch(/at .*\.ts/);
  });

  it('rejects a bad --lang', async () => {
    expect(await main(['scan', '--lang', 'de', file('f.txt', 'x')])).toBe(2);
  });
});
