import { describe, expect, it } from 'vitest';
import {
  OutletIndex,
  matchOutlet,
  nameKey,
  parseAddress,
  parseRule,
  seededOutletIndex,
} from '../../src/core/domains';
import { outlets } from '../../src/core/kb/data';
import { outletCategory, resolvePublisher } from '../../src/core/publisher';
import { describeSource, sourceCommand } from '../../src/cli/source';
import { UsageError } from '../../src/cli/main';
import { fixtureBodies, fixtureOutlets } from './store/kb-fixture';

const index = new OutletIndex(fixtureOutlets);
const id = (input: string) => matchOutlet(input, index)?.id;

describe('parseAddress', () => {
  it.each([
    ['rt.com', 'rt.com', 'rt.com', '/'],
    ['RT.COM', 'rt.com', 'rt.com', '/'],
    ['https://www.rt.com/news/1234-x/?utm=1#top', 'www.rt.com', 'rt.com', '/news/1234-x'],
    [
      'http://user:pw@fr.sputniknews.africa:8080/afrique/',
      'fr.sputniknews.africa',
      'sputniknews.africa',
      '/afrique',
    ],
    ['//bbc.co.uk/news', 'bbc.co.uk', 'bbc.co.uk', '/news'],
    ['rt.com.', 'rt.com', 'rt.com', '/'],
    ['news.bbc.co.uk', 'news.bbc.co.uk', 'bbc.co.uk', '/'],
    ['someone.blogspot.com', 'someone.blogspot.com', 'someone.blogspot.com', '/'],
  ])('%s', (input, host, domain, path) => {
    expect(parseAddress(input)).toEqual({ host, domain, path });
  });

  it.each([
    '',
    '   ',
    'not a url',
    'localhost',
    'com',
    'ftp://rt.com/',
    'javascript:alert(1)',
    'rt..com',
    '-rt.com',
    'http://[::1]/',
    'x'.repeat(3000) + '.com',
  ])('rejects %j', (input) => {
    expect(parseAddress(input)).toBeUndefined();
  });

  it('keeps a public suffix as a host of its own, without a registrable domain', () => {
    expect(parseAddress('co.uk')).toEqual({ host: 'co.uk', path: '/' });
    expect(parseAddress('https://mil.ru/news')).toEqual({ host: 'mil.ru', path: '/news' });
  });

  it('keeps IPv4 hosts without a registrable domain', () => {
    expect(parseAddress('http://127.0.0.1:8080/a')).toEqual({ host: '127.0.0.1', path: '/a' });
  });
});

describe('matchOutlet', () => {
  it.each([
    ['rt.com', 'rt'],
    ['https://www.rt.com/russia/123/', 'rt'],
    ['https://francais.rt.com/international/1', 'rt'],
    ['rt.rs', 'rt'], // a rule written with www. covers the site
    ['https://www.rt.rs/', 'rt'],
    ['https://sputnikglobe.com/20240101/x.html', 'sputnik'],
    ['https://fr.sputniknews.africa/20231105/y.html', 'sputnik'],
    ['https://sputniknews.com/world/', 'sputnik'], // a former domain still names the outlet
    ['https://www.bbc.co.uk/news/world', 'bbc'],
    ['https://news.bbc.co.uk/', 'bbc'],
    ['https://TASS.RU/politika/1', 'tass'],
    ['kremlin.ru', 'kremlin-ru'],
  ])('%s → %s', (input, expected) => {
    expect(id(input)).toBe(expected);
  });

  it.each([
    'deviantart.com',
    'https://www.deviantart.com/art/1',
    'sputnikmusic.com',
    'https://www.sputnikmusic.com/review/1',
    'rtl.be',
    'https://www.rtl.be/info',
    'rt.com.example.org',
    'https://rt.com.example.org/news',
    'art.com',
    'rtcom.net',
    'tass.com.evil.net',
    'sputniknews.africa', // only the fr. edition is listed, not the whole domain
    'en.sputniknews.africa',
    'bbc.com.ru',
    'example.org',
    'youtube.com',
    'https://www.youtube.com/@rtl',
    'https://www.youtube.com/watch?v=rt',
  ])('%s is not an outlet of the knowledge base', (input) => {
    expect(id(input)).toBeUndefined();
  });

  it('follows explicit path rules, the most specific first', () => {
    expect(id('https://www.youtube.com/@RT')).toBe('rt');
    expect(id('https://www.youtube.com/@RT/videos')).toBe('rt');
    expect(id('https://m.youtube.com/@rt?sub=1')).toBe('rt');
    expect(id('https://rt.com/fr/actualite/1')).toBe('rt-france');
    expect(id('https://rt.com/french')).toBe('rt'); // segments, not string prefixes
    expect(id('https://rt.com/news/fr')).toBe('rt');
  });

  it('reports the rule that decided', () => {
    expect(index.matchAddress('https://m.youtube.com/@rt/videos')?.rule.source).toBe('youtube.com/@rt');
  });

  it('reports bad and duplicated rules in the data', () => {
    const bad = new OutletIndex([
      ...fixtureOutlets,
      { ...fixtureOutlets[1]!, id: 'rt-copy', domains: ['rt.com', 'not a domain', 'com'] },
    ]);
    expect(bad.problems).toEqual([
      'rt-copy: "rt.com" is already rt\'s',
      'rt-copy: "not a domain" is not a valid domain rule',
      'rt-copy: "com" is not a valid domain rule',
    ]);
    expect(bad.matchAddress('rt.com')?.outlet.id).toBe('rt');
  });

  it('answers nothing for anything that is not an address', () => {
    for (const input of ['', 'RT', 'Sputnik', 'https://', 'http://rt', '://rt.com', 'rt com'])
      expect(id(input)).toBeUndefined();
  });

  it('uses the bundled knowledge base by default without throwing', () => {
    expect(() => matchOutlet('example.org')).not.toThrow();
  });
});

