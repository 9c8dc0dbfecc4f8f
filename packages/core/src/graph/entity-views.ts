import { z } from 'zod';

/*
 * What the server answers about entities, links and their places in cases (the response schemas of the entity and
 * link routes). The serializer keeps only the fields named here. Stored free text (types, markings, roles, reasons)
 * is read back as plain strings, and ids in any 8-4-4-4-12 hex form (z.guid): what was accepted when written is not
 * refused when read.
 */

const isoTime = z.iso.datetime({ offset: true });

/** An entity as the server presents it: its properties, owner, markings and bookkeeping. */
export const EntityView = z.object({
  id: z.guid(),
  type: z.string(),
  caption: z.string(),
  properties: z.record(z.string(), z.unknown()),
  ownerAgency: z.string(),
  tlp: z.string(),
  handlingCode: z.string(),
  createdBy: z.guid(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.int(),
});
export type EntityView = z.infer<typeof EntityView>;

/** A link as the server presents it. */
export const LinkView = z.object({
  id: z.guid(),
  type: z.string(),
  sourceId: z.guid(),
  targetId: z.guid(),
  properties: z.record(z.string(), z.unknown()),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  confidence: z.number().optional(),
  createdBy: z.guid(),
  createdAt: isoTime,
});
export type LinkView = z.infer<typeof LinkView>;

/** One stored identifier of an entity: the normaliser's reading and the property it came from. */
export const IdentifierView = z.object({
  kind: z.string(),
  value: z.string(),
  raw: z.string(),
  display: z.string(),
  valid: z.boolean(),
  problem: z.string().optional(),
  /** What the normaliser assumed (countryAssumed, key 'digits', platformAssumed…). */
  details: z.record(z.string(), z.string()).optional(),
  property: z.string(),
});
export type IdentifierView = z.infer<typeof IdentifierView>;

/** One change of a person's role in a case, as stored. */
export const RoleChangeView = z.object({
  role: z.string(),
  reason: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type RoleChangeView = z.infer<typeof RoleChangeView>;

/** A hit as its raiser learns it at once: their own side. The other record is read through the hit list. */
export const OwnSideHit = z.object({
  id: z.guid(),
  kind: z.string(),
  entityId: z.guid(),
  caseId: z.guid().nullable(),
});
export type OwnSideHit = z.infer<typeof OwnSideHit>;

/** An entity just created or edited, its identifiers as read and the hits they raised. */
export const CreatedEntity = z.object({
  entity: EntityView,
  identifiers: z.array(IdentifierView),
  hits: z.array(OwnSideHit),
});
export type CreatedEntity = z.infer<typeof CreatedEntity>;

/** A case of the entity page, with the entity's role in it. */
export const EntityPageCase = z.object({
  id: z.guid(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  ownerAgency: z.string(),
  role: z.string().nullable(),
  roleHistory: z.array(RoleChangeView),
});
export type EntityPageCase = z.infer<typeof EntityPageCase>;

/** The entity page: the entity, its identifiers, the cases the reader may see and its visible neighbours. */
export const EntityPage = z.object({
  entity: EntityView,
  identifiers: z.array(IdentifierView),
  cases: z.array(EntityPageCase),
  neighbours: z.array(z.object({ link: LinkView, entity: EntityView })),
  /** Links to entities the reader may not see: counted, not shown. */
  restrictedNeighbourCount: z.int(),
});
export type EntityPage = z.infer<typeof EntityPage>;

/** An entity in a case's Entities panel, with its role. */
export const CaseEntity = z.object({
  entity: EntityView,
  role: z.string().nullable(),
  roleHistory: z.array(RoleChangeView),
  addedAt: isoTime,
});
export type CaseEntity = z.infer<typeof CaseEntity>;

/** An existing entity just placed in a case. */
export const CaseEntityPlacement = z.object({
  caseId: z.guid(),
  entityId: z.guid(),
  role: z.string().nullable(),
});
export type CaseEntityPlacement = z.infer<typeof CaseEntityPlacement>;

/** A person's role in a case after a change, with every change that led to it. */
export const CaseRoleChanged = z.object({
  caseId: z.guid(),
  entityId: z.guid(),
  role: z.string().nullable(),
  history: z.array(RoleChangeView),
});
export type CaseRoleChanged = z.infer<typeof CaseRoleChanged>;
