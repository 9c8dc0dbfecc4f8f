import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bech32, bech32m, createBase58check, hex } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectChain, normaliseCryptoWallet } from './crypto.ts';

const base58check = createBase58check(sha256);
const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
const withVersion = (version: number, payload: Uint8Array) =>
  base58check.encode(Uint8Array.of(version, ...payload));

// An independent EIP-55 implementation, so the test does not trust the code under test.
function eip55(lowerHex: string): string {
  const hash = hex.encode(keccak_256(new TextEncoder().encode(lowerHex)));
  return `0x${[...lowerHex].map((c, i) => (Number.parseInt(hash[i] ?? '0', 16) >= 8 ? c.toUpperCase() : c)).join('')}`;
}

const tronAddress = bytes(20).map((p) => withVersion(0x41, p));
const btcLegacy = fc.tuple(fc.constantFrom(0x00, 0x05), bytes(20)).map(([v, p]) => withVersion(v, p));
const btcSegwit = fc.oneof(
  fc.oneof(bytes(20), bytes(32)).map((p) => bech32.encode('bc', [0, ...bech32.toWords(p)])),
  bytes(32).map((p) => bech32m.encode('bc', [1, ...bech32m.toWords(p)])),
);
const ethAddress = bytes(20).map((p) => eip55(hex.encode(p)));
const anyAddress = fc.oneof(tronAddress, btcLegacy, btcSegwit, ethAddress);

