import { hostToAscii } from './punycode.ts';

// A DNS label: letters, digits and inner hyphens, at most 63 characters.
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// A top-level domain is alphabetic, or an IDN TLD in punycode.
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const ipv4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Why an ASCII host name cannot be a public domain, or undefined when it looks fine. */
export function domainProblem(asciiHost: string): string | undefined {
  if (asciiHost.length > 253) return 'domain name is longer than 253 characters';
  const labels = asciiHost.split('.');
  if (labels.length < 2) return 'domain name has no top-level domain (like .com or .kr)';
  if (!labels.every((l) => label.test(l))) return 'domain name contains an empty or malformed part';
  if (!topLevel.test(labels[labels.length - 1] ?? '')) return 'domain name has a malformed top-level domain';
  return undefined;
}

export function isIpv4(host: string): boolean {
  return ipv4.test(host);
}

/** Lower-cases and converts a Unicode host to ASCII (punycode); drops one trailing root dot. */
export function asciiHost(host: string): string | undefined {
  return hostToAscii(host.replace(/\.$/, ''))?.replace(/\.$/, '');
}
