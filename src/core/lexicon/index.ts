// The lexicons of seeds/lexicon/ and the knowledge base of seeds/kb/, compiled once into lookup tables.
import type { SourceCategory } from '../types';
import { bodies, officials, outlets } from '../kb/data';
import { CATEGORY_OF_CONTROL } from '../kb/schema';
import { fold } from '../text/fold';
import { PhraseIndex } from './phrase-index';
import countriesJson from '../../../seeds/lexicon/countries.json';
import frVerbsJson from '../../../seeds/lexicon/fr-speech-verbs.json';
import frPhrasesJson from '../../../seeds/lexicon/fr-verb-phrases.json';
import enVerbsJson from '../../../seeds/lexicon/en-speech-verbs.json';
import functionWordsJson from '../../../seeds/lexicon/function-words.json';
import rolesJson from '../../../seeds/lexicon/roles.json';
import portfoliosJson from '../../../seeds/lexicon/portfolios.json';
import officesJson from '../../../seeds/lexicon/offices.json';
import givenNamesJson from '../../../seeds/lexicon/given-names.json';
import falseFriendsJson from '../../../seeds/lexicon/false-friends.json';
import hedgesJson from '../../../seeds/lexicon/hedges.json';
import unnamedJson from '../../../seeds/lexicon/unnamed.json';
import outletsCoreJson from '../../../seeds/lexicon/outlets-core.json';

export type Gender = 'm' | 'f';
export type RoleKind =
  | 'gov-person'
  | 'gov-body'
  | 'spokes'
  | 'media-person'
  | 'media-body'
  | 'unnamed'
  | 'other-person'
  | 'other-body';

export interface Role {
  kind: RoleKind;
  gender?: Gender;
}

export interface VerbForm {
  lemma: string;
  ambiguous: boolean;
  /** One of these must follow within a few words ("appeler à"). */
  requires?: Set<string>;
  /** None of these may follow within a few words ("condamner X à cinq ans"). */
  excludes?: Set<string>;
}

function verbForm(v: {
  lemma: string;
  ambiguous?: boolean;
  requires?: string[];
  excludes?: string[];
}): VerbForm {
  const form: VerbForm = { lemma: v.lemma, ambiguous: !!v.ambiguous };
  if (v.requires) form.requires = new Set(v.requires.map(fold));
  if (v.excludes) form.excludes = new Set(v.excludes.map(fold));
  return form;
}

export interface VerbPhrase {
  lemma: string;
  tail: string[];
  reflexive: boolean;
}

export interface KnownEntity {
  id: string;
  name: string;
  category: SourceCategory;
  country?: string;
  gender?: Gender;
  kind: 'outlet' | 'official' | 'body';
  /** A common acronym too ("AA", "MENA"): an outlet only in a credit, a dateline or after "agence". */
  contextual?: boolean;
  /** The name without its article ("Monde" for "Le Monde"): only after "au", "du". */
  contracted?: boolean;
  /** A shared alias ("VTV", "RTS"): every outlet it may mean, with the country whose context chooses it. */
  choices?: Array<{ entity: KnownEntity; prefer: string }>;
}

export interface Place {
  country: string;
  kind: 'country' | 'capital' | 'seat' | 'region';
}

const set = (xs: readonly string[]) => new Set(xs.map(fold));

/** Names added per step of the known-names build: a step stays a few milliseconds even on a cold start. */
const NAMES_PER_STEP = 400;

/** Builds the known names into `entities`, yielding every few hundred names so a page can spread the work
 * over short tasks (see engineStartSteps). */
