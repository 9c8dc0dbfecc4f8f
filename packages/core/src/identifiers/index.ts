// Public API of the identifier normalisers and extraction. Pure functions, no I/O: also used in the browser.
export { normaliseBankAccount, unknownBankCode } from './bank-account.ts';
export { type Bank, banks, findBank } from './banks.ts';
export { type Chain, detectChain, normaliseCryptoWallet, toEip55 } from './crypto.ts';
export { normaliseEmail } from './email.ts';
export { extractIdentifiers } from './extract.ts';
export { type MessengerPlatform, messengerPlatforms, normaliseMessenger } from './messenger.ts';
export { normaliseNationalId } from './national-id.ts';
export { detectIdentifierKind, normaliseAnyIdentifier, normaliseIdentifier } from './normalise.ts';
export { normalisePassport, unknownCountry } from './passport.ts';
export { normalisePhone } from './phone.ts';
export {
  type ExtractedIdentifier,
  type IdentifierContext,
  type IdentifierKind,
  identifierContextSchema,
  identifierKindSchema,
  identifierKinds,
  type NormalisedIdentifier,
  normalisedIdentifierSchema,
} from './types.ts';
export { normaliseDomain, normaliseUrl } from './url.ts';
