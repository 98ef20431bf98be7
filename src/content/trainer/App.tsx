// Trainer mode on the page: authoring a lesson, presenting it step by step, and the learners' quiz.
// Everything here is drawn in our shadow root; the page's own DOM is only read (ranges for boxes).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeRange } from '../../core/anchoring/index';
import {
  STEP_CATEGORIES,
  attachLesson,
  flagsFromReport,
  moveStep,
  quizKey,
  scoreQuiz,
  type FlagCandidate,
  type LearnerMark,
  type Lesson,
  type LessonStep,
  type PackError,
  type QuizResult,
  type StepCategory,
} from '../../core/lesson';
import type { Report } from '../../core/types';
import type { ProvenanceNoteView, TrainerMode } from '../../shared/messages';
import type { PageModel, Span } from './page';
import { categoryName, t } from './strings';

export interface TrainerProps {
  page: PageModel;
  mode: TrainerMode;
  lesson?: Lesson;
  /** The engine's findings on the page (picked from when authoring, the key of a quiz with no lesson). */
  report?: Report;
  save(lesson: Lesson): Promise<{ ok: true; id: string } | { ok: false; error: PackError }>;
  note(entityId: string): Promise<ProvenanceNoteView | null>;
  /** Hides the overlay's own marks during a quiz (they would give the answers away). */
  setFlagsHidden?(hidden: boolean): void;
  /** Lessons saved earlier for this page, offered to continue when authoring starts afresh. */
  pageLessons?: Lesson[];
  /** Authoring is offered (not on a read-only demo copy of a lesson). */
  canAuthor?: boolean;
  onExit(): void;
}

const snippet = (text: string, max = 70) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

let counter = 0;
const newStepId = () => `s${Date.now().toString(36)}${(counter++).toString(36)}`;

// ---------------------------------------------------------------------------------------------------------
// Boxes over the page's words, redrawn on scroll and resize.

interface BoxSpec {
  span: Span;
  className: string;
  label?: string;
  /** One box around the whole span (a spotlight), rather than one per line. */
  whole?: boolean;
}

function useViewportTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    let queued = false;
    const bump = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        setTick((n) => n + 1);
      });
    };
    window.addEventListener('scroll', bump, { passive: true, signal: controller.signal, capture: true });
    window.addEventListener('resize', bump, { signal: controller.signal });
    return () => controller.abort();
  }, []);
  return tick;
}

function Boxes({ page, boxes }: { page: PageModel; boxes: BoxSpec[] }) {
  useViewportTick();
  return (
    <div class="pl-t-boxes" aria-hidden="true">
      {boxes.map((box, i) => {
        const range = page.rangeFor(box.span);
        if (!range) return null;
        const rects = box.whole ? [range.getBoundingClientRect()] : Array.from(range.getClientRects());
        return rects.map((r, j) => (
          <div
            key={`${i}-${j}`}
            class={`pl-t-box ${box.className}`}
            style={{
              left: `${r.left - 2}px`,
              top: `${r.top - 2}px`,
              width: `${r.width + 4}px`,
              height: `${r.height + 4}px`,
            }}
          >
            {j === 0 && box.label ? <span class="pl-t-box-label">{box.label}</span> : null}
          </div>
        ));
      })}
    </div>
  );
}

function scrollToSpan(page: PageModel, span: Span): void {
  const range = page.rangeFor(span);
  const rect = range?.getBoundingClientRect();
  if (!rect) return;
  window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
}

/** The reader's current selection in the article, kept while they click into our panel. */
function useSelectionSpan(page: PageModel): [Span | null, () => void] {
  const [span, setSpan] = useState<Span | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    document.addEventListener(
      'selectionchange',
      () => {
        const s = page.selectionSpan();
        if (s) setSpan(s);
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }, [page]);
  return [span, () => setSpan(null)];
}

function CategorySelect(props: { value: StepCategory; onChange(c: StepCategory): void; label: string }) {
  return (
    <label class="pl-t-field">
      <span>{props.label}</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as StepCategory)}
      >
        {STEP_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {categoryName(c)}
          </option>
        ))}
      </select>
    </label>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Authoring

