import { describe, expect, it } from 'vitest';
import { messages } from './i18n.ts';
import { parseMemberLine } from './MembersPanel.tsx';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('the removals words', () => {
  it('says every word in English, Korean and Khmer', () => {
    const en = keys(messages.en).sort();
    expect(keys(messages.ko).sort()).toEqual(en);
    expect(keys(messages.km).sort()).toEqual(en);
    for (const language of ['en', 'ko', 'km'] as const)
      for (const key of en) {
        const text = key
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], messages[language]);
        expect(typeof text === 'string' && text.length > 0, `${language}:${key}`).toBe(true);
      }
  });

  it('reads a pasted line of a person aboard', () => {
    expect(parseMemberLine('Dr. SON Yejin; National Medical Center; M12345678; 40A')).toEqual({
      name: 'Dr. SON Yejin',
      agency: 'National Medical Center',
      passportNumber: 'M12345678',
      seat: '40A',
    });
    expect(parseMemberLine('Crew member 1')).toEqual({ name: 'Crew member 1', agency: '' });
  });
});
