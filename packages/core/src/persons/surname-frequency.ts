// How common a surname is, to weight a surname match: sharing KIM says far less than sharing HWANGBO.
import { KOREAN_SURNAMES } from './korean-surnames.ts';

// Share in %. Chinese: the 2020 household-registration ranking, rounded. Khmer: rough guesses, no
// census counts surnames (a Khmer surname is often the father's given name, so the spread is flat);
// they only mark these names as common.
const OTHER_SURNAME_SHARE_PERCENT: Readonly<Record<string, number>> = {
  WANG: 7.1,
  LI: 7.0,
  ZHANG: 6.7,
  LIU: 5.4,
  CHEN: 4.6,
  YANG: 3.1,
  HUANG: 2.5,
  ZHAO: 2.0,
  WU: 2.0,
  ZHOU: 1.9,
  XU: 1.5,
  SUN: 1.3,
  MA: 1.2,
  ZHU: 1.2,
  HU: 1.1,
  GUO: 1.1,
  HE: 1.0,
  LIN: 1.0,
  GAO: 1.0,
  LUO: 0.9,
  SOK: 3.0,
  CHEA: 2.0,
  CHAN: 2.0,
  KEO: 1.5,
  HENG: 1.5,
  LY: 1.5,
  SOM: 1.0,
  SAM: 1.0,
  SENG: 1.0,
  MEAS: 1.0,
  LIM: 1.0,
  KIM: 1.0,
  MAO: 0.8,
  PICH: 0.8,
  TEP: 0.5,
};

/** Share assumed for a surname found in no table: uncommon, but not a fingerprint. */
export const UNKNOWN_SURNAME_SHARE = 0.005;

const koreanShareByClan = new Map(KOREAN_SURNAMES.map((s) => [s.hangul, s.sharePercent / 100]));

/**
 * Population share (0..1) of a surname known by its Korean clans and Latin spellings; the commonest
 * reading wins, so that an ambiguous spelling never looks rarer than it is.
 */
export function surnameShare(clans: readonly string[], spellings: readonly string[]): number {
  const shares = [
    ...clans.map((clan) => koreanShareByClan.get(clan)),
    ...spellings.map((spelling) => {
      const percent = OTHER_SURNAME_SHARE_PERCENT[spelling];
      return percent === undefined ? undefined : percent / 100;
    }),
  ].filter((share): share is number => share !== undefined);
  return shares.length > 0 ? Math.max(...shares) : UNKNOWN_SURNAME_SHARE;
}
