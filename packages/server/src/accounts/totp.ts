import { randomInt } from 'node:crypto';
import * as OTPAuth from 'otpauth';

const periodMs = 30_000;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = 'Liaison') {
  return new OTPAuth.TOTP({
    issuer: 'Liaison',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: periodMs / 1000,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}

/**
 * The time step (Unix time / 30 s) a code belongs to, or null when it is not valid now. The current step and
 * one either side are accepted (clock drift between phone and server); the caller refuses a step already used.
 */
export function totpStep(secret: string, code: string, timestamp = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret).validate({ token, timestamp, window: 1 });
  return delta === null ? null : Math.floor(timestamp / periodMs) + delta;
}

export function currentTotp(secret: string, timestamp = Date.now()): string {
  return totpFor(secret).generate({ timestamp });
}

/** Ten single-use recovery codes, e.g. `k4f9-2mzq-8hd1`. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return Array.from({ length: count }, () => `${group()}-${group()}-${group()}`);
}