describe('normaliseCryptoWallet with real-world addresses', () => {
  it.each([
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'btc:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
    ['BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ', 'btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
    [
      'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr',
      'btc:bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr',
    ],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', 'eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    [
      '0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED'.replace('0X', '0x'),
      'eth:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    ],
    ['tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
  ])('accepts %s as %s', (raw, value) => {
    expect(normaliseCryptoWallet(raw)).toMatchObject({ valid: true, value });
  });

  it('shows an Ethereum address in its EIP-55 checksummed form', () => {
    expect(normaliseCryptoWallet('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed').display).toBe(
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    );
  });
});

describe('normaliseCryptoWallet rejections', () => {
  it.each([
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', 'TRON address checksum does not match'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6', 'TRON address must be 34 characters starting with T'],
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', 'Bitcoin address checksum does not match'],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp', 'Bitcoin bech32 address checksum does not match'],
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzWF5MDQ', 'Bitcoin bech32 address mixes upper and lower case'],
    [
      '0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      'Ethereum address checksum (EIP-55 letter case) does not match',
    ],
    ['hello world', 'not a recognised TRON, Ethereum or Bitcoin address'],
  ])('rejects %s: %s', (raw, problem) => {
    expect(normaliseCryptoWallet(raw)).toMatchObject({ valid: false, raw, problem });
  });

  it('rejects a TRON address with a bad checksum, keeping it as entered', () => {
    const wallet = normaliseCryptoWallet(' TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u ');
    expect(wallet).toMatchObject({ valid: false, value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u' });
    expect(wallet.raw).toBe(' TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u ');
  });

  it('rejects a witness v0 program encoded with bech32m', () => {
    const address = bech32m.encode('bc', [0, ...bech32m.toWords(new Uint8Array(20))]);
    expect(normaliseCryptoWallet(address).problem).toBe(
      'Bitcoin witness v0 address must use bech32, not bech32m',
    );
  });

  it('rejects a taproot program encoded with plain bech32', () => {
    const address = bech32.encode('bc', [1, ...bech32.toWords(new Uint8Array(32))]);
    expect(normaliseCryptoWallet(address).problem).toBe(
      'Bitcoin witness v1+ address must use bech32m, not bech32',
    );
  });

  it('rejects a base58check payload with the wrong version byte for its chain', () => {
    const tronWithBtcVersion = withVersion(0x00, new Uint8Array(20));
    expect(normaliseCryptoWallet(tronWithBtcVersion, { chain: 'tron' }).valid).toBe(false);
    expect(normaliseCryptoWallet(withVersion(0x6f, new Uint8Array(20)), { chain: 'btc' }).problem).toMatch(
      /version byte/,
    );
  });

  it('rejects an unsupported chain named in the context', () => {
    expect(normaliseCryptoWallet('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', { chain: 'solana' }).problem).toBe(
      "unsupported chain 'solana'",
    );
  });

  it('reads USDT token standards as their chains', () => {
    expect(normaliseCryptoWallet('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', { chain: 'TRC20' }).valid).toBe(true);
    expect(detectChain('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe('eth');
  });
});

describe('normaliseCryptoWallet properties', () => {
  it('accepts every correctly encoded TRON, Bitcoin and Ethereum address and detects its chain', () => {
    fc.assert(
      fc.property(anyAddress, (address) => {
        expect(normaliseCryptoWallet(address).valid).toBe(true);
      }),
    );
  });

  it('is idempotent: the value and the display normalise to the same value', () => {
    fc.assert(
      fc.property(anyAddress, (address) => {
        const wallet = normaliseCryptoWallet(address);
        expect(normaliseCryptoWallet(wallet.value).value).toBe(wallet.value);
        expect(normaliseCryptoWallet(wallet.display).value).toBe(wallet.value);
      }),
    );
  });

  it('never accepts a TRON address with one character changed', () => {
    const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    fc.assert(
      fc.property(tronAddress, fc.nat(32), fc.nat(57), (address, position, pick) => {
        const index = position + 1;
        const replacement = alphabet[pick] ?? '1';
        fc.pre(address[index] !== replacement);
        const changed = `${address.slice(0, index)}${replacement}${address.slice(index + 1)}`;
        expect(normaliseCryptoWallet(changed, { chain: 'tron' }).valid).toBe(false);
      }),
    );
  });

  it('rejects an Ethereum address whose letter case does not match its checksum', () => {
    fc.assert(
      fc.property(ethAddress, (address) => {
        const flipped = address.replace(/[a-fA-F]/, (c) =>
          c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
        );
        const body = flipped.slice(2);
        fc.pre(flipped !== address && body !== body.toLowerCase() && body !== body.toUpperCase());
        expect(normaliseCryptoWallet(flipped).valid).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary strings and keeps them as entered', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom(undefined, 'tron', 'eth', 'btc'),
        (raw, chain) => {
          const wallet = normaliseCryptoWallet(raw, { chain });
          expect(wallet.raw).toBe(raw);
          if (!wallet.valid) expect(wallet.problem).toBeTruthy();
        },
      ),
    );
  });
});

describe('normaliseCryptoWallet with the labels officers write before an address', () => {
  const tron = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
  const eth = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
  const segwit = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';

  it.each([
    [`USDT(TRC20): ${tron}`, `tron:${tron}`],
    [`USDT-TRC20 ${tron}`, `tron:${tron}`],
    [`TRX ${tron}`, `tron:${tron}`],
    [`TRC20 주소: ${tron}`, `tron:${tron}`],
    [`USDT (TRC-20) ${tron}`, `tron:${tron}`],
    [`테더(트론) 지갑주소 ${tron}`, `tron:${tron}`],
    [`ERC20: ${eth}`, `eth:${eth.toLowerCase()}`],
    [`USDT-ERC20 ${eth.toLowerCase()}`, `eth:${eth.toLowerCase()}`],
    [`ETH: ${eth}`, `eth:${eth.toLowerCase()}`],
    [`이더리움 지갑 ${eth}`, `eth:${eth.toLowerCase()}`],
    [`BTC: ${segwit}`, `btc:${segwit}`],
    [`BTC ${segwit}`, `btc:${segwit}`],
    [`비트코인 ${segwit}`, `btc:${segwit}`],
    [`bitcoin:${segwit}?amount=0.05`, `btc:${segwit}`],
  ])('strips the label of %s', (raw, value) => {
    expect(normaliseCryptoWallet(raw)).toMatchObject({ valid: true, value, raw });
  });

  it('takes a TRON address that itself starts with TRX as the address, not as a label', () => {
    const startsWithTrx = 'TRX1z18p9hhZ643cx2PFptBYKZQ6QkxWjA';
    expect(normaliseCryptoWallet(startsWithTrx).value).toBe(`tron:${startsWithTrx}`);
    expect(normaliseCryptoWallet(`TRX ${startsWithTrx}`).value).toBe(`tron:${startsWithTrx}`);
  });

  it('refuses an address whose label names another chain, saying which', () => {
    expect(normaliseCryptoWallet(`USDT(ERC20): ${tron}`)).toMatchObject({
      valid: false,
      problem: 'the label names Ethereum but this is a TRON address',
    });
  });

  it('refuses a labelled address whose label names another chain than the chain field', () => {
    expect(normaliseCryptoWallet(`USDT(TRC20): ${tron}`, { chain: 'ethereum' })).toMatchObject({
      valid: false,
      problem: 'the label names TRON but the chain given is Ethereum',
    });
  });

  it("reads the chain 'other' as no chain, so the address form decides", () => {
    expect(normaliseCryptoWallet(tron, { chain: 'other' }).value).toBe(`tron:${tron}`);
  });

  it('gives the same key whatever known label is written before any valid address', () => {
    const label = fc.constantFrom(
      'USDT',
      'USDT(TRC20):',
      'TRX',
      'wallet:',
      '주소',
      'USDT-ERC20',
      'BTC:',
      '테더 지갑',
    );
    fc.assert(
      fc.property(anyAddress, label, (address, written) => {
        const plain = normaliseCryptoWallet(address);
        const labelled = normaliseCryptoWallet(`${written} ${address}`);
        // A label naming another chain than the address's own is refused, never merged.
        if (labelled.valid) expect(labelled.value).toBe(plain.value);
        else expect(labelled.problem).toMatch(/^the label names/);
        expect(normaliseCryptoWallet(labelled.value).value).toBe(labelled.value);
      }),
    );
  });
});
