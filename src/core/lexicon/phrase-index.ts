// Multi-word names and phrases, found at a token in one Map lookup on the first word, then a short
// comparison of the following words: the longest phrase wins.
import { fold } from '../text/fold';
import { Kind, tokenize, type Token } from '../text/tokens';

interface Entry<T> {
  words: string[];
  value: T;
  /** The text must have this exact spelling (short or all-caps names: "RT" is not "rt"). */
  exact?: string[];
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the token after the phrase. */
  end: number;
}

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  /** Phrases already held (words, and whether the case must match): a set, so building stays linear. */
  private readonly held = new Set<string>();

  add(phrase: string, value: T, options: { exactCase?: boolean } = {}): void {
    const toks = tokenize(phrase).filter((t) => t.k !== Kind.Punct || t.t === '.' || t.t === '&');
    if (toks.length === 0) return;
    const words = toks.map((t) => t.f);
    const entry: Entry<T> = { words, value };
    if (options.exactCase) entry.exact = toks.map((t) => t.t);
    const key = `${entry.exact ? 'x' : '-'}${words.join(' ')}`;
    if (this.held.has(key)) return;
    this.held.add(key);
    const first = words[0] as string;
    const list = this.byFirst.get(first);
    if (list) list.push(entry);
    else this.byFirst.set(first, [entry]);
  }

  has(word: string): boolean {
    return this.byFirst.has(fold(word));
  }

  /** The longest phrase starting at token i, if any. */
  match(tokens: readonly Token[], i: number): PhraseMatch<T> | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    const list = this.byFirst.get(first.f);
    if (!list) return undefined;
    let best: PhraseMatch<T> | undefined;
    let bestLen = 0;
    for (const entry of list) {
      const len = entry.words.length;
      if (len <= bestLen) continue;
      let ok = true;
      for (let k = 0, j = i; k < len; k++, j++) {
        // Punctuation inside a token run is skipped only where the phrase itself has none.
        const tok = tokens[j];
        if (!tok || tok.f !== entry.words[k] || (entry.exact && tok.t !== entry.exact[k])) {
          ok = false;
          break;
        }
      }
      if (ok) {
        best = { value: entry.value, end: i + len };
        bestLen = len;
      }
    }
    return best;
  }
}
