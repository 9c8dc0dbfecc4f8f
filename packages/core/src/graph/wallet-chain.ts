// The `chain` property of a crypto_wallet entity (entity-types.ts) from the name a source gives it: an identifier's
// detected chain ('tron', 'eth') or a report's prefix ('trx', 'btc'). Not core's identifier `Chain`, which folds
// every EVM chain into 'eth' for address checks: the graph keeps BSC and Polygon apart.

export type WalletChain = 'tron' | 'ethereum' | 'bitcoin' | 'bsc' | 'solana' | 'polygon' | 'other';

const walletChains: Record<string, WalletChain> = {
  tron: 'tron',
  trx: 'tron',
  eth: 'ethereum',
  ethereum: 'ethereum',
  btc: 'bitcoin',
  bitcoin: 'bitcoin',
  bsc: 'bsc',
  sol: 'solana',
  solana: 'solana',
  polygon: 'polygon',
};

/** The wallet's chain for a name (any case); 'other' when it names none the graph knows. */
export function walletChainOf(name: string | undefined): WalletChain {
  return walletChains[(name ?? '').toLowerCase()] ?? 'other';
}
