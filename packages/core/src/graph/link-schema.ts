import { z } from 'zod';
import { LiaisonError } from '../errors/catalogue.ts';
import { Markings } from '../markings/markings.ts';
import type { EntityType } from './entity-types.ts';
import { parseOrThrow } from './field-problems.ts';
import { type LinkType, linkEndpointProblem, linkTypes } from './link-types.ts';
import { propertiesSchema } from './property-schema.ts';

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Use a date (2026-01-23) or a date and time with its UTC offset',
});

function linkFields<T extends LinkType>(type: T) {
  return {
    type: z.literal(type),
    sourceId: z.uuid(),
    targetId: z.uuid(),
    properties: propertiesSchema(linkTypes[type].properties),
    validFrom: dateOrDateTime.optional(),
    validTo: dateOrDateTime.optional(),
    /** How sure the analyst is that the link exists, 0 to 1. */
    confidence: z.number().min(0).max(1).optional(),
    markings: Markings.optional(),
  };
}

function spanInOrder(link: { validFrom?: string | undefined; validTo?: string | undefined }): boolean {
  return !link.validFrom || !link.validTo || Date.parse(link.validFrom) <= Date.parse(link.validTo);
}
const spanProblem = { message: 'validFrom must not be after validTo', path: ['validTo'] };

/** The input validator of one link type, built from its description in `linkTypes`. */
export function linkInputSchema<T extends LinkType>(type: T) {
  return z.strictObject(linkFields(type)).refine(spanInOrder, spanProblem);
}

export const LinkInput = z.discriminatedUnion('type', [
  linkInputSchema('member_of'),
  linkInputSchema('leads'),
  linkInputSchema('works_at'),
  linkInputSchema('located_at'),
  linkInputSchema('owns'),
  linkInputSchema('uses'),
  linkInputSchema('called'),
  linkInputSchema('messaged'),
  linkInputSchema('transferred_to'),
  linkInputSchema('recruited'),
  linkInputSchema('associate_of'),
  linkInputSchema('family_of'),
  linkInputSchema('same_as'),
]);
export type LinkInput = z.infer<typeof LinkInput>;
export type LinkInputOf<T extends LinkType> = Extract<LinkInput, { type: T }>;

const linkMeta = {
  id: z.uuid(),
  createdBy: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.int().positive(),
};

export function linkSchema<T extends LinkType>(type: T) {
  return z.object({ ...linkFields(type), ...linkMeta });
}

export const Link = z.discriminatedUnion('type', [
  linkSchema('member_of'),
  linkSchema('leads'),
  linkSchema('works_at'),
  linkSchema('located_at'),
  linkSchema('owns'),
  linkSchema('uses'),
  linkSchema('called'),
  linkSchema('messaged'),
  linkSchema('transferred_to'),
  linkSchema('recruited'),
  linkSchema('associate_of'),
  linkSchema('family_of'),
  linkSchema('same_as'),
]);
export type Link = z.infer<typeof Link>;

/** Validates a link's shape or throws LiaisonError('invalid-input') with JSON-pointer paths. */
export function validateLinkInput(input: unknown): LinkInput {
  return parseOrThrow(LinkInput, input, 'link');
}

/**
 * Checks a link against the types of the entities it joins (looked up by the caller) and throws
 * LiaisonError('invalid-input') when the link type does not allow them, or when it joins an entity to itself.
 */
export function assertLinkEndpoints(
  link: Pick<LinkInput, 'type' | 'sourceId' | 'targetId'>,
  sourceType: EntityType,
  targetType: EntityType,
): void {
  if (link.sourceId === link.targetId) {
    throw new LiaisonError('invalid-input', 'A link cannot join an entity to itself', {
      fields: [{ path: '/targetId', message: 'Choose another entity than the source' }],
    });
  }
  const problem = linkEndpointProblem(link.type, sourceType, targetType);
  if (problem) {
    throw new LiaisonError('invalid-input', problem, { fields: [{ path: '/targetId', message: problem }] });
  }
}
