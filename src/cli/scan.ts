// `provenance-lens scan [--json] [--lang fr|en] FILE...`: who speaks in a .txt or .html file.
// HTML goes through the same text extraction as the page (src/dom/extract.ts over happy-dom).
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { analyze } from '../core/index';
import { resolvePublisher } from '../core/publisher';
import type { Lang, Report } from '../core/types';
import { UsageError, UserFacingError } from './main';
import { formatReport } from './report-text';

interface ScanArgs {
  json: boolean;
  lang?: Lang;
  files: string[];
}

function parseArgs(args: string[]): ScanArgs {
  const out: ScanArgs = { json: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--json') out.json = true;
    else if (a === '--lang') {
      const v = args[++i];
      if (v !== 'fr' && v !== 'en') throw new UsageError('--lang takes fr or en');
      out.lang = v;
    } else if (a.startsWith('--lang=')) {
      const v = a.slice(7);
      if (v !== 'fr' && v !== 'en') throw new UsageError('--lang takes fr or en');
      out.lang = v;
    } else if (a === '--') continue;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else out.files.push(a);
  }
  if (out.files.length === 0) throw new UsageError('scan needs at least one FILE');
  return out;
}

async function readText(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserFacingError(`${file}: no such file`);
    if (code === 'EISDIR') throw new UserFacingError(`${file}: is a directory, not a file`);
    if (code === 'EACCES') throw new UserFacingError(`${file}: permission denied`);
    throw new UserFacingError(`${file}: cannot be read (${code ?? 'unknown error'})`);
  }
}

function decode(file: string, bytes: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new UserFacingError(`${file}: not valid UTF-8 text (convert it to UTF-8 first)`);
  }
}

export async function scanFile(file: string, lang?: Lang): Promise<Report> {
  const raw = decode(file, await readText(file));
  const isHtml = /^\.x?html?$/i.test(extname(file)) || /^\s*<(!doctype html|html)/i.test(raw);
  let text = raw;
  let report: Report;
  if (isHtml) {
    const { Window } = await import('happy-dom');
    const { extractText, readPublisherMeta } = await import('../dom/extract');
    const window = new Window({ url: 'http://localhost/' });
    const document = window.document;
    document.write(raw);
    text = extractText(document as unknown as Document, { computedStyle: false }).text;
    const meta = readPublisherMeta(document as unknown as Document);
    if (!text.trim()) throw new UserFacingError(`${file}: the page holds no text to scan`);
    report = analyze(text, lang ? { lang } : {});
    const publisher = resolvePublisher(meta);
    if (publisher) report.publisher = publisher;
    await window.happyDOM.close();
  } else {
    if (!text.trim()) throw new UserFacingError(`${file}: the file is empty`);
    report = analyze(text, lang ? { lang } : {});
  }
  return report;
}

export async function scanCommand(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  const reports: Array<{ file: string; report: Report }> = [];
  for (const file of opts.files) reports.push({ file, report: await scanFile(file, opts.lang) });
  if (opts.json) {
    const value =
      reports.length === 1 ? reports[0]?.report : reports.map((r) => ({ file: r.file, ...r.report }));
    process.stdout.write(JSON.stringify(value, null, 2) + '\n');
  } else {
    process.stdout.write(reports.map((r) => formatReport(r.file, r.report)).join('\n\n') + '\n');
  }
  return 0;
}
