// The overlay's state, outside Preact so the scanner can feed it from its batches: a tiny observable.
import type { Publisher } from '../../core/types';
import type { FindingView } from '../findings';

export interface StateLink {
  href: string;
  text: string;
  outlet: string;
  country?: string;
  entityId?: string;
}

export interface CardState {
  id: string;
  /** Where the mark stands (viewport coordinates). */
  rect: { top: number; left: number; bottom: number; right: number };
  /** Opened by keyboard or click: stays until Escape or a click elsewhere. */
  pinned: boolean;
  focus: boolean;
}

export interface OverlayState {
  findings: FindingView[];
  publisher?: Publisher;
  links: StateLink[];
  panelOpen: boolean;
  card: CardState | null;
  /** The finding last reached with next/previous. */
  current?: string;
}

export class OverlayStore {
  private state: OverlayState = { findings: [], links: [], panelOpen: false, card: null };
  private readonly listeners = new Set<() => void>();

  get(): OverlayState {
    return this.state;
  }

  set(patch: Partial<OverlayState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
