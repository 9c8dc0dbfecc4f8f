import type { Language } from '@liaison/core';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../ui/i18n.ts';
import { fieldErrors, parseProblem } from './problem.ts';

const problem = parseProblem(400, {
  code: 'invalid-input',
  fields: [
    {
      path: '/displayName',
      message: 'Too big: expected string to have <=200 characters',
      code: 'too_big',
      params: { origin: 'string', maximum: 200, inclusive: true },
    },
    {
      path: '/email',
      message: 'Enter a valid email address',
      code: 'invalid_format',
      params: { format: 'email' },
    },
    { path: '/agencyId', message: 'No such agency', code: 'not_found' },
    { path: '/note', message: 'Handling code H3 needs a note', code: 'custom' },
    { path: '/colour', message: 'Something only a newer server knows', code: 'from_the_future' },
    { path: '/legacy', message: 'An older server sent no code' },
  ],
});

async function speak(language: Language) {
  await i18next.changeLanguage(language);
}

beforeAll(async () => {
  await i18next.init({
    resources: { en: { ui: messages.en }, ko: { ui: messages.ko }, km: { ui: messages.km } },
    lng: 'ko',
    fallbackLng: 'en',
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
  });
});

describe('field problems in the user language', () => {
  it('says a coded field problem in Korean when the UI is Korean', async () => {
    await speak('ko');
    expect(problem.fieldMessage('/displayName')).toBe('200자 이내로 입력하세요');
    expect(problem.fieldMessage('/email')).toBe('올바른 이메일 주소를 입력하세요');
    expect(fieldErrors(problem).agencyId).toBe('찾을 수 없습니다. 등록된 항목을 선택하세요');
  });

  it('says it in Khmer and English too', async () => {
    await speak('km');
    expect(problem.fieldMessage('/displayName')).toBe('សូមបញ្ចូលមិនលើសពី 200 តួអក្សរ');
    await speak('en');
    expect(problem.fieldMessage('/displayName')).toBe('Use at most 200 characters');
  });

  it("shows an English reader the schema's own words, and others the translation", async () => {
    const titled = parseProblem(400, {
      code: 'invalid-input',
      fields: [
        {
          path: '/title',
          message: 'Give the case a title',
          code: 'too_small',
          params: { origin: 'string', minimum: 1, inclusive: true },
          specific: true,
        },
      ],
    });
    await speak('en');
    expect(titled.fieldMessage('/title')).toBe('Give the case a title');
    await speak('ko');
    expect(titled.fieldMessage('/title')).not.toBe('Give the case a title');
  });

  it("falls back to the server's text for custom, unknown and missing codes", async () => {
    await speak('ko');
    expect(problem.fieldMessage('/note')).toBe('Handling code H3 needs a note');
    expect(problem.fieldMessage('/colour')).toBe('Something only a newer server knows');
    expect(problem.fieldMessage('/legacy')).toBe('An older server sent no code');
    expect(problem.fields.map((f) => f.code)).toEqual([
      'too_big',
      'invalid_format',
      'not_found',
      'custom',
      'custom',
      'custom',
    ]);
  });

  it('has a text for every key in every language', () => {
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
      );
    const en = keys(messages.en.fieldProblems);
    expect(keys(messages.ko.fieldProblems)).toEqual(en);
    expect(keys(messages.km.fieldProblems)).toEqual(en);
  });
});
