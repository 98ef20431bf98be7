// Lessons: a trainer's walk through one article, one flag at a time, and the quiz built on it.
//
// A lesson is a list of steps, each anchored to the article's text by W3C selectors (quote + position) so it
// re-attaches after a reload or a small edit of the page. It travels as a versioned JSON pack; the pack is
// checked by a hand-written validator that names the first bad field, so an import either yields a whole
// lesson or nothing. Pure: no DOM, no browser API.
import { anchorQuote, type AnchoredRange, type TextAnchor } from './anchoring/index';
import { SOURCE_CATEGORIES, type Report, type SourceCategory } from './types';

/** What a step points at: a kind of source, or a hedge on a claim. */
export type StepCategory = SourceCategory | 'hedge';
export const STEP_CATEGORIES: readonly StepCategory[] = [...SOURCE_CATEGORIES, 'hedge'];

export interface LessonStep {
  /** Stable within the lesson (survives reordering). */
  id: string;
  selector: TextAnchor;
  category: StepCategory;
  /** Who speaks, in the article's words ("Igor Konachenkov"). */
  speaker?: string;
  /** Knowledge-base id for the provenance note, when known. */
  entityId?: string;
  country?: string;
  /** What the trainer says about this flag. */
  trainerNote: string;
  /** Picked from the engine's findings, or marked by hand. */
  kind: 'engine' | 'custom';
}

export interface Lesson {
  /** Database key; absent until saved. */
  id?: string;
  title: string;
  url: string;
  lang?: 'fr' | 'en';
  steps: LessonStep[];
  /** The article's text, kept so the lesson can be shown with no network. */
  article?: { text: string };
  created: string;
  updated: string;
}

export const LESSON_PACK_FORMAT = 'provenance-lens/lesson';
export const LESSON_PACK_VERSION = 1;

export interface LessonPack {
  format: typeof LESSON_PACK_FORMAT;
  version: typeof LESSON_PACK_VERSION;
  title: string;
  url: string;
  lang?: 'fr' | 'en';
  created?: string;
  updated?: string;
  steps: LessonStep[];
  article?: { text: string };
}

// ---------------------------------------------------------------------------------------------------------
// Packs

export function lessonToPack(lesson: Lesson, options: { withArticle?: boolean } = {}): LessonPack {
  const pack: LessonPack = {
    format: LESSON_PACK_FORMAT,
    version: LESSON_PACK_VERSION,
    title: lesson.title,
    url: lesson.url,
    created: lesson.created,
    updated: lesson.updated,
    steps: lesson.steps.map(copyStep),
  };
  if (lesson.lang) pack.lang = lesson.lang;
  if (options.withArticle !== false && lesson.article) pack.article = { text: lesson.article.text };
  return pack;
}

export function packToLesson(pack: LessonPack, now: string): Lesson {
  const lesson: Lesson = {
    title: pack.title,
    url: pack.url,
    steps: pack.steps.map(copyStep),
    created: pack.created ?? now,
    updated: pack.updated ?? now,
  };
  if (pack.lang) lesson.lang = pack.lang;
  if (pack.article) lesson.article = { text: pack.article.text };
  return lesson;
}

function copyStep(step: LessonStep): LessonStep {
  const copy: LessonStep = {
    id: step.id,
    selector: {
      quote: { ...step.selector.quote },
      position: { ...step.selector.position },
    },
    category: step.category,
    trainerNote: step.trainerNote,
    kind: step.kind,
  };
  if (step.speaker !== undefined) copy.speaker = step.speaker;
  if (step.entityId !== undefined) copy.entityId = step.entityId;
  if (step.country !== undefined) copy.country = step.country;
  return copy;
}

/** Limits that keep a hostile pack from filling the database or freezing the page. */
export const PACK_LIMITS = {
  bytes: 2_000_000,
  steps: 500,
  title: 500,
  url: 2048,
  quote: 4000,
  context: 200,
  note: 10_000,
  speaker: 300,
  id: 100,
  articleText: 1_500_000,
} as const;

export interface PackError {
  /** Where the problem is, e.g. `steps[3].selector.quote.exact`. */
  path: string;
  message: string;
}

export type PackResult = { ok: true; pack: LessonPack } | { ok: false; error: PackError };

class Invalid extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Invalid(path, 'must be an object');
  }
  return value as Json;
}

