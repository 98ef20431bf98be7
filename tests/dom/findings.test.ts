// @vitest-environment happy-dom
// From the engine's report to what the overlay shows and marks: one entry per attribution with its cue,
// speaker, quote, relays and hedges; state-media mentions outside attributions listed on their own.
import { describe, expect, it } from 'vitest';
import { countFindings, viewFindings } from '../../src/content/findings';
import type { Report } from '../../src/core/types';

const TEXT =
  '« Les forces se seraient retirées », a déclaré Dmitri Peskov, cité par Sputnik. © SPUTNIK. Selon une source proche du dossier, rien.';
const at = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  if (start < 0) throw new Error(s);
  return { start, end: start + s.length, text: s };
};

const report: Report = {
  language: 'fr',
  attributions: [
    {
      cue: { ...at('a déclaré'), kind: 'inverted' },
      source: { ...at('Dmitri Peskov'), category: 'government', country: 'RU', resolution: 'named' },
      via: [{ ...at('Sputnik'), category: 'state-media', country: 'RU', entityId: 'sputnik' }],
      quote: at('« Les forces se seraient retirées »'),
      hedged: true,
    },
    {
      cue: { ...at('Selon'), kind: 'preposition' },
      source: { ...at('une source proche du dossier'), category: 'unnamed' },
      via: [],
      hedged: false,
    },
  ],
  outlets: [
    { ...at('Sputnik'), category: 'state-media', kind: 'text', entityId: 'sputnik', country: 'RU' },
    { ...at('SPUTNIK'), category: 'state-media', kind: 'credit', entityId: 'sputnik', country: 'RU' },
  ],
  hedges: [{ ...at('se seraient retirées'), kind: 'conditional' }],
  unnamed: [{ ...at('une source proche du dossier'), attribution: 1 }],
};

describe('viewFindings', () => {
  let n = 0;
  const { views, marks } = viewFindings(
    report,
    (s, e) => TEXT.slice(s, e),
    () => `f${++n}`,
  );

  it('gives one entry per attribution, with its relay, quote and the hedge inside the quote', () => {
    const [peskov, unnamed] = views;
    expect(peskov).toMatchObject({
      kind: 'attribution',
      speaker: 'Dmitri Peskov',
      category: 'government',
      country: 'RU',
      cue: 'a déclaré',
      quote: '« Les forces se seraient retirées »',
      hedged: true,
      hedges: ['se seraient retirées'],
      via: [{ text: 'Sputnik', category: 'state-media', entityId: 'sputnik' }],
    });
    expect(unnamed).toMatchObject({ kind: 'attribution', category: 'unnamed' });
  });

  it('lists the credit on its own but not the relay already inside the attribution', () => {
    const outlets = views.filter((v) => v.kind === 'outlet');
    expect(outlets.map((o) => o.speaker)).toEqual(['SPUTNIK']);
    // The unnamed source belongs to its attribution: not listed twice.
    expect(views.filter((v) => v.kind === 'unnamed')).toHaveLength(0);
  });

  it('ties cue, speaker, quote and relay marks to one id, with one focus stop per finding', () => {
    const id = views[0]!.id;
    expect(marks.filter((m) => m.findingId === id).map((m) => m.kind)).toEqual([
      'cue',
      'speaker',
      'quote',
      'via',
    ]);
    for (const v of views)
      expect(marks.filter((m) => m.findingId === v.id && m.focusable).length).toBeLessThanOrEqual(1);
  });

  it('counts attributions by category and country', () => {
    expect(countFindings(views)).toEqual({
      counts: { 'state-media': 0, government: 1, media: 0, unnamed: 1, other: 0 },
      byCountry: { RU: 1 },
      attributions: 2,
    });
  });
});
