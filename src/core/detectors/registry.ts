// Every detector, in the order they run. Cue detectors earlier in the list claim a span first (an
// inversion before a plain verb, "according to" before "said"). Adding a language means adding files
// here, not editing a switch.
import { creditsDatelines } from './credits-datelines';
import { enPrepositions } from './en-prepositions';
import { enSpeechVerbs } from './en-speech-verbs';
import { frInverted } from './fr-inverted';
import { frPrepositions } from './fr-prepositions';
import { frSpeechVerbs } from './fr-speech-verbs';
import { hedgesEn } from './hedges-en';
import { hedgesFr } from './hedges-fr';
import { relays } from './relays';
import type { Detector } from './types';

export const DETECTORS: readonly Detector[] = [
  creditsDatelines,
  frInverted,
  frSpeechVerbs,
  frPrepositions,
  enPrepositions,
  enSpeechVerbs,
  relays,
  hedgesFr,
  hedgesEn,
];
