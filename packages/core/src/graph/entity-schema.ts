import { z } from 'zod';
import { Markings } from '../markings/markings.ts';
import { type EntityType, entityTypes } from './entity-types.ts';
import { parseOrThrow } from './field-problems.ts';
import { propertiesSchema } from './property-schema.ts';

/** The input validator of one entity type, built from its description in `entityTypes`. */
export function entityInputSchema<T extends EntityType>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    properties: propertiesSchema(entityTypes[type].properties),
    markings: Markings.optional(),
  });
}

/** Any entity a client may create, discriminated by `type`. */
export const EntityInput = z.discriminatedUnion('type', [
  entityInputSchema('person'),
  entityInputSchema('organisation'),
  entityInputSchema('compound'),
  entityInputSchema('phone'),
  entityInputSchema('email'),
  entityInputSchema('bank_account'),
  entityInputSchema('crypto_wallet'),
  entityInputSchema('messenger_account'),
  entityInputSchema('website'),
  entityInputSchema('vehicle'),
  entityInputSchema('identity_document'),
]);
export type EntityInput = z.infer<typeof EntityInput>;
export type EntityInputOf<T extends EntityType> = Extract<EntityInput, { type: T }>;
export type EntityProperties<T extends EntityType> = EntityInputOf<T>['properties'];

const entityMeta = {
  id: z.uuid(),
  caption: z.string(),
  createdBy: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.int().positive(),
};

/** The output validator of one entity type: the input plus identity, caption and bookkeeping. */
export function entitySchema<T extends EntityType>(type: T) {
  return z.object({
    type: z.literal(type),
    properties: propertiesSchema(entityTypes[type].properties),
    markings: Markings.optional(),
    ...entityMeta,
  });
}

export const Entity = z.discriminatedUnion('type', [
  entitySchema('person'),
  entitySchema('organisation'),
  entitySchema('compound'),
  entitySchema('phone'),
  entitySchema('email'),
  entitySchema('bank_account'),
  entitySchema('crypto_wallet'),
  entitySchema('messenger_account'),
  entitySchema('website'),
  entitySchema('vehicle'),
  entitySchema('identity_document'),
]);
export type Entity = z.infer<typeof Entity>;

/** Validates an entity or throws LiaisonError('invalid-input') with JSON-pointer paths (`/properties/birthDate`). */
export function validateEntityInput(input: unknown): EntityInput {
  return parseOrThrow(EntityInput, input, 'entity');
}
