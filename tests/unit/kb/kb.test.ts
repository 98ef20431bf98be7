// The knowledge base is data a reader is asked to trust: these checks keep every source file parseable,
// sorted, cited and unambiguous. They run over every file under seeds/kb/{outlets,officials,bodies}/,
// whoever wrote it, and over the generated arrays the extension bundles.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_ROLES } from '../../../src/core/kb/schema';
import type {
  Claim,
  Disambiguation,
  EditorialControl,
  GovernmentBody,
  Official,
  Outlet,
  Reference,
} from '../../../src/core/kb/schema';
import { bodies, officials, outlets } from '../../../src/core/kb/full';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const kb = join(root, 'seeds', 'kb');

type Entry = { id: string; references?: Reference[]; disambiguation?: Disambiguation[] } & Record<
  string,
  unknown
>;
type Kind = 'outlets' | 'officials' | 'bodies';
interface SourceFile {
  kind: Kind;
  path: string; // relative to the repository, for messages
  entries: Entry[];
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path));
    else if (name.endsWith('.json')) out.push(path);
  }
  return out;
}

const kinds: Kind[] = ['outlets', 'officials', 'bodies'];
const parseErrors: string[] = [];
const files: SourceFile[] = kinds.flatMap((kind) =>
  jsonFiles(join(kb, kind)).flatMap((file): SourceFile[] => {
    const path = relative(root, file);
    try {
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(data)) {
        parseErrors.push(`${path}: not an array`);
        return [];
      }
      return [{ kind, path, entries: data as Entry[] }];
    } catch (err) {
      parseErrors.push(`${path}: ${String(err)}`);
      return [];
    }
  }),
);
const all = files.flatMap((f) => f.entries.map((entry) => ({ entry, file: f })));
const where = (file: SourceFile, entry: { id?: unknown }) => `${file.path} ${String(entry.id)}`;

const ROLES: readonly string[] = OFFICIAL_ROLES;
const CONTROLS: readonly EditorialControl[] = [
  'state-controlled',
  'captured-public',
  'state-funded-independent',
  'independent-public-service',
  'state-aligned-private',
  'covert-proxy',
  'official-government-channel',
  'private',
];
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
// A lowercase hostname with at least one dot, optionally followed by a path ("youtube.com/@RT" keeps
// its path's case, since paths are case-sensitive).
const DOMAIN =
  /^(?=.{1,253}(?:\/|$))(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?:\/\S*)?$/;

/** The form two names are compared in: case, accents, apostrophe and space variants folded. */
function aliasKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function namesOf(kind: Kind, entry: Entry): string[] {
  const extra =
    kind === 'outlets' ? (entry.names as string[] | undefined) : (entry.aliases as string[] | undefined);
  return [entry.name as string, ...(extra ?? [])].filter((n): n is string => typeof n === 'string');
}

/** Every Claim-shaped object of an entry, with a label for messages. */
function claimsOf(kind: Kind, entry: Entry): Array<[string, Claim<unknown>]> {
  const out: Array<[string, Claim<unknown>]> = [];
  if (kind === 'outlets') {
    const o = entry as unknown as Outlet;
    out.push(['control', o.control]);
    for (const key of ['owner', 'funding', 'reliability'] as const) {
      const c = o[key];
      if (c) out.push([key, c]);
    }
    o.sanctions?.forEach((s, i) =>
      out.push([`sanctions[${i}]`, { value: s.act, refs: s.refs, verified: s.verified }]),
    );
    o.platformLabels?.forEach((p, i) =>
      out.push([`platformLabels[${i}]`, { value: p.label, refs: p.refs, verified: p.verified }]),
    );
    o.formerly?.forEach((f, i) =>
      out.push([`formerly[${i}]`, { value: f.name ?? f.domain, refs: f.refs, verified: f.verified }]),
    );
  }
  if (kind === 'officials') {
    (entry as unknown as Official).terms.forEach((t, i) =>
      out.push([`terms[${i}]`, { value: t.role, refs: t.refs ?? [], verified: t.verified }]),
    );
  }
  return out;
}

