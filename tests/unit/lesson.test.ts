/* eslint-disable @typescript-eslint/no-explicit-any -- the tests break packs field by field, on purpose untyped */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../src/core/anchoring/index';
import {
  LESSON_PACK_FORMAT,
  PACK_LIMITS,
  attachLesson,
  flagsFromReport,
  lessonToPack,
  moveStep,
  packToLesson,
  parseLessonPack,
  quizKey,
  sameSpeaker,
  scoreQuiz,
  validateLessonPack,
  type Lesson,
  type LessonPack,
  type QuizKeyItem,
} from '../../src/core/lesson';
import type { Report } from '../../src/core/types';

const article = readFileSync(
  new URL('../../seeds/articles/000_2a3898ad9733a0ba.txt', import.meta.url),
  'utf8',
);

function stepOn(
  quote: string,
  id: string,
  extra: Partial<Lesson['steps'][number]> = {},
): Lesson['steps'][number] {
  const start = article.indexOf(quote);
  if (start < 0) throw new Error(quote);
  return {
    id,
    selector: describeRange(article, start, start + quote.length),
    category: 'government',
    trainerNote: 'Note',
    kind: 'custom',
    ...extra,
  };
}

const lesson: Lesson = {
  title: 'Idlib',
  url: 'https://fr.sputniknews.africa/idlib',
  lang: 'fr',
  steps: [
    stepOn('a annoncé la Défense russe', 'a', { kind: 'engine', speaker: 'la Défense russe', country: 'RU' }),
    stepOn('© SPUTNIK', 'b', { category: 'state-media', entityId: 'sputnik' }),
    stepOn('se seraient mis d’accord', 'c', { category: 'hedge' }),
  ],
  article: { text: article },
  created: '2026-11-22T00:00:00.000Z',
  updated: '2026-11-22T00:00:00.000Z',
};

const goodPack = (): LessonPack => JSON.parse(JSON.stringify(lessonToPack(lesson)));

