// Which outlet an address belongs to. Matching works on hostnames split at the registrable domain (the
// Public Suffix List, through tldts), then on explicit subdomain and path rules from the knowledge base.
// Never on substrings: deviantart.com is not rt.com, rt.com.example.org is not RT, sputnikmusic.com is
// not Sputnik. A rule "rt.com" covers rt.com and every host under it; "fr.sputniknews.africa" covers that
// host and those under it only; "youtube.com/@RT" covers that path (and below) on that host only.

import { parse } from 'tldts';
import {
  type EngineBody,
  type EngineOutlet,
  bodies as seededBodies,
  outlets as seededOutlets,
} from './kb/data';

/** An address split into the parts matching uses. */
export interface ParsedAddress {
  /** Lower-case hostname without a trailing dot ("fr.sputniknews.africa"). */
  host: string;
  /** The registrable domain ("sputniknews.africa"); undefined for IP addresses and bare suffixes. */
  domain?: string;
  /** The path, lower-cased, without query or fragment, never empty ("/", "/@rt/videos"). */
  path: string;
}

/** One rule of an outlet's `domains` (or a former domain), parsed. */
export interface DomainRule {
  host: string;
  /** A path prefix matched on whole segments ("/@rt"), or undefined for the whole host. */
  path?: string;
  /** The id of the outlet (or government body) the rule belongs to. */
  entityId: string;
  /** The rule as written in the knowledge base. */
  source: string;
}

export interface OutletMatch<O extends EngineOutlet = EngineOutlet> {
  outlet: O;
  rule: DomainRule;
}

export interface GovernmentMatch<B extends EngineBody = EngineBody> {
  body: B;
  rule: DomainRule;
}

// Sites under private suffixes (blogspot.com, github.io) are separate sites, each its own registrable domain.
const PSL = { allowPrivateDomains: true } as const;
const HOST_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

// The WHATWG URL parser exists in every runtime the core runs in (browsers, Node); the core's own type
// library leaves it out on purpose, so only the one use is declared here: turning спутник.рф into punycode.
declare const URL: new (url: string) => { hostname: string };