describe('knowledge base source files', () => {
  it('every file parses as a JSON array', () => {
    expect(parseErrors).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  });

  it('ids are kebab-case and unique across outlets, officials and bodies', () => {
    const bad = all.filter(({ entry }) => typeof entry.id !== 'string' || !KEBAB.test(entry.id));
    expect(bad.map(({ entry, file }) => where(file, entry))).toEqual([]);
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const { entry, file } of all) {
      const first = seen.get(entry.id);
      if (first) dupes.push(`${entry.id}: ${first} and ${file.path}`);
      else seen.set(entry.id, file.path);
    }
    expect(dupes).toEqual([]);
  });

  it('entries are sorted by id within each file', () => {
    const unsorted = files
      .filter((f) => f.entries.some((e, i) => i > 0 && f.entries[i - 1]!.id >= e.id))
      .map((f) => f.path);
    expect(unsorted).toEqual([]);
  });

  it('every entry has a name, a country code and, for its kind, the required fields', () => {
    const problems: string[] = [];
    for (const { entry, file } of all) {
      const at = where(file, entry);
      if (typeof entry.name !== 'string' || !entry.name.trim()) problems.push(`${at}: no name`);
      if (typeof entry.country !== 'string' || !COUNTRY.test(entry.country))
        problems.push(`${at}: country ${String(entry.country)} is not two upper-case letters`);
      if (!Array.isArray(entry.references)) problems.push(`${at}: no references array`);
      if (file.kind === 'outlets') {
        const o = entry as unknown as Outlet;
        if (!Array.isArray(o.names)) problems.push(`${at}: no names`);
        if (!Array.isArray(o.domains)) problems.push(`${at}: no domains`);
        if (!['agency', 'broadcaster', 'newspaper', 'online', 'channel'].includes(o.kind))
          problems.push(`${at}: kind ${String(o.kind)}`);
        if (!o.control || !CONTROLS.includes(o.control.value))
          problems.push(`${at}: control ${String(o.control?.value)}`);
      } else {
        if (!Array.isArray(entry.aliases)) problems.push(`${at}: no aliases`);
      }
      if (file.kind === 'officials') {
        const o = entry as unknown as Official;
        if (o.gender !== undefined && o.gender !== 'm' && o.gender !== 'f') problems.push(`${at}: gender`);
        if (!Array.isArray(o.terms) || o.terms.length === 0) problems.push(`${at}: no terms`);
        for (const t of o.terms ?? []) {
          if (!ROLES.includes(t.role)) problems.push(`${at}: role "${t.role}" is not in OFFICIAL_ROLES`);
          for (const d of [t.from, t.until])
            if (d !== undefined && !PARTIAL_DATE.test(d)) problems.push(`${at}: term date ${d}`);
          if (t.from && t.until && t.from > t.until) problems.push(`${at}: term ends before it starts`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every reference has an https URL, a publisher and an ISO date, and a unique id in its entry', () => {
    const problems: string[] = [];
    for (const { entry, file } of all) {
      const ids = new Set<string>();
      for (const r of entry.references ?? []) {
        const at = `${where(file, entry)} ref ${r.id}`;
        if (ids.has(r.id)) problems.push(`${at}: duplicate reference id`);
        ids.add(r.id);
        let url: URL | undefined;
        try {
          url = new URL(r.url);
        } catch {
          url = undefined;
        }
        if (url?.protocol !== 'https:') problems.push(`${at}: url is not https (${r.url})`);
        if (typeof r.publisher !== 'string' || !r.publisher.trim()) problems.push(`${at}: no publisher`);
        if (typeof r.seen !== 'string' || !ISO_DATE.test(r.seen) || Number.isNaN(Date.parse(r.seen)))
          problems.push(`${at}: seen ${String(r.seen)} is not an ISO date`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every claim cites references of its own entry, or says it is unverified', () => {
    const problems: string[] = [];
    for (const { entry, file } of all) {
      const ids = new Set((entry.references ?? []).map((r) => r.id));
      for (const [label, claim] of claimsOf(file.kind, entry)) {
        const at = `${where(file, entry)} ${label}`;
        const refs = claim.refs ?? [];
        const missing = refs.filter((r) => !ids.has(r));
        if (missing.length) problems.push(`${at}: refs ${missing.join(', ')} not in references`);
        if (refs.length === 0 && claim.verified !== false)
          problems.push(`${at}: no refs and not verified: false`);
      }
      if ((entry.references ?? []).length === 0 && entry.verified !== false && file.kind !== 'outlets')
        problems.push(`${where(file, entry)}: no references and not verified: false`);
    }
    expect(problems).toEqual([]);
  });

  it('every domain is a lowercase hostname (optionally with a path), claimed by one outlet only', () => {
    const problems: string[] = [];
    const owner = new Map<string, string>();
    for (const { entry, file } of all) {
      const domains = (entry.domains as string[] | undefined) ?? [];
      for (const f of (entry as unknown as Outlet).formerly ?? []) {
        if (f.domain !== undefined && !DOMAIN.test(f.domain))
          problems.push(`${where(file, entry)}: former domain "${f.domain}"`);
      }
      for (const d of domains) {
        const host = d.split('/')[0]!;
        if (!DOMAIN.test(d) || host !== host.toLowerCase())
          problems.push(`${where(file, entry)}: domain "${d}"`);
        if (file.kind !== 'outlets') continue;
        const key = d.replace(/\/+$/, '');
        const first = owner.get(key);
        if (first && first !== entry.id) problems.push(`${key}: claimed by ${first} and ${entry.id}`);
        owner.set(key, entry.id);
      }
    }
    expect(problems).toEqual([]);
  });

  it('terms point at government bodies that exist, in the same country', () => {
    const bodyById = new Map(
      files.filter((f) => f.kind === 'bodies').flatMap((f) => f.entries.map((e) => [e.id, e])),
    );
    const problems: string[] = [];
    for (const { entry, file } of all.filter((a) => a.file.kind === 'officials')) {
      for (const t of (entry as unknown as Official).terms) {
        if (!t.body) continue;
        const b = bodyById.get(t.body);
        if (!b) problems.push(`${where(file, entry)}: body ${t.body} does not exist`);
        else if (b.country !== entry.country)
          problems.push(`${where(file, entry)}: body ${t.body} is in ${String(b.country)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no name points at two entities unless a disambiguation rule chooses', () => {
    const claimants = new Map<string, Array<{ id: string; rule: boolean }>>();
    for (const { entry, file } of all) {
      const rules = new Set((entry.disambiguation ?? []).map((d) => aliasKey(d.alias)));
      for (const key of new Set(namesOf(file.kind, entry).map(aliasKey))) {
        const list = claimants.get(key) ?? [];
        list.push({ id: entry.id, rule: rules.has(key) });
        claimants.set(key, list);
      }
    }
    const clashes = [...claimants]
      .filter(([, list]) => list.length > 1 && !list.some((c) => c.rule))
      .map(([key, list]) => `"${key}": ${list.map((c) => c.id).join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('every disambiguation rule names an alias of its own entry and says how to choose', () => {
    const problems: string[] = [];
    for (const { entry, file } of all) {
      const names = new Set(namesOf(file.kind, entry).map(aliasKey));
      for (const d of entry.disambiguation ?? []) {
        if (!names.has(aliasKey(d.alias)))
          problems.push(`${where(file, entry)}: rule for unknown alias "${d.alias}"`);
        if (typeof d.rule !== 'string' || !d.rule.trim()) problems.push(`${where(file, entry)}: empty rule`);
        if (d.prefer?.country !== undefined && !COUNTRY.test(d.prefer.country))
          problems.push(`${where(file, entry)}: prefer.country ${d.prefer.country}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('generated knowledge base (src/core/kb/full.ts)', () => {
  it('holds every source entry, sorted by id', () => {
    const count = (kind: Kind) =>
      files.filter((f) => f.kind === kind).reduce((n, f) => n + f.entries.length, 0);
    expect(outlets.length).toBe(count('outlets'));
    expect(officials.length).toBe(count('officials'));
    expect(bodies.length).toBe(count('bodies'));
    for (const list of [outlets, officials, bodies] as ReadonlyArray<ReadonlyArray<{ id: string }>>) {
      expect(list.map((e) => e.id)).toEqual(list.map((e) => e.id).sort());
    }
  });

  it('carries evidence: most claims are backed by a reference that was read', () => {
    const entries: Array<Outlet | Official | GovernmentBody> = [...outlets, ...officials, ...bodies];
    const cited = entries.filter((e) => e.references.length > 0).length;
    expect(cited / Math.max(1, entries.length)).toBeGreaterThan(0.5);
  });
});
