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

/** Bits handed to phrase indexes for their per-word memo (see Shape.asked): 30 at most, first come; an
 * index without one looks every word up. */
let nextMemoBit = 0;
const memoBit = () => (nextMemoBit < 30 ? 1 << nextMemoBit++ : 0);

export class PhraseIndex<T> {
  private readonly root = new Map<string, Node<T>>();
  /** This index's bit in each word shape's memo of "does a phrase start with this word?", or 0. */
  private memoBit: number;
  /** Whether any word was asked about since the memo bit was taken. */
  private asked = false;
  /** Phrases already held (words, and whether the case must match): a set, so building stays linear. */
  private readonly held = new Set<string>();

  /** `memo`: for the indexes asked at every word of a text (names, places), remember each word's answer. */
  constructor(options: { memo?: boolean } = {}) {
    this.memoBit = options.memo ? memoBit() : 0;
  }

  add(phrase: string, value: T, options: { exactCase?: boolean } = {}): void {
    const toks = tokenize(phrase).filter((t) => t.k !== Kind.Punct || t.t === '.' || t.t === '&');
    if (toks.length === 0) return;
    const words = toks.map((t) => t.f);
    const entry: Entry<T> = { words, value };
    if (options.exactCase) entry.exact = toks.map((t) => t.t);
    const key = `${entry.exact ? 'x' : '-'}${words.join(' ')}`;
    if (this.held.has(key)) return;
    this.held.add(key);
    // A new first word after words were asked about would make their memo stale: take a fresh bit.
    if (this.memoBit !== 0 && this.asked && !this.root.has(words[0] as string)) {
      this.memoBit = memoBit();
      this.asked = false;
    }
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
    // Most words start no phrase: once asked, a word's shape remembers it, so the answer is a bit test.
    const first = tokens[i];
    if (!first) return undefined;
    const bit = this.memoBit;
    if (bit !== 0) {
      this.asked = true;
      const w = first.w;
      if ((w.asked & bit) === 0) {
        w.asked |= bit;
        if (this.root.has(first.f)) w.starts |= bit;
      }
      if ((w.starts & bit) === 0) return undefined;
    }
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
