import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

// Secrets kept at rest in the database (the node's private keys, users' TOTP secrets) are sealed with
// AES-256-GCM under a key derived from the operator's SEAL_SECRET, so a database dump or backup alone does not
// reveal them. The secret lives outside the database (environment or the service manager's secret store);
// FEDERATION_KEY_SECRET, its earlier name, is still read.
//
// Stored forms: `enc:` + base64(iv | tag | ciphertext); `plain:` + text when no secret is set; anything else
// is a value written before sealing existed, read as is (and sealed again on its next write).

/** What a sealed value is for: each purpose has its own key, so a value cannot be moved to another use. */
export type SealPurpose = 'node-keys' | 'totp';

export function sealSecretConfigured(): string | null {
  return process.env.SEAL_SECRET || process.env.FEDERATION_KEY_SECRET || null;
}

const derived = new Map<string, Buffer>();

function keyFor(purpose: SealPurpose): Buffer | null {
  const secret = sealSecretConfigured();
  if (!secret) return null;
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    // scrypt is slow on purpose (tens of ms): derive once per purpose and secret.
    key = scryptSync(secret, `liaison-${purpose}`, 32);
    derived.set(cacheKey, key);
  }
  return key;
}

export function seal(text: string, purpose: SealPurpose): string {
  const key = keyFor(purpose);
  if (!key) return `plain:${text}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `enc:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith('enc:');
}

export function unseal(stored: string, purpose: SealPurpose): string {
  if (stored.startsWith('plain:')) return stored.slice(6);
  if (!isSealed(stored)) return stored;
  const key = keyFor(purpose);
  if (!key)
    throw new Error(
      'A secret in the database is sealed: set SEAL_SECRET (or FEDERATION_KEY_SECRET) to the secret used when it was sealed.',
    );
  const raw = Buffer.from(stored.slice(4), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('A sealed secret does not open with this SEAL_SECRET: it was sealed with another one.');
  }
}