describe('matchName', () => {
  it.each([
    ['Sputnik', 'sputnik'],
    ['SPUTNIK', 'sputnik'],
    ['Спутник', 'sputnik'],
    ["l'agence TASS", 'tass'],
    ['L’agence TASS', 'tass'],
    ['ТАСС', 'tass'],
    ['BBC News', 'bbc'],
    ['Agence France-Presse', 'afp'],
    ['agence France Presse', 'afp'],
  ])('%s → %s', (name, expected) => {
    expect(index.matchName(name)?.id).toBe(expected);
  });

  it.each(['Sputnik Music', 'sputnikmusic', 'RTL', 'R T', 'DeviantArt', 'BBC Radio Sputnik fan club', ''])(
    '%j matches no outlet',
    (name) => {
      expect(index.matchName(name)).toBeUndefined();
    },
  );

  it('folds case, accents and articles only', () => {
    expect(nameKey("L'Agence de presse Xinhua")).toBe('xinhua');
    expect(nameKey('Télé-Liban')).toBe('tele liban');
  });
});

describe('names shared by several outlets', () => {
  it('prefers the outlet whose main name it is, and refuses to guess between aliases', () => {
    const idx = new OutletIndex([
      ...fixtureOutlets,
      { ...fixtureOutlets[3]!, id: 'rts-ch', name: 'RTS (Switzerland)', names: ['RTS'], domains: ['rts.ch'] },
      { ...fixtureOutlets[3]!, id: 'rts-rs', name: 'RTS (Serbia)', names: ['RTS'], domains: ['rts.rs'] },
    ]);
    expect(idx.matchName('RT France')?.id).toBe('rt-france');
    expect(idx.matchName('RTS')).toBeUndefined();
    expect(idx.matchName('RTS (Serbia)')?.id).toBe('rts-rs');
  });
});

describe('the source command', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = await sourceCommand(
      args,
      (l) => out.push(l),
      (l) => err.push(l),
      index,
    );
    return { status, out, err };
  };

  it('prints one JSON line per input', async () => {
    const r = await run(['--json', 'https://fr.sputniknews.africa/x', 'deviantart.com']);
    expect(r.status).toBe(0);
    expect(r.out.map((l) => JSON.parse(l))).toEqual([
      {
        input: 'https://fr.sputniknews.africa/x',
        outlet: expect.objectContaining({
          id: 'sputnik',
          name: 'Sputnik',
          category: 'state-media',
          country: 'RU',
          control: 'state-controlled',
          matched: 'fr.sputniknews.africa',
        }),
      },
      { input: 'deviantart.com', outlet: null },
    ]);
    expect(describeSource('bbc.co.uk', index)?.outlet?.category).toBe('media');
  });

  it('reads as text without --json', async () => {
    const r = await run(['rt.com']);
    expect(r.out[0]).toMatch(/^rt\.com: RT \(state-media, RU\), state controlled/);
  });

  it('names a bad input and exits non-zero, still answering the others', async () => {
    const r = await run(['--json', 'not an address', 'rt.com']);
    expect(r.status).toBe(1);
    expect(r.err[0]).toMatch(/"not an address" is not a URL or a domain/);
    expect(r.out).toHaveLength(1);
  });

  it('asks for an input and refuses unknown options', async () => {
    await expect(run([])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--yaml', 'rt.com'])).rejects.toBeInstanceOf(UsageError);
  });
});

describe('the bundled knowledge base', () => {
  const bundled = seededOutletIndex();

  it('has only valid domain rules, none claimed by two outlets', () => {
    expect(bundled.problems).toEqual([]);
  });

  it.each([
    'deviantart.com',
    'sputnikmusic.com',
    'https://www.sputnikmusic.com/',
    'rtl.be',
    'https://www.rtl.be/',
    'rt.com.example.org',
    'tass.ru.example.net',
    'art.com',
  ])('does not take the look-alike %s for an outlet', (input) => {
    expect(matchOutlet(input)).toBeUndefined();
  });

  it('knows the state outlets of the source articles by their addresses', () => {
    for (const address of [
      'https://fr.sputniknews.africa/20231105/x.html',
      'https://www.rt.com/news/1/',
      'tass.ru',
    ])
      expect(outletCategory(matchOutlet(address)!)).toBe('state-media');
  });
});

