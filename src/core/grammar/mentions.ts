// Noun phrases that name a source: finding their edges around a cue, and describing them (who, of
// what kind, from which country) through a role grammar: title + nationality or country + institution,
// with names and outlets from the lexicons and the knowledge base.
import type { Gender, RoleKind } from '../lexicon';
import type { SourceCategory } from '../types';
import { Kind } from '../text/tokens';
import { WordClass, tokenClass, wordClass } from '../lexicon/word-class';
import type { BlockContext } from '../engine/context';
import type { Speaker } from '../engine/memory';

const DE_LIKE = new Set(['de', 'du', 'des', "d'", 'of', 'for', "'s"]);
const MASC_DET = new Set(['le', 'un', 'ce', 'cet', 'du', 'au', 'mr', 'mr.', 'm']);
const FEM_DET = new Set(['la', 'une', 'cette', 'mme', 'mrs', 'ms', 'mrs.', 'ms.', 'mlle']);
const PLURAL_DET = new Set([
  'les',
  'des',
  'ces',
  'leurs',
  'plusieurs',
  'certains',
  'certaines',
  'quelques',
  'aux',
]);
const NAME_LINKS = new Set([
  'de',
  'du',
  'da',
  'van',
  'von',
  'bin',
  'ben',
  'al',
  'el',
  'der',
  'den',
  'la',
  'le',
  'di',
  'ibn',
  'abu',
  'dos',
  'das',
]);
/** Capitalised institution words: part of an organisation's name, never a person's. */
const INSTITUTION_WORDS = new Set([
  // Regional adjectives, capitalised in English: "a Western diplomat", "a senior European official".
  'western',
  'eastern',
  'european',
  'arab',
  'african',
  'asian',
  'gulf',
  'latin',
  'nordic',
  'baltic',
  'balkan',
  'middle',
  'east',
  'west',
  'north',
  'south',
  'occidental',
  'occidentaux',
  'occidentale',
  'occidentales',
  'senior',
  // Title prefixes: "Vice Premier He Lifeng", "Acting President Han Duck-soo", "Deputy Prime Minister".
  'vice',
  'deputy',
  'acting',
  'interim',
  'etat',
  'etats',
  'republique',
  'federation',
  'conseil',
  'assemblee',
  'nations',
  'unies',
  'union',
  'europeenne',
  'cour',
  'tribunal',
  'affaires',
  'etrangeres',
  'nationale',
  'national',
  'comite',
  'comites',
  'organisation',
  'departement',
  'department',
  'house',
  'office',
  'council',
  'committee',
  'state',
  'states',
  'united',
  'nord',
  'sud',
]);
const LANGUAGES = new Set([
  'arabe',
  'anglais',
  'francais',
  'espagnol',
  'russe',
  'persan',
  'arabic',
  'english',
  'french',
  'spanish',
  'russian',
  'persian',
  'chinois',
  'chinese',
  'allemand',
  'german',
  'turc',
  'turkish',
]);

const FORMER = new Set(['ancien', 'ancienne', 'former', 'ex', 'late', 'feu']);
/** Titles that head companies and unions as well as states: their complement decides. */
const AMBIGUOUS_HEADS = new Set([
  'president',
  'presidente',
  'chef',
  'cheffe',
  'secretaire',
  'dirigeant',
  'dirigeante',
  'leader',
  'chairman',
  'chair',
  'head',
  'responsable',
  'directeur',
  'directrice',
  'secretary',
]);

/** Nouns for documents and data that can be cited as a source ("selon un rapport", "according to figures"). */
export const SOURCE_NOUNS = new Set([
  'rapport',
  'rapports',
  'etude',
  'enquete',
  'sondage',
  'chiffres',
  'communique',
  'bilan',
  'document',
  'documents',
  'estimations',
  'donnees',
  'statistiques',
  'temoignages',
  'report',
  'reports',
  'study',
  'survey',
  'poll',
  'polls',
  'figures',
  'data',
  'statement',
  'estimates',
  'records',
  'filing',
  'filings',
  'analysis',
  'memo',
  'letter',
  'lettre',
  'note',
  'images',
  'video',
  'footage',
  'photos',
  'tally',
  'count',
  'census',
  'assessment',
  'decret',
  'arrete',
  'hypotheses',
  'medias',
  'media',
  'presse',
  'press',
]);

