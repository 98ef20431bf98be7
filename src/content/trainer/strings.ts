// Trainer mode's words, from _locales (keys prefixed lesson_), in the browser's language, with the
// English of src/core/lesson-messages.ts where the API gives nothing.
import browser from '../../shared/browser';

import { LESSON_MESSAGES, type LessonMessageKey } from '../../core/lesson-messages';

export { LESSON_MESSAGES, type LessonMessageKey };

function substitute(text: string, subs: readonly string[]): string {
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function t(key: LessonMessageKey, ...subs: Array<string | number>): string {
  const s = subs.map(String);
  let text: string | undefined;
  try {
    text = browser.i18n.getMessage(key, s);
  } catch {
    text = undefined;
  }
  return text || substitute(LESSON_MESSAGES[key][0], s);
}

export function categoryName(category: string): string {
  const key = `lesson_cat_${category.replace('-', '_')}` as LessonMessageKey;
  return key in LESSON_MESSAGES ? t(key) : category;
}
