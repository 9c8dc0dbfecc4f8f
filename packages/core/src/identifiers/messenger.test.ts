import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseMessenger } from './messenger.ts';

describe('normaliseMessenger', () => {
  it.each([
    '@Scam_Boss',
    'scam_boss',
    't.me/Scam_Boss',
    'https://t.me/scam_boss',
    'telegram.me/SCAM_BOSS',
    'https://t.me/s/scam_boss',
    'Telegram: @scam_boss',
    '텔레그램 scam_boss',
    'telegram:scam_boss',
  ])('reads the Telegram account %s as telegram:scam_boss', (raw) => {
    const platform = raw === 'scam_boss' ? 'telegram' : undefined;
    expect(normaliseMessenger(raw, { platform })).toMatchObject({
      valid: true,
      value: 'telegram:scam_boss',
      display: '@scam_boss',
    });
  });

  it('keeps the case-sensitive code of invite links', () => {
    expect(normaliseMessenger('https://t.me/+AbCdEf12345').value).toBe('telegram:+AbCdEf12345');
    expect(normaliseMessenger('https://t.me/joinchat/AbCdEf12345').value).toBe('telegram:+AbCdEf12345');
    expect(normaliseMessenger('open.kakao.com/o/sAbC123x')).toMatchObject({
      value: 'kakaotalk:open/sAbC123x',
      display: 'open.kakao.com/o/sAbC123x',
    });
  });

  it('reads WhatsApp links as phone-based accounts', () => {
    expect(normaliseMessenger('wa.me/85512345678').value).toBe('whatsapp:+85512345678');
    expect(normaliseMessenger('https://api.whatsapp.com/send?phone=821012345678').value).toBe(
      'whatsapp:+821012345678',
    );
    expect(normaliseMessenger('010-1234-5678', { platform: 'whatsapp', defaultCountry: 'KR' }).value).toBe(
      'whatsapp:+821012345678',
    );
  });

  it.each([
    ['line.me/ti/p/~MyLine.ID', 'line:myline.id'],
    ['https://www.facebook.com/Some.Person', 'facebook:some.person'],
    ['https://facebook.com/profile.php?id=100012345678', 'facebook:100012345678'],
    ['instagram.com/Some_One', 'instagram:some_one'],
    ['카톡 아이디: Hanbok77', 'kakaotalk:hanbok77'],
    ['WeChat: wxid_abcdef', 'wechat:wxid_abcdef'],
    ['someone.01', 'signal:someone.01'],
  ])('reads %s as %s', (raw, value) => {
    const platform = raw === 'someone.01' ? 'signal' : undefined;
    expect(normaliseMessenger(raw, { platform })).toMatchObject({ valid: true, value });
  });

  it.each([
    ['@abc', 'Telegram username must be 5–32 letters, digits or underscores, starting with a letter'],
    ['@1abcdef', 'Telegram username must be 5–32 letters, digits or underscores, starting with a letter'],
    ['hello', 'messenger platform is unknown: give the platform or a link'],
    ['wa.me/12', 'WhatsApp phone number is too short'],
  ])('rejects %s: %s', (raw, problem) => {
    expect(normaliseMessenger(raw)).toMatchObject({ valid: false, raw, problem });
  });
});

const telegramName = fc.stringMatching(/^[a-z][a-z0-9_]{3,30}[a-z0-9]$/);

describe('normaliseMessenger properties', () => {
  it('reads every written form of a Telegram username as the same value, idempotently', () => {
    fc.assert(
      fc.property(
        telegramName,
        fc.constantFrom('@', 't.me/', 'https://t.me/', 'telegram.me/'),
        (name, form) => {
          const mixedCase = [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
          const result = normaliseMessenger(`${form}${mixedCase}`);
          expect(result.value).toBe(`telegram:${name}`);
          expect(normaliseMessenger(result.value).value).toBe(result.value);
          expect(normaliseMessenger(result.display).value).toBe(result.value);
        },
      ),
    );
  });

  it('reads Telegram app links and says when a bare @name was taken for Telegram', () => {
    expect(normaliseMessenger('tg://resolve?domain=Scam_Boss').value).toBe('telegram:scam_boss');
    expect(normaliseMessenger('@scam_boss').details).toMatchObject({ platformAssumed: 'true' });
    expect(normaliseMessenger('@scam_boss', { platform: 'telegram' }).details).not.toHaveProperty(
      'platformAssumed',
    );
    expect(normaliseMessenger('TG: @scam_boss').value).toBe('telegram:scam_boss');
  });

  it('never throws on arbitrary strings and keeps them as entered', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom(undefined, 'telegram', 'whatsapp', 'x'),
        (raw, p) => {
          const result = normaliseMessenger(raw, { platform: p });
          expect(result.raw).toBe(raw);
          if (!result.valid) expect(result.problem).toBeTruthy();
        },
      ),
    );
  });
});
