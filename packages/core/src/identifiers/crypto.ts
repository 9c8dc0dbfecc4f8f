import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58, bech32, bech32m, hex } from '@scure/base';
import { type Chain, chainLabels, chainNames, chainOf } from './chains.ts';
import { cleanText, invalidIdentifier, validIdentifier } from './text.ts';
import type { NormalisedIdentifier } from './types.ts';
import { splitWalletLabel } from './wallet-labels.ts';

export type { Chain } from './chains.ts';

export interface CryptoContext {
  /** The chain when known ('tron', 'TRC20', 'ethereum', 'ERC20', 'bitcoin'…); 'other' or none: from the form. */
  chain?: string | undefined;
}

const base58Chars = /^[1-9A-HJ-NP-Za-km-z]+$/;
const bech32Chars = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/;

type Check = { value: string; display: string; details: Record<string, string> } | { problem: string };

/** Guesses the chain from the address form alone. */
export function detectChain(address: string): Chain | undefined {
  // Near misses (a character short, a stray letter) are still attributed, so the problem names the chain.
  if (/^0x[0-9a-z]{30,50}$/i.test(address)) return 'eth';
  if (/^T[1-9A-HJ-NP-Za-km-z]{28,40}$/.test(address)) return 'tron';
  if (/^bc1[a-z0-9]{8,87}$/i.test(address) || /^[13][1-9A-HJ-NP-Za-km-z]{24,33}$/.test(address)) return 'btc';
  return undefined;
}

/** Decodes a base58check string into [version, ...payload], or says why it cannot be one. */
function decodeBase58Check(address: string, name: string): Uint8Array | string {
  if (!base58Chars.test(address)) return `${name} address has characters not used in base58 (0, O, I, l)`;
  const bytes = base58.decode(address);
  if (bytes.length !== 25) return `${name} address decodes to the wrong length`;
  const payload = bytes.subarray(0, 21);
  const checksum = sha256(sha256(payload)).subarray(0, 4);
  if (!checksum.every((b, i) => b === bytes[21 + i])) return `${name} address checksum does not match`;
  return payload;
}

function checkTron(address: string): Check {
  if (!/^T/.test(address) || address.length !== 34) {
    return { problem: 'TRON address must be 34 characters starting with T' };
  }
  const payload = decodeBase58Check(address, 'TRON');
  if (typeof payload === 'string') return { problem: payload };
  if (payload[0] !== 0x41) return { problem: 'TRON address has the wrong version byte' };
  return { value: `tron:${address}`, display: address, details: { chain: 'tron' } };
}

/** EIP-55: a hex letter is upper-case when the matching nibble of keccak256(lower-case address) is 8 or more. */
export function toEip55(address: string): string {
  const lower = address.toLowerCase().replace(/^0x/, '');
  const hash = hex.encode(keccak_256(new TextEncoder().encode(lower)));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i] ?? '';
    out += Number.parseInt(hash[i] ?? '0', 16) >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

function checkEth(address: string): Check {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) {
    return { problem: 'Ethereum address must be 0x followed by 40 hexadecimal characters' };
  }
  const body = address.slice(2);
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  const checksummed = toEip55(address);
  if (mixedCase && checksummed !== address) {
    return { problem: 'Ethereum address checksum (EIP-55 letter case) does not match' };
  }
  return { value: `eth:${address.toLowerCase()}`, display: checksummed, details: { chain: 'ethereum' } };
}

function checkBtcLegacy(address: string): Check {
  const payload = decodeBase58Check(address, 'Bitcoin');
  if (typeof payload === 'string') return { problem: payload };
  const type = payload[0] === 0x00 ? 'p2pkh' : payload[0] === 0x05 ? 'p2sh' : undefined;
  if (!type) return { problem: 'Bitcoin address has a version byte that is not P2PKH (1…) or P2SH (3…)' };
  return { value: `btc:${address}`, display: address, details: { chain: 'bitcoin', type } };
}

