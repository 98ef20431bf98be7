// The options page's words come from _locales (English and French) through the browser's i18n API, so the
// page follows the browser's language like the rest of the extension.
import browser from '../../shared/browser';

/** The message for `key` ("options_" is added), with $1… substitutions; the key itself when missing. */
export function t(key: string, ...substitutions: Array<string | number>): string {
  const name = `options_${key}`;
  const text = browser.i18n.getMessage(name, substitutions.map(String));
  return text || name;
}

/** A label for a field or value key that may be unknown to the messages (data grows faster than words). */
export function tOr(key: string, fallback: string): string {
  const text = browser.i18n.getMessage(`options_${key}`);
  return text || fallback;
}

export const uiLanguage = (): string => browser.i18n.getUILanguage();
