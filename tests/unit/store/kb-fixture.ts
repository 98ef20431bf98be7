// A few knowledge-base entries in the shape of src/core/kb/schema.ts, for the matching and store tests.
// They exercise the schema (rules, rebrands, path rules, unverified claims), not the real data's content.
import type { GovernmentBody, Official, Outlet } from '../../../src/core/kb/schema';

const ref = (id: string, url: string, publisher: string) => ({ id, url, publisher, seen: '2026-11-01' });

export const fixtureOutlets: Outlet[] = [
  {
    id: 'sputnik',
    name: 'Sputnik',
    names: ['Sputnik', 'Спутник', 'Sputnik Afrique', 'SNA'],
    country: 'RU',
    kind: 'agency',
    control: { value: 'state-controlled', refs: ['smm'] },
    domains: ['sputnikglobe.com', 'fr.sputniknews.africa', 'snanews.de'],
    formerly: [{ domain: 'sputniknews.com', until: '2022', refs: ['wp'] }],
    parent: 'rossiya-segodnya',
    owner: { value: 'Rossiya Segodnya, owned by the Russian state', refs: ['wp'] },
    funding: { value: 'Russian federal budget', refs: ['wp'], verified: false },
    sanctions: [
      { jurisdiction: 'EU', act: 'Council Regulation (EU) 2022/350', date: '2022-03-01', refs: ['eu'] },
    ],
    references: [
      ref('smm', 'https://statemediamonitor.com/', 'Media and Journalism Research Center'),
      ref('wp', 'https://en.wikipedia.org/wiki/Sputnik_(news_agency)', 'Wikipedia'),
      ref('eu', 'https://eur-lex.europa.eu/eli/reg/2022/350/oj', 'EUR-Lex'),
    ],
  },
  {
    id: 'rt',
    name: 'RT',
    names: ['RT', 'Russia Today', 'RT France'],
    country: 'RU',
    kind: 'broadcaster',
    control: { value: 'state-controlled', refs: ['smm'] },
    domains: ['rt.com', 'francais.rt.com', 'www.rt.rs', 'youtube.com/@rt'],
    references: [ref('smm', 'https://statemediamonitor.com/', 'Media and Journalism Research Center')],
  },
  {
    id: 'rt-france',
    name: 'RT France',
    names: ['RT en français'],
    country: 'RU',
    kind: 'broadcaster',
    control: { value: 'state-controlled', refs: ['smm'] },
    domains: ['rtfrance.com', 'rt.com/fr'],
    parent: 'rt',
    references: [ref('smm', 'https://statemediamonitor.com/', 'Media and Journalism Research Center')],
  },
  {
    id: 'bbc',
    name: 'BBC',
    names: ['BBC', 'BBC News', 'la BBC'],
    country: 'GB',
    kind: 'broadcaster',
    control: { value: 'independent-public-service', refs: ['smm'] },
    domains: ['bbc.co.uk', 'bbc.com'],
    references: [ref('smm', 'https://statemediamonitor.com/', 'Media and Journalism Research Center')],
  },
  {
    id: 'afp',
    name: 'AFP',
    names: ['AFP', 'Agence France-Presse', "l'AFP"],
    country: 'FR',
    kind: 'agency',
    control: { value: 'state-funded-independent', refs: ['wp'] },
    domains: ['afp.com'],
    references: [ref('wp', 'https://en.wikipedia.org/wiki/Agence_France-Presse', 'Wikipedia')],
  },
  {
    id: 'tass',
    name: 'TASS',
    names: ['TASS', 'ТАСС', "l'agence TASS"],
    country: 'RU',
    kind: 'agency',
    control: { value: 'state-controlled', refs: ['smm'] },
    domains: ['tass.com', 'tass.ru'],
    references: [ref('smm', 'https://statemediamonitor.com/', 'Media and Journalism Research Center')],
  },
  {
    id: 'kremlin-ru',
    name: 'Kremlin.ru',
    names: ['kremlin.ru'],
    country: 'RU',
    kind: 'online',
    control: { value: 'official-government-channel', refs: [] },
    domains: ['kremlin.ru'],
    references: [],
  },
];

export const fixtureOfficials: Official[] = [
  {
    id: 'ru-konashenkov',
    name: 'Igor Konashenkov',
    aliases: ['Igor Konachenkov', 'Игорь Конашенков'],
    country: 'RU',
    gender: 'm',
    terms: [{ role: 'Spokesperson of the Ministry of Defence', body: 'ru-mod', from: '2011' }],
    references: [ref('wp', 'https://en.wikipedia.org/wiki/Igor_Konashenkov', 'Wikipedia')],
  },
];

export const fixtureBodies: GovernmentBody[] = [
  {
    id: 'ru-mod',
    name: 'Ministry of Defence of the Russian Federation',
    aliases: ['la Défense russe', 'Минобороны'],
    country: 'RU',
    domains: ['mil.ru'],
    references: [ref('wp', 'https://en.wikipedia.org/wiki/Ministry_of_Defence_(Russia)', 'Wikipedia')],
  },
];
