import { describe, expect, it } from 'vitest';
import { entityTypes } from './entity-types.ts';
import { walletChainOf } from './wallet-chain.ts';

describe('walletChainOf', () => {
  it('reads detected chains and report prefixes in any case, keeping BSC and Polygon apart', () => {
    expect(walletChainOf('TRX')).toBe('tron');
    expect(walletChainOf('eth')).toBe('ethereum');
    expect(walletChainOf('bsc')).toBe('bsc');
    expect(walletChainOf('Polygon')).toBe('polygon');
    expect(walletChainOf('sol')).toBe('solana');
  });

  it("answers 'other' for an unknown or missing name", () => {
    expect(walletChainOf('dogecoin')).toBe('other');
    expect(walletChainOf(undefined)).toBe('other');
  });

  it('answers only values the crypto_wallet chain property allows', () => {
    const allowed = entityTypes.crypto_wallet.properties.find((p) => p.name === 'chain')?.values ?? [];
    for (const name of [
      'tron',
      'trx',
      'eth',
      'ethereum',
      'btc',
      'bitcoin',
      'bsc',
      'sol',
      'solana',
      'polygon',
      'x',
    ])
      expect(allowed).toContain(walletChainOf(name));
  });
});
