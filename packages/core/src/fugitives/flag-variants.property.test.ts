// Property: a wanted person entered in Hangul is flagged when seen under any of its passport spellings, with the
// name reordered, and with the birth date's day and month swapped; and the index keys always bring it up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KOREAN_SURNAMES, romaniseHangulName } from '../persons/index.ts';
import { seenFlagKeys, wantedFlagKeys } from './flag-keys.ts';
import { matchWanted } from './flag-match.ts';

const GIVEN_SYLLABLES = [...'민준서연지훈영수현우성진호은하윤재경희동철정숙미선혜종태상'];
const surname = fc.constantFrom(...KOREAN_SURNAMES.slice(0, 40).map((s) => s.hangul));
const given = fc
  .tuple(fc.constantFrom(...GIVEN_SYLLABLES), fc.constantFrom(...GIVEN_SYLLABLES))
  .map((p) => p.join(''));
const date = fc
  .tuple(
    fc.integer({ min: 1950, max: 2005 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 12 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('generated variants', () => {
  it('Hangul ↔ passport spellings, reordered, day–month swapped: flagged and explained', () => {
    fc.assert(
      fc.property(
        surname,
        given,
        date,
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        (s, g, birth, pick, reorder, swap) => {
          const hangul = `${s}${g}`;
          const reading = romaniseHangulName(hangul)[0]!;
          const sp = reading.surnameSpellings[pick % reading.surnameSpellings.length]!;
          const gp = reading.givenSpellings[pick % reading.givenSpellings.length]!;
          const latin = reorder ? `${gp} ${sp}` : `${sp} ${gp}`;
          const [y, m, d] = birth.split('-');
          const seenDate = swap ? `${y}-${d}-${m}` : birth;
          const wanted = {
            id: 'w',
            names: [{ value: hangul, kind: 'primary' as const }],
            birthDate: birth,
            passportNumber: null,
            nationality: 'KR',
          };
          const seen = { names: [latin], birthDate: seenDate };
          const flag = matchWanted(seen, wanted);
          expect(flag, `${hangul} / ${latin} ${seenDate}`).not.toBeNull();
          expect(flag!.name?.seen).toBe(latin);
          expect(flag!.birthDate?.agreement).toBe(seenDate === birth ? 'equal' : 'day-month-swapped');
          const keys = new Set(wantedFlagKeys(wanted));
          expect(seenFlagKeys(seen).some((k) => keys.has(k))).toBe(true);
        },
      ),
      { numRuns: 400, seed: 20261204 },
    );
  });
});