/** Words that make a media noun a state outlet ("la télévision d'État", "state media", "la radio nationale"). */
const STATE_MEDIA_MARKERS = new Set([
  'etat',
  "d'etat",
  'officielle',
  'officiel',
  'gouvernementale',
  'nationale',
  'state',
  'state-run',
  'state-owned',
  'state-controlled',
  'government-run',
  'government-controlled',
  'official',
]);
const PRESS_WORDS = new Set(['presse', 'press', 'news', 'information', 'informations', 'france-presse']);

const FUNCTION_WORD =
  WordClass.Determiner |
  WordClass.Conjunction |
  WordClass.PronounFr |
  WordClass.PronounEn |
  WordClass.AuxFr |
  WordClass.AuxEn |
  WordClass.AuxFrReflexive;

function prepositionClass(ctx: BlockContext): number {
  return ctx.lang === 'fr' ? WordClass.PrepositionFr : WordClass.PrepositionEn;
}

export function isFunctionWord(ctx: BlockContext, f: string): boolean {
  return (wordClass(ctx.lex, f) & (FUNCTION_WORD | prepositionClass(ctx))) !== 0;
}

/** A capitalised word that can be part of a person's or an organisation's proper name. */
export function isNameToken(ctx: BlockContext, i: number): boolean {
  const t = ctx.tok(i);
  if (!t || t.k !== Kind.Word || !t.cap) return false;
  const c = tokenClass(ctx.lex, t);
  const notName =
    FUNCTION_WORD |
    prepositionClass(ctx) |
    WordClass.Role |
    WordClass.Portfolio |
    WordClass.Adjective |
    WordClass.Verb;
  if ((c & notName) !== 0 || INSTITUTION_WORDS.has(t.f)) return false;
  if (ctx.placeAt[i]) return false;
  return true;
}

export function isVerbLike(ctx: BlockContext, f: string): boolean {
  return (wordClass(ctx.lex, f) & WordClass.Verb) !== 0;
}

export function isDeterminer(ctx: BlockContext, f: string): boolean {
  return ctx.lex.determiners.has(f) || f === "'s";
}

/** Could token i start a noun phrase naming a source? */
export function startsNounPhrase(ctx: BlockContext, i: number): boolean {
  const t = ctx.tok(i);
  if (!t || t.k !== Kind.Word) return false;
  if (ctx.lex.determiners.has(t.f)) return true;
  if (t.cap) return !ctx.isPreposition(t.f) && !ctx.lex.conjunctions.has(t.f);
  return ctx.lex.roles.has(t.f) || ctx.lex.adjectives.has(t.f);
}

const STOPS =
  WordClass.Conjunction |
  WordClass.AuxFr |
  WordClass.AuxEn |
  WordClass.AuxFrReflexive |
  WordClass.PronounEn |
  WordClass.Verb;

function stops(ctx: BlockContext, f: string): boolean {
  if (DE_LIKE.has(f)) return false;
  const c = wordClass(ctx.lex, f);
  return (c & (STOPS | prepositionClass(ctx))) !== 0 || ((c & WordClass.PronounFr) !== 0 && f !== 'lui');
}

