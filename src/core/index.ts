// The engine's public face: text in, findings out. Pure TypeScript; runs in Node and in the page.
//
//   analyze(text, options)         the whole text at once (split into blocks internally)
//   new Analyzer(options).addBlock  block by block, carrying discourse state (recent speakers) across
//                                   blocks, so the page can cut work into short tasks and scan paragraphs
//                                   added later.
//
// NOTE: a placeholder until the engine lands; it finds nothing.
import type { AnalyzeOptions, Lang, Report } from './types';

export type * from './types';

export function detectLanguage(_text: string): Lang {
  return 'fr';
}

export class Analyzer {
  readonly language: Lang;
  constructor(options: AnalyzeOptions & { lang: Lang }) {
    this.language = options.lang;
  }
  /** Analyses one block (a paragraph); `offset` is where it starts in the page's text, added to every span. */
  addBlock(_text: string, _offset = 0): Report {
    return { language: this.language, attributions: [], outlets: [], hedges: [], unnamed: [] };
  }
}

export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  const analyzer = new Analyzer({ ...options, lang: options.lang ?? detectLanguage(text) });
  return analyzer.addBlock(text, 0);
}
