import { type Chain, chainOf } from './chains.ts';

// What officers write before an address: the token, its standard or chain, and words like 'wallet' or '주소'.
// An ASCII label must end where a separator starts, so a TRON address that itself begins 'TRX…' stays whole.
const asciiLabel =
  /^(?:usdt|usdc|tether|trx|tron|trc-?20|erc-?20|bep-?20|eth|ether|ethereum|evm|btc|bitcoin|bsc|bnb|polygon|matic|wallet|address|addr|deposit)(?![A-Za-z0-9])/i;
const hangulLabel = /^(?:테더|트론|이더리움|이더|비트코인|전자지갑|지갑|주소|입금|코인|받는)/;
const separators = /^[\s:：()（）[\]{}\-_/,.|=·]*/;

export interface LabelledAddress {
  /** The address with the labels before it (and a payment URI's '?amount=…' after it) taken off. */
  address: string;
  /** The first chain a label names ('TRC20' → tron), if any. */
  labelChain?: Chain;
  labelled: boolean;
}

/** Splits 'USDT(TRC20): T…', 'TRX T…', 'bitcoin:bc1…?amount=1' into the address and the chain the label names. */
export function splitWalletLabel(text: string): LabelledAddress {
  let rest = text;
  let labelChain: Chain | undefined;
  let labelled = false;
  for (;;) {
    const after = rest.slice(separators.exec(rest)?.[0].length ?? 0);
    const label = asciiLabel.exec(after) ?? hangulLabel.exec(after);
    if (!label) break;
    labelled = true;
    labelChain ??= chainOf(label[0]);
    rest = after.slice(label[0].length);
  }
  if (!labelled) return { address: text, labelled };
  const address = rest
    .slice(separators.exec(rest)?.[0].length ?? 0)
    .replace(/[?@].*$/, '')
    .replace(/[\s)）\].,;]+$/, '');
  return labelChain ? { address, labelChain, labelled } : { address, labelled };
}
