// The engine's start-up in steps (a file of its own: nothing else may have built the lexicon first).
import { describe, expect, it } from 'vitest';
import { analyze, engineStartSteps } from '../../../src/core/index';

describe('start-up', () => {
  it('comes in named steps, the known names in several, and leaves nothing to build', () => {
    const steps = [...engineStartSteps()];
    expect(steps[0]).toBe('engine start: lexicon');
    expect(steps.filter((s) => s === 'engine start: names').length).toBeGreaterThan(1);
    expect(steps.at(-1)).toBe('engine start: first analysis');
    // Once started, a second start has nothing left to build but its first analysis.
    expect([...engineStartSteps()]).toEqual(['engine start: lexicon', 'engine start: first analysis']);
    // And the known names are all there.
    const r = analyze('Sergueï Lavrov a déclaré que Moscou répondrait, cité par Sputnik.', { lang: 'fr' });
    expect(r.attributions[0]?.source.country).toBe('RU');
  });
});
