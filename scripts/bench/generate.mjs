// Generated news text for benchmarks: varied French and English articles built from a seeded random
// grammar (people, offices, countries, outlets, reporting verbs, quotes, hedges, plain narration), so no
// two paragraphs are the same and no single article is tiled. Deterministic for a given seed.

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Anna',
  'Ivan',
  'Li',
  'Maria',
  'Ahmed',
  'Olga',
  'John',
  'Claire',
  'Pedro',
  'Yusuf',
  'Sofia',
  'Hassan',
  'Elena',
  'Marc',
  'Nadia',
  'Tomas',
  'Aiko',
  'Kwame',
  'Leila',
  'Pavel',
  'Grace',
  'Omar',
  'Ines',
  'Viktor',
];
const LAST = [
  'Petrova',
  'Morel',
  'Chen',
  'Haddad',
  'Novak',
  'Smith',
  'Garcia',
  'Yilmaz',
  'Kowalski',
  'Dubois',
  'Tanaka',
  'Mensah',
  'Rahimi',
  'Ivanov',
  'Rossi',
  'Okafor',
  'Larsen',
  'Schmidt',
  'Nguyen',
  'Alvarez',
  'Costa',
  'Kaya',
  'Fischer',
  'Popescu',
];
const COUNTRIES = [
  { fr: 'russe', frf: 'russe', en: 'Russian', cap: ['Moscou', 'Moscow'] },
  { fr: 'chinois', frf: 'chinoise', en: 'Chinese', cap: ['Pékin', 'Beijing'] },
  { fr: 'iranien', frf: 'iranienne', en: 'Iranian', cap: ['Téhéran', 'Tehran'] },
  { fr: 'turc', frf: 'turque', en: 'Turkish', cap: ['Ankara', 'Ankara'] },
  { fr: 'américain', frf: 'américaine', en: 'American', cap: ['Washington', 'Washington'] },
  { fr: 'français', frf: 'française', en: 'French', cap: ['Paris', 'Paris'] },
  { fr: 'britannique', frf: 'britannique', en: 'British', cap: ['Londres', 'London'] },
  { fr: 'ukrainien', frf: 'ukrainienne', en: 'Ukrainian', cap: ['Kiev', 'Kyiv'] },
  { fr: 'allemand', frf: 'allemande', en: 'German', cap: ['Berlin', 'Berlin'] },
  { fr: 'brésilien', frf: 'brésilienne', en: 'Brazilian', cap: ['Brasilia', 'Brasilia'] },
  { fr: 'japonais', frf: 'japonaise', en: 'Japanese', cap: ['Tokyo', 'Tokyo'] },
  { fr: 'égyptien', frf: 'égyptienne', en: 'Egyptian', cap: ['Le Caire', 'Cairo'] },
];
const OUTLETS = [
  'Sputnik',
  'RT',
  'TASS',
  'Xinhua',
  'CGTN',
  'Press TV',
  'Anadolu',
  'AFP',
  'Reuters',
  'AP',
  'BBC',
  'Le Monde',
  'IRNA',
  'KCNA',
  'BelTA',
  'Telesur',
];
const PLACES = [
  'Idlib',
  'Alep',
  'Gaza',
  'Kharkiv',
  'Tripoli',
  'Mossoul',
  'Bamako',
  'Sanaa',
  'Donetsk',
  'Khartoum',
  'Kaboul',
  'Caracas',
];
const TOPICS_FR = [
  'les négociations',
  'le cessez-le-feu',
  'les sanctions',
  'la situation humanitaire',
  "l'accord sur le gaz",
  'les corridors humanitaires',
  'la crise énergétique',
  'le sommet régional',
];
const TOPICS_EN = [
  'the negotiations',
  'the ceasefire',
  'the sanctions',
  'the humanitarian situation',
  'the gas deal',
  'the aid corridors',
  'the energy crisis',
  'the regional summit',
];
const VERBS_FR = [
  'a déclaré',
  'a indiqué',
  'a souligné',
  'a précisé',
  'a estimé',
  'a affirmé',
  'a annoncé',
  'a fait savoir',
  'a assuré',
  'a rappelé',
];
const INV_FR = [
  'a-t-il ajouté',
  'a-t-elle précisé',
  'a-t-il souligné',
  'a-t-elle indiqué',
  'a-t-il poursuivi',
  'a-t-elle conclu',
];
const VERBS_EN = ['said', 'told reporters', 'added', 'noted', 'stressed', 'announced', 'warned', 'claimed'];
const ROLES_FR = [
  'le porte-parole du ministère {a} des Affaires étrangères',
  'le ministre {a} de la Défense',
  'le président {a}',
  "l'ambassadeur {a} à l'ONU",
  'un analyste indépendant',
  'le chef de la diplomatie {a}',
];
const ROLES_EN = [
  'the {a} foreign ministry spokesman',
  'the {a} defence minister',
  'the {a} president',
  'an independent analyst',
  'the {a} ambassador to the UN',
];
const NARR_FR = [
  'Les combats se sont poursuivis toute la nuit dans la région de {p}, où plusieurs bâtiments ont été détruits.',
  'La réunion a duré près de trois heures et s’est achevée sans communiqué commun.',
  'Des milliers de civils ont quitté {p} au cours des derniers jours, selon les chiffres disponibles.',
  'Le prix du blé a augmenté de {n} % depuis le début du mois sur les marchés européens.',
  'Les délégations doivent se retrouver la semaine prochaine à {p} pour un nouveau cycle de discussions.',
];
const NARR_EN = [
  'Fighting continued overnight around {p}, where several buildings were destroyed.',
  'The meeting lasted nearly three hours and ended without a joint statement.',
  'Thousands of civilians have left {p} in recent days.',
  'Wheat prices have risen {n} percent since the start of the month on European markets.',
  'Delegations are due to meet again next week in {p} for a new round of talks.',
];

