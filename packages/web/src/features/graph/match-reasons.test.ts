import { MATCH_REASON_CODES, MATCH_REASON_PARAMS } from '@liaison/core/persons/reason-codes';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from './i18n.ts';
import { matchReasonText } from './match-reasons.ts';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options);

beforeAll(async () => {
  await i18next.init({
    resources: { en: { graph: messages.en }, ko: { graph: messages.ko }, km: { graph: messages.km } },
    lng: 'en',
    fallbackLng: 'en',
    defaultNS: 'graph',
    interpolation: { escapeValue: false },
  });
});

describe('match reasons in the reader’s language', () => {
  it('has every reason code of the scorer in English, Korean and Khmer, with each of its params', () => {
    const catalogues = { en: messages.en, ko: messages.ko, km: messages.km } as const;
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const texts = catalogue.matchReasons as Record<string, string>;
      for (const code of MATCH_REASON_CODES) {
        const keys = code === 'namesakes' ? ['namesakes_one', 'namesakes_other'] : [code];
        for (const key of keys) {
          expect(texts[key], `${language} ${key}`).toMatch(/\S/);
          for (const param of MATCH_REASON_PARAMS[code])
            expect(texts[key], `${language} ${key}`).toContain(`{{${param}}}`);
        }
      }
    }
  });

  it('says a reason by its code and params', async () => {
    const differs = {
      code: 'given-differs',
      text: 'given name differs DARA/VISAL',
      params: { a: 'Dara', b: 'Visal' },
    };
    await i18next.changeLanguage('ko');
    expect(matchReasonText(t, differs)).toBe('이름 불일치 Dara/Visal');
    await i18next.changeLanguage('km');
    expect(matchReasonText(t, differs)).toBe('នាមខ្លួនខុសគ្នា Dara/Visal');
    await i18next.changeLanguage('en');
    expect(matchReasonText(t, { code: 'namesakes', text: '', params: { count: '1' } })).toBe(
      '1 other person has this name',
    );
    expect(matchReasonText(t, { code: 'namesakes', text: '', params: { count: '3' } })).toBe(
      '3 other persons have this name',
    );
  });

  it('shows the server’s English for a code this web does not know', async () => {
    await i18next.changeLanguage('ko');
    expect(matchReasonText(t, { code: 'from-a-newer-server', text: 'something new' })).toBe('something new');
  });
});
