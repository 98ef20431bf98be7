import type { BlockContext } from '../engine/context';
import type { Lang } from '../types';

/** One kind of marker in one or more languages. Detectors add candidates, outlets, hedges or relays to
 * the context; the engine resolves speakers afterwards, in text order. */
export interface Detector {
  id: string;
  langs: readonly Lang[];
  detect(ctx: BlockContext): void;
}
