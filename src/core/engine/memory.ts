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

/** A speaker remembered as salient or not, copied field by field into one shape: a spread of speakers of
 * many shapes takes V8's slow path, and every sentence's subject is remembered. */
export function remembered(sp: Speaker, salient: boolean, block: number): Speaker {
  return {
    text: sp.text,
    start: sp.start,
    end: sp.end,
    category: sp.category,
    country: sp.country,
    entityId: sp.entityId,
    role: sp.role,
    resolution: sp.resolution,
    gender: sp.gender,
    plural: sp.plural,
    head: sp.head,
    office: sp.office,
    person: sp.person,
    outlet: sp.outlet,
    salient,
    block,
  };
}

export class Memory {
  readonly recent: Speaker[] = [];
  /** Folded surname or full name → what the text said of that person earlier. */
  readonly names = new Map<string, Speaker>();
  readonly offices = new Map<string, Speaker>();
  /** Outlets known by an acronym that is also a common word ("SPA", "AA"), once the text has named them
   * unmistakably ("(SPA)", "the Saudi Press Agency (SPA)"): later bare mentions are theirs too. */
  readonly acronymsSeen = new Set<string>();
  /** Outlets the text has named, so a shared alias later ("VTV") means the one already named. */
  readonly outletsSeen = new Set<string>();
  openQuote = false;
  /** Counts blocks, so a bare title takes its country only from its own paragraph. */
  block = 0;

  /** Keeps `sp` itself (callers pass a fresh object), so remembering every sentence's subject copies nothing. */
  remember(sp: Speaker): void {
    if (sp.resolution === 'unresolved') return;
    if (sp.block !== this.block) sp.block = this.block;
    this.recent.push(sp);
    // Trimmed in batches (a shift per push reallocates the array each time); readers look at the last
    // MAX_RECENT only.
    if (this.recent.length > 2 * MAX_RECENT) this.recent.splice(0, this.recent.length - MAX_RECENT);
    if (sp.office) this.offices.set(sp.office, sp);
  }

  rememberName(key: string, sp: Speaker): void {
    const known = this.names.get(key);
    // A name keeps the most informative description it was given (a role beats none).
    if (!known || (sp.role && !known.role) || known.category === 'other') this.names.set(key, sp);
  }

  /** Index of the oldest of the last MAX_RECENT speakers. */
  private oldest(): number {
    return Math.max(0, this.recent.length - MAX_RECENT);
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
    for (let k = this.recent.length - 1; k >= this.oldest(); k--) {
      const sp = this.recent[k] as Speaker;
      if (sp.block !== this.block) return undefined;
      if (sp.category === 'government' && sp.country) return sp.country;
    }
    return undefined;
  }

  /** The last speaker who held this title ("le ministre", "the mayor"). */
  resolveTitle(head: string): Speaker | undefined {
    for (let k = this.recent.length - 1; k >= this.oldest(); k--) {
      const sp = this.recent[k] as Speaker;
      if (sp.head === head) return sp;
    }
    return undefined;
  }
}
