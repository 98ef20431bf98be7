// The engine's grammar, construction by construction, in French and English.
import { describe, expect, it } from 'vitest';
import { analyze, Analyzer, detectLanguage, type Attribution, type Report } from '../../../src/core/index';

function cue(report: Report, text: string): Attribution {
  const a = report.attributions.find((x) => x.cue.text === text);
  if (!a)
    throw new Error(`no cue "${text}" in ${JSON.stringify(report.attributions.map((x) => x.cue.text))}`);
  return a;
}
const fr = (text: string) => analyze(text, { lang: 'fr' });
const en = (text: string) => analyze(text, { lang: 'en' });

describe('French speaker-first cues', () => {
  it('X a déclaré que, with adverbs inside the compound tense', () => {
    const r = fr(
      "Le ministre iranien des Affaires étrangères a notamment déclaré que l'accord restait possible.",
    );
    const a = cue(r, 'a notamment déclaré');
    expect(a.source.text).toBe('Le ministre iranien des Affaires étrangères');
    expect(a.source.category).toBe('government');
    expect(a.source.country).toBe('IR');
    expect(a.cue.kind).toBe('speech-verb');
  });
  it('a fait savoir, a fait état de, s’est dit préoccupé, a tenu à souligner', () => {
    expect(
      cue(fr("Le Kremlin a fait savoir que la rencontre n'aurait pas lieu."), 'a fait savoir').source.country,
    ).toBe('RU');
    expect(
      cue(fr('Le gouvernement turc a fait état de nouvelles frappes.'), 'a fait état').source.country,
    ).toBe('TR');
    expect(
      cue(fr("Le président égyptien s'est dit préoccupé par la situation."), "s'est dit préoccupé").source
        .country,
    ).toBe('EG');
    expect(
      cue(fr("La porte-parole de l'ONU a tenu à souligner que l'aide manquait."), 'a tenu à souligner').source
        .category,
    ).toBe('other');
  });
  it('an apposed name is the speaker, its title gives the kind', () => {
    const r = fr(
      'Dmitri Peskov, porte-parole de Vladimir Poutine, a déclaré que le Kremlin suivait la situation.',
    );
    const a = cue(r, 'a déclaré');
    expect(a.source.text).toBe('Dmitri Peskov');
    expect(a.source.category).toBe('government');
  });
  it('the role grammar works with no list naming the speaker', () => {
    const a = cue(
      fr('Le porte-parole du ministère iranien des Affaires étrangères a affirmé que Téhéran répondrait.'),
      'a affirmé',
    );
    expect(a.source.category).toBe('government');
    expect(a.source.country).toBe('IR');
  });
});

describe('French inversions', () => {
  it('a-t-il ajouté stands for the last compatible speaker', () => {
    const r = fr(
      "« Nous restons prêts », a déclaré le chef de la diplomatie russe. « Rien n'est décidé », a-t-il ajouté.",
    );
    expect(cue(r, 'a-t-il ajouté').source.text).toBe('le chef de la diplomatie russe');
    expect(cue(r, 'a-t-il ajouté').source.resolution).toBe('pronoun');
  });
  it('il/elle agreement decides between two speakers', () => {
    const r = fr(
      "La ministre allemande des Affaires étrangères a reçu le ministre polonais de la Défense. « Nous avançons », a-t-elle déclaré. « C'est vrai », a-t-il répondu.",
    );
    expect(cue(r, 'a-t-elle déclaré').source.text).toContain('La ministre allemande');
    expect(cue(r, 'a-t-il répondu').source.text).toContain('le ministre polonais');
  });
  it('précise le ministère, a poursuivi X, a conclu X', () => {
    const r = fr('« Trois drones ont été abattus », précise le ministère russe de la Défense.');
    expect(cue(r, 'précise').source.country).toBe('RU');
    expect(cue(r, 'précise').cue.kind).toBe('inverted');
  });
  it('a-t-on appris de source militaire is an unnamed source', () => {
    const r = fr('Deux soldats ont été tués, a-t-on appris de source militaire.');
    const a = r.attributions[0] as Attribution;
    expect(a.cue.text.startsWith('a-t-on appris')).toBe(true);
    expect(a.source.category).toBe('unnamed');
    expect(r.unnamed.length).toBeGreaterThan(0);
  });
  it('"la Défense russe" is Russia’s Ministry of Defence', () => {
    const a = cue(fr('Les frappes ont visé des dépôts, a annoncé la Défense russe.'), 'a annoncé');
    expect(a.source.text).toBe('la Défense russe');
    expect(a.source.category).toBe('government');
    expect(a.source.country).toBe('RU');
  });
});

