export type Chain = 'btc' | 'eth' | 'tron';

// Stablecoin token standards name the chain they live on: USDT-TRC20 is on TRON, ERC20 and BEP20 use EVM addresses.
const chainAliases: Record<string, Chain> = {
  btc: 'btc',
  bitcoin: 'btc',
  비트코인: 'btc',
  eth: 'eth',
  ether: 'eth',
  ethereum: 'eth',
  이더리움: 'eth',
  이더: 'eth',
  erc20: 'eth',
  evm: 'eth',
  bsc: 'eth',
  bep20: 'eth',
  polygon: 'eth',
  tron: 'tron',
  트론: 'tron',
  trx: 'tron',
  trc20: 'tron',
};

export const chainNames: Record<Chain, string> = { btc: 'bitcoin', eth: 'ethereum', tron: 'tron' };
export const chainLabels: Record<Chain, string> = { btc: 'Bitcoin', eth: 'Ethereum', tron: 'TRON' };

/** The chain a name stands for ('TRC-20', 'ethereum', '트론'…); undefined when it names none. */
export function chainOf(name: string | undefined): Chain | undefined {
  return name
    ? chainAliases[
        name
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, '')
      ]
    : undefined;
}

/** Every name `chainOf` knows, for patterns that look for them in text. */
export const chainAliasNames: readonly string[] = Object.keys(chainAliases);
