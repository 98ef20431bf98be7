// Who publishes a page, from what the page says of itself: its canonical URL and address first (an address
// is hard to fake and unambiguous), then its declared name (og:site_name, JSON-LD publisher), matched
// whole against the knowledge base's names, never as a part of a longer name.

import { CATEGORY_OF_CONTROL } from './kb/schema';
import type { EngineOutlet } from './kb/data';
import type { Publisher, SourceCategory } from './types';
import { OutletIndex, parseAddress, seededOutletIndex } from './domains';

export interface PublisherHints {
  /** `<link rel="canonical">` or `og:url`. */
  canonicalUrl?: string;
  /** `og:site_name`. */
  siteName?: string;
  /** The `publisher.name` of the page's JSON-LD. */
  jsonLdPublisher?: string;
  /** The page's own address. */
  url?: string;
}

/** The report category of an outlet (state-media, government for official channels, media otherwise). */
export function outletCategory(outlet: Pick<EngineOutlet, 'control'>): SourceCategory {
  return CATEGORY_OF_CONTROL[outlet.control.value] ?? 'media';
}

function fromOutlet(outlet: EngineOutlet, url: string | undefined, domain: string | undefined): Publisher {
  return {
    name: outlet.name,
    ...(url ? { url } : {}),
    ...(domain ? { domain } : {}),
    category: outletCategory(outlet),
    entityId: outlet.id,
    country: outlet.country.toUpperCase(),
  };
}

const clean = (s: string | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 200) : undefined;
};

/**
 * The page's publisher. Known outlets come with their category and country; a publisher the knowledge base
 * does not know is named as the page names itself, as `media` when it declares a site name and `other` when
 * only its address is known. Undefined when the page gives nothing to go on.
 */
export function resolvePublisher(
  hints: PublisherHints,
  index: OutletIndex = seededOutletIndex(),
): Publisher | undefined {
  const addresses = [hints.canonicalUrl, hints.url]
    .map((u) => clean(u))
    .flatMap((u) => {
      const parsed = u ? parseAddress(u) : undefined;
      return u && parsed ? [{ url: u, parsed }] : [];
    });
  for (const { url, parsed } of addresses) {
    const match = index.matchParsed(parsed);
    if (match) return fromOutlet(match.outlet, url, parsed.domain ?? parsed.host);
  }
  // A government's own site (kremlin.ru, a ministry's pages): its official channel.
  for (const { url, parsed } of addresses) {
    const body = index.matchGovernment(parsed)?.body;
    if (body)
      return {
        name: body.name,
        url,
        domain: parsed.domain ?? parsed.host,
        category: 'government',
        entityId: body.id,
        country: body.country.toUpperCase(),
      };
  }
  const first = addresses[0];
  const url = first?.url;
  const domain = first ? (first.parsed.domain ?? first.parsed.host) : undefined;
  const names = [clean(hints.siteName), clean(hints.jsonLdPublisher)].filter((n): n is string => !!n);
  for (const name of names) {
    const outlet = index.matchName(name);
    if (outlet) return fromOutlet(outlet, url, domain);
  }
  const declared = names[0];
  if (declared)
    return { name: declared, ...(url ? { url } : {}), ...(domain ? { domain } : {}), category: 'media' };
  if (domain) return { name: domain, ...(url ? { url } : {}), domain, category: 'other' };
  return undefined;
}