describe('French prepositions and false friends', () => {
  it('selon, d’après, aux dires de', () => {
    expect(cue(fr("Dix civils ont été tués, selon l'armée libanaise."), 'selon').source.country).toBe('LB');
    expect(cue(fr("D'après ses avocats, le procès commencera mardi."), "D'après").source.text).toBe(
      'ses avocats',
    );
    expect(fr('Aux dires de la police, le suspect a fui.').attributions).toHaveLength(1);
  });
  it('not selon les cas, selon que, d’après un roman, l’annonce as a noun', () => {
    expect(fr('Les prix varient selon les cas.').attributions).toEqual([]);
    expect(fr("Le tarif change selon que l'on réserve ou non.").attributions).toEqual([]);
    expect(fr("Le film est tiré d'après un roman de Zola.").attributions).toEqual([]);
    expect(fr("L'annonce a surpris les marchés.").attributions).toEqual([]);
  });
  it('a real conditional is not a hedge; the journalistic conditional is', () => {
    expect(fr("S'il venait, il serait reçu par le président.").hedges).toEqual([]);
    const r = fr("L'explosion aurait fait 266 morts, selon les autorités locales.");
    expect(r.hedges.map((h) => h.text)).toContain('aurait fait');
    expect(cue(r, 'selon').hedged).toBe(true);
  });
});

describe('relays, outlets, credits and datelines', () => {
  it('cité par Sputnik and a déclaré à l’agence TASS are relays', () => {
    const r = fr('« La situation est tendue », a déclaré Dmitri Peskov, cité par Sputnik.');
    expect(cue(r, 'a déclaré').via.map((v) => v.text)).toEqual(['Sputnik']);
    const s = fr("Le ministre a déclaré à l'agence TASS que les négociations continuaient.");
    expect(cue(s, 'a déclaré').via.map((v) => v.category)).toEqual(['state-media']);
  });
  it('an agency that relays is a news agency, even one the knowledge base does not hold', () => {
    const r = fr("Le ministre a salué cette décision, cité par l'agence CNA.");
    expect(cue(r, 'a salué').via.map((v) => `${v.text}:${v.category}`)).toEqual(['CNA:media']);
  });
  it('an acronym that is also a word is an outlet once the text has named it so, and then relays', () => {
    const framed = analyze(
      'RIYADH, Oct 12 (SPA) -- The Crown Prince received a call.\nThe Crown Prince stressed the need for calm, SPA said.',
      { lang: 'en' },
    );
    expect(framed.outlets.map((o) => o.text)).toEqual(['SPA', 'SPA']);
    expect(cue(framed, 'stressed').via.map((v) => v.text)).toEqual(['SPA']);
    const bare = analyze('The hotel opened a new SPA on the roof, the manager said.', { lang: 'en' });
    expect(bare.outlets).toEqual([]);
  });
  it('photo credits and datelines are outlet mentions of their kind', () => {
    const r = analyze(
      '© SPUTNIK . MURAD SAID\nMOSCOW, June 5. /TASS/. The ministry said the talks would resume.',
      { lang: 'en' },
    );
    const kinds = r.outlets.map((o) => `${o.text}:${o.kind}:${o.category}`);
    expect(kinds).toContain('SPUTNIK:credit:state-media');
    expect(kinds).toContain('TASS:dateline:state-media');
  });
  it('look-alikes are not outlets', () => {
    expect(
      en('RTL reported heavy traffic; the sport of tennis is popular.').outlets.filter(
        (o) => o.category === 'state-media',
      ),
    ).toEqual([]);
    expect(en('The Sputnik V vaccine was approved in 2020.').outlets).toEqual([]);
    expect(en('Anadolu Efes beat Real Madrid on Thursday.').outlets).toEqual([]);
  });
  it('told Reuters relays through Reuters', () => {
    const a = cue(
      en('Iranian foreign ministry spokesman Esmaeil Baghaei told Reuters that talks would continue.'),
      'told',
    );
    expect(a.via.map((v) => v.text)).toEqual(['Reuters']);
    expect(a.source.country).toBe('IR');
  });
});