function onlyKeys(obj: Json, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new Invalid(join(path, key), 'is not a known field');
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function string(
  obj: Json,
  key: string,
  path: string,
  max: number,
  options: { optional?: boolean; nonEmpty?: boolean } = {},
): string | undefined {
  const value = obj[key];
  const at = join(path, key);
  if (value === undefined && options.optional) return undefined;
  if (typeof value !== 'string')
    throw new Invalid(at, value === undefined ? 'is missing' : 'must be a string');
  if (value.length > max) throw new Invalid(at, `is longer than ${max} characters`);
  if (options.nonEmpty && value.trim() === '') throw new Invalid(at, 'must not be empty');
  return value;
}

function offset(obj: Json, key: string, path: string, max: number): number {
  const value = obj[key];
  const at = join(path, key);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new Invalid(at, value === undefined ? 'is missing' : 'must be a whole number ≥ 0');
  }
  return value;
}

function checkDate(obj: Json, key: string, path: string): void {
  const value = string(obj, key, path, 40, { optional: true });
  if (value !== undefined && Number.isNaN(Date.parse(value)))
    throw new Invalid(join(path, key), 'is not a date');
}

function checkStep(value: unknown, path: string, ids: Set<string>): void {
  const step = object(value, path);
  onlyKeys(step, path, [
    'id',
    'selector',
    'category',
    'speaker',
    'entityId',
    'country',
    'trainerNote',
    'kind',
  ]);
  const id = string(step, 'id', path, PACK_LIMITS.id, { nonEmpty: true })!;
  if (ids.has(id)) throw new Invalid(join(path, 'id'), `repeats the id "${id}"`);
  ids.add(id);

  const selectorPath = join(path, 'selector');
  const selector = object(step.selector, selectorPath);
  onlyKeys(selector, selectorPath, ['quote', 'position']);
  const quotePath = join(selectorPath, 'quote');
  const quote = object(selector.quote, quotePath);
  onlyKeys(quote, quotePath, ['type', 'exact', 'prefix', 'suffix']);
  if (quote.type !== 'TextQuoteSelector')
    throw new Invalid(join(quotePath, 'type'), 'must be "TextQuoteSelector"');
  const exact = string(quote, 'exact', quotePath, PACK_LIMITS.quote, { nonEmpty: true })!;
  string(quote, 'prefix', quotePath, PACK_LIMITS.context);
  string(quote, 'suffix', quotePath, PACK_LIMITS.context);
  const positionPath = join(selectorPath, 'position');
  const position = object(selector.position, positionPath);
  onlyKeys(position, positionPath, ['type', 'start', 'end']);
  if (position.type !== 'TextPositionSelector') {
    throw new Invalid(join(positionPath, 'type'), 'must be "TextPositionSelector"');
  }
  const start = offset(position, 'start', positionPath, PACK_LIMITS.articleText);
  const end = offset(position, 'end', positionPath, PACK_LIMITS.articleText);
  if (end <= start) throw new Invalid(join(positionPath, 'end'), 'must be after start');
  if (end - start !== exact.length) {
    throw new Invalid(join(positionPath, 'end'), 'must span as many characters as the quote');
  }

  if (!STEP_CATEGORIES.includes(step.category as StepCategory)) {
    throw new Invalid(join(path, 'category'), `must be one of ${STEP_CATEGORIES.join(', ')}`);
  }
  string(step, 'speaker', path, PACK_LIMITS.speaker, { optional: true });
  string(step, 'entityId', path, PACK_LIMITS.id, { optional: true });
  const country = string(step, 'country', path, 2, { optional: true });
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw new Invalid(join(path, 'country'), 'must be a two-letter country code');
  }
  string(step, 'trainerNote', path, PACK_LIMITS.note);
  if (step.kind !== 'engine' && step.kind !== 'custom') {
    throw new Invalid(join(path, 'kind'), 'must be "engine" or "custom"');
  }
}

