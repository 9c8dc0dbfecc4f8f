import type { MessengerPlatform } from './messenger.ts';

/** A messenger link or label taken apart: the platform, the account id, and what sort of id it is. */
export interface MessengerRef {
  platform: MessengerPlatform;
  id: string;
  /** 'username' (default), 'phone', 'invite' (a group or chat link whose code is case-sensitive), 'numeric'. */
  form?: 'username' | 'phone' | 'invite' | 'numeric';
  /** True when nothing named the platform (a bare '@name'). */
  platformAssumed?: boolean;
}

const internationalised = (digits: string) => (/^\d/.test(digits) ? `+${digits}` : digits);

type LinkReader = (segments: string[], query: URLSearchParams) => MessengerRef | undefined;

const telegramLink: LinkReader = ([first, second]) => {
  if (!first) return undefined;
  if (first === 'joinchat' && second) return { platform: 'telegram', id: `+${second}`, form: 'invite' };
  if (first.startsWith('+'))
    return { platform: 'telegram', id: first, form: /^\+\d+$/.test(first) ? 'phone' : 'invite' };
  // t.me/s/<name> is the public preview of a channel.
  return { platform: 'telegram', id: first === 's' && second ? second : first };
};

const linkReaders: Record<string, LinkReader> = {
  't.me': telegramLink,
  'telegram.me': telegramLink,
  'telegram.dog': telegramLink,
  'open.kakao.com': ([first, second]) =>
    first === 'o' && second ? { platform: 'kakaotalk', id: `open/${second}`, form: 'invite' } : undefined,
  // WhatsApp links always carry the full international number, without the '+'.
  'wa.me': ([first]) =>
    first ? { platform: 'whatsapp', id: internationalised(first), form: 'phone' } : undefined,
  'api.whatsapp.com': (_, query) => {
    const phone = query.get('phone');
    return phone ? { platform: 'whatsapp', id: internationalised(phone), form: 'phone' } : undefined;
  },
  'chat.whatsapp.com': ([first]) =>
    first ? { platform: 'whatsapp', id: `group/${first}`, form: 'invite' } : undefined,
  'line.me': (segments) => {
    // line.me/ti/p/~<LINE ID> names an account; line.me/ti/p/<code> is a QR-code link with a case-sensitive code.
    const code = segments[segments.indexOf('p') + 1];
    if (!segments.includes('p') || !code) return undefined;
    return code.startsWith('~')
      ? { platform: 'line', id: code.slice(1) }
      : { platform: 'line', id: `p/${code}`, form: 'invite' };
  },
  'facebook.com': ([first], query) => {
    if (first === 'profile.php') {
      const id = query.get('id');
      return id ? { platform: 'facebook', id, form: 'numeric' } : undefined;
    }
    return first ? { platform: 'facebook', id: first } : undefined;
  },
  'instagram.com': ([first]) => (first ? { platform: 'instagram', id: first } : undefined),
  'signal.me': () => undefined,
};
linkReaders['fb.com'] = linkReaders['facebook.com'] as LinkReader;
linkReaders['whatsapp.com'] = linkReaders['api.whatsapp.com'] as LinkReader;

/** Telegram's app links: tg://resolve?domain=<name> (an account), tg://join?invite=<code> (a group). */
function readTelegramAppLink(text: string): MessengerRef | undefined {
  const match = /^tg:\/\/(resolve|join)\?(.*)$/i.exec(text);
  if (!match) return undefined;
  const query = new URLSearchParams(match[2] ?? '');
  const name = query.get('domain');
  if (match[1]?.toLowerCase() === 'resolve') return name ? { platform: 'telegram', id: name } : undefined;
  const invite = query.get('invite');
  return invite ? { platform: 'telegram', id: `+${invite}`, form: 'invite' } : undefined;
}

/**
 * Reads a messenger link ('t.me/name', 'https://open.kakao.com/o/…', 'wa.me/855…', 'tg://resolve?domain=name');
 * undefined when not one.
 */
export function readMessengerLink(text: string): MessengerRef | undefined {
  if (/^tg:\/\//i.test(text)) return readTelegramAppLink(text);
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^(?:www|m|mobile|web)\./, '');
  const reader = linkReaders[host];
  if (!reader) return undefined;
  const segments = url.pathname.split('/').filter((s) => s !== '');
  return reader(segments.map(safeDecode), url.searchParams);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// Labels people put before an id: "카톡 아이디: abc", "Telegram: @abc", "LINE ID abc".
const labels: Array<[RegExp, MessengerPlatform]> = [
  [/^(?:telegram|텔레그램|텔레|tg)/i, 'telegram'],
  [/^(?:kakao\s*talk|kakao|katalk|카카오톡|카카오|카톡)/i, 'kakaotalk'],
  [/^(?:wechat|weixin|위챗|微信)/i, 'wechat'],
  [/^(?:line|라인)/i, 'line'],
  [/^(?:whats\s*app|왓츠앱|왓츠앱)/i, 'whatsapp'],
  [/^(?:facebook|fb|페이스북|페북)/i, 'facebook'],
  [/^(?:signal|시그널)/i, 'signal'],
  [/^(?:instagram|insta|ig|인스타그램|인스타)/i, 'instagram'],
];

/** The platform a label at the very start of `text` names, and the label's length; undefined when none. */
export function labelAt(text: string): { platform: MessengerPlatform; length: number } | undefined {
  for (const [label, platform] of labels) {
    const match = label.exec(text);
    if (match) return { platform, length: match[0].length };
  }
  return undefined;
}

/** Reads 'Telegram: @abc', '카톡 아이디 abc', 'kakaotalk:abc' (the value form); undefined when not labelled. */
export function readLabelledId(text: string): MessengerRef | undefined {
  const label = labelAt(text);
  if (!label) return undefined;
  const after = text.slice(label.length);
  // The label must be a whole word: 'lineage2' is not a LINE id.
  if (after !== '' && !/^(?:[\s:：]|아이디|id\b)/i.test(after)) return undefined;
  const id = after.replace(/^\s*(?:id|아이디|username|user\s*name)?\s*[:：]?\s*/i, '').trim();
  return id ? { platform: label.platform, id } : undefined;
}
