import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which reverse proxies may tell the node who the client is (X-Forwarded-For): `false` (the socket's address
 * is the client), a hop count, or the proxies' addresses and CIDRs. `true` (trust any sender of the header) is
 * refused: any client could then choose its address, and with it its rate-limit budget and the address in
 * the audit log.
 */
export type TrustProxy = false | number | string[];

/**
 * Fastify's `trustProxy` for the setting. Fastify 5 ignores a bare hop count (it cannot tell the proxy from a
 * client that connects directly), so a count becomes "trust the nearest N hops", as Express reads it: safe
 * only when nothing but the proxies can reach the node, which the README says.
 */
export function fastifyTrustProxy(
  setting: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY as the environment gives it: unset or empty is off. */
export const TrustProxySetting = z
  .string()
  .optional()
  .transform((value, ctx): TrustProxy => {
    const text = value?.trim() ?? '';
    if (text === '') return false;
    if (/^\d+$/.test(text)) return Number(text);
    const entries = text.split(',').map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isAddressOrCidr(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a hop count or comma-separated proxy addresses/CIDRs; not an address: ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });
