// The source a sourcing preposition names ("according to X", "selon X"), shared by the French and English
// detectors.
import type { BlockContext, SpeakerRef } from '../engine/context';
import { phraseAfter, SOURCE_NOUNS } from '../grammar/mentions';
import { Kind } from '../text/tokens';
import { speakerLike } from './fr-speech-verbs';

/** Words that tie a cited document to its author ("figures from the ministry", "les chiffres du ministère"). */
const AUTHOR_LINKS = new Set(['from', 'by', 'of', 'du', 'de', 'des']);

/**
 * The noun phrase [a, b) as a source, or nothing when it cannot be one ("according to a formula", "selon la
 * saison"). A cited document keeps its author: the phrase then runs over "from the health ministry".
 */
export function sourcePhrase(ctx: BlockContext, a: number, b: number): SpeakerRef | undefined {
  if (b <= a || ctx.tok(a)?.k !== Kind.Word) return undefined;
  if (!speakerLike(ctx, a, b)) return undefined;
  if (SOURCE_NOUNS.has(ctx.f(b - 1)) && AUTHOR_LINKS.has(ctx.f(b))) {
    const [, b2] = phraseAfter(ctx, b + 1);
    if (b2 > b + 1) return { kind: 'span', a, b: b2 };
  }
  return { kind: 'span', a, b };
}