/** The noun phrase that starts at token i, up to a punctuation mark, a preposition or a verb. */
export function phraseAfter(ctx: BlockContext, i: number, limit = 16): [number, number] {
  const [, sentEnd] = ctx.sentenceOf(i);
  let j = i;
  while (j < sentEnd && j - i < limit) {
    const t = ctx.tok(j);
    if (!t) break;
    if (t.k === Kind.Punct) {
      // "M. Lavrov": the abbreviation's full stop stays inside.
      if (t.t === '.' && j > i && abbreviationAt(ctx, j - 1) && ctx.tok(j + 1)?.cap) {
        j++;
        continue;
      }
      if (t.t === '&' || t.t === '-' || t.t === '/') {
        if (j > i && ctx.tok(j + 1)?.k === Kind.Word) {
          j++;
          continue;
        }
      }
      break;
    }
    if (t.k === Kind.Quote) break;
    // "people familiar with the matter", "a source close to the negotiations": the vague source's phrase
    // runs on through what it is close to.
    if (
      j > i &&
      VAGUE_LINKS.has(t.f) &&
      VAGUE_PEOPLE.has(ctx.f(j - 1)) &&
      VAGUE_LINK_PREPS.has(ctx.f(j + 1)) &&
      ctx.tok(j + 2)?.k === Kind.Word
    ) {
      const [, e2] = phraseAfter(ctx, j + 2, limit);
      if (e2 > j + 2) j = e2;
      break;
    }
    // "plusieurs médias citant des sources gouvernementales": what they cite is not part of them.
    if (j > i && CITING.has(t.f)) break;
    // "la chaîne d'information en continu CGTN": a fixed qualifier, not a preposition.
    if (j > i && t.f === 'en' && ctx.f(j + 1) === 'continu') {
      j += 2;
      continue;
    }
    if (j > i) {
      if (t.f === 'et' || t.f === 'and') {
        // Coordinated sources ("l'OSDH et les Comités locaux") stay together; anything else ends here.
        if (startsNounPhrase(ctx, j + 1) && (ctx.lex.determiners.has(ctx.f(j + 1)) || ctx.tok(j + 1)?.cap)) {
          j++;
          continue;
        }
        break;
      }
      // "un communiqué", "le communiqué de l'armée": after a determiner a document noun is no participle.
      if (stops(ctx, t.f) && !(SOURCE_NOUNS.has(t.f) && ctx.lex.determiners.has(ctx.f(j - 1)))) break;
      // "Giorgia Meloni met Narendra Modi": a lower-case word after a name is its verb.
      if (
        !t.cap &&
        isNameToken(ctx, j - 1) &&
        !DE_LIKE.has(t.f) &&
        !NAME_LINKS.has(t.f) &&
        !ctx.lex.roles.has(t.f) &&
        !ctx.lex.adjectives.has(t.f) &&
        !ctx.lex.determiners.has(t.f)
      )
        break;
      // A determiner after the head starts a new phrase unless "de"/"of" links it.
      // ...but "le journal Le Parisien": a capitalised article opens the outlet's own name.
      // ...and "le groupe Les Républicains": a capitalised article before a capitalised word opens a name.
      const titled =
        t.cap &&
        (ctx.lex.roles.get(ctx.f(j - 1))?.kind.startsWith('media') ||
          (!ctx.tok(j - 1)?.cap && !!ctx.tok(j + 1)?.cap));
      const afterAnd = ctx.f(j - 1) === 'et' || ctx.f(j - 1) === 'and';
      if (
        ctx.lex.determiners.has(t.f) &&
        !DE_LIKE.has(ctx.f(j - 1)) &&
        !DE_LIKE.has(t.f) &&
        !titled &&
        !afterAnd
      )
        break;
    } else if (stops(ctx, t.f) && !ctx.lex.determiners.has(t.f)) {
      // "selon lui": a pronoun stands alone.
      if (ctx.lex.pronounsFr.has(t.f) || ctx.lex.pronounsEn.has(t.f)) return [i, i + 1];
      break;
    }
    j++;
  }
  // "RT en arabe", "BBC in Persian": a language qualifies the outlet.
  if (j < sentEnd && (ctx.f(j) === 'en' || ctx.f(j) === 'in') && LANGUAGES.has(ctx.f(j + 1))) j += 2;
  // Trailing linking words are not part of the phrase ("le ministère de").
  while (j > i && (DE_LIKE.has(ctx.f(j - 1)) || ctx.lex.determiners.has(ctx.f(j - 1)))) j--;
  return [i, j];
}