/** BIP-173/350: witness v0 uses bech32 with a 20- or 32-byte program; v1–16 use bech32m with 2–40 bytes. */
function checkBtcSegwit(address: string): Check {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) {
    return { problem: 'Bitcoin bech32 address mixes upper and lower case' };
  }
  const lower = address.toLowerCase();
  if (!lower.startsWith('bc1')) return { problem: 'Bitcoin bech32 address must start with bc1' };
  if (!bech32Chars.test(lower.slice(3)))
    return { problem: 'Bitcoin bech32 address has characters outside bech32' };
  const plain = bech32.decodeUnsafe(lower, 90);
  const modern = bech32m.decodeUnsafe(lower, 90);
  const decoded = plain ?? modern;
  if (!decoded) return { problem: 'Bitcoin bech32 address checksum does not match' };
  const [version, ...words] = decoded.words;
  if (version === undefined || version > 16)
    return { problem: 'Bitcoin bech32 address has a bad witness version' };
  if (version === 0 && !plain) return { problem: 'Bitcoin witness v0 address must use bech32, not bech32m' };
  if (version > 0 && !modern) return { problem: 'Bitcoin witness v1+ address must use bech32m, not bech32' };
  const program = bech32.fromWordsUnsafe(words);
  if (!program) return { problem: 'Bitcoin bech32 address has malformed padding' };
  const lengthOk = version === 0 ? program.length === 20 || program.length === 32 : program.length >= 2;
  if (!lengthOk || program.length > 40) return { problem: 'Bitcoin witness program has the wrong length' };
  const type =
    version === 0 ? (program.length === 20 ? 'p2wpkh' : 'p2wsh') : version === 1 ? 'p2tr' : 'segwit';
  return { value: `btc:${lower}`, display: lower, details: { chain: 'bitcoin', type } };
}

function checkBtc(address: string): Check {
  return /^bc1/i.test(address) ? checkBtcSegwit(address) : checkBtcLegacy(address);
}

const checks: Record<Chain, (address: string) => Check> = { btc: checkBtc, eth: checkEth, tron: checkTron };

// Words an entity form's chain field may hold that name no chain: the address form decides.
const noChain = new Set(['other', 'unknown', '']);

function unsupportedChain(name: string | undefined): boolean {
  return name !== undefined && !chainOf(name) && !noChain.has(name.trim().toLowerCase());
}

/** Why the chain a label or the chain field names cannot be the address's, or undefined when they agree. */
function chainConflict(address: string, labelChain: Chain | undefined, fieldChain: Chain | undefined) {
  const formChain = detectChain(address);
  if (labelChain && fieldChain && labelChain !== fieldChain) {
    return `the label names ${chainLabels[labelChain]} but the chain given is ${chainLabels[fieldChain]}`;
  }
  if (labelChain && formChain && labelChain !== formChain) {
    return `the label names ${chainLabels[labelChain]} but this is a${formChain === 'eth' ? 'n' : ''} ${chainLabels[formChain]} address`;
  }
  return undefined;
}

/**
 * Normalises a wallet address to 'tron:T…', 'eth:0x…' (lower-case) or 'btc:…'. Checksums are always verified
 * (base58check, EIP-55 letter case, bech32/bech32m); a wrong checksum is valid:false, never accepted. The labels
 * officers write before an address ('USDT(TRC20): T…', 'TRX T…', 'ETH: 0x…', '비트코인 bc1…', a 'bitcoin:' URI)
 * are taken off first; a label naming another chain than the address's own is refused, never guessed past.
 */
export function normaliseCryptoWallet(raw: string, context: CryptoContext = {}): NormalisedIdentifier {
  const cleaned = cleanText(raw);
  const { address: labelled, labelChain, labelled: hadLabel } = splitWalletLabel(cleaned);
  const address = labelled.replace(/\s+/g, '');
  const kept = hadLabel ? cleaned : address;
  if (unsupportedChain(context.chain)) {
    return invalidIdentifier('crypto_wallet', raw, kept, `unsupported chain '${context.chain}'`);
  }
  const fieldChain = chainOf(context.chain);
  const chain = fieldChain ?? labelChain ?? detectChain(address);
  if (!chain) {
    return invalidIdentifier(
      'crypto_wallet',
      raw,
      kept,
      'not a recognised TRON, Ethereum or Bitcoin address',
    );
  }
  const conflict = chainConflict(address, labelChain, fieldChain);
  const result: Check = conflict ? { problem: conflict } : checks[chain](address);
  if ('problem' in result) {
    const named = detectChain(address) ?? chain;
    return invalidIdentifier('crypto_wallet', raw, kept, result.problem, { chain: chainNames[named] });
  }
  return validIdentifier('crypto_wallet', raw, result.value, result.display, result.details);
}
