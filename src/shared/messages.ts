// The typed message protocol between the page side (content script), the extension pages (popup, options,
// lessons) and the background, which alone owns the IndexedDB database. Each request names its reply type;
// `send` and the background's router are checked against this one table.

import type { LessonSummary } from '../store/lessons';
import type { ProvenanceNoteView } from '../store/view';
import type { Lesson, LessonPack, PackError } from '../core/lesson';
import type { SourceCategory } from '../core/types';

/** Requests to the background: name → [payload, reply]. Add a line here, then its handler in src/background. */
export interface BackgroundCalls {
  /** The provenance note for an entity (seeded entry merged with the user's edits and notes). */
  'note/get': [{ entityId: string }, ProvenanceNoteView | null];
  /** The user's free notes on a source, added from a hover card or the options page. */
  'note/add': [{ entityId: string; text: string; tags?: string[] }, { id: number }];
  /** Whether this site is scanned automatically, and the per-site switch. */
  'site/get': [{ origin: string }, { enabled: boolean; always: boolean }];
  'site/set': [{ origin: string; enabled: boolean }, { ok: true }];
  /** The popup asks for this tab's figures, which the content script reported. */
  'page/summary': [{ tabId: number }, PageSummary | null];
  /** The content script reports its figures after a scan. */
  'page/report': [PageSummary, { ok: true }];
  /**
   * The loader (src/content/loader.ts, the script registered for granted sites) asks, after the page's load,
   * for the content script: the background injects content.js into the sender's frame if the site is on.
   */
  'page/inject': [{ origin: string }, { injected: boolean }];
  /** Scans a tab now (the popup opened on it): injects the content script through activeTab. */
  'tab/scan': [{ tabId: number }, { ok: boolean }];
  /** Lessons (src/background/lessons.ts): list, read, save, delete, packs in and out. */
  'lesson/list': [Record<string, never>, LessonSummary[]];
  'lesson/get': [{ id: string }, (Lesson & { id: string }) | null];
  'lesson/forPage': [{ url: string }, Array<Lesson & { id: string }>];
  'lesson/save': [{ lesson: Lesson }, { ok: true; id: string } | { ok: false; error: PackError }];
  'lesson/delete': [{ id: string }, { ok: true }];
  'lesson/export': [{ id: string }, LessonPack | null];
  'lesson/import': [{ json: string }, { ok: true; ids: string[] } | { ok: false; error: PackError }];
  /** Opens a page (or finds it open) and starts the trainer there: authoring, presenting or the quiz. */
  'lesson/open': [{ url: string; mode: TrainerMode; lessonId?: string }, { ok: boolean; tabId?: number }];
}

/**
 * Requests to a tab's content script (tabs.sendMessage), from the popup or the background: name →
 * [payload, reply]. The reply is null when no content script runs in the tab.
 */
export interface PageCalls {
  /** Opens (or closes) the summary panel of who speaks on the page. */
  'panel/toggle': [{ open?: boolean }, { ok: true }];
  /** Scans the page now (a toolbar click, or the site switched on). */
  'scan/start': [Record<string, never>, { ok: true }];
  /** Switches the page off: marks, overlay, observers and listeners all removed. */
  'scan/stop': [Record<string, never>, { ok: true }];
  /** This page's figures, as last reported. */
  'scan/status': [Record<string, never>, PageSummary | null];
  /** Starts trainer mode on the page (src/content/trainer), with a saved lesson or a new one. */
  'trainer/start': [{ mode: TrainerMode; lessonId?: string }, { ok: true }];
}

export type TrainerMode = 'author' | 'present' | 'quiz';
export type { LessonSummary };
export type PageCallName = keyof PageCalls;
export interface PageMessage<K extends PageCallName = PageCallName> {
  type: K;
  payload: PageCalls[K][0];
}

export type CallName = keyof BackgroundCalls;
export type Payload<K extends CallName> = BackgroundCalls[K][0];
export type Reply<K extends CallName> = BackgroundCalls[K][1];
export interface Message<K extends CallName = CallName> {
  type: K;
  payload: Payload<K>;
}

/** What the UI shows of a knowledge-base entry: the seeded facts with the user's edits applied. */
export type { ProvenanceNoteView };

export interface PageSummary {
  url: string;
  title: string;
  counts: Record<SourceCategory, number>;
  byCountry: Record<string, number>;
  publisher?: { name: string; category: SourceCategory; country?: string };
}