/** The noun phrase that ends just before token end (exclusive), walking back to its first word. */
export function phraseBefore(ctx: BlockContext, end: number, limit = 16): [number, number] {
  const [sentStart] = ctx.sentenceOf(Math.max(0, end - 1));
  let a = end;
  let sawDet = false;
  while (a > sentStart && end - a < limit) {
    const t = ctx.tok(a - 1);
    if (!t || t.k !== Kind.Word) {
      if (t && t.k === Kind.Punct && t.t === '.' && abbreviationAt(ctx, a - 2)) {
        a--;
        continue;
      }
      break;
    }
    // "a source in the emergency services", "an official at the ministry", "une source au sein du
    // gouvernement": the vague source's own phrase goes on through its place.
    if (
      a - 1 > sentStart &&
      VAGUE_HEADS.has(ctx.f(a - 2)) &&
      ((a < end && SOURCE_PLACE_LINKS.has(t.f)) || (t.f === 'au' && ctx.f(a) === 'sein'))
    ) {
      a--;
      sawDet = false;
      continue;
    }
    if (sawDet && !DE_LIKE.has(t.f)) break;
    if (CITING.has(t.f)) break;
    // "As Reuters reported": the clause's conjunction is not part of its subject.
    if (t.f === 'as' && ctx.lang === 'en') break;
    // "La chaîne RT en arabe a affirmé": step over the language.
    if ((t.f === 'en' || t.f === 'in') && a < end && LANGUAGES.has(ctx.f(a)) && end - a === 1) {
      a--;
      continue;
    }
    // "Vice Premier He Lifeng": a capitalised "He" inside a sentence, before a name, is a family name.
    if (t.t === 'He' && a - 1 > sentStart && a < end && isNameToken(ctx, a) && !ctx.tok(a - 2)?.nl) {
      a--;
      continue;
    }
    if (stops(ctx, t.f) && !ctx.lex.determiners.has(t.f)) break;
    // "Giorgia Meloni met Indian Prime Minister Narendra Modi": a past-tense verb between a name and a title
    // ends the phrase, even though a title (not a name) follows it.
    if (
      !t.cap &&
      a - 1 > sentStart &&
      looksPastTense(t.f) &&
      isNameToken(ctx, a - 2) &&
      !ctx.lex.roles.has(t.f)
    )
      break;
    // A name after a common noun starts its own phrase: "In a Bloomberg interview Trump said".
    if (a < end && (isNameToken(ctx, a) || (ctx.tok(a)?.cap && ctx.placeAt[a]?.end === end))) {
      if (
        !t.cap &&
        !(NAME_LINKS.has(t.f) && isNameToken(ctx, linksBack(ctx, a) - 1)) &&
        !ctx.lex.roles.has(t.f) &&
        !ctx.lex.adjectives.has(t.f) &&
        !DE_LIKE.has(t.f) &&
        !ctx.lex.determiners.has(t.f)
      )
        break;
      if (endsOutlet(ctx, a)) break;
    }
    sawDet = ctx.lex.determiners.has(t.f) && !DE_LIKE.has(t.f);
    a--;
  }
  // A phrase starts with a determiner, a capital, a role or an adjective, not with a linking word.
  while (a < end && DE_LIKE.has(ctx.f(a))) a++;
  return [a, end];
}

/** "familiar with", "close to", "briefed on": what makes people a vague source, and whom it qualifies. */
const VAGUE_LINKS = new Set(['familiar', 'close', 'briefed', 'knowledgeable']);
const VAGUE_LINK_PREPS = new Set(['with', 'to', 'on', 'about']);

/** The words English newspapers' names end with ("the Jakarta Post", "the Sydney Morning Herald"). */
const NEWSPAPER_HEADS = new Set([
  'post',
  'times',
  'herald',
  'tribune',
  'gazette',
  'telegraph',
  'chronicle',
  'courier',
  'globe',
  'mail',
  'observer',
  'standard',
]);

/** Prepositions that place a vague source ("a source in the ministry"), and the heads they follow. */
const SOURCE_PLACE_LINKS = new Set(['in', 'at', 'within', 'inside']);
const VAGUE_HEADS = new Set(['source', 'sources', 'official', 'officials']);
/** Who can be "familiar with" or "close to" something: the vague heads and people at large. */
const VAGUE_PEOPLE = new Set([...VAGUE_HEADS, 'people', 'person', 'persons', 'diplomats', 'insiders']);
/** Words that start what a source cites, never part of the source: "médias citant des sources". */
const CITING = new Set(['citant', 'citing']);
/** Words for the circle around someone ("l'entourage du président", "le camp présidentiel"). */
export const CIRCLES = new Set(['entourage', 'camp', 'cercle']);

/** Common English verbs in the simple past that do not end in -ed. */
const IRREGULAR_PAST = new Set([
  'met',
  'saw',
  'took',
  'held',
  'sent',
  'gave',
  'led',
  'won',
  'beat',
  'hit',
  'made',
  'paid',
  'sought',
  'thanked',
]);

/** An English simple past ("hosted", "received", "met"): the verb between two people's names. */
function looksPastTense(f: string): boolean {
  return (f.length >= 5 && f.endsWith('ed')) || IRREGULAR_PAST.has(f);
}

/** An abbreviation or an initial before a full stop: "M. Lavrov", "S. Jaishankar". */
function abbreviationAt(ctx: BlockContext, k: number): boolean {
  const t = ctx.tok(k);
  return !!t && (ctx.lex.abbreviations.has(t.f) || (t.t.length === 1 && t.cap));
}

/** Does an outlet's name end just before token a ("the Washington Post Trump said")? */
function endsOutlet(ctx: BlockContext, a: number): boolean {
  for (let k = Math.max(0, a - 4); k < a; k++) {
    const e = ctx.entityAt[k];
    if (e && e.end === a && e.value.kind === 'outlet') return true;
  }
  return false;
}

