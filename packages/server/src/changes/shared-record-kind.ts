import type { Actor, PeerPrincipal } from '@liaison/core';
import type { PolicyItem } from '@liaison/core/policy/index';
import type { AppContext, Ctx, Tx } from '../context.ts';
import type { LiveEvent } from '../events/event-bus.ts';

// What a feature implements for a record kind that travels to a partner in a shared case (case, task, note,
// attachment, entity, member, link, and the kinds to come), and what it registers to purge its own rows when a
// mirrored case or mirrored entities go. Federation's case sync is generic over these: it keeps the stamps,
// the mapping of ids and the merge rule (fields by last writer, records by id, removal wins); the owner reads
// and writes its rows. See federation/README.md for the rule.

/** A record's shared fields by wire name (`leadAgency`, `dueDate`...), as JSON values. */
export type SharedFields = Record<string, unknown>;

/** Which local record: its id and the case it travels in (a membership is addressed by both). */
export interface RecordRef {
  id: string;
  caseId: string;
}

/** The partner a peer's record comes from, with what an owner may need to attribute it. */
export interface PeerSource {
  peerId: string;
  nodeName: string;
  agencyCode: string;
  /** The local agency row of the peer's agency. */
  agencyId(): Promise<string>;
  /** The disabled local account the peer's records are attributed to (created on first use). */
  userId(): Promise<string>;
  /** The peer acting on its case-sync path (hits raised by its entities name it). */
  actor(): Promise<PeerPrincipal>;
  /** Asks federation to pull a file's content from the peer (an attachment whose blob is not here yet). */
  fetchContent(trx: Tx, file: { recordId: string; sha256: string; sizeBytes: number }): Promise<void>;
}

/**
 * Fields of a kind that go to a partner only where the rules let them (a fugitive's warrant, a sighting's
 * source): each group is judged as an item of its own by the policy room (`policy/record-fields.ts`), outbound
 * by this node's rules (a refused group is left out of the record and the refusal audited `policy.blocked`),
 * inbound by the receiver's (a record carrying a refused group is turned away).
 */
export interface FieldGuard {
  /** What the group is, in the audit entry (`warrant`, `source`). */
  name: string;
  /** Wire names of the group's fields. */
  fields: readonly string[];
  /** The group as the rules see it, from the record's shared fields (all of them, as known here). */
  item(fields: SharedFields): PolicyItem;
}

export interface SharedRecordKind {
  /** The kind's name on the wire and in federation's mapping (`mirrored_records.record_type`). */
  kind: string;
  /** The part of a share that carries it (`case_shares.scope`); null: always (the case header). */
  scope: string | null;
  /** Merge order, lower first: a record's parents before it (the case, entities, memberships, links...). */
  order: number;
  /** Wire names of the shared fields; a field not named here is ignored when it arrives. */
  fields: readonly string[];
  /** Fields set once, when the record is created here; a later change of them is not applied. */
  createOnly: ReadonlySet<string>;
  /** The id federation maps the record under (default `ref.id`; a membership has none of its own). */
  mappingId?(ref: RecordRef): string;
  /**
   * The local record a peer's record is, for a kind addressed by a field rather than by its id at the origin
   * (a membership, by its entity; default: the mapped id, else the origin's id); null: the record is skipped.
   * `fields` are the merged values (what is known here first, then the incoming record's).
   */
  refFromFields?(caseId: string, fields: SharedFields): RecordRef | null;
  /** Fields that travel only where the rules let them (see `FieldGuard`); the others travel as they are. */
  guards?: readonly FieldGuard[];
  /**
   * For a kind an officer may also send as an exchange item: the record's shared fields as `actor` may read
   * them (the owner checks the permission and the record's visibility). Absent: it travels in shared cases only.
   */
  readForExchange?(ctx: Ctx, actor: Actor, id: string): Promise<SharedFields>;
  /** Ids of the case's records of this kind a full share carries, in sending order. */
  listInCase(trx: Tx, caseId: string): Promise<string[]>;
  /** The shared fields of a local record; null when it no longer exists. */
  read(trx: Tx, ref: RecordRef): Promise<SharedFields | null>;
  /** Whether a new record's fields may be taken (the same rules as a local write); false: skipped, logged. */
  accepts?(fields: SharedFields): boolean;
  /** Whether the record exists here (a record first seen from a peer may already exist: it is then updated). */
  exists(trx: Tx, ref: RecordRef): Promise<boolean>;
  /** Creates a peer's record here with the same id; returns the live events to publish after commit (often none). */
  create(
    trx: Tx,
    app: AppContext,
    peer: PeerSource,
    ref: RecordRef,
    fields: SharedFields,
  ): Promise<LiveEvent[]>;
  /** Updates the fields that won the merge (create-only fields left out; never empty). */
  update(
    trx: Tx,
    app: AppContext,
    peer: PeerSource,
    ref: RecordRef,
    fields: SharedFields,
  ): Promise<LiveEvent[]>;
  /** Removes the record (the peer removed it). Absent: the kind goes only another way (the case, by retraction). */
  remove?(trx: Tx, app: AppContext, ref: RecordRef): Promise<void>;
  /** After a merge into `caseId` changed records of these kinds (the case header records the time). */
  afterMerge?(trx: Tx, app: AppContext, caseId: string, changedKinds: ReadonlySet<string>): Promise<void>;
  /**
   * Local records of this kind, placed in the given cases, for a change of `ids` (a graph change names
   * entities or links, not their cases). Only kinds announced by id alone need it.
   */
  placedIn?(
    trx: Tx,
    ids: readonly string[],
    caseIds: readonly string[],
  ): Promise<{ id: string; caseId: string }[]>;
}