/** One article of about `words` words in `lang`, from the random source `r`. */
export function article(r, lang, words = 400) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const fill = (s, c) =>
    s
      .replace('{a}', lang === 'fr' ? c.fr : c.en)
      .replace('{p}', pick(PLACES))
      .replace('{n}', String(2 + Math.floor(r() * 40)));
  const paras = [];
  let count = 0;
  while (count < words) {
    const c = pick(COUNTRIES);
    const sentences = [];
    const n = 2 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      const kind = r();
      let s;
      if (lang === 'fr') {
        const topic = pick(TOPICS_FR);
        if (kind < 0.25)
          s = `« Nous poursuivrons ${topic} à ${pick(PLACES)} », ${pick(VERBS_FR)} ${fill(pick(ROLES_FR), c)}, ${person()}.`;
        else if (kind < 0.4) s = `« La situation reste préoccupante », ${pick(INV_FR)}.`;
        else if (kind < 0.5)
          s = `Selon ${pick(OUTLETS)}, les deux parties se seraient mises d'accord sur ${topic}.`;
        else if (kind < 0.6)
          s = `${c.cap[0]} ${pick(VERBS_FR)} que ${topic} devaient reprendre, cité par ${pick(OUTLETS)}.`;
        else if (kind < 0.68) s = `D'après une source proche du dossier, ${topic} auraient échoué.`;
        else s = fill(pick(NARR_FR), c);
      } else {
        const topic = pick(TOPICS_EN);
        if (kind < 0.25)
          s = `"We will pursue ${topic} in ${pick(PLACES)}," ${fill(pick(ROLES_EN), c)} ${person()} ${pick(VERBS_EN)}.`;
        else if (kind < 0.4) s = `"The situation remains worrying," he ${pick(VERBS_EN)}.`;
        else if (kind < 0.5)
          s = `According to ${pick(OUTLETS)}, the two sides have reportedly agreed on ${topic}.`;
        else if (kind < 0.6)
          s = `${person()} told ${pick(OUTLETS)} that ${topic} would resume, citing officials familiar with the matter.`;
        else if (kind < 0.68) s = `${c.cap[1]} said in a statement that ${topic} had allegedly failed.`;
        else s = fill(pick(NARR_EN), c);
      }
      sentences.push(s);
      count += s.split(' ').length;
    }
    paras.push(sentences.join(' '));
  }
  return paras.join('\n\n');
}

/** Mixed French/English news text of at least `bytes` UTF-8 bytes. */
export function corpus(bytes, seed = 1) {
  const r = rng(seed);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const a = article(r, r() < 0.5 ? 'fr' : 'en', 200 + Math.floor(r() * 600));
    parts.push(a);
    size += Buffer.byteLength(a) + 2;
  }
  return parts.join('\n\n');
}
