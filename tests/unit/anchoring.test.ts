import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorQuote, describeRange, searchApproximate } from '../../src/core/anchoring/index';
import { attachLesson, type LessonStep } from '../../src/core/lesson';

const article = readFileSync(
  new URL('../../seeds/articles/000_2a3898ad9733a0ba.txt', import.meta.url),
  'utf8',
);

function span(text: string, quote: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return { start, end: start + quote.length };
}

function describeQuote(text: string, quote: string) {
  const { start, end } = span(text, quote);
  return describeRange(text, start, end);
}

/** The article's own characters (non-breaking spaces and all) from `from` through `to`. */
function sentence(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  if (start < 0 || end < start + to.length) throw new Error(`not in text: ${from}…${to}`);
  return text.slice(start, end);
}

const at = (text: string, r: { start: number; end: number } | null) =>
  r ? text.slice(r.start, r.end) : null;

describe('describeRange', () => {
  it('keeps the quote, its context and its position', () => {
    const s = describeQuote(article, 'a annoncé la Défense russe');
    expect(s.quote.exact).toBe('a annoncé la Défense russe');
    expect(s.quote.prefix.length).toBe(32);
    expect(article.slice(s.position.start, s.position.end)).toBe(s.quote.exact);
    expect(s.quote.type).toBe('TextQuoteSelector');
    expect(s.position.type).toBe('TextPositionSelector');
  });

  it('clips context at the edges of the text', () => {
    const s = describeRange('abc def', 0, 3);
    expect(s.quote.prefix).toBe('');
    expect(s.quote.suffix).toBe(' def');
  });

  it('refuses an empty or out-of-range span', () => {
    expect(() => describeRange('abc', 2, 2)).toThrow(RangeError);
    expect(() => describeRange('abc', 1, 9)).toThrow(RangeError);
  });
});

describe('anchorQuote on an unchanged page', () => {
  it('finds the passage at its old position', () => {
    const s = describeQuote(article, '© SPUTNIK');
    const r = anchorQuote(article, s);
    expect(r?.method).toBe('position');
    expect(at(article, r)).toBe('© SPUTNIK');
  });
});

describe('anchorQuote on edited pages', () => {
  const cue = 'a déclaré le porte-parole du ministère russe de la Défense Igor Konachenkov';

  it('follows an inserted paragraph above the passage', () => {
    const s = describeQuote(article, cue);
    const edited = 'Mise à jour : un paragraphe ajouté en tête de l’article.\n\n' + article;
    const r = anchorQuote(edited, s);
    expect(r?.method).toBe('quote');
    expect(at(edited, r)).toBe(cue);
  });

  it('follows changed whitespace (reflowed lines, doubled spaces, tabs)', () => {
    const s = describeQuote(article, cue);
    const edited = article.replace(
      cue,
      cue.replace(/ /g, '  ').replace('ministère russe', 'ministère\n\t russe'),
    );
    const r = anchorQuote(edited, s);
    expect(r?.method).toBe('whitespace');
    expect(at(edited, r)?.replace(/\s+/g, ' ')).toBe(cue);
  });

  it('finds a passage whose words were lightly corrected (fuzzy)', () => {
    const s = describeQuote(article, cue);
    const edited = article.replace(
      cue,
      'a déclaré le porte-parole du ministère russe de la Défense, Igor Konachenkov',
    );
    const r = anchorQuote(edited, s);
    expect(r?.method).toBe('fuzzy');
    expect(r?.errors).toBe(1);
    expect(at(edited, r)).toBe(
      'a déclaré le porte-parole du ministère russe de la Défense, Igor Konachenkov',
    );
  });

  it('survives a whole-page change of whitespace plus an inserted paragraph', () => {
    const s = describeQuote(article, 'a-t-il expliqué');
    const edited = 'Un nouveau paragraphe.\n' + article.replace(/\n+/g, ' ');
    expect(at(edited, anchorQuote(edited, s))).toBe('a-t-il expliqué');
  });

  it('tells repeated words apart by their context', () => {
    const text = 'Il a ajouté que rien. Puis Lavrov a ajouté que tout. Enfin, Peskov a ajouté que non.';
    const s = describeRange(text, ...(Object.values(span(text, 'a ajouté', 30)) as [number, number]));
    const edited = 'Préambule. ' + text;
    const r = anchorQuote(edited, s);
    expect(r).not.toBeNull();
    expect(edited.slice(r!.start - 7, r!.start)).toBe('Lavrov ');
  });

  it('prefers the occurrence nearest the old position when context says nothing', () => {
    const text = 'x '.repeat(50) + 'selon ' + 'y '.repeat(50) + 'selon ' + 'z '.repeat(50);
    const second = text.lastIndexOf('selon');
    const s = {
      ...describeRange(text, second, second + 5),
      quote: { type: 'TextQuoteSelector' as const, exact: 'selon', prefix: '', suffix: '' },
    };
    const edited = 'w ' + text;
    expect(anchorQuote(edited, s)?.start).toBe(second + 2);
  });

  it('returns null for a deleted sentence rather than a wrong place', () => {
    const deleted = sentence(article, 'La rencontre en question', 'Idlib.');
    const s = describeQuote(article, deleted);
    const edited = article.replace(deleted, '');
    expect(anchorQuote(edited, s)).toBeNull();
  });

  it('does not match a short quote loosely without its context', () => {
    const text = 'Selon Moscou, tout va bien.';
    const s = describeQuote(text, 'Selon Moscou');
    expect(anchorQuote('Selon Ankara, rien ne va.', s)).toBeNull();
  });

  it('lists orphans instead of dropping them when a lesson re-attaches', () => {
    const lead = sentence(article, 'Les participants se seraient', 'a annoncé la Défense russe.');
    const quotes = [
      'a annoncé la Défense russe',
      '© SPUTNIK',
      'a-t-il expliqué',
      'Les participants se seraient mis d’accord',
    ];
    const steps: LessonStep[] = quotes.map((q, i) => ({
      id: `s${i}`,
      selector: describeQuote(article, q),
      category: 'government',
      trainerNote: '',
      kind: 'custom',
    }));
    const edited = ('Un chapeau ajouté.\n\n' + article).replace(lead, '').replace(/  +/g, ' ');
    const { attached, orphans } = attachLesson(steps, edited);
    expect(attached.map((a) => a.step.id)).toEqual(['s1', 's2']);
    expect(orphans.map((o) => o.id)).toEqual(['s0', 's3']);
    for (const a of attached)
      expect(edited.slice(a.range.start, a.range.end)).toBe(a.step.selector.quote.exact);
  });
});