function* entitySteps(entities: PhraseIndex<KnownEntity>): Generator<void, void, undefined> {
  // Entities: the knowledge base first, then the core outlet list for names it does not hold.
  let added = 0;
  const step = () => ++added % NAMES_PER_STEP === 0;
  // "Le Monde" is "Monde" after a contracted article: "au Monde", "du Figaro".
  const withoutArticle = (name: string) =>
    /^(?:Le|La|Les|The) \p{Lu}/u.test(name) ? name.replace(/^\S+ /, '') : undefined;
  const exactCase = (name: string) =>
    name.length <= 3 || (name === name.toUpperCase() && /\p{Lu}/u.test(name));
  const knownNames = new Set<string>();
  // Shared aliases (several outlets list "VTV" with a rule that chooses): the first entry added holds every
  // choice, and the text's context picks one (engine/context.ts).
  const shared = new Map<string, KnownEntity>();
  for (const o of outlets) {
    const category = CATEGORY_OF_CONTROL[o.control.value] ?? 'media';
    for (const n of new Set([o.name, ...o.names])) {
      knownNames.add(fold(n));
      const e: KnownEntity = { id: o.id, name: o.name, category, country: o.country, kind: 'outlet' };
      const prefer = o.disambiguation?.find((d) => d.alias === n)?.prefer?.country;
      if (prefer) {
        const first = shared.get(fold(n));
        const choice = { entity: e, prefer: prefer.toUpperCase() };
        if (first) {
          first.choices?.push(choice);
          continue;
        }
        e.choices = [choice];
        shared.set(fold(n), e);
      }
      entities.add(n, e, { exactCase: exactCase(n) });
      const bare = withoutArticle(n);
      if (bare) entities.add(bare, { ...e, contracted: true }, { exactCase: true });
      if (step()) yield;
    }
  }
  for (const o of outletsCoreJson.entries as Array<{
    id: string;
    name: string;
    names: string[];
    category: string;
    country: string;
    contextual?: string[];
  }>) {
    for (const n of o.names) {
      if (knownNames.has(fold(n))) continue;
      const e: KnownEntity = {
        id: o.id,
        name: o.name,
        category: o.category as SourceCategory,
        country: o.country,
        kind: 'outlet',
      };
      if (o.contextual?.includes(n)) e.contextual = true;
      entities.add(n, e, { exactCase: exactCase(n) });
      const bare = withoutArticle(n);
      if (bare && !knownNames.has(fold(bare))) entities.add(bare, e, { exactCase: true });
      if (step()) yield;
    }
  }
  for (const p of officials) {
    for (const n of new Set([p.name, ...p.aliases])) {
      const e: KnownEntity = {
        id: p.id,
        name: p.name,
        category: 'government',
        country: p.country,
        kind: 'official',
      };
      if (p.gender) e.gender = p.gender;
      entities.add(n, e);
      if (step()) yield;
    }
  }
  for (const b of bodies) {
    for (const n of new Set([b.name, ...b.aliases])) {
      entities.add(n, { id: b.id, name: b.name, category: 'government', country: b.country, kind: 'body' });
      if (step()) yield;
    }
  }
}

