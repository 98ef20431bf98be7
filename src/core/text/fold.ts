// Folding for lookups: lower case, no accents, one apostrophe. Lexicons and text meet in this form, so
// "Défense", "defense" and "DÉFENSE" find the same entry, and ’ and ' are one character.

const ACCENTS: Record<string, string> = {
  à: 'a',
  â: 'a',
  ä: 'a',
  á: 'a',
  ã: 'a',
  å: 'a',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  í: 'i',
  ì: 'i',
  ô: 'o',
  ö: 'o',
  ó: 'o',
  ò: 'o',
  õ: 'o',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ú: 'u',
  ÿ: 'y',
  ý: 'y',
  ñ: 'n',
  œ: 'oe',
  æ: 'ae',
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '`': "'",
};

/** The lookup form of a word or phrase. Linear in its length; ASCII input is only lower-cased. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 127 || lower.charCodeAt(i) === 96) {
      ascii = false;
      break;
    }
  }
  if (ascii) return lower;
  let out = '';
  for (const ch of lower) out += ACCENTS[ch] ?? ch;
  return out;
}
