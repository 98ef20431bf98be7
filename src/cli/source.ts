// `provenance-lens source [--json] URL_OR_DOMAIN...`: what the knowledge base knows of an address.
// With --json, one JSON object per input, one per line (JSON Lines): {"input": ..., "outlet": null | {...}},
// plus "government": {...} when the address is a government body's own site rather than an outlet's.
// Without it, a short readable answer per input. An input that is not an address is named on stderr and
// makes the exit status 1; the other inputs are still answered.

import { OutletIndex, parseAddress } from '../core/domains';
import { bodies, outlets } from '../core/kb/full';
import type { Outlet } from '../core/kb/schema';
import { outletCategory } from '../core/publisher';
import type { SourceCategory } from '../core/types';
import { UsageError } from './main';

export interface SourceAnswer {
  input: string;
  outlet: null | {
    id: string;
    name: string;
    category: SourceCategory;
    country: string;
    control: string;
    kind: string;
    /** The knowledge-base rule that matched ("rt.com", "youtube.com/@rt"). */
    matched: string;
    parent?: string;
    owner?: string;
    funding?: string;
    sanctions?: Array<{ jurisdiction: string; act: string; date: string }>;
    references: Array<{ url: string; publisher: string }>;
  };
  /** When the address is no outlet's but a government body's own site (kremlin.ru). */
  government?: { id: string; name: string; category: 'government'; country: string; matched: string };
}

/** An index over the full entries: the answer names owners, funding, sanctions and references. */
export type FullOutletIndex = OutletIndex<Outlet>;

let fullIndex: FullOutletIndex | undefined;
function fullOutletIndex(): FullOutletIndex {
  return (fullIndex ??= new OutletIndex(outlets, bodies));
}

/** The answer for one address, or undefined when the input is not an address at all. */
export function describeSource(
  input: string,
  index: FullOutletIndex = fullOutletIndex(),
): SourceAnswer | undefined {
  const address = parseAddress(input);
  if (!address) return undefined;
  const match = index.matchParsed(address);
  if (!match) {
    const gov = index.matchGovernment(address);
    if (!gov) return { input, outlet: null };
    const { body, rule } = gov;
    return {
      input,
      outlet: null,
      government: {
        id: body.id,
        name: body.name,
        category: 'government',
        country: body.country.toUpperCase(),
        matched: rule.source,
      },
    };
  }
  const o: Outlet = match.outlet;
  return {
    input,
    outlet: {
      id: o.id,
      name: o.name,
      category: outletCategory(o),
      country: o.country.toUpperCase(),
      control: o.control.value,
      kind: o.kind,
      matched: match.rule.source,
      ...(o.parent ? { parent: o.parent } : {}),
      ...(o.owner ? { owner: o.owner.value } : {}),
      ...(o.funding ? { funding: o.funding.value } : {}),
      ...(o.sanctions?.length
        ? { sanctions: o.sanctions.map(({ jurisdiction, act, date }) => ({ jurisdiction, act, date })) }
        : {}),
      references: o.references.map(({ url, publisher }) => ({ url, publisher })),
    },
  };
}

function readable(answer: SourceAnswer): string {
  const o = answer.outlet;
  const g = answer.government;
  if (!o && g)
    return `${answer.input}: ${g.name} (government, ${g.country}), official site\n  matched: ${g.matched}`;
  if (!o) return `${answer.input}: not in the knowledge base`;
  const lines = [
    `${answer.input}: ${o.name} (${o.category}, ${o.country}), ${o.control.replace(/-/g, ' ')}`,
    `  matched: ${o.matched}`,
  ];
  if (o.owner) lines.push(`  owner: ${o.owner}`);
  if (o.funding) lines.push(`  funding: ${o.funding}`);
  for (const s of o.sanctions ?? []) lines.push(`  sanction: ${s.jurisdiction}, ${s.act} (${s.date})`);
  for (const r of o.references) lines.push(`  reference: ${r.publisher} <${r.url}>`);
  return lines.join('\n');
}

export async function sourceCommand(
  args: string[],
  out: (line: string) => void = (l) => console.log(l),
  err: (line: string) => void = (l) => console.error(l),
  index?: FullOutletIndex,
): Promise<number> {
  let json = false;
  const inputs: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option "${arg}" for "source"`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('"source" needs a URL or a domain, e.g. rt.com');
  let status = 0;
  for (const input of inputs) {
    const answer = describeSource(input, index);
    if (!answer) {
      err(
        `provenance-lens: "${input}" is not a URL or a domain (try e.g. rt.com or https://www.bbc.co.uk/news)`,
      );
      status = 1;
      continue;
    }
    out(json ? JSON.stringify(answer) : readable(answer));
  }
  return status;
}
