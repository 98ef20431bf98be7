// Discourse state carried from block to block: who spoke last, which names carry which roles, and
// whether a quotation is still open. Pronouns, inversions and bare titles resolve against it.
import type { Gender } from '../lexicon';
import type { SourceMention } from '../types';

export interface Speaker extends SourceMention {
  start: number;
  end: number;
  gender?: Gender;
  plural?: boolean;
  /** Folded head of the title ("ministre", "porte-parole"), for "le ministre a ajouté". */
  head?: string;
  /** Country-qualified office ("RU:foreign-minister"), so two titles of one office chain together. */
  office?: string;
  /** A person (rather than a body, an outlet or a place). */
  person?: boolean;
  /** The outlet itself speaks ("selon l'AFP"). */
  outlet?: boolean;
  /** A speaker or a sentence's subject, rather than someone merely named. */
  salient?: boolean;
  /** The block (paragraph) it was named in. */
  block?: number;
}

const MAX_RECENT = 24;

export class Memory {
  readonly recent: Speaker[] = [];
  /** Folded surname or full name → what the text said of that person earlier. */
  readonly names = new Map<string, Speaker>();
  readonly offices = new Map<string, Speaker>();
  openQuote = false;
  /** Counts blocks, so a bare title takes its country only from its own paragraph. */
  block = 0;

  remember(sp: Speaker): void {
    if (sp.resolution === 'unresolved') return;
    this.recent.push({ ...sp, block: this.block });
    if (this.recent.length > MAX_RECENT) this.recent.shift();
    if (sp.office) this.offices.set(sp.office, sp);
  }

  rememberName(key: string, sp: Speaker): void {
    const known = this.names.get(key);
    // A name keeps the most informative description it was given (a role beats none).
    if (!known || (sp.role && !known.role) || known.category === 'other') this.names.set(key, sp);
  }

  /** The nearest earlier speaker a pronoun can stand for: speakers and subjects first, then anyone
   * the text named, within the last few mentions. */
  resolvePronoun(gender: Gender | undefined, plural: boolean, bodyOk: boolean): Speaker | undefined {
    for (const salientOnly of [true, false]) {
      for (let k = this.recent.length - 1, seen = 0; k >= 0 && seen < 10; k--, seen++) {
        const sp = this.recent[k] as Speaker;
        if (salientOnly && (!sp.salient || sp.outlet)) continue;
        if (!!sp.plural !== plural && !(bodyOk && !sp.person && !plural)) continue;
        if (sp.outlet && !bodyOk) continue;
        if (gender && sp.gender && sp.gender !== gender) continue;
        if (!bodyOk && sp.person === false) continue;
        return sp;
      }
    }
    return undefined;
  }

  /** The last government speaker's country, for a bare title with no nationality ("the general added"). */
  lastCountry(): string | undefined {
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const sp = this.recent[k] as Speaker;
      if (sp.block !== this.block) return undefined;
      if (sp.category === 'government' && sp.country) return sp.country;
    }
    return undefined;
  }

  /** The last speaker who held this title ("le ministre", "the mayor"). */
  resolveTitle(head: string): Speaker | undefined {
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const sp = this.recent[k] as Speaker;
      if (sp.head === head) return sp;
    }
    return undefined;
  }
}