interface Description {
  speaker: Speaker;
  /** The title is a former one ("the former head of the British Army"). */
  former?: boolean;
  /** Token range of the proper name inside the phrase, if any. */
  name?: [number, number];
  headKind?: RoleKind;
}

/** Who a noun phrase names: its category, country, gender and office. */
export function describe(ctx: BlockContext, a0: number, b0: number, appositive = false): Description {
  let a = a0;
  let b = b0;
  while (a < b && ctx.tok(a)?.k !== Kind.Word && ctx.tok(a)?.k !== Kind.Number) a++;
  while (b > a && ctx.tok(b - 1)?.k !== Kind.Word && ctx.tok(b - 1)?.k !== Kind.Number) b--;
  const l = ctx.lex;
  const first = ctx.f(a);
  const det = l.determiners.has(first) ? first : undefined;
  let entity: { a: number; b: number; value: import('../lexicon').KnownEntity } | undefined;
  let country: string | undefined;
  let placeKind: string | undefined;
  let head: number | undefined;
  let headKind: RoleKind | undefined;
  let complementKind: RoleKind | undefined;
  let complementUnknown = false;
  let complementName = false;
  let stateMarker = false;
  let pressWord = false;
  let portfolio = false;
  let unnamedPhrase = false;
  let name: [number, number] | undefined;
  let office: string | undefined;
  let complementOffice: string | undefined;
  let afterHeadLink = false;
  let lastRole = -2;
  for (let k = a; k < b; k++) {
    const t = ctx.tok(k);
    if (!t) break;
    const f = t.f;
    if (l.unnamedPhrases.match(ctx.toks, k)) unnamedPhrase = true;
    const off = l.offices.match(ctx.toks, k);
    if (off && off.end <= b) {
      if (head !== undefined && afterHeadLink && !complementOffice) complementOffice = off.value;
      else office ??= off.value;
    }
    const ent = ctx.entityAt[k];
    if (ent && ent.end <= b && !entity) {
      // An official named in a title's complement ("an aide to Vladimir Putin") is not the speaker.
      if (
        head !== undefined &&
        ent.value.kind !== 'outlet' &&
        !headKind?.startsWith('media') &&
        (afterHeadLink || ctx.isPreposition(ctx.f(k - 1)))
      ) {
        complementKind ??= 'gov-body';
        country ??= ent.value.country;
        k = ent.end - 1;
        continue;
      }
      entity = { a: k, b: ent.end, value: ent.value };
      country ??= ent.value.country;
      // A known person's name is the speaker's own name ("Chancellor Olaf Scholz").
      if (ent.value.kind === 'official') name = [k, ent.end];
      k = ent.end - 1;
      continue;
    }
    const place = ctx.placeAt[k];
    if (place && place.end <= b) {
      country ??= place.value.country;
      placeKind ??= place.value.kind;
      if (head !== undefined && afterHeadLink) complementKind ??= 'gov-body';
      k = place.end - 1;
      continue;
    }
    if (STATE_MEDIA_MARKERS.has(f)) stateMarker = true;
    if (PRESS_WORDS.has(f)) pressWord = true;
    // Two-word demonyms: "North Korean", "South Sudanese", "Sri Lankan".
    const adj2 = k + 1 < b && l.adjectiveHeads.has(f) ? l.adjectives.get(`${f} ${ctx.f(k + 1)}`) : undefined;
    if (adj2) {
      country ??= adj2;
      k++;
      continue;
    }
    const adj = l.adjectives.get(f);
    if (adj && (!t.cap || ctx.lang === 'en' || k > a)) {
      country ??= adj;
      continue;
    }
    if (l.portfolios.has(f)) portfolio = true;
    let role = roleOf(ctx, f);
    // "the South China Morning Post", "le Times": a newspaper's name ends with its kind.
    const newspaper =
      !role &&
      t.cap &&
      k === b - 1 &&
      k > a &&
      NEWSPAPER_HEADS.has(f) &&
      (ctx.tok(k - 1)?.cap || (k === a + 1 && l.determiners.has(ctx.f(a))));
    if (newspaper) role = { kind: 'media-body' };
    // "official IRNA news agency", "l'agence officielle": an adjective here, not a title.
    if (
      role &&
      (f === 'official' || f === 'officiel' || f === 'officielle') &&
      k + 1 < b &&
      !DE_LIKE.has(ctx.f(k + 1)) &&
      !ctx.isPreposition(ctx.f(k + 1))
    )
      role = undefined;
    // A capitalised title after a name is part of an organisation's name ("Le Parisien"), unless it ends
    // an English phrase as its head ("the China Coast Guard").
    if (role && (!(t.cap && k > a && name) || (ctx.lang === 'en' && k === b - 1) || newspaper)) {
      if (head === undefined) {
        head = k;
        headKind = role.kind;
      } else if (!afterHeadLink && ctx.lang === 'en' && k === lastRole + 1) {
        // English premodifiers: the last noun is the head ("police officials", "state television"); the
        // body before a spokesperson is the one spoken for ("a Commerce Ministry spokesperson").
        if (role.kind === 'spokes' && headKind !== 'spokes') complementKind ??= headKind;
        head = k;
        headKind = role.kind;
      } else if (afterHeadLink && complementKind === undefined) complementKind = role.kind;
      lastRole = k;
      continue;
    }
    if (afterHeadLink && t.cap && INSTITUTION_WORDS.has(f)) complementKind ??= 'gov-body';
    if (DE_LIKE.has(f)) {
      if (head !== undefined) afterHeadLink = true;
      continue;
    }
    if (isNameToken(ctx, k)) {
      if (head !== undefined && afterHeadLink) complementName = true;
      if (name && (name[1] === k || linksBack(ctx, k) === name[1])) name[1] = k + 1;
      else name = [k, k + 1];
      continue;
    }
    if (
      head !== undefined &&
      afterHeadLink &&
      complementKind === undefined &&
      t.k === Kind.Word &&
      !l.determiners.has(f)
    )
      complementUnknown = true;
  }
  // Only a name that ends the phrase (or stands alone) is the speaker's own name.
  if (name && name[1] < b && head !== undefined && name[0] > head && ctx.f(name[1]) !== undefined) {
    const tail = ctx.f(name[1]);
    if (DE_LIKE.has(tail)) name = undefined;
  }

  let category: SourceCategory = 'other';
  let outlet = false;
  let person = false;
  let textA = a;
  let textB = b;
  const indefinite = det !== undefined && l.indefinite.has(det);
  const known = name ? lookupName(ctx, name) : undefined;
  if (entity && entity.value.kind === 'outlet' && (headKind === undefined || headKind.startsWith('media'))) {
    category = entity.value.category;
    outlet = true;
    textA = entity.a;
    textB = entity.b;
  } else if (entity && entity.value.kind !== 'outlet' && (!headKind || !headKind.startsWith('other'))) {
    category = 'government';
    person = entity.value.kind === 'official';
  } else if (headKind !== undefined) {
    person = headKind.endsWith('person') || headKind === 'spokes' || !!name;
    const h = ctx.f(head as number);
    if ((h === 'agence' || h === 'agency') && !pressWord) {
      category = country ? 'government' : 'other';
    } else if (headKind.startsWith('media')) {
      category = stateMarker ? 'state-media' : 'media';
    } else if (headKind.startsWith('gov')) {
      category = 'government';
      if (complementKind?.startsWith('other')) category = 'other';
      else if (complementKind?.startsWith('media')) category = 'media';
      else if (
        complementUnknown &&
        !country &&
        !complementOffice &&
        !portfolio &&
        AMBIGUOUS_HEADS.has(ctx.f(head as number))
      )
        category = 'other';
      if (indefinite && !name && !appositive && headKind === 'gov-person') category = 'unnamed';
      if (!det && !name && !country && headKind === 'gov-person' && /s$/.test(h) && ctx.lang === 'en')
        category = 'unnamed';
    } else if (headKind === 'spokes') {
      if (complementKind)
        category = complementKind.startsWith('gov')
          ? 'government'
          : complementKind.startsWith('media')
            ? 'media'
            : complementKind === 'unnamed'
              ? 'unnamed'
              : 'other';
      else if (complementUnknown) category = 'other';
      else category = country || complementOffice ? 'government' : 'other';
      if (entity && entity.value.kind !== 'outlet') category = 'government';
    } else if (headKind === 'unnamed') {
      category = 'unnamed';
    } else {
      category = 'other';
      // "l'institut géologique des États-Unis": a national body of a country's state.
      if (headKind === 'other-body' && complementKind === 'gov-body' && placeKind === 'country')
        category = 'government';
    }
    if (known && known.category !== 'other' && !indefinite) {
      category = known.category;
      country ??= known.country;
    }
  } else if (placeKind && !name) {
    category = 'government';
  } else if (portfolio && country) {
    category = 'government';
  } else if (det && !indefinite && head === undefined && SOURCE_NOUNS.has(ctx.f(b - 1)) && b - a <= 3) {
    // "according to the statement", "selon le communiqué": the document of the last speaker.
    const last = ctx.memory.recent[ctx.memory.recent.length - 1];
    if (last && last.salient) {
      category = last.category;
      country ??= last.country;
    }
  } else if (known) {
    category = known.category;
    country ??= known.country;
    person = known.person ?? true;
  } else if (name) {
    person = true;
  }
  // A name or a personal title makes it a person, whatever institution the phrase also names.
  if (name || headKind?.endsWith('person') || headKind === 'spokes') person = true;
  // "l'ancien ministre", "the former president": no longer speaks for a government.
  const former = head !== undefined && FORMER.has(ctx.f(head - 1));
  if (category === 'government' && former) category = 'other';
  if (
    category === 'government' &&
    head !== undefined &&
    headKind === 'gov-person' &&
    AMBIGUOUS_HEADS.has(ctx.f(head)) &&
    complementKind === undefined &&
    (complementUnknown || complementName)
  )
    category = 'other';
  if (unnamedPhrase) category = 'unnamed';
  // "a police source", "military sources", "des sources gouvernementales": vague whatever their kind.
  if (!name && !entity && !appositive) {
    for (let k = a; k < b; k++) {
      const f = ctx.f(k);
      if (f === 'de' || f === 'of' || f === 'du') break;
      if (f === 'source' || f === 'sources') category = 'unnamed';
    }
  }
  // A media noun followed by the outlet's own name: the name is the mention ("le journal Le Parisien").
  if (
    headKind?.startsWith('media') &&
    name &&
    !outlet &&
    head !== undefined &&
    !(head === b - 1 && NEWSPAPER_HEADS.has(ctx.f(head))) &&
    (name[0] > head || name[1] === head)
  ) {
    let na = name[0];
    const prevTok = ctx.tok(na - 1);
    if (prevTok?.cap && ctx.lex.determiners.has(prevTok.f)) na--;
    textA = na;
    textB = name[1];
    outlet = true;
  }

  // Gender and number decide between il/elle, he/she, ils/they.
  let gender: Gender | undefined;
  if (name) gender = ctx.lex.givenNames.get(ctx.f(name[0]));
  if (!gender && known?.gender) gender = known.gender;
  if (!gender && entity?.value.gender) gender = entity.value.gender;
  if (!gender && head !== undefined) gender = ctx.lex.roles.get(ctx.f(head))?.gender;
  if (!gender && det) gender = MASC_DET.has(det) ? 'm' : FEM_DET.has(det) ? 'f' : undefined;
  if (!gender && a > 0) {
    const before = ctx.f(a - 1);
    if (MASC_DET.has(before)) gender = 'm';
    else if (FEM_DET.has(before)) gender = 'f';
  }
  const headWord = head !== undefined ? ctx.f(head) : undefined;
  const plural =
    (det !== undefined && PLURAL_DET.has(det)) ||
    (headWord !== undefined && /[^s]s$/.test(headWord) && headWord !== 'porte-parole');

  let officeKey: string | undefined;
  if (headKind === 'spokes' && complementOffice) {
    const o = complementOffice === 'presidency' ? 'head-of-state' : complementOffice;
    officeKey = `${country ?? ''}:spokes:${o}`;
  } else if (office) officeKey = `${country ?? ''}:${office}`;
  else if (portfolio && country && !headKind) officeKey = `${country}:${portfolioOffice(ctx, a, b)}`;

  const speaker: Speaker = {
    text: ctx.slice(textA, textB),
    start: ctx.start(textA),
    end: ctx.end(textB),
    category,
    resolution: 'named',
  };
  if (country) speaker.country = country;
  if (gender) speaker.gender = gender;
  if (plural) speaker.plural = true;
  if (headWord) speaker.head = headWord;
  if (officeKey) speaker.office = officeKey;
  if (person) speaker.person = true;
  else speaker.person = false;
  // "Polish Radio", "Iranian state television": a broadcaster or paper named by its kind is an outlet too
  // (one that "reports" what another source said relays it).
  if (outlet || (headKind === 'media-body' && (category === 'media' || category === 'state-media')))
    speaker.outlet = true;
  if (entity) speaker.entityId = entity.value.id;
  if (head !== undefined) {
    const roleEnd = name && name[0] > head ? name[0] : b;
    if (roleEnd > head) speaker.role = ctx.slice(head, roleEnd).replace(/[\s,]+$/, '');
  } else if (known?.role) speaker.role = known.role;
  if (!speaker.entityId && known?.entityId) speaker.entityId = known.entityId;
  if (!speaker.office && known?.office) speaker.office = known.office;

  // A bare title ("le ministre", "the mayor") stands for the last speaker who held it.
  if (headWord && !name && !country && !entity && det && !indefinite && category !== 'unnamed') {
    const prior = ctx.memory.resolveTitle(headWord);
    if (prior) {
      speaker.category = prior.category;
      if (prior.country) speaker.country = prior.country;
      if (prior.office) speaker.office = prior.office;
      if (prior.entityId) speaker.entityId = prior.entityId;
    } else if (category === 'government') {
      const country = ctx.memory.lastCountry();
      if (country) speaker.country = country;
    }
  }
  const out: Description = { speaker };
  if (former) out.former = true;
  if (name) out.name = name;
  if (headKind) out.headKind = headKind;
  return out;
}

