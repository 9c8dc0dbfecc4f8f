import type { NodeConfig } from '../config.ts';

/**
 * The session cookie's name. With Secure cookies (PUBLIC_URL on https:, or SECURE_COOKIES=true) it takes the
 * `__Host-` prefix: a browser then keeps it only if it is Secure, for Path=/ and without a Domain, so no
 * sibling host or plain-http page can plant or shadow it. Over plain http a browser would refuse a Secure
 * cookie, so the name stays unprefixed.
 */
export function sessionCookieName(config: Pick<NodeConfig, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-liaison_session' : 'liaison_session';
}

/** Attributes for setting the cookie; clearing it needs the same path and Secure flag. */
export function sessionCookieOptions(config: Pick<NodeConfig, 'secureCookies' | 'sessionAbsoluteMs'>) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies,
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  };
}