describe('internationalised domain names', () => {
  it('compares hosts in their ASCII form, whichever form the rule and the input use', () => {
    const idx = new OutletIndex([{ ...fixtureOutlets[0]!, id: 'idn', domains: ['спутник.рф'] }]);
    expect(parseAddress('https://СПУТНИК.рф/новости')?.host).toBe('xn--h1aehhjhg.xn--p1ai');
    expect(idx.matchAddress('https://спутник.рф/x')?.outlet.id).toBe('idn');
    expect(idx.matchAddress('xn--h1aehhjhg.xn--p1ai')?.outlet.id).toBe('idn');
    expect(idx.matchAddress('спутникмузыка.рф')).toBeUndefined();
  });
});

describe('look-alikes of every address in the bundled knowledge base', () => {
  const bundled = seededOutletIndex();
  const rules = outlets.flatMap((o) => o.domains.map((d) => ({ id: o.id, rule: parseRule(d, o.id) })));

  it('never match by substring, suffix or prefix', () => {
    let checked = 0;
    for (const { id, rule } of rules) {
      if (!rule) continue;
      const h = rule.host;
      const lookAlikes = [
        `x${h}`, // prefix glued on: art.com for rt.com
        `${h.replace(/\./g, '-')}.com`, // dots turned to dashes
        `${h}.example.org`, // the address as a subdomain of another site
        `${h}x.net`.replace(/\.([a-z]+)x\.net$/, '$1x.net'), // suffix glued on
      ];
      for (const fake of lookAlikes) {
        // Another rule of the same outlet may rightly cover it (ebc.com.br covers any host under it); this
        // rule never does.
        const match = bundled.matchAddress(fake);
        if (match?.rule.source === rule.source && match.outlet.id === id)
          throw new Error(`${fake} was taken for ${id} (rule ${rule.source})`);
        checked++;
      }
      if (rule.path) {
        // A path rule covers that path and below, never a longer name beside it.
        expect(bundled.matchAddress(`https://${h}${rule.path}x`)?.outlet.id).not.toBe(id);
        expect(bundled.matchAddress(`https://${h}${rule.path}/sub`)?.outlet.id).toBe(id);
      } else expect(bundled.matchAddress(`https://www.${h}/any/page`)?.outlet.id).toBe(id);
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("government bodies' own sites", () => {
  const idx = new OutletIndex(fixtureOutlets, [
    ...fixtureBodies,
    {
      id: 'gb-mod',
      name: 'Ministry of Defence (United Kingdom)',
      aliases: [],
      country: 'GB',
      domains: ['gov.uk/government/organisations/ministry-of-defence'],
      references: [],
    },
  ]);

  it('match on their domains and on path rules under a shared public host', () => {
    expect(idx.problems).toEqual([]);
    expect(idx.matchGovernment('https://mil.ru/news')?.body.id).toBe('ru-mod');
    expect(idx.matchGovernment('https://www.mil.ru/news')?.body.id).toBe('ru-mod');
    // Under a public suffix, another host is another site.
    expect(idx.matchGovernment('https://someone.mil.ru/')).toBeUndefined();
    expect(
      idx.matchGovernment('https://www.gov.uk/government/organisations/ministry-of-defence')?.body.id,
    ).toBe('gb-mod');
    expect(
      idx.matchGovernment('https://www.gov.uk/government/organisations/ministry-of-defence/about')?.body.id,
    ).toBe('gb-mod');
    expect(idx.matchGovernment('https://www.gov.uk/government/organisations/other')).toBeUndefined();
    expect(idx.matchGovernment('https://mil.ru.example.org/')).toBeUndefined();
    expect(
      idx.matchGovernment('https://somethinggov.uk/government/organisations/ministry-of-defence'),
    ).toBeUndefined();
    // An outlet rule never answers for a government site, nor the reverse.
    expect(idx.matchAddress('mil.ru')).toBeUndefined();
    expect(idx.matchGovernment('rt.com')).toBeUndefined();
  });

  it('name the publisher of a government page, and the source command reports them', async () => {
    expect(resolvePublisher({ url: 'https://mil.ru/files/x.htm' }, idx)).toEqual({
      name: 'Ministry of Defence of the Russian Federation',
      url: 'https://mil.ru/files/x.htm',
      domain: 'mil.ru',
      category: 'government',
      entityId: 'ru-mod',
      country: 'RU',
    });
    expect(describeSource('mil.ru', idx)).toEqual({
      input: 'mil.ru',
      outlet: null,
      government: {
        id: 'ru-mod',
        name: 'Ministry of Defence of the Russian Federation',
        category: 'government',
        country: 'RU',
        matched: 'mil.ru',
      },
    });
  });
});
