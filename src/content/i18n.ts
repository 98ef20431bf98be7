// The overlay's words, from the extension's _locales (keys prefixed page_), in the browser's language.
// The English defaults stand in only where the API gives nothing (unit tests, a key not yet translated).
import browser from '../shared/browser';
import type { SourceCategory } from '../core/types';

const EN = {
  page_panelTitle: 'Who speaks on this page',
  page_launcher: 'Provenance Lens: $1 attributions. Open the summary',
  page_close: 'Close',
  page_cat_state_media: 'state media',
  page_cat_government: 'government',
  page_cat_media: 'news outlet',
  page_cat_unnamed: 'unnamed source',
  page_cat_other: 'other source',
  page_byCategory: 'By kind of source',
  page_byCountry: 'By country',
  page_attributions: 'Attributions',
  page_hedges: 'Hedged claims',
  page_unnamedSources: 'Unnamed sources',
  page_stateLinks: 'Links to state media',
  page_publisher: 'Published by $1, $2.',
  page_relayedBy: 'relayed by',
  page_hedged: 'Hedged claim: the text does not vouch for it ($1).',
  page_speaker: 'Speaker',
  page_role: 'Role',
  page_unknownSpeaker: 'speaker not identified',
  page_resolvedFrom: 'named earlier in the text',
  page_note: 'Provenance note',
  page_noNote: 'No provenance note for this source.',
  page_references: 'References',
  page_unverified: 'not verified',
  page_editedByYou: 'edited by you',
  page_yourNotes: 'Your notes',
  page_addNote: 'Add a note',
  page_saveNote: 'Save the note',
  page_noteSaved: 'Note saved.',
  page_noteFailed: 'The note could not be saved.',
  page_loading: 'Loading…',
  page_next: 'Next flag',
  page_previous: 'Previous flag',
  page_none: 'No attribution found on this page.',
  page_markLabel: 'Attribution: $1, $2',
  page_outletLabel: 'Outlet: $1, $2',
  page_hedgeLabel: 'Hedge: $1',
  page_unnamedLabel: 'Unnamed source: $1',
  page_cardTitle: 'Who speaks here',
  page_quote: 'Statement',
  page_keyboardHint: 'Alt+Shift+N / Alt+Shift+B: next / previous flag. Escape closes.',
  page_control_state_controlled: 'state-controlled outlet',
  page_control_captured_public: 'public broadcaster under government control',
  page_control_state_funded_independent: 'state-funded, editorially independent',
  page_control_independent_public_service: 'independent public broadcaster',
  page_control_state_aligned_private: 'privately owned, aligned with the state',
  page_control_covert_proxy: 'covert state proxy',
  page_control_official_government_channel: 'official government channel',
  page_control_private: 'private outlet',
  page_field_control: 'Editorial control',
  page_field_owner: 'Owner',
  page_field_funding: 'Funding',
  page_field_parent: 'Part of',
  page_field_sanction: 'Sanction',
  page_field_platformLabel: 'Platform label',
  page_field_reliability: 'Reliability assessment',
  page_field_role: 'Office',
  page_field_formerly: 'Formerly',
  page_field_description: 'Description',
  page_linkBadge: 'state media',
} as const;

export type MessageKey = keyof typeof EN;
export const ENGLISH_MESSAGES: Readonly<Record<MessageKey, string>> = EN;

// Thousands of marks get labels on a long page; the extension API is not free, so answers are kept.
const memo = new Map<string, string>();

export function t(key: MessageKey, ...subs: string[]): string {
  const memoKey = subs.length ? `${key}\u0000${subs.join('\u0000')}` : key;
  const known = memo.get(memoKey);
  if (known !== undefined) return known;
  const text = lookUp(key, subs);
  if (memo.size > 5000) memo.clear();
  memo.set(memoKey, text);
  return text;
}

function lookUp(key: MessageKey, subs: string[]): string {
  let text = '';
  try {
    text = browser.i18n.getMessage(key, subs);
  } catch {
    // No extension context (tests): the defaults below.
  }
  if (!text || text === key) text = EN[key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return text;
}

/** A key that may not exist (a field or a control class the store adds later): its text, or undefined. */
export function tMaybe(key: string, ...subs: string[]): string | undefined {
  return key in EN ? t(key as MessageKey, ...subs) : undefined;
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

export function categoryLabel(category: SourceCategory): string {
  return t(`page_cat_${category.replace('-', '_')}` as MessageKey);
}

const regionNames = new Map<string, Intl.DisplayNames | null>();
const countries = new Map<string, string>();
/** "RU" → "Russia" / "Russie", in the UI language. */
export function countryName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const known = countries.get(code);
  if (known) return known;
  const name = regionName(code);
  countries.set(code, name);
  return name;
}

function regionName(code: string): string {
  const lang = uiLanguage();
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  try {
    return regionNames.get(lang)?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "state media (Russia)": the category with its country, in fair words. */
export function describeSource(category: SourceCategory, country?: string, control?: string): string {
  const kind = (control && tMaybe(`page_control_${control.replace(/-/g, '_')}`)) || categoryLabel(category);
  const where = countryName(country);
  return where ? `${kind} (${where})` : kind;
}
