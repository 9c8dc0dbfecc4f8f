import { asciiHost, domainProblem, isIpv4 } from './domain-name.ts';
import { hostToUnicode } from './punycode.ts';
import { cleanText, invalidIdentifier, validIdentifier } from './text.ts';
import type { NormalisedIdentifier } from './types.ts';

// Parameters that only say who shared or advertised a link; two links that differ only here are the same page.
const trackingParams = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  '_ga',
  '_gl',
  'si',
]);
const schemePattern = /^([a-z][a-z0-9+.-]*):\/\//i;

/** Undoes the "defanging" analysts use so links are not clickable: hxxp://, example[.]com, example(dot)com. */
export function refang(text: string): string {
  return text
    .replace(/^h[x*]{2}p(s?):\/\//i, 'http$1://')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[:\]/g, ':');
}

function cleanUrl(raw: string): string {
  return refang(
    cleanText(raw)
      .replace(/^<(.*)>$/, '$1')
      .replace(/^["'](.*)["']$/, '$1'),
  );
}

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || trackingParams.has(lower);
}

/** The host with a leading 'www.' removed: the key a `domain` identifier correlates on. */
export function domainOfHost(host: string): string {
  return host.replace(/^www\./, '');
}

function hostProblem(host: string): string | undefined {
  if (host === 'localhost' || isIpv4(host) || host.startsWith('[')) return undefined;
  return domainProblem(host);
}

function canonicalQuery(url: URL): string {
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
}

/** The path with trailing slashes removed; the root path becomes empty. */
function canonicalPath(path: string): string {
  return path.replace(/\/+$/, '');
}

function parseUrl(cleaned: string): URL | string {
  const otherScheme = /^([a-z][a-z0-9+.-]*):(?!\/\/|\d)/i.exec(cleaned)?.[1]?.toLowerCase();
  if (otherScheme && otherScheme !== 'http' && otherScheme !== 'https') {
    return 'only http and https links are accepted';
  }
  const withScheme = schemePattern.test(cleaned) ? cleaned : `https://${cleaned.replace(/^\/\//, '')}`;
  const scheme = schemePattern.exec(withScheme)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return 'only http and https links are accepted';
  if (/\s/.test(withScheme)) return 'web address contains spaces';
  try {
    return new URL(withScheme);
  } catch {
    return 'not a valid web address';
  }
}

/**
 * Normalises a web address: adds https:// when no scheme is given, lower-cases the host and converts it to
 * punycode (display keeps Unicode), removes tracking parameters, default ports, the fragment, credentials and
 * trailing slashes, and sorts the remaining query parameters.
 */
export function normaliseUrl(raw: string): NormalisedIdentifier {
  const cleaned = cleanUrl(raw);
  if (cleaned === '') return invalidIdentifier('url', raw, cleaned, 'web address is empty');
  const url = parseUrl(cleaned);
  if (typeof url === 'string') return invalidIdentifier('url', raw, cleaned, url);
  const host = url.hostname.replace(/\.$/, '');
  const problem = hostProblem(host);
  if (problem) return invalidIdentifier('url', raw, cleaned, `web address ${problem}`);
  const port = url.port ? `:${url.port}` : '';
  // Percent-escapes in upper case, so 'é' typed or pasted as '%c3%a9' gives the same key.
  const rest = `${canonicalPath(url.pathname)}${canonicalQuery(url)}`.replace(/%[0-9a-f]{2}/gi, (e) =>
    e.toUpperCase(),
  );
  const value = `${url.protocol}//${host}${port}${rest}`;
  const display = `${url.protocol}//${hostToUnicode(host)}${port}${decodeNonAscii(rest)}`;
  const details: Record<string, string> = { host, domain: domainOfHost(host) };
  if (url.username) details.username = safeDecode(url.username);
  return validIdentifier('url', raw, value, display, details);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Shows '%EA%B2%BD' as '경' but leaves escaped ASCII ('%2F', '%20') alone, so the display parses back the same. */
function decodeNonAscii(text: string): string {
  return text.replace(/(?:%[89a-f][0-9a-f])+/gi, safeDecode);
}

/**
 * Normalises a domain (or the host of a URL) to lower-case ASCII without a leading 'www.'. Subdomains are kept:
 * without the public-suffix list, cutting to the "registrable" part would merge unrelated sites on shared hosts
 * (abc.pages.dev and xyz.pages.dev).
 */
export function normaliseDomain(raw: string): NormalisedIdentifier {
  const cleaned = cleanUrl(raw).toLowerCase();
  const hostText = schemePattern.test(cleaned) || /[/?#]/.test(cleaned) ? urlHost(cleaned) : cleaned;
  if (hostText === undefined || hostText === '') {
    return invalidIdentifier('domain', raw, cleaned, 'not a valid domain name');
  }
  const ascii = asciiHost(hostText);
  if (!ascii) return invalidIdentifier('domain', raw, cleaned, 'not a valid domain name');
  const problem = isIpv4(ascii) ? 'an IP address is not a domain name' : domainProblem(ascii);
  if (problem) return invalidIdentifier('domain', raw, cleaned, problem);
  const value = domainOfHost(ascii);
  return validIdentifier('domain', raw, value, hostToUnicode(value));
}

function urlHost(text: string): string | undefined {
  const url = parseUrl(text);
  return typeof url === 'string' ? undefined : url.hostname;
}