function buildLexicon() {
  const entities = new PhraseIndex<KnownEntity>({ memo: true });
  const building = entitySteps(entities);
  let built = false;
  /** One step of the known-names build; false once it is complete. */
  const buildEntitiesStep = (): boolean => {
    if (built) return false;
    built = building.next().done === true;
    return !built;
  };
  const fw = functionWordsJson.entries;
  const frInfinitive = new Map<string, VerbForm>();
  const frParticiple = new Map<string, VerbForm>();
  const frFinite = new Map<string, VerbForm>();
  const frGerund = new Map<string, VerbForm>();
  for (const v of frVerbsJson.entries as Array<{
    lemma: string;
    participle: string;
    finite: string[];
    gerund?: string;
    ambiguous?: boolean;
    requires?: string[];
    excludes?: string[];
  }>) {
    const form = verbForm(v);
    frInfinitive.set(fold(v.lemma), form);
    frParticiple.set(fold(v.participle), form);
    for (const f of v.finite) frFinite.set(fold(f), form);
    if (v.gerund) frGerund.set(fold(v.gerund), form);
  }
  const frPhrases = new Map<string, VerbPhrase[]>();
  for (const p of frPhrasesJson.entries as Array<{
    lemma: string;
    heads: string[];
    tail: string[];
    reflexive?: boolean;
  }>) {
    for (const h of p.heads) {
      const key = fold(h);
      const list = frPhrases.get(key) ?? [];
      list.push({ lemma: p.lemma, tail: p.tail.map(fold), reflexive: !!p.reflexive });
      frPhrases.set(key, list);
    }
  }
  const enFinite = new Map<string, VerbForm>(); // says, said, told...
  const enBase = new Map<string, VerbForm>(); // say, tell (with a plural subject)
  const enParticiple = new Map<string, VerbForm>(); // has said, had told
  const enIng = new Map<string, VerbForm>(); // saying, adding
  for (const v of enVerbsJson.entries as Array<{
    lemma: string;
    s: string;
    past: string;
    participle: string;
    ing: string;
    ambiguous?: boolean;
    requires?: string[];
    excludes?: string[];
  }>) {
    const form = verbForm(v);
    enFinite.set(v.s, form);
    enFinite.set(v.past, form);
    enBase.set(v.lemma, form);
    enParticiple.set(v.participle, form);
    enIng.set(v.ing, form);
  }
  const roles = new Map<string, Role>();
  for (const r of rolesJson.entries as Array<{ form: string; kind: RoleKind; gender?: Gender }>) {
    roles.set(fold(r.form), r.gender ? { kind: r.kind, gender: r.gender } : { kind: r.kind });
  }
  const adjectives = new Map<string, string>();
  const places = new PhraseIndex<Place>({ memo: true });
  for (const c of countriesJson.entries) {
    for (const a of c.adjectives) if (!adjectives.has(fold(a))) adjectives.set(fold(a), c.code);
    for (const n of c.names)
      places.add(n, { country: c.code, kind: 'country' }, { exactCase: n.length <= 3 });
    for (const n of c.capitals) places.add(n, { country: c.code, kind: 'capital' });
    for (const n of c.seats) places.add(n, { country: c.code, kind: 'seat' });
    // States and regions ("California Governor", "le gouverneur de la région de Koursk") place an office.
    for (const n of (c as { regions?: string[] }).regions ?? [])
      places.add(n, { country: c.code, kind: 'region' });
  }
  const offices = new PhraseIndex<string>({ memo: true });
  for (const o of officesJson.entries) for (const p of o.phrases) offices.add(p, o.office);
  const givenNames = new Map<string, Gender>();
  for (const n of givenNamesJson.entries.m) givenNames.set(fold(n), 'm');
  for (const n of givenNamesJson.entries.f) givenNames.set(fold(n), 'f');
  const falseFriends = new Map<string, PhraseIndex<true>>();
  for (const ff of falseFriendsJson.entries) {
    const idx = new PhraseIndex<true>();
    for (const n of ff.next) idx.add(n, true);
    falseFriends.set(fold(ff.trigger), idx);
  }
  const hedgePhrases = new PhraseIndex<true>({ memo: true });
  for (const p of hedgesJson.entries.phrases) hedgePhrases.add(p, true);
  const unnamedPhrases = new PhraseIndex<true>({ memo: true });
  for (const p of unnamedJson.entries) unnamedPhrases.add(p, true);
  const adverbPhrasesFr = new PhraseIndex<true>({ memo: true });
  for (const p of fw.verbGroupAdverbsFr) adverbPhrasesFr.add(p, true);

  return {
    frInfinitive,
    frParticiple,
    frFinite,
    frGerund,
    frPhrases,
    enFinite,
    enBase,
    enParticiple,
    enIng,
    roles,
    adjectives,
    /** First words of the two-word adjectives ("north" of "north korean"). */
    adjectiveHeads: new Set(
      [...adjectives.keys()].filter((a) => a.includes(' ')).map((a) => a.split(' ')[0] as string),
    ),
    places,
    offices,
    portfolios: set(portfoliosJson.entries),
    standalonePortfolios: set(portfoliosJson.standalone),
    givenNames,
    falseFriends,
    hedgeAdverbs: set(hedgesJson.entries.adverbs),
    hedgeAdjectives: set(hedgesJson.entries.adjectives),
    hedgePhrases,
    conditionalModals: set(hedgesJson.entries.conditionalModals),
    notConditional: set(hedgesJson.entries.notConditional),
    unnamedPhrases,
    /** The known names (the largest table): built on first use, or step by step beforehand. */
    get entities(): PhraseIndex<KnownEntity> {
      while (buildEntitiesStep());
      return entities;
    },
    buildEntitiesStep,
    auxFr: set(fw.auxFr),
    auxFrReflexive: set(fw.auxFrReflexive),
    auxEn: set(fw.auxEn),
    determiners: set([...fw.determinersFr, ...fw.determinersEn]),
    indefinite: set([...fw.indefiniteFr, ...fw.indefiniteEn]),
    pronounsFr: set(fw.pronounsFr),
    pronounsEn: set(fw.pronounsEn),
    clitics: set(fw.clitics),
    prepositionsFr: set(fw.prepositionsFr),
    prepositionsEn: set(fw.prepositionsEn),
    conjunctions: set(fw.conjunctions),
    adverbsFr: set(fw.verbGroupAdverbsFr),
    adverbPhrasesFr,
    adverbsEn: set(fw.verbGroupAdverbsEn),
    abbreviations: set(fw.abbreviations),
  };
}

export type Lexicon = ReturnType<typeof buildLexicon>;

let cached: Lexicon | undefined;
/** Built on first use (a few milliseconds), then shared. */
export function lexicon(): Lexicon {
  return (cached ??= buildLexicon());
}
