// The lessons page: every saved lesson, with present / quiz / edit on its article, export and delete;
// importing a lesson file; starting a new lesson on a page; and the bundled demo articles.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser';
import type {
  BackgroundCalls,
  CallName,
  LessonSummary,
  Payload,
  Reply,
  TrainerMode,
} from '../../shared/messages';
import { LESSON_MESSAGES, type LessonMessageKey } from '../../core/lesson-messages';

async function ask<K extends CallName>(type: K, payload: Payload<K>): Promise<Reply<K>> {
  return (await browser.runtime.sendMessage({ type, payload })) as BackgroundCalls[K][1];
}

function t(key: LessonMessageKey, ...subs: Array<string | number>): string {
  const s = subs.map(String);
  return (
    browser.i18n.getMessage(key, s) ||
    LESSON_MESSAGES[key][0].replace(/\$(\d)/g, (_, n: string) => s[Number(n) - 1] ?? '')
  );
}

/** The trainer needs the article's site: ask for it while the click still counts as the user's gesture. */
async function allowSite(url: string): Promise<boolean> {
  if (!/^https?:/.test(url)) return false;
  const origins = [`${new URL(url).origin}/*`];
  try {
    if (await browser.permissions.contains({ origins })) return true;
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}

function download(name: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const slugOf = (title: string) =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'lesson';

function App() {
  const [lessons, setLessons] = useState<LessonSummary[] | undefined>();
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({ text: '' });
  const [newUrl, setNewUrl] = useState('');
  const refresh = () => ask('lesson/list', {}).then(setLessons);
  useEffect(() => {
    void refresh();
  }, []);

  const open = async (lesson: { url: string; id?: string }, mode: TrainerMode) => {
    const live = /^https?:/.test(lesson.url);
    if (live && (await allowSite(lesson.url))) {
      const payload = lesson.id ? { url: lesson.url, mode, lessonId: lesson.id } : { url: lesson.url, mode };
      const result = await ask('lesson/open', payload);
      if (result.ok) return;
    } else if (live) {
      setStatus({ text: t('lesson_permission'), error: true });
    }
    // No reachable page (or no permission): the lesson's own copy of the article, offline.
    if (lesson.id) location.href = `../demo/index.html?lesson=${encodeURIComponent(lesson.id)}&mode=${mode}`;
  };
  const exportOne = async (lesson: LessonSummary) => {
    const pack = await ask('lesson/export', { id: lesson.id });
    if (pack) download(`${slugOf(lesson.title)}.lesson.json`, JSON.stringify(pack, null, 2));
  };
  const remove = async (lesson: LessonSummary) => {
    await ask('lesson/delete', { id: lesson.id });
    await refresh();
  };
  const importFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const result = await ask('lesson/import', { json: await file.text() });
    input.value = '';
    if (result.ok) setStatus({ text: t('lesson_imported', file.name) });
    else setStatus({ text: t('lesson_importFailed', result.error.path, result.error.message), error: true });
    await refresh();
  };

  return (
    <>
      <h1>{t('lesson_pageTitle')}</h1>
      <section aria-labelledby="import">
        <h2 id="import">{t('lesson_import')}</h2>
        <input
          type="file"
          accept=".json,application/json"
          class="import"
          aria-label={t('lesson_import')}
          onChange={importFile}
        />
        <p class={`status${status.error ? ' error' : ''}`} role="status" aria-live="polite">
          {status.text}
        </p>
      </section>
      <section aria-labelledby="list">
        <h2 id="list">{t('lesson_lessons')}</h2>
        {lessons && lessons.length === 0 ? <p>{t('lesson_none')}</p> : null}
        <ul class="lessons">
          {(lessons ?? []).map((lesson) => (
            <li key={lesson.id} class="lesson" data-lesson-id={lesson.id}>
              <h3>{lesson.title}</h3>
              <p class="meta">
                {lesson.url || '—'} · {t('lesson_stepsCount', lesson.steps)}
                {lesson.offline ? ` · ${t('lesson_offline')}` : ''}
              </p>
              <div class="row">
                <button type="button" class="present" onClick={() => open(lesson, 'present')}>
                  {t('lesson_present')}
                </button>
                <button type="button" class="quiz" onClick={() => open(lesson, 'quiz')}>
                  {t('lesson_quiz')}
                </button>
                <button
                  type="button"
                  class="edit"
                  disabled={!/^https?:/.test(lesson.url)}
                  onClick={() => open(lesson, 'author')}
                >
                  {t('lesson_author')}
                </button>
                {lesson.offline ? (
                  <a
                    class="present-offline"
                    href={`../demo/index.html?lesson=${encodeURIComponent(lesson.id)}&mode=present`}
                  >
                    {t('lesson_presentOffline')}
                  </a>
                ) : null}
                <button type="button" class="export" onClick={() => exportOne(lesson)}>
                  {t('lesson_export')}
                </button>
                <button type="button" class="delete" onClick={() => remove(lesson)}>
                  {t('lesson_delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new">
        <h2 id="new">{t('lesson_newLesson')}</h2>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void open({ url: newUrl.trim() }, 'author');
          }}
        >
          <label>
            {t('lesson_pageUrl')}{' '}
            <input
              class="new-url"
              type="url"
              required
              value={newUrl}
              onInput={(e) => setNewUrl((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="new-lesson">
            {t('lesson_author')}
          </button>
        </form>
      </section>
      <section aria-labelledby="demos">
        <h2 id="demos">{t('lesson_demos')}</h2>
        <p>
          <a class="demos" href="../demo/index.html">
            {t('lesson_demos')}
          </a>
        </p>
      </section>
    </>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
document.title = t('lesson_pageTitle');
render(<App />, document.getElementById('app')!);
