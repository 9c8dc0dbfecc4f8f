import { z } from 'zod';
import { normalisedIdentifierSchema } from '../identifiers/types.ts';
import { CreatedEntity } from './entity-views.ts';

/*
 * What the server answers about hits, access requests, identifier checks, extraction and person matching (the
 * response schemas of the correlation routes). Only the fields named here are sent; stored text is read as strings.
 */

const isoTime = z.iso.datetime({ offset: true });

/** One side of a hit: described when the reader may see it, otherwise only whose it is. */
export const HitSide = z.discriminatedUnion('restricted', [
  z.object({ restricted: z.literal(true), ownerAgency: z.string() }),
  z.object({
    restricted: z.literal(false),
    ownerAgency: z.string(),
    entity: z.object({ id: z.guid(), type: z.string(), caption: z.string() }),
    case: z
      .object({ id: z.guid(), number: z.string(), title: z.string(), ownerAgency: z.string() })
      .nullable(),
    /**
     * The rescue case whose report named it (a record from a public or staff report is in no joint case), for a
     * reader with `rescue.read`: its reference only, as on the rescue board; null otherwise.
     */
    rescueCase: z.object({ id: z.guid(), reference: z.string() }).nullable(),
  }),
]);
export type HitSide = z.infer<typeof HitSide>;

/** Two records carrying the same identifier; the identifier only for a reader who may see a side. */
export const Hit = z.object({
  id: z.guid(),
  kind: z.string(),
  value: z.string().nullable(),
  raisedAt: isoTime,
  sides: z.tuple([HitSide, HitSide]),
});
export type Hit = z.infer<typeof Hit>;

/** A request for a restricted record of a hit, just made. */
export const AccessRequestCreated = z.object({
  id: z.guid(),
  hitId: z.guid(),
  ownerAgency: z.string(),
  status: z.string(),
  createdAt: isoTime,
});
export type AccessRequestCreated = z.infer<typeof AccessRequestCreated>;

/** A request to the reader's agency (incoming: names the record asked for) or one the reader made (outgoing). */
export const AccessRequest = z.object({
  id: z.guid(),
  hitId: z.guid(),
  direction: z.enum(['incoming', 'outgoing']),
  entityId: z.guid().nullable(),
  caseId: z.guid().nullable(),
  reason: z.string(),
  status: z.string(),
  requesterAgency: z.string(),
  requesterName: z.string(),
  ownerAgency: z.string(),
  createdAt: isoTime,
});
export type AccessRequest = z.infer<typeof AccessRequest>;

/** The owner's answer to an access request. */
export const AccessRequestDecided = z.object({ id: z.guid(), status: z.enum(['granted', 'refused']) });
export type AccessRequestDecided = z.infer<typeof AccessRequestDecided>;

/** One identifier checked against the index: how many records carry it, and those the reader may see. */
export const IdentifierCheck = z.object({
  identifier: normalisedIdentifierSchema,
  /** Why the identifier raises no hits, when it is marked so. */
  nonCorrelating: z.string().nullable(),
  matchCount: z.int(),
  restrictedCount: z.int(),
  matches: z.array(z.object({ id: z.guid(), type: z.string(), caption: z.string() })),
});
export type IdentifierCheck = z.infer<typeof IdentifierCheck>;

/** An identifier marked as raising no hits (a call-centre number, an exchange's hot wallet). */
export const NonCorrelatingIdentifier = z.object({
  kind: z.string(),
  value: z.string(),
  reason: z.string(),
  markedAt: isoTime,
});
export type NonCorrelatingIdentifier = z.infer<typeof NonCorrelatingIdentifier>;

/** An identifier just marked, with its display form. */
export const NonCorrelatingMarked = NonCorrelatingIdentifier.extend({ display: z.string() });
export type NonCorrelatingMarked = z.infer<typeof NonCorrelatingMarked>;

/** An identifier found in pasted text (UTF-16 offsets, end exclusive) and the entity it proposes. */
/**
 * An entity the reader may see that already carries a found identifier: offered instead of a duplicate, in the
 * case (`inCase`: nothing to add) or elsewhere in the graph (add that one to the case).
 */
export const ExistingCarrier = z.object({
  id: z.string(),
  type: z.string(),
  caption: z.string(),
  inCase: z.boolean(),
  /** The number of a case the reader may see that holds it, when it is in one. */
  caseNumber: z.string().nullable(),
});
export type ExistingCarrier = z.infer<typeof ExistingCarrier>;

export const ExtractedProposal = z.object({
  identifier: normalisedIdentifierSchema,
  start: z.int(),
  end: z.int(),
  /** Ready to send back to POST /cases/:id/entities/bulk; null when the kind makes no entity. */
  proposal: z.record(z.string(), z.unknown()).nullable(),
  /** Entities already carrying it (at most five, those in the case first). */
  existing: z.array(ExistingCarrier),
});
export type ExtractedProposal = z.infer<typeof ExtractedProposal>;

/** The entities created from chosen proposals, in order. */
export const CreatedEntities = z.array(CreatedEntity);

/** One reason for or against two persons being the same (persons/person-match.ts). */
export const MatchReasonView = z.object({
  factor: z.string(),
  /** Log-odds contribution: positive for, negative against. */
  effect: z.number(),
  /** English, for API clients and logs. */
  text: z.string(),
  /** Stable code and parameters, for a client to say the reason in its user's language. */
  code: z.string(),
  params: z.record(z.string(), z.string()).optional(),
});
export type MatchReasonView = z.infer<typeof MatchReasonView>;

export const MatchVerdictView = z.enum(['strong', 'possible', 'weak', 'conflict']);

/** A person who may be the same as the one asked about, with the reasons and any earlier human decision. */
export const PersonCandidateView = z.object({
  entity: z.object({ id: z.guid(), caption: z.string(), ownerAgency: z.string() }),
  score: z.number(),
  verdict: MatchVerdictView,
  reasons: z.array(MatchReasonView),
  decision: z.object({ decision: z.string(), reason: z.string(), decidedAt: isoTime }).nullable(),
});
export type PersonCandidateView = z.infer<typeof PersonCandidateView>;

/** A person-match decision just taken; a confirmation names the same_as link it made. */
export const PersonMatchDecided = z.object({
  id: z.guid(),
  decision: z.string(),
  score: z.number(),
  verdict: MatchVerdictView,
  reasons: z.array(MatchReasonView),
  linkId: z.guid().nullable(),
});
export type PersonMatchDecided = z.infer<typeof PersonMatchDecided>;
