import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText, textProblem } from './normalise-text.ts';
import { oddText } from './odd-text.test-support.ts';
import { plainText } from './text-schema.ts';

const bidiControl = /[\u202a-\u202e\u2066-\u2069]/;

describe('normaliseText', () => {
  it('is idempotent, never throws and never yields a bidirectional control', () => {
    fc.assert(
      fc.property(oddText, (text) => {
        const once = normaliseText(text);
        expect(normaliseText(once)).toBe(once);
        expect(once).not.toMatch(bidiControl);
      }),
      { numRuns: 2_000 },
    );
  });

  it('yields NFC text without white space or zero-width characters at either end', () => {
    fc.assert(
      fc.property(oddText, (text) => {
        const normal = normaliseText(text);
        expect(normal.normalize('NFC')).toBe(normal);
        expect(normal).not.toMatch(/^[\s\u200b-\u200d\u2060\ufeff]|[\s\u200b-\u200d\u2060\ufeff]$/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('makes a text of zero-width spaces and joiners empty', () => {
    expect(normaliseText('\u200b\u200b\u200c\u200d\u2060\ufeff \u00a0')).toBe('');
  });

  it('removes every bidirectional embedding, override and isolate', () => {
    expect(normaliseText('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(normaliseText('\u202a\u202b\u202c\u202d\u202eA\u2066\u2067\u2068\u2069')).toBe('A');
  });

  it('composes decomposed Hangul and keeps the zero-width spaces between Khmer words', () => {
    expect(normaliseText('\u1112\u1161\u11ab')).toBe('한');
    expect(normaliseText(' ភ្នំពេញ\u200bខេត្ត ')).toBe('ភ្នំពេញ\u200bខេត្ត');
  });

  it('takes linear time on a long run of inner white space', () => {
    const text = `a${' '.repeat(500_000)}a`;
    const started = performance.now();
    expect(normaliseText(text)).toBe(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('textProblem', () => {
  it('names a control character and a lone surrogate, and accepts tab and line breaks', () => {
    expect(textProblem('a\u0000b')).toBe('Remove the control character U+0000');
    expect(textProblem('a\u001bb')).toBe('Remove the control character U+001B');
    expect(textProblem('x\ud800')).toMatch(/lone UTF-16 surrogate/);
    expect(textProblem('\udc00x')).toMatch(/lone UTF-16 surrogate/);
    expect(textProblem('one\ttwo\r\nthree \u{1f469}\u200d\u{1f4bb}')).toBeUndefined();
  });
});

describe('plainText', () => {
  const title = plainText().min(1, 'Give it a title').max(10);

  it('refuses control characters as a wrong format, naming the character', () => {
    const result = title.safeParse('a\u0000b');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'invalid_format',
        format: 'text',
        message: 'Remove the control character U+0000',
      }),
    ]);
  });

  it('refuses a title of zero-width spaces with the schema own message', () => {
    expect(title.safeParse('\u200b\u200b').error?.issues[0]?.message).toBe('Give it a title');
  });

  it('checks the length of the normalised text and returns it', () => {
    expect(title.parse(' \u202eabc\u202c ')).toBe('abc');
    expect(title.safeParse(`${'a'.repeat(10)}\u200b\u200b`).success).toBe(true);
    expect(title.safeParse('a'.repeat(11)).success).toBe(false);
  });

  it('never throws, and what it accepts it accepts again unchanged', () => {
    const any = plainText();
    fc.assert(
      fc.property(oddText, (text) => {
        const result = any.safeParse(text);
        if (result.success) expect(any.parse(result.data)).toBe(result.data);
        else expect(result.error.issues[0]?.code).toBe('invalid_format');
      }),
      { numRuns: 1_000 },
    );
  });
});
