// The engine's vocabulary: what `analyze` finds in a text. Offsets are UTF-16 code units into the text
// given (JavaScript string indexes), so the page can map them back to DOM ranges.

export type Lang = 'fr' | 'en';

/** What kind of source speaks: the five classes of ../shared/eval/README.md. */
export type SourceCategory = 'state-media' | 'government' | 'media' | 'unnamed' | 'other';

export const SOURCE_CATEGORIES: readonly SourceCategory[] = [
  'state-media',
  'government',
  'media',
  'unnamed',
  'other',
];

/** A stretch of the analysed text. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** Who speaks (or relays): a mention in the text, resolved to an entity where the knowledge base knows it. */
export interface SourceMention {
  /** The mention as written; for a pronoun or inversion, the earlier mention it stands for. */
  text: string;
  /** Where `text` stands in the input (for a resolved pronoun: the antecedent's span). */
  start?: number;
  end?: number;
  category: SourceCategory;
  /** ISO 3166-1 alpha-2, upper case ("RU"), when known. */
  country?: string;
  /** Knowledge-base id of the person, body or outlet, when resolved. */
  entityId?: string;
  /** The office or function when the text gives one ("porte-parole du ministère russe de la Défense"). */
  role?: string;
  /** How the speaker was found: named in the clause, resolved from a pronoun/title, or left unknown. */
  resolution?: 'named' | 'pronoun' | 'title' | 'carried' | 'unresolved';
}

export type CueKind =
  | 'speech-verb' // "X a déclaré", "X said"
  | 'inverted' // "a-t-il ajouté", "said X", "précise le ministère"
  | 'preposition' // "selon", "d'après", "according to"
  | 'relay' // "rapporte l'AFP", "in a statement"
  | 'noun'; // "dans un communiqué", "in a statement" with no verb

export interface Attribution {
  /** The reporting phrase: a speech or sourcing verb phrase, or a sourcing preposition. At most 60 chars. */
  cue: TextSpan & { kind: CueKind; lemma?: string };
  source: SourceMention;
  /** Outlets relaying the statement ("cité par Sputnik", "told Reuters"), in text order. */
  via: Array<SourceMention & { start: number; end: number }>;
  /** The statement reported, when it can be delimited (a quotation or the complement clause). */
  quote?: { start: number; end: number };
  /** True when the reported claim carries a hedge (conditional, "reportedly"...). */
  hedged: boolean;
}

export type OutletMentionKind = 'text' | 'credit' | 'dateline' | 'link' | 'publisher';

export interface OutletMention extends TextSpan {
  category: SourceCategory;
  kind: OutletMentionKind;
  entityId?: string;
  country?: string;
}

export type HedgeKind = 'conditional' | 'adverb' | 'adjective' | 'phrase';

export interface Hedge extends TextSpan {
  kind: HedgeKind;
}

export interface UnnamedSource extends TextSpan {
  /** The attribution this vague source speaks in, if any (index into `attributions`). */
  attribution?: number;
}

/** The outlet that publishes the page itself, from its canonical URL, og:site_name or JSON-LD. */
export interface Publisher {
  name: string;
  url?: string;
  domain?: string;
  category: SourceCategory;
  entityId?: string;
  country?: string;
}

export interface Report {
  language: Lang;
  attributions: Attribution[];
  outlets: OutletMention[];
  hedges: Hedge[];
  unnamed: UnnamedSource[];
  publisher?: Publisher;
}

export interface AnalyzeOptions {
  /** Forces the language; otherwise it is detected per document. */
  lang?: Lang;
  /** The page's URL, used to name the publisher when nothing better is given. */
  url?: string;
}
