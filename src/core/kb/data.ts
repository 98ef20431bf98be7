// The knowledge base as the engine and the address matching read it (seeds/kb/engine.json, compiled by
// scripts/compile-kb.mjs): names, aliases, domains, country, control, gender and roles, nothing else. This
// is what the content script bundles; the full entries with their references are in ./full.ts, for the
// store's seeding, the options page and the command line.
import type {
  Claim,
  Disambiguation,
  EditorialControl,
  GovernmentBody,
  Official,
  Outlet,
  Term,
} from './schema';
import engineJson from '../../../seeds/kb/engine.json';

export type EngineOutlet = Pick<
  Outlet,
  'id' | 'name' | 'names' | 'country' | 'kind' | 'domains' | 'parent'
> & {
  control: Pick<Claim<EditorialControl>, 'value'>;
  /** Former domains only. */
  formerly?: ReadonlyArray<{ domain?: string }>;
  /** Shared aliases and the context that makes them mean this outlet (the rule's words stay in full.ts). */
  disambiguation?: ReadonlyArray<Pick<Disambiguation, 'alias' | 'prefer'>>;
};
export type EngineOfficial = Pick<Official, 'id' | 'name' | 'aliases' | 'country' | 'gender'> & {
  terms: ReadonlyArray<Pick<Term, 'role' | 'body' | 'from' | 'until'>>;
};
export type EngineBody = Pick<GovernmentBody, 'id' | 'name' | 'aliases' | 'country' | 'kind' | 'domains'>;

const engine = engineJson as unknown as {
  outlets: readonly EngineOutlet[];
  officials: readonly EngineOfficial[];
  bodies: readonly EngineBody[];
};

export const outlets = engine.outlets;
export const officials = engine.officials;
export const bodies = engine.bodies;
