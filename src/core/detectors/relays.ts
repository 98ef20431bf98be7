// Relays: the outlet through which a statement reaches the reader ("cité par Sputnik", "quoted by
// TASS", "dans un entretien accordé à RT", "au micro de France Inter", "in an interview with CNN").
// Each relay attaches to the cue of its sentence in the engine.
import type { BlockContext } from '../engine/context';
import { phraseAfter } from '../grammar/mentions';
import type { Detector } from './types';

const BY = new Set(['par', 'by']);
const CITED = new Set([
  'cite',
  'citee',
  'cites',
  'citees',
  'quoted',
  'cited',
  'interroge',
  'interrogee',
  'interroges',
  'interviewed',
  'relaye',
  'relayee',
  'relayes',
  'relayees',
  'relayed',
  'contacte',
  'contactee',
  'contactes',
  'joint',
  'jointe',
  'reached',
  'contacted',
  'carried',
  'repris',
  'reprise',
  'reprises',
  'rapporte',
  'rapportes',
  'rapportee',
  'rapportees',
  'publie',
  'publies',
  'diffuse',
  'diffuses',
  'broadcast',
  'published',
  'aired',
  'streamed',
  'retransmis',
  'retransmise',
  'retransmises',
  'televise',
  'televisee',
  'televises',
  'televisees',
]);
const INVITED = new Set(['invite', 'invitee', 'interroge', 'interrogee', 'speaking']);
const INTERVIEW = new Set(['entretien', 'interview', 'entrevue']);

function isMedia(ctx: BlockContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const e = ctx.entityAt[k];
    if (e && e.value.kind === 'outlet') return true;
    const r = ctx.lex.roles.get(ctx.f(k));
    if (r && r.kind.startsWith('media')) return true;
  }
  return false;
}

function add(ctx: BlockContext, at: number, from: number): void {
  const [a, b] = phraseAfter(ctx, from, 8);
  if (b > a && isMedia(ctx, a, b)) ctx.relays.push({ a, b, at });
}

/** Every word a relay phrase starts with: one lookup passes over the others. */
const TRIGGERS = new Set([
  ...CITED,
  ...INVITED,
  ...INTERVIEW,
  'micro',
  'antenne',
  'plateau',
  'colonnes',
  'speaking',
]);

function detect(ctx: BlockContext): void {
  for (let i = 0; i < ctx.toks.length; i++) {
    const f = ctx.f(i);
    if (!TRIGGERS.has(f)) continue;
    // "carried live by Telesur", "retransmis en direct par la chaîne Telesur": the live broadcast's adverb.
    const live = ctx.f(i + 1) === 'live' ? 1 : ctx.f(i + 1) === 'en' && ctx.f(i + 2) === 'direct' ? 2 : 0;
    if (CITED.has(f) && BY.has(ctx.f(i + 1 + live))) add(ctx, i, i + 2 + live);
    else if (INVITED.has(f) && ['de', 'du', 'sur', 'on', 'a', 'au', 'to'].includes(ctx.f(i + 1)))
      add(ctx, i, ctx.f(i + 1) === 'du' ? i + 1 : i + 2);
    else if (INTERVIEW.has(f)) {
      // "dans un entretien (accordé) à X", "in an interview with X"
      let k = i + 1;
      if (/^accorde/.test(ctx.f(k)) || ctx.f(k) === 'donne' || ctx.f(k) === 'donnee') k++;
      const p = ctx.f(k);
      if (p === 'a' || p === 'au' || p === 'aux' || p === 'with' || p === 'avec' || p === 'to')
        add(ctx, i, k + 1);
    } else if (
      (f === 'micro' || f === 'antenne' || f === 'plateau' || f === 'colonnes') &&
      (ctx.f(i + 1) === 'de' || ctx.f(i + 1) === 'du' || ctx.f(i + 1) === "d'")
    ) {
      add(ctx, i, ctx.f(i + 1) === 'du' ? i + 1 : i + 2);
    } else if (f === 'speaking' && ctx.f(i + 1) === 'to') add(ctx, i, i + 2);
  }
}

export const relays: Detector = { id: 'relays', langs: ['fr', 'en'], detect };