/** The end of a run of name tokens from k (before `limit`), across lower-case links: "Faisal bin Farhan". */
export function nameRunEnd(ctx: BlockContext, k: number, limit: number): number {
  let r = k;
  for (;;) {
    while (r < limit && isNameToken(ctx, r)) r++;
    if (r > k && r + 1 < limit && NAME_LINKS.has(ctx.f(r)) && !ctx.tok(r)?.cap && isNameToken(ctx, r + 1))
      r++;
    else return r;
  }
}

/** "Ursula von der Leyen": where the run of lower-case name particles before token k starts. */
function linksBack(ctx: BlockContext, k: number): number {
  let j = k;
  while (j > 0 && k - j < 3 && NAME_LINKS.has(ctx.f(j - 1)) && !ctx.tok(j - 1)?.cap) j--;
  return j;
}

/** A title, also behind a prefix: "vice-ministre", "ex-président", "deputy minister". */
function roleOf(ctx: BlockContext, f: string): import('../lexicon').Role | undefined {
  const r = ctx.lex.roles.get(f);
  if (r || !f.includes('-')) return r;
  const dash = f.indexOf('-');
  const prefix = f.slice(0, dash);
  if (prefix === 'vice' || prefix === 'ex' || prefix === 'sous' || prefix === 'co' || prefix === 'premier')
    return ctx.lex.roles.get(f.slice(dash + 1));
  return undefined;
}

