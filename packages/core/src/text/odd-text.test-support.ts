import fc from 'fast-check';

/**
 * Test support: text that breaks naive handling — NUL and other controls, lone surrogates, bidirectional
 * overrides, zero-width characters, combining marks, decomposed Hangul, and very long runs. Only tests import it.
 */
export const oddCharacters = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u3164',
  '\u0301',
  '\u0308',
  '\u1112\u1161\u11ab',
  '\u17d2',
  '\u{1f469}\u200d\u{1f4bb}',
  '\t',
  '\n',
  ' ',
] as const;

/** A text mixing odd characters with ordinary and arbitrary ones, sometimes very long. */
export const oddText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...oddCharacters),
          fc.string({ unit: 'binary', maxLength: 4 }),
          fc.constant('Bavet'),
        ),
        { maxLength: 24 },
      )
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...oddCharacters, 'x', '가'), fc.integer({ min: 1_000, max: 200_000 }))
      .map(([unit, times]) => unit.repeat(times)),
  },
);
