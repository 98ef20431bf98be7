// The shape of the curated knowledge base in seeds/kb/. Every claim rests on a reference; a fact that
// could not be checked against a page that was actually read carries `verified: false` and is shown so.

import type { SourceCategory } from '../types';

/** A public reference a claim rests on. `url` is only ever a page that was actually read. */
export interface Reference {
  id: string; // unique within the entry, e.g. "wikipedia-en"
  url: string;
  publisher: string;
  title?: string;
  /** ISO date the page was read (YYYY-MM-DD). */
  seen: string;
}

/** One claim with its evidence. */
export interface Claim<T = string> {
  value: T;
  refs: string[]; // Reference ids of the entry
  verified?: boolean; // false: from memory, not checked; shown as such
}

/** The State Media Monitor typology of editorial control, plus plain private ownership. */
export type EditorialControl =
  | 'state-controlled'
  | 'captured-public' // captured public / state-managed
  | 'state-funded-independent'
  | 'independent-public-service'
  | 'state-aligned-private'
  | 'covert-proxy'
  | 'official-government-channel'
  | 'private';

/** How an editorial-control class maps onto the report's source categories (../shared/eval/README.md). */
export const CATEGORY_OF_CONTROL: Record<EditorialControl, SourceCategory> = {
  'state-controlled': 'state-media',
  'captured-public': 'state-media',
  'covert-proxy': 'state-media',
  'state-aligned-private': 'state-media',
  'official-government-channel': 'government',
  'state-funded-independent': 'media',
  'independent-public-service': 'media',
  private: 'media',
};

export interface Sanction {
  jurisdiction: string; // "EU", "UK", "US", "CA", ...
  act: string; // "Council Regulation (EU) 2022/350"
  date: string; // YYYY-MM-DD
  refs: string[];
  verified?: boolean;
}

export interface PlatformLabel {
  platform: string; // "X", "YouTube", "Facebook"
  label: string; // "Russia state-affiliated media"
  from?: string;
  until?: string;
  refs: string[];
  verified?: boolean;
}

export interface Outlet {
  id: string; // kebab-case, unique across the KB: "sputnik", "rt", "bbc"
  name: string; // display name
  /** Every name it goes by, in every script, as it appears in running text ("Спутник", "l'agence TASS"). */
  names: string[];
  /** ISO 3166-1 alpha-2 of the state behind it (or of its base, for private outlets). */
  country: string;
  kind: 'agency' | 'broadcaster' | 'newspaper' | 'online' | 'channel';
  control: Claim<EditorialControl>;
  /** Registrable domains and explicit host/path rules ("fr.sputniknews.africa", "rt.com", "youtube.com/@RT"). */
  domains: string[];
  /** Former names and domains, with the year of the change. */
  formerly?: Array<{ name?: string; domain?: string; until?: string; refs: string[]; verified?: boolean }>;
  parent?: string; // id of the outlet or organisation it belongs to
  owner?: Claim; // the ownership chain up to the state organ, in words
  funding?: Claim;
  sanctions?: Sanction[];
  platformLabels?: PlatformLabel[];
  reliability?: Claim; // e.g. Wikipedia perennial sources status
  references: Reference[];
  disambiguation?: Disambiguation[];
}

/**
 * The closed vocabulary of `Term.role`: the offices a title in running text resolves to
 * ("le chef de la diplomatie russe" is the Minister of Foreign Affairs of RU). See seeds/README.md.
 */
export const OFFICIAL_ROLES = [
  'Head of State',
  'Head of Government',
  'Minister of Foreign Affairs',
  'Minister of Defence',
  'Spokesperson of the Head of State',
  'Spokesperson of the Ministry of Foreign Affairs',
  'Spokesperson of the Ministry of Defence',
  'Government Spokesperson',
] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export interface Term {
  role: string; // one of OFFICIAL_ROLES: "Minister of Foreign Affairs"
  body?: string; // id of a GovernmentBody
  from?: string; // YYYY or YYYY-MM-DD
  until?: string; // absent: in office when the entry was last checked
  refs?: string[]; // Reference ids of the entry that state the role and dates
  verified?: boolean; // false: from memory, not checked; shown as such
}

/**
 * When one name stands for several entries ("ABC", "RTS"), the rule that chooses: an entry holding a
 * shared alias states here when that alias means it (`rule`, in words, plus a machine hint).
 */
export interface Disambiguation {
  alias: string;
  rule: string; // "Means this outlet on Swiss pages or beside Swiss context; elsewhere ..."
  /** Prefer this entry when the page or surrounding text is from this country / in this language. */
  prefer?: { country?: string; lang?: string };
}

/** A person who speaks for a state: head of state or government, minister, spokesperson, military officer. */
export interface Official {
  id: string;
  name: string;
  /** Spellings across languages and scripts (Konachenkov, Konashenkov, Конашенков). */
  aliases: string[];
  country: string;
  gender?: 'm' | 'f';
  terms: Term[];
  references: Reference[];
  /** false: identity not checked against a reference that was read. */
  verified?: boolean;
  disambiguation?: Disambiguation[];
}

/** A ministry, army, presidency, embassy... and the phrases that stand for it ("la Défense russe"). */
export interface GovernmentBody {
  id: string;
  name: string;
  aliases: string[];
  country: string;
  kind?: 'presidency' | 'government' | 'ministry' | 'armed-forces' | 'other';
  domains?: string[];
  references: Reference[];
  /** false: not checked against a reference that was read. */
  verified?: boolean;
  disambiguation?: Disambiguation[];
}
