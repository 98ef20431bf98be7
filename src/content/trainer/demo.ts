// The bundled demo pages (src/ui/demo/index.html): the source articles rendered as plain article pages
// inside the extension, each with its ready-made lesson, so a trainer can present with no network. The
// page runs the same trainer as a live page; the article text is set as text, never as HTML.
import { parseLessonPack, packToLesson, type Lesson } from '../../core/lesson';
import type { TrainerMode } from '../../shared/messages';
import meetingText from '../../../seeds/articles/000_2a3898ad9733a0ba.txt?raw';
import kremlinText from '../../../seeds/articles/004_d995efe7b01a9663.txt?raw';
import meetingEn from '../../../seeds/lessons/idlib-meeting.en.json?raw';
import meetingFr from '../../../seeds/lessons/idlib-meeting.fr.json?raw';
import kremlinEn from '../../../seeds/lessons/idlib-kremlin.en.json?raw';
import kremlinFr from '../../../seeds/lessons/idlib-kremlin.fr.json?raw';
import { tryAsk } from '../ask';
import { startTrainer } from './index';
import { t, type LessonMessageKey } from './strings';

interface Demo {
  slug: string;
  /** The article as published (its first line is the headline when it has one). */
  text: string;
  headline: string;
  packs: { en: string; fr: string };
}

export const DEMOS: Demo[] = [
  {
    slug: 'idlib-meeting',
    text: meetingText,
    headline: 'firstLine',
    packs: { en: meetingEn, fr: meetingFr },
  },
  {
    slug: 'idlib-kremlin',
    text: kremlinText,
    headline: 'Idlib : la Russie préoccupée par la concentration de terroristes',
    packs: { en: kremlinEn, fr: kremlinFr },
  },
];

function uiLanguage(): 'fr' | 'en' {
  const lang = (globalThis.navigator?.language ?? 'en').toLowerCase();
  return lang.startsWith('fr') ? 'fr' : 'en';
}

function lessonFor(demo: Demo, lang: 'fr' | 'en'): Lesson {
  const parsed = parseLessonPack(demo.packs[lang]);
  if (!parsed.ok) throw new Error(`demo lesson ${demo.slug}: ${parsed.error.path} ${parsed.error.message}`);
  return packToLesson(parsed.pack, new Date().toISOString());
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function renderArticle(demo: Demo, main: HTMLElement, origin: string): HTMLElement {
  const lines = demo.text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const headline = demo.headline === 'firstLine' ? (lines.shift() ?? '') : demo.headline;
  const article = el('article');
  article.append(el('p', t('lesson_demoNotice', origin), 'demo-notice'), el('h1', headline));
  for (const line of lines) {
    // A bare hexadecimal id left by the copy is not part of the article.
    if (/^[0-9a-f]{32}$/.test(line)) continue;
    article.append(el('p', line));
  }
  main.append(article);
  document.title = headline;
  return article;
}

function renderIndex(main: HTMLElement): void {
  const lang = uiLanguage();
  main.append(el('h1', t('lesson_demos')));
  const list = el('ul', undefined, 'demo-list');
  for (const demo of DEMOS) {
    const lesson = lessonFor(demo, lang);
    const item = el('li');
    item.append(el('strong', lesson.title), el('span', ` — ${t('lesson_stepsCount', lesson.steps.length)} `));
    for (const [mode, key] of [
      ['present', 'lesson_present'],
      ['quiz', 'lesson_quiz'],
    ] as Array<[TrainerMode, LessonMessageKey]>) {
      const link = el('a', t(key), `demo-${mode}`);
      link.href = `?article=${demo.slug}&mode=${mode}`;
      item.append(link, document.createTextNode(' '));
    }
    list.append(item);
  }
  main.append(list);
}

export async function runDemoPage(): Promise<void> {
  document.documentElement.lang = uiLanguage();
  const params = new URLSearchParams(location.search);
  const main = document.querySelector('main') ?? document.body.appendChild(el('main'));
  // A saved lesson that carries its article's text: shown here, offline, as the demos are.
  const lessonId = params.get('lesson');
  const saved = lessonId ? await tryAsk('lesson/get', { id: lessonId }, null) : null;
  let demo = DEMOS.find((d) => d.slug === params.get('article'));
  if (saved?.article) {
    demo = { slug: saved.id, text: saved.article.text, headline: saved.title, packs: { en: '', fr: '' } };
  }
  if (!demo) {
    renderIndex(main);
    return;
  }
  const article = renderArticle(demo, main, saved ? saved.url : 'Sputnik France, 2018');
  const requested = params.get('mode');
  const mode: TrainerMode = requested === 'quiz' ? 'quiz' : 'present';
  const lang =
    params.get('lang') === 'fr' || params.get('lang') === 'en'
      ? (params.get('lang') as 'fr' | 'en')
      : uiLanguage();
  const lesson = saved?.article ? saved : lessonFor(demo, lang);
  const start = () =>
    void startTrainer({
      mode,
      lesson,
      root: article,
      canAuthor: false,
      onExit: () => showRestart(),
    });
  const showRestart = () => {
    const again = el('button', t(mode === 'quiz' ? 'lesson_quiz' : 'lesson_present'), 'demo-restart');
    again.type = 'button';
    again.addEventListener('click', () => {
      again.remove();
      start();
    });
    main.prepend(again);
  };
  start();
}