/** Checks a parsed pack; on success the same object, typed. */
export function validateLessonPack(value: unknown): PackResult {
  try {
    const pack = object(value, '(pack)');
    onlyKeys(pack, '', [
      'format',
      'version',
      'title',
      'url',
      'lang',
      'created',
      'updated',
      'steps',
      'article',
    ]);
    if (pack.format !== LESSON_PACK_FORMAT) throw new Invalid('format', `must be "${LESSON_PACK_FORMAT}"`);
    if (pack.version !== LESSON_PACK_VERSION) {
      throw new Invalid('version', `must be ${LESSON_PACK_VERSION} (this version reads no other)`);
    }
    string(pack, 'title', '', PACK_LIMITS.title, { nonEmpty: true });
    const url = string(pack, 'url', '', PACK_LIMITS.url)!;
    if (url !== '' && !/^(https?|chrome-extension|moz-extension):\/\/\S+$/.test(url)) {
      throw new Invalid('url', 'must be an http(s) address');
    }
    if (pack.lang !== undefined && pack.lang !== 'fr' && pack.lang !== 'en') {
      throw new Invalid('lang', 'must be "fr" or "en"');
    }
    checkDate(pack, 'created', '');
    checkDate(pack, 'updated', '');
    if (!Array.isArray(pack.steps))
      throw new Invalid('steps', pack.steps === undefined ? 'is missing' : 'must be a list');
    if (pack.steps.length > PACK_LIMITS.steps)
      throw new Invalid('steps', `has more than ${PACK_LIMITS.steps} steps`);
    const ids = new Set<string>();
    pack.steps.forEach((step, i) => checkStep(step, join('steps', i), ids));
    if (pack.article !== undefined) {
      const article = object(pack.article, 'article');
      onlyKeys(article, 'article', ['text']);
      const text = string(article, 'text', 'article', PACK_LIMITS.articleText)!;
      pack.steps.forEach((step: LessonStep, i) => {
        if (step.selector.position.end > text.length) {
          throw new Invalid(
            join(join('steps', i), 'selector.position.end'),
            'is past the end of the article text',
          );
        }
      });
    }
    return { ok: true, pack: pack as unknown as LessonPack };
  } catch (error) {
    if (error instanceof Invalid)
      return { ok: false, error: { path: error.path || '(pack)', message: error.message } };
    throw error;
  }
}

/** A file's text as JSON, refused before parsing when it is over the size limit. */
export function readPackJson(json: string): { ok: true; value: unknown } | { ok: false; error: PackError } {
  if (json.length > PACK_LIMITS.bytes) {
    return {
      ok: false,
      error: { path: '(pack)', message: `is larger than ${PACK_LIMITS.bytes} characters` },
    };
  }
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, error: { path: '(pack)', message: 'is not valid JSON' } };
  }
}

/** Reads a pack from a file's text: size first, then JSON, then every field. */
export function parseLessonPack(json: string): PackResult {
  const read = readPackJson(json);
  if (!read.ok) return read;
  return validateLessonPack(read.value);
}

// ---------------------------------------------------------------------------------------------------------
// Re-attaching a lesson to a page

export interface AttachedStep {
  step: LessonStep;
  range: AnchoredRange;
}

export interface AttachedLesson {
  /** In lesson order. */
  attached: AttachedStep[];
  /** Steps that no longer attach: listed to the trainer, kept in the lesson. */
  orphans: LessonStep[];
}

export function attachLesson(steps: readonly LessonStep[], text: string): AttachedLesson {
  const attached: AttachedStep[] = [];
  const orphans: LessonStep[] = [];
  for (const step of steps) {
    const range = anchorQuote(text, step.selector);
    if (range) attached.push({ step, range });
    else orphans.push(step);
  }
  return { attached, orphans };
}

/** Moves a step from one place to another, returning a new list. */
export function moveStep<T>(steps: readonly T[], from: number, to: number): T[] {
  const copy = steps.slice();
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length) return copy;
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}

// ---------------------------------------------------------------------------------------------------------
// The engine's findings as candidate flags

export interface FlagCandidate {
  start: number;
  end: number;
  category: StepCategory;
  speaker?: string;
  entityId?: string;
  country?: string;
  /** What the engine saw, for the trainer's list ("attribution", "credit", "conditional"...). */
  what: string;
}