function asciiHost(host: string): string | undefined {
  if (/^[\x00-\x7f]*$/.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Splits a URL or a bare domain ("rt.com", "www.rt.com/fr", "https://RT.com:443/x?y#z") into host and path.
 * Returns undefined for anything that is not an address (spaces, empty labels, no dot, a bare public suffix).
 */
export function parseAddress(input: string): ParsedAddress | undefined {
  let rest = input.trim();
  if (rest === '' || rest.length > 2048 || /\s/.test(rest)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme) {
    if (!/^https?$/i.test(scheme[1] ?? '')) return undefined;
    rest = rest.slice(scheme[0].length);
  } else if (rest.startsWith('//')) rest = rest.slice(2);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const afterAuthority = authorityEnd === -1 ? '' : rest.slice(authorityEnd);
  // Drop credentials and the port: neither says whose site it is.
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[')) return undefined; // IPv6 literal: no outlet lives at one
  const host = asciiHost(hostPort.replace(/:\d*$/, '').toLowerCase().replace(/\.$/, ''));
  if (!host) return undefined;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) return undefined;
  const rawPath = afterAuthority.replace(/[?#].*$/s, '');
  const path = normalisePath(rawPath);
  if (IPV4.test(host)) return { host, path };
  const parsed = parse(host, PSL);
  // A public suffix can be a site of its own (mil.ru, gov.cn): it is matched as that exact host only.
  if (!parsed.domain) return parsed.publicSuffix === host ? { host, path } : undefined;
  return { host, domain: parsed.domain, path };
}

function normalisePath(path: string): string {
  let p = path.toLowerCase();
  if (!p.startsWith('/')) p = `/${p}`;
  return p.length > 1 ? p.replace(/\/+$/, '') || '/' : p;
}

/**
 * Parses one rule of the knowledge base; undefined when the rule itself is not a valid address. A rule on a
 * public suffix covers that exact host ("mil.ru"), or a path on it ("gov.uk/government/organisations/…").
 */
export function parseRule(rule: string, entityId: string): DomainRule | undefined {
  const address = parseAddress(rule);
  if (!address) return undefined;
  // "www.rt.com" in the data means the site rt.com.
  const host =
    address.host.startsWith('www.') && address.domain && address.host !== address.domain
      ? address.host.slice(4)
      : address.host;
  return {
    host,
    ...(address.path === '/' ? {} : { path: address.path }),
    entityId,
    source: rule,
  };
}

/** True when `path` is `prefix` or lies under it, segment by segment ("/@rt" covers "/@rt/videos", not "/@rtl"). */
function underPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** The last two labels of a rule's host ("sputniknews.africa" for "fr.sputniknews.africa/x"), read cheaply. */
function roughKey(text: string): string {
  const rest = text
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^\/\//, '');
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const host = authority
    .slice(authority.lastIndexOf('@') + 1)
    .replace(/:\d*$/, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return lastTwoLabels(asciiHost(host) ?? host);
}

const lastTwoLabels = (host: string): string => host.split('.').slice(-2).join('.');

/**
 * Domain rules looked up host by host, from the full host up to the registrable domain. Rules are parsed
 * only when an address under the same last two labels is first matched: a page asks about a few sites, and
 * parsing every rule of the knowledge base up front would cost a long task.
 */
class RuleTable {
  private readonly byHost = new Map<string, DomainRule[]>();
  private readonly pending = new Map<string, Array<{ entityId: string; text: string; order: number }>>();

  /** @param problems collects [order, message] for rules that do not parse or that two entities claim */
  constructor(private readonly problems: Array<[number, string]>) {}

  add(entityId: string, text: string, order: number): void {
    const key = roughKey(text);
    const list = this.pending.get(key) ?? [];
    list.push({ entityId, text, order });
    this.pending.set(key, list);
  }

  /** Parses every rule still pending. */
  settleAll(): void {
    for (const key of [...this.pending.keys()]) this.settle(key);
  }

  private settle(key: string): void {
    const waiting = this.pending.get(key);
    if (!waiting) return;
    this.pending.delete(key);
    for (const { entityId, text, order } of waiting) this.parse(entityId, text, order);
  }

  private parse(entityId: string, text: string, order: number): void {
    const rule = parseRule(text, entityId);
    if (!rule) {
      this.problems.push([order, `${entityId}: "${text}" is not a valid domain rule`]);
      return;
    }
    const list = this.byHost.get(rule.host) ?? [];
    const clash = list.find((r) => r.path === rule.path);
    if (clash) {
      if (clash.entityId !== entityId)
        this.problems.push([order, `${entityId}: "${text}" is already ${clash.entityId}'s`]);
      return;
    }
    list.push(rule);
    // Longest path first, host-wide rule last: the most specific rule wins.
    list.sort((a, b) => (b.path?.length ?? -1) - (a.path?.length ?? -1));
    this.byHost.set(rule.host, list);
  }

  match(address: ParsedAddress): DomainRule | undefined {
    this.settle(lastTwoLabels(address.host));
    // Walk from the full host up to the registrable domain, never above it: "com.example.org" is tried
    // for rt.com.example.org, "com" never is.
    const labels = address.host.split('.');
    const stop = address.domain ? address.domain.split('.').length : labels.length;
    for (let n = labels.length; n >= stop; n--) {
      const host = labels.slice(labels.length - n).join('.');
      for (const rule of this.byHost.get(host) ?? [])
        if (rule.path === undefined || underPath(address.path, rule.path)) return rule;
    }
    // www.mil.ru and www.gov.uk are the public-suffix sites mil.ru and gov.uk.
    if (address.domain?.startsWith('www.'))
      for (const rule of this.byHost.get(address.domain.slice(4)) ?? [])
        if (rule.path === undefined || underPath(address.path, rule.path)) return rule;
    return undefined;
  }
}

/**
 * An index of every outlet's domain rules (and government bodies' sites). Over the compact entries the
 * engine reads, or over full entries (the command line) when the caller needs their references. Cheap to
 * build: rules are parsed and names folded on first use.
 */
export class OutletIndex<O extends EngineOutlet = EngineOutlet, B extends EngineBody = EngineBody> {
  private readonly found: Array<[number, string]> = [];
  private readonly rules = new RuleTable(this.found);
  private readonly governmentRules = new RuleTable(this.found);
  private readonly bodies = new Map<string, B>();
  private readonly byId = new Map<string, O>();
  private names: { byName: Map<string, O>; sharedNames: Set<string> } | undefined;

  constructor(
    private readonly outlets: readonly O[],
    bodies: readonly B[] = [],
  ) {
    let order = 0;
    for (const outlet of outlets) {
      this.byId.set(outlet.id, outlet);
      for (const text of outlet.domains) this.rules.add(outlet.id, text, order++);
      for (const f of outlet.formerly ?? []) if (f.domain) this.rules.add(outlet.id, f.domain, order++);
    }
    for (const body of bodies) {
      this.bodies.set(body.id, body);
      for (const text of body.domains ?? []) this.governmentRules.add(body.id, text, order++);
    }
  }

  /** Rules that could not be parsed, or that two outlets claim: the data tests read these. */
  get problems(): string[] {
    this.rules.settleAll();
    this.governmentRules.settleAll();
    return [...this.found].sort((a, b) => a[0] - b[0]).map(([, message]) => message);
  }

  private nameTable(): { byName: Map<string, O>; sharedNames: Set<string> } {
    if (this.names) return this.names;
    const byName = new Map<string, O>();
    /** Names two outlets go by, neither as its main name ("RTS"): a name alone does not choose between them. */
    const sharedNames = new Set<string>();
    // Main names first, so "RT France" is the outlet of that name rather than an alias of RT.
    const mainNames = new Set<string>();
    for (const outlet of this.outlets) {
      const key = nameKey(outlet.name);
      if (key && !byName.has(key)) byName.set(key, outlet);
      mainNames.add(key);
    }
    for (const outlet of this.outlets)
      for (const name of outlet.names) {
        const key = nameKey(name);
        if (!key || mainNames.has(key)) continue;
        const known = byName.get(key);
        if (!known) byName.set(key, outlet);
        else if (known.id !== outlet.id) sharedNames.add(key);
      }
    return (this.names = { byName, sharedNames });
  }

  get(id: string): O | undefined {
    return this.byId.get(id);
  }

  /** The outlet an address belongs to, with the rule that decided it. */
  matchAddress(urlOrDomain: string): OutletMatch<O> | undefined {
    const address = parseAddress(urlOrDomain);
    return address ? this.matchParsed(address) : undefined;
  }

  matchParsed(address: ParsedAddress): OutletMatch<O> | undefined {
    const rule = this.rules.match(address);
    const outlet = rule && this.byId.get(rule.entityId);
    return rule && outlet ? { outlet, rule } : undefined;
  }

  /** The government body whose own site an address is (kremlin.ru, a ministry's pages on gov.uk). */
  matchGovernment(urlOrDomain: string | ParsedAddress): GovernmentMatch<B> | undefined {
    const address = typeof urlOrDomain === 'string' ? parseAddress(urlOrDomain) : urlOrDomain;
    const rule = address && this.governmentRules.match(address);
    const body = rule && this.bodies.get(rule.entityId);
    return rule && body ? { body, rule } : undefined;
  }

  /** The outlet known by exactly this name (any script, case and accents aside), never a part of a name. */
  matchName(name: string): O | undefined {
    const key = nameKey(name);
    const { byName, sharedNames } = this.nameTable();
    return key && !sharedNames.has(key) ? byName.get(key) : undefined;
  }
}

/**
 * The comparable form of an outlet's name: case and accents folded, punctuation to spaces, a leading
 * article or "agence"/"agency" dropped ("l'agence TASS" → "tass", "The Associated Press" → "associated press").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/^(?:(?:l'|la |le |les |the )?(?:agence (?:de presse )?|agency )?)/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let defaultIndex: OutletIndex | undefined;

/** The index over the bundled knowledge base, built on first use. */
export function seededOutletIndex(): OutletIndex {
  defaultIndex ??= new OutletIndex(seededOutlets, seededBodies);
  return defaultIndex;
}

/** The outlet that a URL or a domain belongs to, if the knowledge base knows it. */
export function matchOutlet(
  urlOrDomain: string,
  index: OutletIndex = seededOutletIndex(),
): EngineOutlet | undefined {
  return index.matchAddress(urlOrDomain)?.outlet;
}