function portfolioOffice(ctx: BlockContext, a: number, b: number): string {
  for (let k = a; k < b; k++) {
    const f = ctx.f(k);
    if (f === 'defense' || f === 'defence' || f === 'armees') return 'defence-ministry';
    if (f === 'diplomatie' || f === 'etrangeres') return 'foreign-ministry';
    if (f === 'interieur') return 'interior-ministry';
  }
  return 'ministry';
}

/** The folded words of tokens [a, b) joined by spaces: a name's key in the discourse memory. */
function nameKey(ctx: BlockContext, a: number, b: number): string {
  let key = ctx.f(a);
  for (let k = a + 1; k < b; k++) key += ' ' + ctx.f(k);
  return key;
}

/** What the text (or the knowledge base) said earlier of a person named here. */
function lookupName(ctx: BlockContext, name: [number, number]): Speaker | undefined {
  const full = nameKey(ctx, name[0], name[1]);
  const surname = ctx.f(name[1] - 1);
  return ctx.memory.names.get(full) ?? ctx.memory.names.get(surname);
}

/** Records the name in a description so later bare mentions ("Konachenkov") inherit its role. */
export function rememberName(ctx: BlockContext, d: Description): void {
  if (!d.name) return;
  const full = nameKey(ctx, d.name[0], d.name[1]);
  ctx.memory.rememberName(full, d.speaker);
  ctx.memory.rememberName(ctx.f(d.name[1] - 1), d.speaker);
  // Family names come first in Chinese, Korean and other names ("Lin Jian" ... "Lin said").
  const first = ctx.f(d.name[0]);
  if (d.name[1] - d.name[0] < 2) return;
  if (!ctx.lex.givenNames.has(first)) ctx.memory.rememberName(first, d.speaker);
  // A word that is also a given name ("Kim Jong Un" ... "Kim vowed") never displaces a surname.
  else if (!ctx.memory.names.has(first)) ctx.memory.names.set(first, d.speaker);
}