/** Each thing the engine flagged, as a span a trainer can pick or a learner should find. */
export function flagsFromReport(report: Report): FlagCandidate[] {
  const flags: FlagCandidate[] = [];
  for (const a of report.attributions) {
    const spans = [a.cue, ...(a.source.start !== undefined && a.source.end !== undefined ? [a.source] : [])];
    // A pronoun's antecedent may be paragraphs away: the flag then covers the cue alone.
    const near = spans.filter((s) => Math.abs((s.start ?? 0) - a.cue.start) < 200);
    const flag: FlagCandidate = {
      start: Math.min(...near.map((s) => s.start ?? a.cue.start)),
      end: Math.max(...near.map((s) => s.end ?? a.cue.end)),
      category: a.source.category,
      speaker: a.source.text,
      what: 'attribution',
    };
    if (a.source.entityId) flag.entityId = a.source.entityId;
    if (a.source.country) flag.country = a.source.country;
    flags.push(flag);
    for (const v of a.via) {
      const relay: FlagCandidate = {
        start: v.start,
        end: v.end,
        category: v.category,
        speaker: v.text,
        what: 'relay',
      };
      if (v.entityId) relay.entityId = v.entityId;
      if (v.country) relay.country = v.country;
      flags.push(relay);
    }
  }
  for (const o of report.outlets) {
    if (o.kind === 'publisher' || o.end <= o.start) continue;
    const flag: FlagCandidate = {
      start: o.start,
      end: o.end,
      category: o.category,
      speaker: o.text,
      what: o.kind,
    };
    if (o.entityId) flag.entityId = o.entityId;
    if (o.country) flag.country = o.country;
    flags.push(flag);
  }
  for (const h of report.hedges) flags.push({ start: h.start, end: h.end, category: 'hedge', what: h.kind });
  // One flag per span: relays found both as a `via` and an outlet mention are the same thing.
  const seen = new Set<string>();
  return flags
    .filter((f) => f.end > f.start)
    .sort((x, y) => x.start - y.start || y.end - x.end)
    .filter((f) => {
      const key = `${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

// ---------------------------------------------------------------------------------------------------------
// The quiz

export interface QuizKeyItem {
  start: number;
  end: number;
  category: StepCategory;
  speaker?: string;
  /** Why this counts: the trainer's note, or what the engine saw. */
  explanation: string;
  stepId?: string;
}

export interface LearnerMark {
  start: number;
  end: number;
  category?: StepCategory;
  speaker?: string;
}

export interface QuizResult {
  found: Array<{ key: QuizKeyItem; mark: LearnerMark; categoryRight: boolean; speakerRight?: boolean }>;
  missed: QuizKeyItem[];
  extra: LearnerMark[];
  /** 0..100: a point for each flag found, a point for its right category, half a point off per extra mark. */
  score: number;
  points: number;
  maxPoints: number;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Loose name comparison: case, accents and word order aside, one shared word of 3+ letters is enough. */
export function sameSpeaker(a: string, b: string): boolean {
  const words = (s: string) =>
    new Set(
      s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3),
    );
  const wa = words(a);
  for (const w of words(b)) if (wa.has(w)) return true;
  return false;
}

export function scoreQuiz(key: readonly QuizKeyItem[], marks: readonly LearnerMark[]): QuizResult {
  // Pair each mark with the key item it overlaps most, largest overlaps first, one to one.
  const pairs: Array<{ k: number; m: number; size: number }> = [];
  key.forEach((item, k) =>
    marks.forEach((mark, m) => {
      const size = overlap(item, mark);
      // A mark sprawling over a whole paragraph does not "find" a short flag inside it.
      const sprawl = mark.end - mark.start > 3 * (item.end - item.start) + 80;
      if (size > 0 && !sprawl) pairs.push({ k, m, size });
    }),
  );
  pairs.sort((a, b) => b.size - a.size || a.k - b.k);
  const keyUsed = new Set<number>();
  const markUsed = new Set<number>();
  const found: QuizResult['found'] = [];
  for (const { k, m } of pairs) {
    if (keyUsed.has(k) || markUsed.has(m)) continue;
    keyUsed.add(k);
    markUsed.add(m);
    const item = key[k]!;
    const mark = marks[m]!;
    const entry: QuizResult['found'][number] = {
      key: item,
      mark,
      categoryRight: mark.category === item.category,
    };
    if (mark.speaker && item.speaker) entry.speakerRight = sameSpeaker(mark.speaker, item.speaker);
    found.push(entry);
  }
  found.sort((a, b) => a.key.start - b.key.start);
  const missed = key.filter((_, k) => !keyUsed.has(k));
  const extra = marks.filter((_, m) => !markUsed.has(m));
  const maxPoints = 2 * key.length;
  const points = Math.max(0, found.length + found.filter((f) => f.categoryRight).length - 0.5 * extra.length);
  const score = maxPoints === 0 ? (extra.length === 0 ? 100 : 0) : Math.round((100 * points) / maxPoints);
  return { found, missed, extra, score, points, maxPoints };
}

/** The quiz key: the lesson's steps where they attach, else the engine's findings. */
export function quizKey(attached: readonly AttachedStep[] | undefined, report?: Report): QuizKeyItem[] {
  if (attached && attached.length > 0) {
    return attached.map(({ step, range }) => {
      const item: QuizKeyItem = {
        start: range.start,
        end: range.end,
        category: step.category,
        explanation: step.trainerNote,
        stepId: step.id,
      };
      if (step.speaker) item.speaker = step.speaker;
      return item;
    });
  }
  if (!report) return [];
  return flagsFromReport(report).map((f) => {
    const item: QuizKeyItem = { start: f.start, end: f.end, category: f.category, explanation: f.what };
    if (f.speaker) item.speaker = f.speaker;
    return item;
  });
}
