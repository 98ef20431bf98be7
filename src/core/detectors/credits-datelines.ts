// Outlet mentions anywhere in the text, and what kind they are: a photo credit ("© SPUTNIK",
// "Photo: AFP"), a dateline ("MOSCOW, June 5. /TASS/.", "(Xinhua)", "BEIJING, (Xinhua) --") or
// running text. Names come from the knowledge base; look-alikes are kept out by word boundaries, case
// rules for short and all-caps names, and context ("Sputnik V" the vaccine).
import type { BlockContext } from '../engine/context';
import type { OutletMentionKind } from '../types';
import { Kind } from '../text/tokens';
import type { Detector } from './types';

const CREDIT_WORDS = new Set([
  'photo',
  'photos',
  'credit',
  'credits',
  'source',
  'image',
  'video',
  'illustration',
  'copyright',
]);
const VACCINE = new Set([
  'vaccin',
  'vaccins',
  'vaccine',
  'vaccines',
  'dose',
  'doses',
  'vaccination',
  'injection',
]);

function kindOf(ctx: BlockContext, a: number, b: number): OutletMentionKind {
  const before = ctx.tok(a - 1);
  const after = ctx.tok(b);
  if (before?.t === '©') return 'credit';
  if (before?.t === ':' && CREDIT_WORDS.has(ctx.f(a - 2))) return 'credit';
  if (before?.t === '/' && after?.t === '/') return 'dateline';
  if (before?.t === '(' && after?.t === ')') return 'dateline';
  return 'text';
}

/** `seen` caches the answer per sentence, so a long sentence naming Sputnik often is read once. */
function isVaccine(ctx: BlockContext, b: number, seen: Map<number, boolean>): boolean {
  const next = ctx.tok(b);
  if (next && next.t === 'V') return true;
  const sid = ctx.sentOf[b - 1] ?? 0;
  let found = seen.get(sid);
  if (found === undefined) {
    found = false;
    const [s, e] = ctx.sentenceOf(b - 1);
    for (let k = s; k < e && !found; k++) if (VACCINE.has(ctx.f(k))) found = true;
    seen.set(sid, found);
  }
  return found;
}

function detect(ctx: BlockContext): void {
  const vaccineSentences = new Map<number, boolean>();
  for (let i = 0; i < ctx.toks.length; i++) {
    const m = ctx.entityAt[i];
    const t = ctx.toks[i];
    if (!m || !t || m.value.kind !== 'outlet') continue;
    // A name written in lower case in running text is a common word ("sputnik", "granma").
    if (!t.cap && t.k === Kind.Word) continue;
    if (m.value.id === 'sputnik' && isVaccine(ctx, m.end, vaccineSentences)) continue;
    const mention = {
      start: ctx.start(i),
      end: ctx.end(m.end),
      text: ctx.slice(i, m.end),
      category: m.value.category,
      kind: kindOf(ctx, i, m.end),
      entityId: m.value.id,
    } as import('../types').OutletMention;
    if (m.value.country) mention.country = m.value.country;
    ctx.outlets.push(mention);
    i = m.end - 1;
  }
}

export const creditsDatelines: Detector = { id: 'credits-datelines', langs: ['fr', 'en'], detect };
