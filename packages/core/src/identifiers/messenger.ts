import { type MessengerRef, readLabelledId, readMessengerLink } from './messenger-links.ts';
import { normalisePhone } from './phone.ts';
import { cleanText, invalidIdentifier, validIdentifier } from './text.ts';
import type { NormalisedIdentifier } from './types.ts';

export const messengerPlatforms = [
  'telegram',
  'kakaotalk',
  'wechat',
  'line',
  'whatsapp',
  'facebook',
  'signal',
  'instagram',
] as const;
export type MessengerPlatform = (typeof messengerPlatforms)[number];

export interface MessengerContext {
  /** The platform when the record names it; a bare '@name' is read as Telegram otherwise. */
  platform?: string | undefined;
  /** For phone-based accounts (WhatsApp, Signal) written without a country code. */
  defaultCountry?: string | undefined;
}

const platformLabels: Record<MessengerPlatform, string> = {
  telegram: 'Telegram',
  kakaotalk: 'KakaoTalk',
  wechat: 'WeChat',
  line: 'LINE',
  whatsapp: 'WhatsApp',
  facebook: 'Facebook',
  signal: 'Signal',
  instagram: 'Instagram',
};

// Usernames these platforms treat case-insensitively, with the shape each platform allows.
const usernameRules: Record<MessengerPlatform, { pattern: RegExp; problem: string }> = {
  telegram: {
    pattern: /^[a-z][a-z0-9_]{3,30}[a-z0-9]$/,
    problem: 'Telegram username must be 5–32 letters, digits or underscores, starting with a letter',
  },
  kakaotalk: { pattern: /^[a-z0-9._-]{2,30}$/, problem: 'KakaoTalk ID may hold only letters, digits, . _ -' },
  wechat: {
    pattern: /^[a-z][a-z0-9_-]{5,19}$/,
    problem: 'WeChat ID must be 6–20 letters, digits, _ or -, starting with a letter',
  },
  line: { pattern: /^[a-z0-9._-]{3,20}$/, problem: 'LINE ID must be 3–20 letters, digits, . _ -' },
  whatsapp: { pattern: /^$/, problem: 'WhatsApp accounts are phone numbers' },
  facebook: {
    pattern: /^[a-z0-9.]{5,50}$/,
    problem: 'Facebook username must be 5–50 letters, digits or dots',
  },
  signal: {
    pattern: /^[a-z_][a-z0-9_]{2,31}\.\d{2,9}$/,
    problem: 'Signal username must look like name.01, or be a phone number',
  },
  instagram: {
    pattern: /^[a-z0-9._]{1,30}$/,
    problem: 'Instagram username must be 1–30 letters, digits, dots or underscores',
  },
};

// Invite and QR links carry case-sensitive codes: kept exactly as written.
const inviteIds: Partial<Record<MessengerPlatform, RegExp>> = {
  telegram: /^\+[A-Za-z0-9_-]{6,64}$/,
  kakaotalk: /^open\/[A-Za-z0-9]{4,32}$/,
  whatsapp: /^group\/[A-Za-z0-9]{10,40}$/,
  line: /^p\/[A-Za-z0-9_-]{4,64}$/,
};
const phonePlatforms = new Set<MessengerPlatform>(['whatsapp', 'signal', 'telegram', 'wechat']);

export function platformOf(name: string | undefined): MessengerPlatform | undefined {
  const key = name
    ?.trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (!key) return undefined;
  if (key === 'kakao' || key === '카카오톡' || key === '카톡') return 'kakaotalk';
  return messengerPlatforms.find((p) => p === key);
}

function readRef(cleaned: string, context: MessengerContext): MessengerRef | undefined {
  const fromLink = /^(?:(?:https?:\/\/)?(?:www\.|m\.)?[a-z0-9.-]+\.[a-z]{2,}\/|tg:\/\/)/i.test(cleaned)
    ? readMessengerLink(cleaned)
    : undefined;
  if (fromLink) return fromLink;
  const labelled = readLabelledId(cleaned);
  if (labelled) return labelled;
  const platform = platformOf(context.platform);
  if (platform) return { platform, id: cleaned };
  // A bare '@name' names no platform: Telegram is where these cases' handles live, and the result says so.
  return cleaned.startsWith('@') ? { platform: 'telegram', id: cleaned, platformAssumed: true } : undefined;
}

function describePhone(raw: string, ref: MessengerRef, context: MessengerContext): NormalisedIdentifier {
  const phone = normalisePhone(ref.id, { defaultCountry: context.defaultCountry });
  const label = platformLabels[ref.platform];
  if (!phone.valid) {
    return invalidIdentifier(
      'messenger',
      raw,
      `${ref.platform}:${phone.value}`,
      `${label} ${phone.problem}`,
      {
        platform: ref.platform,
      },
    );
  }
  return validIdentifier('messenger', raw, `${ref.platform}:${phone.value}`, `${label} ${phone.display}`, {
    platform: ref.platform,
    phone: phone.value,
  });
}

function displayOf(platform: MessengerPlatform, id: string): string {
  if (platform === 'telegram' && !id.startsWith('+')) return `@${id}`;
  if (platform === 'kakaotalk' && id.startsWith('open/')) return `open.kakao.com/o/${id.slice(5)}`;
  if (platform === 'instagram') return `instagram.com/${id}`;
  if (platform === 'facebook') return `facebook.com/${id}`;
  return `${platformLabels[platform]}: ${id}`;
}

/**
 * Normalises a messenger account to '<platform>:<id>' ('telegram:scam_boss', 'whatsapp:+85512345678',
 * 'kakaotalk:open/AbC123'). Accepts '@name', links (t.me, open.kakao.com/o/…, wa.me, line.me/ti/p/~id,
 * facebook.com, instagram.com, tg://resolve), labelled ids ('카톡 아이디: abc') and the value form itself. A bare
 * '@name' with no platform given is read as Telegram, with details.platformAssumed.
 */
export function normaliseMessenger(raw: string, context: MessengerContext = {}): NormalisedIdentifier {
  const cleaned = cleanText(raw);
  const ref = readRef(cleaned, context);
  if (!ref) {
    return invalidIdentifier(
      'messenger',
      raw,
      cleaned,
      'messenger platform is unknown: give the platform or a link',
    );
  }
  const details: Record<string, string> = { platform: ref.platform };
  if (ref.platformAssumed) details.platformAssumed = 'true';
  const id = ref.id.replace(/^@/, '').trim();
  const invite = inviteIds[ref.platform];
  if (invite?.test(id) && ref.form !== 'phone') {
    return validIdentifier('messenger', raw, `${ref.platform}:${id}`, displayOf(ref.platform, id), {
      ...details,
      form: 'invite',
    });
  }
  const looksLikePhone = /^\+?[\d\s().-]{7,}$/.test(id);
  if (
    ref.form === 'phone' ||
    ref.platform === 'whatsapp' ||
    (looksLikePhone && phonePlatforms.has(ref.platform))
  ) {
    return describePhone(raw, { ...ref, id }, context);
  }
  if (ref.platform === 'facebook' && /^\d{5,20}$/.test(id)) {
    return validIdentifier('messenger', raw, `facebook:${id}`, displayOf('facebook', id), details);
  }
  const username = id.toLowerCase();
  const rule = usernameRules[ref.platform];
  if (!rule.pattern.test(username)) {
    return invalidIdentifier('messenger', raw, `${ref.platform}:${id}`, rule.problem, details);
  }
  return validIdentifier(
    'messenger',
    raw,
    `${ref.platform}:${username}`,
    displayOf(ref.platform, username),
    details,
  );
}
