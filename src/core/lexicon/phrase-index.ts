// Multi-word names and phrases, found at a token by walking a tree of words (one Map lookup per word
// read, however many phrases share a first word): the longest phrase wins.
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

/** The phrases that go on with one more word, and those that end here (in the order they were added). */
interface Node<T> {
  next: Map<string, Node<T>> | undefined;
  ends: Entry<T>[] | undefined;
}

export class PhraseIndex<T> {
  private readonly root = new Map<string, Node<T>>();
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
    let level = this.root;
    let node: Node<T> | undefined;
    for (const w of words) {
      node = level.get(w);
      if (!node) {
        node = { next: undefined, ends: undefined };
        level.set(w, node);
      }
      level = node.next ??= new Map();
    }
    if (!node) return;
    if (node.ends) node.ends.push(entry);
    else node.ends = [entry];
  }

  has(word: string): boolean {
    return this.root.has(fold(word));
  }

  /** The longest phrase starting at token i, if any. */
  match(tokens: readonly Token[], i: number): PhraseMatch<T> | undefined {
    let best: PhraseMatch<T> | undefined;
    let level: Map<string, Node<T>> | undefined = this.root;
    // Punctuation inside a token run is skipped only where the phrase itself has none.
    for (let j = i; level; j++) {
      const tok = tokens[j];
      if (!tok) break;
      const node = level.get(tok.f);
      if (!node) break;
      if (node.ends) {
        for (const entry of node.ends) {
          if (entry.exact && !sameSpelling(tokens, i, entry.exact)) continue;
          best = { value: entry.value, end: j + 1 };
          break;
        }
      }
      level = node.next;
    }
    return best;
  }
}

function sameSpelling(tokens: readonly Token[], i: number, exact: readonly string[]): boolean {
  for (let k = 0; k < exact.length; k++) if (tokens[i + k]?.t !== exact[k]) return false;
  return true;
}