function Author(
  props: TrainerProps & { lesson: Lesson; setLesson(l: Lesson): void; go(mode: TrainerMode): void },
) {
  const { page, lesson, setLesson } = props;
  const text = page.text();
  const flags = useMemo(() => (props.report ? flagsFromReport(props.report) : []), [props.report]);
  const { attached, orphans } = useMemo(() => attachLesson(lesson.steps, text), [lesson.steps, text]);
  const [selection, clearSelection] = useSelectionSpan(page);
  const [customCategory, setCustomCategory] = useState<StepCategory>('government');
  const [customSpeaker, setCustomSpeaker] = useState('');
  const [keepText, setKeepText] = useState(lesson.article !== undefined || !lesson.id);
  const [status, setStatus] = useState('');
  const taken = new Set(attached.map((a) => `${a.range.start}:${a.range.end}`));

  const addStep = (span: Span, step: Omit<LessonStep, 'id' | 'selector' | 'trainerNote'>) => {
    const full: LessonStep = {
      id: newStepId(),
      selector: describeRange(text, span.start, span.end),
      trainerNote: '',
      ...step,
    };
    setLesson({ ...lesson, steps: [...lesson.steps, full] });
    setStatus('');
  };
  const addFlag = (flag: FlagCandidate) => {
    const step: Omit<LessonStep, 'id' | 'selector' | 'trainerNote'> = {
      category: flag.category,
      kind: 'engine',
    };
    if (flag.speaker) step.speaker = flag.speaker;
    if (flag.entityId) step.entityId = flag.entityId;
    if (flag.country) step.country = flag.country;
    addStep(flag, step);
  };
  const addSelection = () => {
    if (!selection) return;
    const step: Omit<LessonStep, 'id' | 'selector' | 'trainerNote'> = {
      category: customCategory,
      kind: 'custom',
    };
    if (customSpeaker.trim()) step.speaker = customSpeaker.trim();
    addStep(selection, step);
    setCustomSpeaker('');
    clearSelection();
  };
  const updateStep = (id: string, change: Partial<LessonStep>) =>
    setLesson({ ...lesson, steps: lesson.steps.map((s) => (s.id === id ? { ...s, ...change } : s)) });
  const move = (id: string, by: number) => {
    const from = lesson.steps.findIndex((s) => s.id === id);
    setLesson({ ...lesson, steps: moveStep(lesson.steps, from, from + by) });
  };
  const remove = (id: string) => setLesson({ ...lesson, steps: lesson.steps.filter((s) => s.id !== id) });
  const save = async () => {
    const toSave: Lesson = { ...lesson, updated: new Date().toISOString() };
    if (keepText) toSave.article = { text };
    else delete toSave.article;
    const result = await props.save(toSave);
    if (result.ok) {
      setLesson({ ...toSave, id: result.id });
      setStatus(t('lesson_saved'));
    } else {
      setStatus(t('lesson_saveFailed', `${result.error.path} ${result.error.message}`));
    }
  };
  const rangeOf = new Map(attached.map((a) => [a.step.id, a.range]));

  return (
    <>
      <Boxes
        page={page}
        boxes={[
          ...attached.map((a, i) => ({ span: a.range, className: 'pl-t-step', label: String(i + 1) })),
          ...(selection ? [{ span: selection, className: 'pl-t-selection' }] : []),
        ]}
      />
      <div class="pl-t-panel" role="dialog" aria-label={t('lesson_author')}>
        <div class="pl-t-head">
          <h2>{t('lesson_author')}</h2>
          <button type="button" class="pl-t-close" onClick={props.onExit} aria-label={t('lesson_close')}>
            ×
          </button>
        </div>
        {!lesson.id && lesson.steps.length === 0 && (props.pageLessons?.length ?? 0) > 0 ? (
          <section class="pl-t-section pl-t-page-lessons">
            <h3>{t('lesson_onThisPage')}</h3>
            <ul>
              {props.pageLessons!.map((l) => (
                <li key={l.id}>
                  <button type="button" class="pl-t-continue" onClick={() => setLesson(l)}>
                    {t('lesson_continue', snippet(l.title, 60))}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <label class="pl-t-field">
          <span>{t('lesson_title')}</span>
          <input
            class="pl-t-title"
            value={lesson.title}
            onInput={(e) => setLesson({ ...lesson, title: (e.target as HTMLInputElement).value })}
          />
        </label>

        <section class="pl-t-section pl-t-custom">
          <h3>{t('lesson_customFlag')}</h3>
          <p class="pl-t-hint">
            {selection
              ? t('lesson_selection', snippet(text.slice(selection.start, selection.end)))
              : t('lesson_selectHint')}
          </p>
          <CategorySelect label={t('lesson_category')} value={customCategory} onChange={setCustomCategory} />
          <label class="pl-t-field">
            <span>{t('lesson_speaker')}</span>
            <input
              class="pl-t-speaker"
              value={customSpeaker}
              onInput={(e) => setCustomSpeaker((e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="button" class="pl-t-add-selection" disabled={!selection} onClick={addSelection}>
            {t('lesson_addSelection')}
          </button>
        </section>

        <section class="pl-t-section">
          <h3>{t('lesson_steps', lesson.steps.length)}</h3>
          {lesson.steps.length === 0 ? <p class="pl-t-hint">{t('lesson_noSteps')}</p> : null}
          <p class="pl-t-attached">{t('lesson_attached', attached.length, lesson.steps.length)}</p>
          <ol class="pl-t-steps">
            {lesson.steps.map((step, i) => {
              const range = rangeOf.get(step.id);
              return (
                <li
                  key={step.id}
                  class={`pl-t-step-item${range ? '' : ' pl-t-orphan'}`}
                  data-step-id={step.id}
                >
                  <button
                    type="button"
                    class="pl-t-quote"
                    disabled={!range}
                    onClick={() => range && scrollToSpan(page, range)}
                  >
                    «{snippet(step.selector.quote.exact)}»
                  </button>
                  <CategorySelect
                    label={t('lesson_category')}
                    value={step.category}
                    onChange={(c) => updateStep(step.id, { category: c })}
                  />
                  <label class="pl-t-field">
                    <span>{t('lesson_note')}</span>
                    <textarea
                      class="pl-t-note"
                      value={step.trainerNote}
                      onInput={(e) =>
                        updateStep(step.id, { trainerNote: (e.target as HTMLTextAreaElement).value })
                      }
                    />
                  </label>
                  <div class="pl-t-row">
                    <button
                      type="button"
                      class="pl-t-up"
                      disabled={i === 0}
                      onClick={() => move(step.id, -1)}
                    >
                      {t('lesson_moveUp')}
                    </button>
                    <button
                      type="button"
                      class="pl-t-down"
                      disabled={i === lesson.steps.length - 1}
                      onClick={() => move(step.id, 1)}
                    >
                      {t('lesson_moveDown')}
                    </button>
                    <button type="button" class="pl-t-remove" onClick={() => remove(step.id)}>
                      {t('lesson_remove')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          {orphans.length > 0 ? (
            <div class="pl-t-orphans" role="status">
              <h4>{t('lesson_orphans', orphans.length)}</h4>
              <p class="pl-t-hint">{t('lesson_orphanHint')}</p>
              <ul>
                {orphans.map((o) => (
                  <li key={o.id}>«{snippet(o.selector.quote.exact)}»</li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>

        <section class="pl-t-section">
          <h3>{t('lesson_engineFlags')}</h3>
          {flags.length === 0 ? <p class="pl-t-hint">{t('lesson_noEngineFlags')}</p> : null}
          <ul class="pl-t-flags">
            {flags.map((flag) => {
              const inLesson = taken.has(`${flag.start}:${flag.end}`);
              return (
                <li key={`${flag.start}:${flag.end}`} class="pl-t-flag">
                  <span class={`pl-t-chip pl-t-cat-${flag.category}`}>{categoryName(flag.category)}</span>{' '}
                  <button type="button" class="pl-t-quote" onClick={() => scrollToSpan(page, flag)}>
                    «{snippet(text.slice(flag.start, flag.end), 60)}»
                  </button>
                  <button
                    type="button"
                    class="pl-t-add-flag"
                    disabled={inLesson}
                    onClick={() => addFlag(flag)}
                  >
                    {inLesson ? t('lesson_added') : t('lesson_addFlag')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>

        <div class="pl-t-foot">
          <label class="pl-t-check">
            <input
              type="checkbox"
              checked={keepText}
              onChange={(e) => setKeepText((e.target as HTMLInputElement).checked)}
            />
            {t('lesson_keepText')}
          </label>
          <div class="pl-t-row">
            <button type="button" class="pl-t-save pl-t-primary" onClick={save}>
              {t('lesson_save')}
            </button>
            <button
              type="button"
              class="pl-t-go-present"
              disabled={attached.length === 0}
              onClick={() => props.go('present')}
            >
              {t('lesson_present')}
            </button>
            <button type="button" class="pl-t-go-quiz" onClick={() => props.go('quiz')}>
              {t('lesson_quiz')}
            </button>
          </div>
          <p class="pl-t-status" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Presenting

function ProvenanceNote({ entityId, note }: { entityId: string; note: TrainerProps['note'] }) {
  const [view, setView] = useState<ProvenanceNoteView | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    note(entityId)
      .then((v) => live && setView(v))
      .catch(() => live && setView(null));
    return () => {
      live = false;
    };
  }, [entityId, note]);
  if (!view) return null;
  return (
    <div class="pl-t-provenance">
      <h4>{t('lesson_provenance')}</h4>
      <p>
        <strong>{view.name}</strong>
        {view.country ? ` (${view.country})` : ''} · {categoryName(view.category)}
      </p>
      <ul>
        {view.fields.slice(0, 4).map((f) => (
          <li key={f.field}>{f.value}</li>
        ))}
      </ul>
    </div>
  );
}

function Presenter(props: TrainerProps & { lesson: Lesson }) {
  const { page } = props;
  const { attached, orphans } = useMemo(
    () => attachLesson(props.lesson.steps, page.text()),
    [props.lesson, page],
  );
  const [index, setIndex] = useState(0);
  const total = attached.length;
  const atEnd = index >= total;
  const current = attached[index];

  useEffect(() => {
    const controller = new AbortController();
    window.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown') {
          setIndex((i) => Math.min(i + 1, total));
        } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
          setIndex((i) => Math.max(i - 1, 0));
        } else if (event.key === 'Escape') {
          props.onExit();
        } else return;
        event.preventDefault();
        event.stopPropagation();
      },
      { capture: true, signal: controller.signal },
    );
    return () => controller.abort();
  }, [total]);

  useEffect(() => {
    if (current) scrollToSpan(page, current.range);
  }, [current, page]);

  const summary = useMemo(() => {
    const byCategory = new Map<StepCategory, number>();
    const speakers = new Map<string, StepCategory>();
    for (const { step } of attached) {
      byCategory.set(step.category, (byCategory.get(step.category) ?? 0) + 1);
      if (step.speaker) speakers.set(step.speaker, step.category);
    }
    return { byCategory: [...byCategory], speakers: [...speakers] };
  }, [attached]);

  return (
    <div class="pl-t-presenter" role="dialog" aria-label={t('lesson_present')}>
      {current ? (
        <>
          <Boxes page={page} boxes={[{ span: current.range, className: 'pl-t-spotlight', whole: true }]} />
        </>
      ) : (
        <div class="pl-t-dim" />
      )}
      <div class="pl-t-callout" aria-live="polite">
        {current ? (
          <>
            <p class="pl-t-counter">{t('lesson_step', index + 1, total)}</p>
            <p class="pl-t-callout-quote">«{snippet(current.step.selector.quote.exact, 160)}»</p>
            <p class="pl-t-callout-kind">
              <span class={`pl-t-chip pl-t-cat-${current.step.category}`}>
                {categoryName(current.step.category)}
              </span>
              {current.step.speaker ? ` · ${current.step.speaker}` : ''}
              {current.step.country ? ` (${current.step.country})` : ''}
            </p>
            {current.step.trainerNote ? <p class="pl-t-callout-note">{current.step.trainerNote}</p> : null}
            {current.step.entityId ? (
              <ProvenanceNote entityId={current.step.entityId} note={props.note} />
            ) : null}
          </>
        ) : (
          <div class="pl-t-summary">
            <p class="pl-t-counter">{t('lesson_end')}</p>
            <h3>{t('lesson_summary')}</h3>
            <ul class="pl-t-summary-cats">
              {summary.byCategory.map(([c, n]) => (
                <li key={c}>
                  <span class={`pl-t-chip pl-t-cat-${c}`}>{categoryName(c)}</span> × {n}
                </li>
              ))}
            </ul>
            {summary.speakers.length > 0 ? (
              <>
                <h4>{t('lesson_summarySpeakers')}</h4>
                <ul class="pl-t-summary-speakers">
                  {summary.speakers.map(([name, c]) => (
                    <li key={name}>
                      {name} — {categoryName(c)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {orphans.length > 0 ? <p class="pl-t-hint">{t('lesson_orphans', orphans.length)}</p> : null}
          </div>
        )}
        <div class="pl-t-row">
          <button
            type="button"
            class="pl-t-prev"
            disabled={index === 0}
            onClick={() => setIndex((i) => Math.max(0, i - 1))}
          >
            {t('lesson_previous')}
          </button>
          <button
            type="button"
            class="pl-t-next"
            disabled={atEnd}
            onClick={() => setIndex((i) => Math.min(total, i + 1))}
          >
            {t('lesson_next')}
          </button>
          <button type="button" class="pl-t-close" onClick={props.onExit}>
            {t('lesson_close')}
          </button>
        </div>
        <p class="pl-t-hint">{t('lesson_keys')}</p>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The quiz

function Quiz(props: TrainerProps & { lesson?: Lesson }) {
  const { page } = props;
  const text = page.text();
  const [selection, clearSelection] = useSelectionSpan(page);
  const [category, setCategory] = useState<StepCategory>('government');
  const [speaker, setSpeaker] = useState('');
  const [marks, setMarks] = useState<LearnerMark[]>([]);
  const [result, setResult] = useState<QuizResult | null>(null);
  const attached = useMemo(
    () => (props.lesson ? attachLesson(props.lesson.steps, text).attached : undefined),
    [props.lesson, text],
  );
  const key = useMemo(() => quizKey(attached, props.report), [attached, props.report]);
  const fromEngine = !attached || attached.length === 0;

  useEffect(() => {
    props.setFlagsHidden?.(true);
    return () => props.setFlagsHidden?.(false);
  }, []);

  const mark = () => {
    if (!selection) return;
    const m: LearnerMark = { ...selection, category };
    if (speaker.trim()) m.speaker = speaker.trim();
    setMarks([...marks, m]);
    setSpeaker('');
    clearSelection();
    window.getSelection()?.removeAllRanges();
  };

  const boxes: BoxSpec[] = result
    ? [
        ...result.found.map((f) => ({
          span: f.key,
          className: f.categoryRight ? 'pl-t-found' : 'pl-t-found-wrong',
        })),
        ...result.missed.map((k) => ({ span: k, className: 'pl-t-missed' })),
        ...result.extra.map((m) => ({ span: m, className: 'pl-t-extra' })),
      ]
    : [
        ...marks.map((m) => ({ span: m, className: 'pl-t-mark' })),
        ...(selection ? [{ span: selection, className: 'pl-t-selection' }] : []),
      ];

  return (
    <>
      <Boxes page={page} boxes={boxes} />
      <div class="pl-t-panel pl-t-quiz" role="dialog" aria-label={t('lesson_quiz')}>
        <div class="pl-t-head">
          <h2>{t('lesson_quiz')}</h2>
          <button type="button" class="pl-t-close" onClick={props.onExit} aria-label={t('lesson_close')}>
            ×
          </button>
        </div>
        {fromEngine ? <p class="pl-t-hint">{t('lesson_keyFromEngine')}</p> : null}
        {!result ? (
          <>
            <p class="pl-t-hint">{t('lesson_quizIntro')}</p>
            <p class="pl-t-hint">
              {selection
                ? t('lesson_selection', snippet(text.slice(selection.start, selection.end)))
                : t('lesson_noSelection')}
            </p>
            <CategorySelect label={t('lesson_category')} value={category} onChange={setCategory} />
            <label class="pl-t-field">
              <span>{t('lesson_speaker')}</span>
              <input
                class="pl-t-speaker"
                value={speaker}
                onInput={(e) => setSpeaker((e.target as HTMLInputElement).value)}
              />
            </label>
            <button type="button" class="pl-t-mark-selection" disabled={!selection} onClick={mark}>
              {t('lesson_mark')}
            </button>
            <h3>{t('lesson_yourMarks', marks.length)}</h3>
            <ol class="pl-t-marks">
              {marks.map((m, i) => (
                <li key={`${m.start}:${m.end}`}>
                  «{snippet(text.slice(m.start, m.end), 50)}» — {categoryName(m.category ?? 'other')}
                  {m.speaker ? ` · ${m.speaker}` : ''}{' '}
                  <button
                    type="button"
                    class="pl-t-remove"
                    onClick={() => setMarks(marks.filter((_, j) => j !== i))}
                  >
                    {t('lesson_remove')}
                  </button>
                </li>
              ))}
            </ol>
            <button
              type="button"
              class="pl-t-reveal pl-t-primary"
              onClick={() => setResult(scoreQuiz(key, marks))}
            >
              {t('lesson_reveal')}
            </button>
          </>
        ) : (
          <div class="pl-t-result">
            <p class="pl-t-score">{t('lesson_score', result.score)}</p>
            <p class="pl-t-hint">
              {t(
                'lesson_scoreDetail',
                result.found.length,
                result.found.filter((f) => f.categoryRight).length,
                result.missed.length,
                result.extra.length,
              )}
            </p>
            <ul class="pl-t-outcomes">
              {result.found.map((f) => (
                <li key={`f${f.key.start}`} class="pl-t-outcome-found">
                  <strong>{t('lesson_found')}</strong> «{snippet(text.slice(f.key.start, f.key.end), 60)}» —{' '}
                  {f.categoryRight
                    ? t('lesson_rightKind')
                    : t(
                        'lesson_wrongKind',
                        categoryName(f.mark.category ?? 'other'),
                        categoryName(f.key.category),
                      )}
                  {f.speakerRight === true ? ` · ${t('lesson_speakerRight')}` : ''}
                  {f.speakerRight === false && f.key.speaker
                    ? ` · ${t('lesson_speakerWrong', f.key.speaker)}`
                    : ''}
                  {f.key.explanation ? <p>{f.key.explanation}</p> : null}
                </li>
              ))}
              {result.missed.map((k) => (
                <li key={`m${k.start}`} class="pl-t-outcome-missed">
                  <strong>{t('lesson_missed')}</strong> «{snippet(text.slice(k.start, k.end), 60)}» —{' '}
                  {categoryName(k.category)}
                  {k.speaker ? ` · ${k.speaker}` : ''}
                  {k.explanation ? <p>{k.explanation}</p> : null}
                </li>
              ))}
              {result.extra.map((m) => (
                <li key={`e${m.start}`} class="pl-t-outcome-extra">
                  <strong>{t('lesson_extra')}</strong> «{snippet(text.slice(m.start, m.end), 60)}» —{' '}
                  {t('lesson_extraHint')}
                </li>
              ))}
            </ul>
            <button
              type="button"
              class="pl-t-again"
              onClick={() => {
                setResult(null);
                setMarks([]);
              }}
            >
              {t('lesson_tryAgain')}
            </button>
          </div>
        )}
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------

export function Trainer(props: TrainerProps) {
  const [mode, setMode] = useState<TrainerMode>(props.mode);
  const [lesson, setLesson] = useState<Lesson>(
    () =>
      props.lesson ?? {
        title: (props.page.title || props.page.url).slice(0, 200),
        url: props.page.url.split('#')[0] ?? props.page.url,
        steps: [],
        created: new Date().toISOString(),
        updated: new Date().toISOString(),
      },
  );
  // Leaving a presentation or a quiz returns to the authoring it was started from, else ends trainer mode.
  const back = () =>
    props.mode !== 'author' || props.canAuthor === false ? props.onExit() : setMode('author');
  if (mode === 'present') return <Presenter {...props} lesson={lesson} onExit={back} />;
  if (mode === 'quiz') {
    const quizLesson = lesson.steps.length > 0 ? lesson : undefined;
    return <Quiz {...props} {...(quizLesson ? { lesson: quizLesson } : {})} onExit={back} />;
  }
  return <Author {...props} lesson={lesson} setLesson={setLesson} go={setMode} />;
}
