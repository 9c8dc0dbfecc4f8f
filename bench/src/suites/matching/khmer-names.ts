// Khmer names as the two agencies write them: the Cambodian record in Khmer script, family name first
// (សុខ ដារា); the Korean record in Latin letters from the passport or from hearing, often flipped to the
// Western order (Dara SOK) and with another vowel spelling (SOPHEA/SOPHIA, VANNA/VANNAK).
// Spellings: those used on Cambodian passports and in public rosters (Wikipedia "Cambodian name",
// "Romanization of Khmer" for UNGEGN/ALA-LC forms; Cambodia national football team and Olympic rosters for
// the passport forms). Shares of family names are rough: no census counts them; SOK, CHAN, HENG, KEO and
// CHEA are known as the commonest.
import type { Random } from './random.ts';

export const KHMER_SURNAMES: readonly (readonly [string, number, readonly string[]])[] = [
  ['សុខ', 8, ['SOK', 'SOK', 'SOKH']],
  ['ចាន់', 6, ['CHAN', 'CHAN', 'CHANN']],
  ['ហេង', 5, ['HENG']],
  ['កែវ', 5, ['KEO', 'KEV', 'KAEV']],
  ['ជា', 5, ['CHEA', 'CHIA']],
  ['លី', 4, ['LY', 'LEE', 'LI']],
  ['ម៉ៅ', 3, ['MAO', 'MAU']],
  ['ពេជ្រ', 3, ['PECH', 'PICH', 'PETCH']],
  ['មាស', 3, ['MEAS', 'MEAH']],
  ['សំ', 3, ['SAM', 'SOM']],
  ['ឈឹម', 2, ['CHHIM', 'CHIM']],
  ['ហ៊ុន', 2, ['HUN', 'HUNN']],
  ['ទេព', 2, ['TEP', 'TEB']],
  ['ញឹក', 1, ['NHEK', 'NHIK']],
  ['ឡុង', 2, ['LONG']],
  ['គឹម', 2, ['KIM', 'KIMM']],
  ['សេង', 2, ['SENG']],
  ['ឈុន', 1, ['CHHUN', 'CHUN']],
  ['ប៊ុន', 2, ['BUN', 'BUNN', 'BOUN']],
  ['អ៊ុក', 1, ['OUK', 'UK']],
  ['ស៊ុន', 1, ['SUN', 'SOUN']],
  ['យស', 1, ['YOS', 'YUOS']],
  ['ឃុត', 1, ['KHUT', 'KHUTH']],
  ['ពៅ', 1, ['POV', 'PEOU']],
];

export const KHMER_GIVEN: readonly (readonly [string, readonly string[]])[] = [
  ['ដារា', ['DARA', 'DARAH', 'DAREA']],
  ['សុភា', ['SOPHEA', 'SOPHA', 'SOPHIA']],
  ['វណ្ណៈ', ['VANNA', 'VANNAK', 'VANNAH']],
  ['ស្រីមុំ', ['SREYMOM', 'SREY MOM', 'SREIMOM']],
  ['ចាន់ថា', ['CHANTHA', 'CHANTHEA']],
  ['រតនា', ['RATANA', 'RATHANA', 'RATTANA']],
  ['សុផល', ['SOPHAL', 'SOPHORL', 'SOPHAL']],
  ['ពិសិដ្ឋ', ['PISETH', 'PISITH', 'PISETH']],
  ['សុភ័ក្រ', ['SOPHEAK', 'SOPHEAKH', 'SOPHAK']],
  ['បុប្ផា', ['BOPHA', 'BOPPHA']],
  ['ចន្ទា', ['CHANDA', 'CHANTHA', 'CHANDAR']],
  ['សុខា', ['SOKHA', 'SOKHAR']],
  ['ធីតា', ['THIDA', 'THEDA', 'TIDA']],
  ['សំណាង', ['SAMNANG', 'SAMNANG', 'SOMNANG']],
  ['វិសាល', ['VISAL', 'VISALL', 'VEASAL']],
  ['ស្រីនាង', ['SREYNEANG', 'SREY NEANG', 'SREINEANG']],
  ['បូរ៉ា', ['BORA', 'BORAH']],
  ['សុជាតិ', ['SOCHEAT', 'SOCHEATH', 'SOCHEAT']],
  ['រដ្ឋា', ['RATHA', 'RATTHA', 'RADTHA']],
  ['ចិន្តា', ['CHENDA', 'CHINDA', 'CHENDA']],
  ['មករា', ['MAKARA', 'MAKARAH']],
  ['សុវណ្ណ', ['SOVANN', 'SOVAN', 'SOVANNA']],
  ['វិចិត្រ', ['VICHET', 'VICHETH', 'VICHEAT']],
  ['ពិសី', ['PISEY', 'PISEI', 'PISEY']],
  ['ស្រីពៅ', ['SREYPOV', 'SREY POV', 'SREYPEOU']],
  ['ធារី', ['THEARY', 'THEARI']],
  ['វាសនា', ['VEASNA', 'VEASANA', 'VASNA']],
  ['កញ្ញា', ['KANHA', 'KANHNHA', 'KANYA']],
  ['ផល្លា', ['PHALLA', 'PHALA', 'PHALLAH']],
  ['សុធា', ['SOTHEA', 'SOTHA', 'SOTHEA']],
  ['ណារី', ['NARY', 'NARI', 'NAREY']],
  ['សុខុម', ['SOKHOM', 'SOKHUM']],
  ['សម្បត្តិ', ['SAMBATH', 'SAMBAT', 'SOMBATH']],
  ['ពិសាល', ['PISAL', 'PISALL']],
  ['ច័ន្ទ', ['CHAN', 'CHANN']],
];

export interface KhmerName {
  surname: string;
  given: string;
  passportSurname: string;
  passportGiven: string;
  surnameSpellings: readonly string[];
  givenSpellings: readonly string[];
}

export function khmerName(random: Random): KhmerName {
  const [surname, , surnameSpellings] = random.weighted(KHMER_SURNAMES.map((s) => [s, s[1]] as const));
  const [given, givenSpellings] = random.pick(KHMER_GIVEN);
  return {
    surname,
    given,
    surnameSpellings,
    givenSpellings,
    passportSurname: random.chance(0.7) ? surnameSpellings[0]! : random.pick(surnameSpellings),
    passportGiven: random.chance(0.6) ? givenSpellings[0]! : random.pick(givenSpellings),
  };
}

/** A Latin record of a Khmer name: from the passport or heard; flipped to the Western order half the time. */
export function latinKhmer(name: KhmerName, random: Random, fromPassport: boolean): string {
  const surname = fromPassport ? name.passportSurname : random.pick(name.surnameSpellings);
  let given = fromPassport ? name.passportGiven : random.pick(name.givenSpellings);
  if (given.includes(' ') && random.chance(0.4)) given = given.replace(/ /g, '');
  const cap = (text: string) =>
    text.replace(/\b([A-Z])([A-Z]*)/g, (_, a: string, b: string) => a + b.toLowerCase());
  return random.weighted([
    [`${surname} ${given}`, 4],
    [`${cap(given)} ${surname}`, 3],
    [`${cap(surname)} ${cap(given)}`, 2],
    [`${cap(given)} ${cap(surname)}`, 2],
  ] as const);
}

/** The Cambodian record: Khmer script, family name first, sometimes without the space (a zero-width space). */
export function khmerScript(name: KhmerName, random: Random): string {
  return random.chance(0.1) ? `${name.surname}\u200B${name.given}` : `${name.surname} ${name.given}`;
}
