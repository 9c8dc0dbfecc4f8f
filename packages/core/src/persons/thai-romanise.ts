// Latin spellings of a Thai name word. any-ascii (other-script.ts) spells Thai letter by letter, and that is not
// how Thai names are written in Latin: a letter under the silencer ์ (thanthakhat) is not pronounced (รัตนพันธ์
// is RATTANAPHAN, not RATNPHANTH; ลักษณ์ is LAK), and a final consonant is said by its class — ร ล ญ ณ as N,
// ด ต ท ธ ศ ษ ส จ ช ซ as T, ข ค ฆ as K, บ ป พ ภ ฟ as P (Royal Thai General System of Transcription, Royal
// Institute 1999: ธนากร THANAKON, ศิริพร SIRIPHON; the popular "-ORN" keeps the written R: THANAKORN, SIRIPORN).
// Names of Pali–Sanskrit origin are also spelt with their written final cluster and vowel (ชินวัตร CHINNAWAT
// and SHINAWATRA). Each rule gives one more spelling; the letter-by-letter one stays among them. Vowels are
// left as any-ascii writes them: Thai names are compared by consonants (name-compare.ts), as vowels are often
// unwritten in Thai (the inherent a/o of สม SOM).
import anyAscii from 'any-ascii';
import { foldLatin } from './latin-name.ts';

const CONSONANT = '\u0E01-\u0E2E';
// เ แ โ ใ ไ are written before the consonant they follow in speech.
const LEADING_VOWEL = new RegExp(`([\u0E40-\u0E44])([${CONSONANT}])`, 'g');
// A consonant, perhaps with a vowel sign above or below it, under the silencer ์.
const SILENT_ONE = new RegExp(`[${CONSONANT}][\u0E34-\u0E39]?\u0E4C`, 'g');
// The same with the consonant before it (ทร์ of จันทร์ CHAN, ษณ์ of ลักษณ์ LAK).
const SILENT_TWO = new RegExp(`[${CONSONANT}]{2}[\u0E34-\u0E39]?\u0E4C`, 'g');
const FINAL_CLUSTER_R = new RegExp(`[${CONSONANT}]ร$`);

const FINAL_SOUND: Record<string, string> = {};
for (const [sound, letters] of [
  ['N', 'รลญณนฬ'],
  ['T', 'ดตทธศษสจชซฎฏฐฑฒถ'],
  ['K', 'กขคฆ'],
  ['P', 'บปพภฟ'],
] as const) {
  for (const letter of letters) FINAL_SOUND[letter] = sound;
}

// A consonant after a vowel sign (and its tone mark) and before another consonant closes its syllable, and is
// said by its class too: บุญมา BUNMA, not BUYMA.
const SYLLABLE_FINAL = new RegExp(
  `(?<=[\u0E30-\u0E39\u0E47][\u0E48-\u0E4B]?)([${CONSONANT}])(?=[${CONSONANT}])`,
  'g',
);

const MAX_SPELLINGS = 10;

const latin = (thai: string): string => foldLatin(anyAscii(thai)).replace(/ /g, '');

export function containsThai(text: string): boolean {
  return /[\u0E01-\u0E5B]/.test(text);
}

// Spellings by the sound of the last letter: ร final read as N, as the popular ORN, or silent after a consonant
// (วัตร WAT); any other final by its class.
function finalSpellings(word: string): string[] {
  const last = word.at(-1) ?? '';
  const sound = FINAL_SOUND[last];
  if (!sound) return [];
  const stem = latin(word.slice(0, -1));
  if (stem === '') return [];
  if (last === 'ร') return [`${stem}N`, `${stem}RN`, stem];
  return [stem + sound];
}

/**
 * Upper-case Latin spellings of one Thai word, as spoken first (silent letters left out, finals by their sound),
 * then letter by letter: 'รัตนพันธ์' → RATNPHAN…, RATNPHANTH.
 */
export function romaniseThaiWord(word: string): string[] {
  const written = word.normalize('NFC').replace(LEADING_VOWEL, '$2$1');
  const spoken = [written.replace(SILENT_ONE, ''), written.replace(SILENT_TWO, '')];
  const out: string[] = [];
  for (const form of [...new Set([...spoken, written])]) {
    const closed = form.replace(SYLLABLE_FINAL, (letter) => FINAL_SOUND[letter] ?? letter);
    out.push(...finalSpellings(closed), latin(closed), latin(form));
  }
  // The written final cluster with its vowel, as Pali–Sanskrit names are often spelt: ชินวัตร SHINAWATRA.
  if (FINAL_CLUSTER_R.test(written)) out.push(`${latin(written)}A`);
  return [...new Set(out.filter((spelling) => spelling !== ''))].slice(0, MAX_SPELLINGS);
}