describe('English cues', () => {
  it('X said, said X, according to', () => {
    const r = en(
      '"We will respond," said the Chinese foreign ministry spokeswoman. The strike killed ten people, according to Syrian state media.',
    );
    expect(cue(r, 'said').source.country).toBe('CN');
    expect(cue(r, 'according to').source.category).toBe('state-media');
  });
  it('he/she agreement and the bare title', () => {
    const r = en(
      'German Chancellor Olaf Scholz met Italian Prime Minister Giorgia Meloni. "We agree," she said. "We do," he added.',
    );
    expect(cue(r, 'said').source.text).toContain('Giorgia Meloni');
    expect(cue(r, 'added').source.text).toContain('Olaf Scholz');
  });
  it('unnamed sources', () => {
    const r = en('The talks stalled, officials familiar with the matter said.');
    const a = cue(r, 'said');
    expect(a.source.text).toBe('officials familiar with the matter');
    expect(a.source.category).toBe('unnamed');
    const b = cue(
      en('A senior official, who spoke on condition of anonymity, said the deal was close.'),
      'said',
    );
    expect(b.source.category).toBe('unnamed');
  });
  it('false friends: according to plan, the said contract, told off', () => {
    expect(en('The launch went according to plan.').attributions).toEqual([]);
    expect(en('The said contract expired in May.').attributions).toEqual([]);
    expect(en('The minister told off a reporter.').attributions).toEqual([]);
  });
  it('reportedly and allegedly hedge the claim', () => {
    const r = en('The convoy was reportedly hit by a drone, a military source said.');
    expect(r.hedges.map((h) => h.text)).toContain('reportedly');
    expect(cue(r, 'said').hedged).toBe(true);
    expect(cue(r, 'said').source.category).toBe('unnamed');
  });
});

describe('Analyzer, block by block', () => {
  const text =
    "Le ministre russe des Affaires étrangères a reçu son homologue turc à Moscou.\n\n« Nous voulons la paix », a-t-il déclaré, cité par l'agence TASS.\n\nSelon lui, les discussions continueront.";
  it('gives the same findings as analyze on the whole text', () => {
    const whole = analyze(text, { lang: 'fr' });
    const analyzer = new Analyzer({ lang: 'fr' });
    const attributions: Attribution[] = [];
    let at = 0;
    for (const block of text.split('\n\n')) {
      const start = text.indexOf(block, at);
      attributions.push(...analyzer.addBlock(block, start).attributions);
      at = start + block.length;
    }
    expect(attributions).toEqual(whole.attributions);
  });
  it('carries the speaker from one block to the next, with offsets into the page', () => {
    const analyzer = new Analyzer({ lang: 'fr' });
    analyzer.addBlock('Le ministre russe des Affaires étrangères a reçu son homologue turc.', 0);
    const second = analyzer.addBlock('« Nous voulons la paix », a-t-il déclaré.', 100);
    const a = second.attributions[0] as Attribution;
    expect(a.source.text).toBe('Le ministre russe des Affaires étrangères');
    expect(a.cue.start).toBe(100 + '« Nous voulons la paix », '.length);
  });
});

describe('language', () => {
  it('detects French and English', () => {
    expect(detectLanguage('Le ministre a déclaré que la situation était grave selon les autorités.')).toBe(
      'fr',
    );
    expect(detectLanguage('The minister said the situation was serious, according to officials.')).toBe('en');
  });
});
