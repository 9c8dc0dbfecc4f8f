import { LiaisonError } from '@liaison/core';
import {
  type EntityInput,
  type EntityType,
  entityIdentifiers,
  type PersonName,
} from '@liaison/core/graph/index';
import {
  type IdentifierContext,
  type NormalisedIdentifier,
  normaliseIdentifier,
} from '@liaison/core/identifiers/index';
import { nameKeys, personBlockingKeys } from '@liaison/core/persons/index';

export interface IndexedIdentifier extends NormalisedIdentifier {
  property: string;
}

/** Where an entity's identifiers were written: the recording agency's country (see correlation/agency-country.ts). */
export interface IndexingContext {
  defaultCountry?: string | undefined;
}

/**
 * The context one identifier is read in: its qualifier (chain, platform, bank) and, for numbers written without
 * a calling code, the recording agency's country. A passport's issuing country is never assumed from it.
 */
export function contextOf(
  kind: string,
  qualifier: string | undefined,
  { defaultCountry }: IndexingContext = {},
): IdentifierContext {
  const country = defaultCountry && (kind === 'phone' || kind === 'messenger') ? { defaultCountry } : {};
  if (qualifier === undefined) return country;
  if (kind === 'crypto_wallet') return { chain: qualifier };
  if (kind === 'messenger') return { ...country, platform: qualifier };
  if (kind === 'bank_account') return { bank: qualifier };
  return country;
}

/**
 * Every identifier an entity carries, normalised, numbers without a calling code read in `context.defaultCountry`
 * (the recording agency's). An identifier that cannot be read is kept as entered and
 * flagged, except a crypto wallet: a wallet with a bad checksum is a typo that would send the money trail
 * nowhere, so it is refused with the reason at its field.
 */
export function indexIdentifiers(
  entity: Pick<EntityInput, 'type' | 'properties'>,
  pathPrefix = '',
  context: IndexingContext = {},
): IndexedIdentifier[] {
  const found = entityIdentifiers(entity.type, entity.properties).map((raw) => ({
    ...normaliseIdentifier(raw.kind, raw.value, contextOf(raw.kind, raw.qualifier, context)),
    property: raw.property,
  }));
  const badWallets = found.filter((identifier) => identifier.kind === 'crypto_wallet' && !identifier.valid);
  if (badWallets.length > 0) {
    throw new LiaisonError(
      'invalid-input',
      `The wallet address is not valid: ${badWallets[0]!.problem ?? 'unreadable'}`,
      {
        fields: badWallets.map((w) => ({
          path: `${pathPrefix}/properties/${w.property}`,
          message: w.problem ?? 'Not a valid wallet address',
        })),
      },
    );
  }
  return found;
}

function personNames(properties: object): string[] {
  const names = (properties as { names?: PersonName[] }).names ?? [];
  return names.map((name) => name.value);
}

const MAX_KEY_TEXT = 2_000;

/** A person's candidate-pool keys as the head of its search text: ⟦n:이_YUNGSU g:YUNGSU …⟧ (migration 0016). */
function blockingKeyText(properties: object): string {
  const { birthDate } = properties as { birthDate?: string };
  let text = '';
  for (const key of personBlockingKeys(personNames(properties), birthDate)) {
    if (text.length + key.length + 1 > MAX_KEY_TEXT) break;
    text += text === '' ? key : ` ${key}`;
  }
  return `⟦${text}⟧`;
}

/**
 * The text fuzzy search reads: names and their romanised keys in every script, aliases and identifiers; for a
 * person, headed by its candidate-pool keys, from which the database derives entities.name_keys.
 */
export function searchTextOf(
  type: EntityType,
  properties: object,
  caption: string,
  identifiers: readonly IndexedIdentifier[],
): string {
  const parts = new Set<string>(type === 'person' ? [blockingKeyText(properties), caption] : [caption]);
  if (type === 'person') {
    for (const name of personNames(properties)) {
      parts.add(name);
      for (const key of nameKeys(name)) if (!key.startsWith('~')) parts.add(key);
    }
  }
  const values = properties as Record<string, unknown>;
  for (const key of ['name', 'aliases', 'holderName', 'displayName', 'plate']) {
    const value = values[key];
    for (const text of Array.isArray(value) ? value : [value]) if (typeof text === 'string') parts.add(text);
  }
  for (const identifier of identifiers) parts.add(identifier.display);
  return [...parts].join(' | ').slice(0, 4_000);
}

export function personNamesOf(properties: object): string[] {
  return personNames(properties);
}
