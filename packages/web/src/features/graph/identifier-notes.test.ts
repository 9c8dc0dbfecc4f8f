import { describe, expect, it } from 'vitest';
import { messages } from './i18n.ts';
import { identifierNoteKeys, identifierNotes } from './identifier-notes.ts';

describe('identifier notes', () => {
  it('says a number was read in the recording agency’s country, or its country guessed', () => {
    expect(identifierNotes({ details: { country: 'KR', countryAssumed: 'KR' } })).toEqual([
      { key: 'countryAssumed', country: 'KR' },
    ]);
    expect(identifierNotes({ details: { country: 'KH', countryGuessed: 'true' } })).toEqual([
      { key: 'countryGuessed', country: 'KH' },
    ]);
  });

  it('says an unverified number is matched by its digits, and a bare @name was taken for Telegram', () => {
    expect(identifierNotes({ details: { key: 'digits', country: 'KH', countryAssumed: 'KH' } })).toEqual([
      { key: 'countryAssumed', country: 'KH' },
      { key: 'unverifiedDigits' },
    ]);
    expect(identifierNotes({ details: { platform: 'telegram', platformAssumed: 'true' } })).toEqual([
      { key: 'platformAssumed', platform: 'telegram' },
    ]);
  });

  it('has nothing to say when nothing was assumed', () => {
    expect(identifierNotes({})).toEqual([]);
    expect(identifierNotes({ details: { country: 'KR', type: 'mobile' } })).toEqual([]);
    expect(identifierNotes({ details: null })).toEqual([]);
  });

  it('says every note in English, Korean and Khmer', () => {
    for (const language of ['en', 'ko', 'km'] as const) {
      for (const key of identifierNoteKeys) {
        expect(messages[language].identifierNotes[key]).toMatch(/\S/);
      }
    }
  });
});