/**
 * What an owner registers to delete its own rows when a mirrored case is removed (`purgeCase`, once the
 * mirrored entities are purged) and when entities are purged (`purgeEntities`, before the entities go): hits,
 * access requests, identifiers, rescue_entities, person_match_decisions, the case's parts...
 */
export interface RecordPurge {
  /** The owning feature (`graph`, `cases`, `rescue`...). */
  owner: string;
  /** Owners whose rows this owner's rows reference: this purge runs before theirs (rescue before graph). */
  before?: readonly string[];
  purgeEntities?(trx: Tx, app: AppContext, ids: readonly string[]): Promise<void>;
  purgeCase?(trx: Tx, app: AppContext, caseId: string): Promise<void>;
}

/** The node's record kinds and purges (on `AppContext.sharedRecords`). */
export interface SharedRecords {
  /** The kind by wire name; undefined for a kind this node does not know (the record is ignored). */
  kind(name: string): SharedRecordKind | undefined;
  /** Every kind, in merge order. */
  kinds(): readonly SharedRecordKind[];
  /** Every purge, dependents first (`before`): all run `purgeEntities`, then all run `purgeCase`. */
  purges(): readonly RecordPurge[];
}

export function createSharedRecords(
  kinds: readonly SharedRecordKind[],
  purges: readonly RecordPurge[],
): SharedRecords {
  const byName = new Map<string, SharedRecordKind>();
  for (const k of kinds) {
    if (byName.has(k.kind)) throw new Error(`record kind ${k.kind} registered twice`);
    byName.set(k.kind, k);
  }
  const ordered = [...kinds].sort((a, b) => a.order - b.order);
  const sortedPurges = dependentsFirst(purges);
  return { kind: (name) => byName.get(name), kinds: () => ordered, purges: () => sortedPurges };
}

/** Orders purges so each runs before the owners it names in `before`, otherwise in registration order. */
function dependentsFirst(purges: readonly RecordPurge[]): RecordPurge[] {
  const out: RecordPurge[] = [];
  const pending = [...purges];
  while (pending.length > 0) {
    // The first purge no pending one has to run before.
    const next = pending.findIndex(
      (p) => !pending.some((q) => q !== p && (q.before ?? []).includes(p.owner)),
    );
    if (next < 0) throw new Error('record purges name each other in `before`');
    out.push(...pending.splice(next, 1));
  }
  return out;
}

/** Wire field → column, the simple case of most kinds: a record's fields are columns of one row. */
export function fieldsFromRow(
  map: Readonly<Record<string, string>>,
  row: Record<string, unknown>,
): SharedFields {
  return Object.fromEntries(
    Object.entries(map).map(([f, c]) => [
      f,
      row[c] instanceof Date ? (row[c] as Date).toISOString() : row[c],
    ]),
  );
}

/** Fields that won → column values (JSON columns stringified), skipping unknown fields. */
export function columnsFromFields(
  map: Readonly<Record<string, string>>,
  fields: SharedFields,
  jsonColumns: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    const column = map[field];
    if (!column) continue;
    out[column] =
      jsonColumns.has(column) && value !== null && value !== undefined ? JSON.stringify(value) : value;
  }
  return out;
}
