import { afterEach, describe, expect, it } from 'vitest';
import { isSealed, seal, unseal } from './sealing.ts';

const saved = { seal: process.env.SEAL_SECRET, legacy: process.env.FEDERATION_KEY_SECRET };
afterEach(() => {
  for (const [name, value] of [
    ['SEAL_SECRET', saved.seal],
    ['FEDERATION_KEY_SECRET', saved.legacy],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('sealing secrets at rest', () => {
  it('seals with AES-256-GCM under SEAL_SECRET and opens again; the text is not in the sealed form', () => {
    process.env.SEAL_SECRET = 'a long operator passphrase';
    const sealed = seal('JBSWY3DPEHPK3PXP', 'totp');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(seal('JBSWY3DPEHPK3PXP', 'totp')).not.toBe(sealed); // a fresh IV each time
    expect(unseal(sealed, 'totp')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('reads the earlier name FEDERATION_KEY_SECRET', () => {
    delete process.env.SEAL_SECRET;
    process.env.FEDERATION_KEY_SECRET = 'older name';
    expect(unseal(seal('x', 'node-keys'), 'node-keys')).toBe('x');
  });

  it('keeps text marked plain without a secret, and reads values stored before sealing as they are', () => {
    delete process.env.SEAL_SECRET;
    delete process.env.FEDERATION_KEY_SECRET;
    expect(seal('x', 'totp')).toBe('plain:x');
    expect(unseal('plain:x', 'totp')).toBe('x');
    expect(unseal('JBSWY3DPEHPK3PXP', 'totp')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses clearly without the secret, with another secret, for another purpose, or when altered', () => {
    process.env.SEAL_SECRET = 'first';
    const sealed = seal('secret text', 'totp');
    expect(() => unseal(sealed, 'node-keys')).toThrow(/another one/);
    const bytes = Buffer.from(sealed.slice(4), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => unseal(`enc:${bytes.toString('base64')}`, 'totp')).toThrow(/another one/);
    process.env.SEAL_SECRET = 'second';
    expect(() => unseal(sealed, 'totp')).toThrow(/another one/);
    delete process.env.SEAL_SECRET;
    delete process.env.FEDERATION_KEY_SECRET;
    expect(() => unseal(sealed, 'totp')).toThrow(/set SEAL_SECRET/);
  });
});