describe('lesson packs', () => {
  it('round-trips a lesson through JSON and the validator', () => {
    const json = JSON.stringify(lessonToPack(lesson));
    const result = parseLessonPack(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const back = packToLesson(result.pack, 'later');
    expect(back).toEqual(lesson);
  });

  it('can leave the article text out', () => {
    expect(lessonToPack(lesson, { withArticle: false }).article).toBeUndefined();
    expect(lessonToPack(lesson).format).toBe(LESSON_PACK_FORMAT);
  });

  it('accepts a pack without optional fields', () => {
    const pack = goodPack();
    delete pack.article;
    delete pack.lang;
    delete pack.created;
    delete pack.updated;
    expect(validateLessonPack(pack).ok).toBe(true);
  });

  it('refuses something that is not JSON, or too large, naming the pack', () => {
    expect(parseLessonPack('{oops')).toEqual({
      ok: false,
      error: { path: '(pack)', message: 'is not valid JSON' },
    });
    const huge = parseLessonPack(' '.repeat(PACK_LIMITS.bytes + 1));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error.message).toMatch(/larger/);
  });

  // Each mutation breaks one field; the error must name that field's path.
  type Mutation = [path: string, mutate: (p: Record<string, any>) => void];
  const values: unknown[] = [null, 42, -1, 1.5, true, 'x', '', [], {}, '   ', 'ZZZ'];
  const mutations: Mutation[] = [
    ['format', (p) => (p.format = 'something-else')],
    ['format', (p) => delete p.format],
    ['version', (p) => (p.version = 2)],
    ['version', (p) => (p.version = '1')],
    ['title', (p) => (p.title = '')],
    ['title', (p) => (p.title = 'x'.repeat(PACK_LIMITS.title + 1))],
    ['title', (p) => delete p.title],
    ['url', (p) => (p.url = 'javascript:alert(1)')],
    ['url', (p) => (p.url = 'file:///etc/passwd')],
    ['lang', (p) => (p.lang = 'de')],
    ['created', (p) => (p.created = 'yesterday')],
    ['updated', (p) => (p.updated = 5)],
    ['steps', (p) => (p.steps = 'many')],
    ['steps', (p) => delete p.steps],
    ['steps', (p) => (p.steps = Array.from({ length: PACK_LIMITS.steps + 1 }, () => p.steps[0]))],
    ['steps[1].id', (p) => (p.steps[1].id = p.steps[0].id)],
    [
      'steps[2].selector.quote.exact',
      (p) => (p.steps[2].selector.quote.exact = 'x'.repeat(PACK_LIMITS.quote + 1)),
    ],
    [
      'steps[0].selector.position.end',
      (p) => (p.steps[0].selector.position.end = p.steps[0].selector.position.start),
    ],
    ['steps[0].selector.position.end', (p) => (p.steps[0].selector.position.end += 3)],
    [
      'steps[1].selector.position.end',
      (p) => (p.steps[1].selector.position.end = p.article.text.length + 20),
    ],
    ['article', (p) => (p.article = 'text')],
    ['article.text', (p) => (p.article.text = 7)],
    ['article.script', (p) => (p.article.script = 'x')],
    ['extra', (p) => (p.extra = 1)],
    ['__proto__', (p) => Object.defineProperty(p, '__proto__', { value: {}, enumerable: true })],
    ['steps[0].onclick', (p) => (p.steps[0].onclick = 'alert(1)')],
    ['steps[0].country', (p) => (p.steps[0].country = 'russia')],
  ];
  // and every value of the wrong type in every field of a step
  const stepFields: Array<[string, (s: Record<string, any>, v: unknown) => void, (v: unknown) => boolean]> = [
    ['id', (s, v) => (s.id = v), (v) => typeof v === 'string' && v.trim() !== '' && v !== 'b' && v !== 'c'],
    ['selector', (s, v) => (s.selector = v), () => false],
    ['selector.quote', (s, v) => (s.selector.quote = v), () => false],
    ['selector.quote.type', (s, v) => (s.selector.quote.type = v), () => false],
    [
      'selector.quote.exact',
      (s, v) => (s.selector.quote.exact = v),
      (v) => typeof v === 'string' && v.trim() !== '',
    ],
    ['selector.quote.prefix', (s, v) => (s.selector.quote.prefix = v), (v) => typeof v === 'string'],
    ['selector.quote.suffix', (s, v) => (s.selector.quote.suffix = v), (v) => typeof v === 'string'],
    ['selector.position', (s, v) => (s.selector.position = v), () => false],
    ['selector.position.type', (s, v) => (s.selector.position.type = v), () => false],
    [
      'selector.position.start',
      (s, v) => (s.selector.position.start = v),
      (v) => Number.isInteger(v) && (v as number) >= 0,
    ],
    ['selector.position.end', (s, v) => (s.selector.position.end = v), () => false],
    ['category', (s, v) => (s.category = v), () => false],
    ['speaker', (s, v) => (s.speaker = v), (v) => typeof v === 'string'],
    ['entityId', (s, v) => (s.entityId = v), (v) => typeof v === 'string'],
    ['trainerNote', (s, v) => (s.trainerNote = v), (v) => typeof v === 'string'],
    ['kind', (s, v) => (s.kind = v), () => false],
  ];
  for (const [field, set, acceptable] of stepFields) {
    for (const v of values) {
      if (acceptable(v)) continue;
      const n = mutations.length % 3;
      mutations.push([`steps[${n}].${field}`, (p) => set(p.steps[n], structuredClone(v))]);
    }
  }

  it(`rejects ${mutations.length} broken packs, each naming the bad field`, () => {
    expect(mutations.length).toBeGreaterThanOrEqual(100);
    for (const [path, mutate] of mutations) {
      const pack = goodPack() as unknown as Record<string, any>;
      mutate(pack);
      const result = parseLessonPack(JSON.stringify(pack));
      expect(result.ok, path).toBe(false);
      if (result.ok) continue;
      // the named path is the field broken, or the object holding it when the whole object is wrong
      expect(
        path.startsWith(result.error.path) || result.error.path.startsWith(path),
        `${path} vs ${result.error.path}`,
      ).toBe(true);
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  });

  it('names the deepest field exactly', () => {
    const pack = goodPack() as unknown as Record<string, any>;
    pack.steps[2].selector.quote.exact = 5;
    expect(validateLessonPack(pack)).toEqual({
      ok: false,
      error: { path: 'steps[2].selector.quote.exact', message: 'must be a string' },
    });
  });
});

describe('re-attaching a lesson', () => {
  it('attaches every step to the unchanged article, in order', () => {
    const { attached, orphans } = attachLesson(lesson.steps, article);
    expect(orphans).toEqual([]);
    expect(attached.map((a) => article.slice(a.range.start, a.range.end))).toEqual([
      'a annoncé la Défense russe',
      '© SPUTNIK',
      'se seraient mis d’accord',
    ]);
  });

  it('moves steps without losing any', () => {
    expect(moveStep(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveStep(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveStep(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c']);
  });
});

describe('the quiz', () => {
  const key: QuizKeyItem[] = [
    {
      start: 10,
      end: 30,
      category: 'government',
      speaker: 'Igor Konachenkov',
      explanation: 'ministry spokesman',
    },
    { start: 50, end: 59, category: 'state-media', explanation: 'photo credit' },
    { start: 80, end: 100, category: 'hedge', explanation: 'conditional' },
    { start: 120, end: 140, category: 'government', explanation: 'Lavrov' },
  ];

  it('counts found, missed and extra, and scores them', () => {
    const result = scoreQuiz(key, [
      { start: 12, end: 28, category: 'government', speaker: 'Konachenkov' }, // right, right category
      { start: 50, end: 59, category: 'media' }, // found, wrong category
      { start: 200, end: 210, category: 'other' }, // extra
    ]);
    expect(result.found.map((f) => [f.key.explanation, f.categoryRight])).toEqual([
      ['ministry spokesman', true],
      ['photo credit', false],
    ]);
    expect(result.found[0]!.speakerRight).toBe(true);
    expect(result.missed.map((m) => m.explanation)).toEqual(['conditional', 'Lavrov']);
    expect(result.extra).toHaveLength(1);
    // (2 found + 1 right category − 0.5 extra) / 8
    expect(result.points).toBe(2.5);
    expect(result.maxPoints).toBe(8);
    expect(result.score).toBe(31);
  });

  it('gives full marks for a perfect answer and zero for nothing', () => {
    expect(
      scoreQuiz(
        key,
        key.map((k) => ({ start: k.start, end: k.end, category: k.category })),
      ).score,
    ).toBe(100);
    expect(scoreQuiz(key, []).score).toBe(0);
  });

  it('pairs one mark with one flag, and ignores marks sprawling over a paragraph', () => {
    const result = scoreQuiz(key, [
      { start: 0, end: 1000, category: 'government' },
      { start: 11, end: 20 },
      { start: 20, end: 29 },
    ]);
    expect(result.found).toHaveLength(1);
    expect(result.extra).toHaveLength(2);
  });

  it('compares speakers loosely', () => {
    expect(sameSpeaker('Sergueï Lavrov', 'lavrov')).toBe(true);
    expect(sameSpeaker('Peskov', 'Lavrov')).toBe(false);
  });

  it('uses the engine findings as the key when there is no lesson', () => {
    const report: Report = {
      language: 'fr',
      attributions: [
        {
          cue: { start: 40, end: 50, text: 'a déclaré', kind: 'speech-verb' },
          source: { text: 'Peskov', start: 30, end: 36, category: 'government', country: 'RU' },
          via: [{ text: 'Sputnik', start: 60, end: 67, category: 'state-media' }],
          hedged: false,
        },
      ],
      outlets: [
        { start: 60, end: 67, text: 'Sputnik', category: 'state-media', kind: 'text' },
        { start: 0, end: 10, text: 'RT', category: 'state-media', kind: 'publisher' },
      ],
      hedges: [{ start: 80, end: 90, text: 'aurait', kind: 'conditional' }],
      unnamed: [],
    };
    const flags = flagsFromReport(report);
    expect(flags.map((f) => [f.start, f.end, f.category])).toEqual([
      [30, 50, 'government'],
      [60, 67, 'state-media'],
      [80, 90, 'hedge'],
    ]);
    expect(quizKey(undefined, report)).toHaveLength(3);
    const attached = attachLesson(lesson.steps, article).attached;
    expect(quizKey(attached, report).map((k) => k.stepId)).toEqual(['a', 'b', 'c']);
  });
});

describe('the ready-made demo lessons', () => {
  const articles: Record<string, string> = {
    'idlib-meeting': '000_2a3898ad9733a0ba.txt',
    'idlib-kremlin': '004_d995efe7b01a9663.txt',
  };
  for (const [slug, file] of Object.entries(articles)) {
    for (const lang of ['fr', 'en']) {
      it(`${slug}.${lang}: a valid pack whose every step attaches to its article`, () => {
        const json = readFileSync(
          new URL(`../../seeds/lessons/${slug}.${lang}.json`, import.meta.url),
          'utf8',
        );
        const result = parseLessonPack(json);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.pack.lang).toBe(lang);
        const text = readFileSync(new URL(`../../seeds/articles/${file}`, import.meta.url), 'utf8');
        expect(result.pack.article?.text).toBe(text);
        const { attached, orphans } = attachLesson(result.pack.steps, text);
        expect(orphans).toEqual([]);
        expect(attached.length).toBeGreaterThanOrEqual(6);
        for (const step of result.pack.steps) expect(step.trainerNote.length).toBeGreaterThan(20);
        // what a trainer points out: government sources, the state-media relay or credit, and more
        const categories = new Set(result.pack.steps.map((s) => s.category));
        expect(categories.has('government') && categories.has('state-media')).toBe(true);
      });
    }
  }
});