describe('searchApproximate', () => {
  it('finds a match with errors and reports its edits', () => {
    const hits = searchApproximate('the quick brwn fox jumps', 'quick brown', 2);
    expect(hits[0]).toMatchObject({ start: 4, end: 14, errors: 1 });
  });

  it('finds nothing beyond the error bound', () => {
    expect(searchApproximate('completely different words', 'quick brown fox', 3)).toEqual([]);
  });

  it('stays fast on a long text (linear-ish)', () => {
    // correctness on a large input; the cut-off keeps this well under the test timeout
    const text = 'lorem ipsum dolor sit amet '.repeat(40_000) + 'a déclaré le porte-parole' + ' fin';
    const hits = searchApproximate(text, 'a déclaré le porte parole', 6);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe('a déclaré le porte-parole');
  });
});

describe('describe then anchor, over many spans of the article', () => {
  // A small deterministic generator, so a failure names the same span every run.
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const spans = Array.from({ length: 200 }, () => {
    const start = Math.floor(random() * (article.length - 60));
    return { start, end: start + 3 + Math.floor(random() * 57) };
  }).filter((s) => article.slice(s.start, s.end).trim().length === s.end - s.start);

  it('finds every span again on the unchanged text', () => {
    for (const s of spans) {
      const r = anchorQuote(article, describeRange(article, s.start, s.end));
      expect(r && [r.start, r.end], `${s.start}-${s.end}`).toEqual([s.start, s.end]);
    }
  });

  it('finds every span again, moved, after a paragraph is inserted at the top', () => {
    const added = 'Un paragraphe ajouté par la rédaction, avec quelques mots de plus.\n\n';
    const edited = added + article;
    for (const s of spans) {
      const r = anchorQuote(edited, describeRange(article, s.start, s.end));
      expect(r && [r.start, r.end], `${s.start}-${s.end}`).toEqual([
        s.start + added.length,
        s.end + added.length,
      ]);
    }
  });
});

describe('bounded work on hostile inputs', () => {
  it('anchors a long, edited quote in a long page', () => {
    const filler = 'Un autre paragraphe, sans rapport avec la réunion. '.repeat(1400); // ~70 000 characters
    const page = filler + article + filler;
    const long = article.slice(200, 2200);
    const start = page.indexOf(long);
    const s = describeRange(page, start, start + long.length);
    const edited = page.slice(0, start) + long.replace(/Idlib/g, 'Idleb') + page.slice(start + long.length);
    const r = anchorQuote(edited, s);
    expect(r?.method).toBe('fuzzy');
    expect(r && Math.abs(r.start - start)).toBeLessThan(5);
  });

  it('handles a text of one repeated letter', () => {
    const text = 'a'.repeat(100_000);
    expect(searchApproximate(text, 'a'.repeat(40) + 'b', 10)[0]?.errors).toBe(1);
  });
});
