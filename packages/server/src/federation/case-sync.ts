import { createHash } from 'node:crypto';
import { type Actor, authorize, LiaisonError } from '@liaison/core';
import {
  type Obligation,
  type PolicyInput,
  PolicyItem,
  PolicyMarkings,
  policyAuditDetails,
} from '@liaison/core/policy/index';
import { sql } from 'kysely';
import { appendAudit } from '../audit/audit-repository.ts';
import { findVisibleCase } from '../cases/case-repository.ts';
import { sanitiseNoteBody } from '../cases/note-sanitiser.ts';
import { systemActor } from '../cli/system-actor.ts';
import { type AppContext, type Ctx, systemCtx, type Tx } from '../context.ts';
import { publishAll } from '../correlation/correlate.ts';
import type { LiveEvent } from '../events/event-bus.ts';
import { refuse } from '../exchange/exchange-service.ts';
import { decidePolicy } from '../exchange/policy.ts';
import { type CaseChange, observeCaseChanges, observeGraphChanges } from './case-hooks.ts';
import { dropEntities, dropLinks, indexPeerEntity } from './graph-index.ts';
import { hlcObserve, hlcTick } from './hlc.ts';
import {
  type ApplyInput,
  type ApplyOutcome,
  enqueueMessage,
  type PeerRow,
  registerMessageHandler,
} from './outbox.ts';
import { findPeer } from './peers.ts';
import { federationOf } from './runtime.ts';

// Joint case workspaces. The conflict rule is documented in ./README.md ("Joint case workspaces").

type Kind = 'case' | 'task' | 'note' | 'entity' | 'member' | 'link';
type Stamped = Record<string, { v: unknown; t: string }>;
/** One record's change on the wire: the fields that changed with their stamps, or a tombstone. */
export interface SyncRecord {
  type: Kind;
  originNode: string;
  originId: string;
  fields: Stamped;
  deleted?: string;
}
interface CaseRef {
  originNode: string;
  caseId: string;
}
export type ShareScope = 'tasks' | 'notes' | 'entities';

/** Field name on the wire → column. `number` and `leadAgency` travel but are set once, at creation. */
const columns: Record<Kind, Record<string, string>> = {
  case: {
    number: 'number',
    leadAgency: 'lead_agency',
    title: 'title',
    summary: 'summary',
    language: 'language',
    crimeTypes: 'crime_types',
    priority: 'priority',
    status: 'status',
    closeReason: 'close_reason',
    tlp: 'tlp',
    handlingCode: 'handling_code',
    handlingNote: 'handling_note',
  },
  task: {
    title: 'title',
    description: 'description',
    dueDate: 'due_date',
    status: 'status',
    completedAt: 'completed_at',
  },
  note: { body: 'body', format: 'format', language: 'language' },
  entity: {
    type: 'type',
    properties: 'properties',
    tlp: 'tlp',
    handlingCode: 'handling_code',
    markings: 'markings',
  },
  // A case membership: the entity and its role (with the role's history) in the case.
  member: { entityId: 'entity_id', role: 'role', roleHistory: 'role_history' },
  link: {
    type: 'type',
    sourceId: 'source_id',
    targetId: 'target_id',
    properties: 'properties',
    validFrom: 'valid_from',
    validTo: 'valid_to',
    confidence: 'confidence',
    markings: 'markings',
  },
};
const createOnly = new Set(['number', 'leadAgency', 'type', 'sourceId', 'targetId', 'entityId']);
const jsonColumns = new Set(['properties', 'markings', 'role_history']);
const tables = {
  case: 'cases',
  task: 'case_tasks',
  note: 'case_notes',
  entity: 'entities',
  member: 'case_entities',
  link: 'links',
} as const;
const scopeOf: Record<Kind, ShareScope | null> = {
  case: null,
  task: 'tasks',
  note: 'notes',
  entity: 'entities',
  member: 'entities',
  link: 'entities',
};
/** Merge order: a record's parents first (the case, then entities, their membership, links between them). */
const order: Record<Kind, number> = { case: 0, entity: 1, member: 2, link: 3, task: 4, note: 5 };

/** A case membership has no id of its own: a stable one from the case and the entity. */
export function memberId(caseId: string, entityId: string): string {
  const h = createHash('sha256').update(`member:${caseId}:${entityId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function norm(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** The shared fields of a local record, or null when it no longer exists. */
async function readFields(
  trx: Tx,
  kind: Kind,
  id: string,
  caseId?: string,
): Promise<Record<string, unknown> | null> {
  const row = (
    kind === 'member'
      ? await trx
          .selectFrom('case_entities')
          .selectAll()
          .where('case_id', '=', caseId ?? '')
          .where('entity_id', '=', id)
          .executeTakeFirst()
      : await trx
          .selectFrom(tables[kind] as 'cases')
          .selectAll()
          .$if(kind === 'task', (q) => q.select(sql<string | null>`due_date::text`.as('due_date')))
          .$if(kind === 'link', (q) =>
            q.select([
              sql<string | null>`valid_from::text`.as('valid_from'),
              sql<string | null>`valid_to::text`.as('valid_to'),
            ]),
          )
          .where('id', '=', id)
          .executeTakeFirst()
  ) as Record<string, unknown> | undefined;
  if (!row) return null;
  return Object.fromEntries(Object.entries(columns[kind]).map(([f, c]) => [f, norm(row[c])]));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A local change: stamps the fields that differ from what was last shared; null when nothing differs. */
async function stampLocalChange(trx: Tx, app: AppContext, change: CaseChange): Promise<SyncRecord | null> {
  const localId = change.record === 'member' ? memberId(change.caseId, change.id) : change.id;
  const mapping = await trx
    .selectFrom('mirrored_records')
    .selectAll()
    .where('record_type', '=', change.record)
    .where('local_id', '=', localId)
    .executeTakeFirst();
  if (mapping?.deleted_at) return null;
  const originNode = mapping?.origin_node ?? app.config.nodeName;
  const originId = mapping?.origin_id ?? localId;
  const known: Stamped = { ...(mapping?.fields ?? {}) };
  const current = change.deleted ? null : await readFields(trx, change.record, change.id, change.caseId);
  const record: SyncRecord = { type: change.record, originNode, originId, fields: {} };
  if (!current) record.deleted = hlcTick(app);
  else
    for (const [field, value] of Object.entries(current)) {
      if (known[field] && same(known[field].v, value)) continue;
      known[field] = { v: value, t: hlcTick(app) };
      record.fields[field] = known[field];
    }
  if (!record.deleted && Object.keys(record.fields).length === 0) return null;
  await trx
    .insertInto('mirrored_records')
    .values({
      origin_node: originNode,
      origin_id: originId,
      record_type: change.record,
      local_id: localId,
      case_id: mapping?.case_id ?? change.caseId,
      fields: JSON.stringify(known),
      deleted_at: record.deleted ?? null,
      updated_at: app.now(),
    })
    .onConflict((oc) =>
      oc.columns(['origin_node', 'origin_id']).doUpdateSet({
        fields: JSON.stringify(known),
        deleted_at: record.deleted ?? null,
        updated_at: app.now(),
      }),
    )
    .execute();
  return record;
}

type ShareRow = {
  id: string;
  case_id: string;
  peer_id: string;
  role: 'origin' | 'mirror';
  origin_node: string;
  origin_case_id: string;
  scope: string[];
  markings: Record<string, unknown>;
  policy_item: Record<string, unknown>;
  node_name: string;
  agency_code: string;
  country: string;
};

function activeShares(trx: Tx, caseId: string) {
  return trx
    .selectFrom('case_shares as s')
    .innerJoin('peers as p', 'p.id', 's.peer_id')
    .select([
      's.id',
      's.case_id',
      's.peer_id',
      's.role',
      's.origin_node',
      's.origin_case_id',
      's.scope',
      's.markings',
      's.policy_item',
      'p.node_name',
      'p.agency_code',
      'p.country',
    ])
    .where('s.case_id', '=', caseId)
    .where('s.state', '=', 'active')
    .where('p.status', '=', 'active')
    .execute() as Promise<ShareRow[]>;
}

/** The markings a share's message carries now: the share's, with the case's current TLP and handling code. */
async function currentMarkings(trx: Tx, app: AppContext, share: ShareRow) {
  const row = await trx
    .selectFrom('cases')
    .select(['tlp', 'handling_code', 'handling_note'])
    .where('id', '=', share.case_id)
    .executeTakeFirst();
  return {
    ...share.markings,
    originAgency: app.config.nodeAgency,
    ...(row && { tlp: row.tlp, handlingCode: row.handling_code }),
    ...(row?.handling_note && { handlingNote: row.handling_note }),
  } as PolicyInput['markings'];
}

function sendInput(
  app: AppContext,
  peer: { agency_code: string; country: string },
  item: unknown,
  markings: unknown,
) {
  return {
    action: 'send' as const,
    sender: { agency: app.config.nodeAgency, country: app.config.nodeCountry },
    recipient: { agency: peer.agency_code, country: peer.country },
    item: item as PolicyInput['item'],
    markings: markings as PolicyInput['markings'],
    now: app.now().toISOString(),
  };
}

/** Queues changed records for one share, after the sender's outbound rules (a refusal is audited, not sent). */
async function sendSync(trx: Tx, app: AppContext, share: ShareRow, records: SyncRecord[]): Promise<void> {
  const inScope = records.filter((r) => {
    const scope = scopeOf[r.type];
    return scope === null || share.scope.includes(scope);
  });
  if (inScope.length === 0) return;
  const markings = await currentMarkings(trx, app, share);
  const input = sendInput(app, share, share.policy_item, markings);
  const decision = decidePolicy(app, input);
  if (!decision.allowed) {
    await appendAudit(
      trx,
      {
        actorId: null,
        actorAgency: app.config.nodeAgency,
        action: 'policy.blocked',
        recordType: 'case',
        recordId: share.case_id,
        ip: null,
        details: { ...policyAuditDetails(input, decision), peer: share.node_name, share: share.id },
      },
      app.now(),
    );
    return;
  }
  await enqueueMessage(trx, app, share.peer_id, 'case.sync', {
    ref: { originNode: share.origin_node, caseId: share.origin_case_id },
    markings,
    policyItem: share.policy_item,
    records: inScope,
  });
}

/** Wakes the delivery worker once the calling transaction has (very likely) committed; the poll is the backstop. */
function kickSoon(app: AppContext): void {
  for (const delay of [0, 25, 150]) setTimeout(() => federationOf(app).kick(), delay).unref();
}

observeCaseChanges(async (trx, app, change) => {
  const shares = await activeShares(trx, change.caseId);
  if (shares.length === 0) return;
  const record = await stampLocalChange(trx, app, change);
  if (!record) return;
  for (const share of shares) await sendSync(trx, app, share, [record]);
  kickSoon(app);
});

/** A record with every shared field and its stamp (stamping what changed first), or null when gone. */
async function fullRecord(trx: Tx, app: AppContext, change: CaseChange): Promise<SyncRecord | null> {
  await stampLocalChange(trx, app, change);
  const localId = change.record === 'member' ? memberId(change.caseId, change.id) : change.id;
  const m = await trx
    .selectFrom('mirrored_records')
    .selectAll()
    .where('record_type', '=', change.record)
    .where('local_id', '=', localId)
    .executeTakeFirst();
  if (!m || m.deleted_at) return null;
  return { type: change.record as Kind, originNode: m.origin_node, originId: m.origin_id, fields: m.fields };
}

/**
 * Graph changes: entities, their membership and role in a case, links between entities of a case travel
 * with a case shared with scope `entities`, under the same rule (fields by last writer, records by id,
 * removal wins). A link travels when both its ends are in the shared case.
 */
observeGraphChanges(async (trx, app, change) => {
  const byCase = new Map<string, SyncRecord[]>();
  const add = (caseId: string, record: SyncRecord | null) => {
    if (record) byCase.set(caseId, [...(byCase.get(caseId) ?? []), record]);
  };
  const sharedCases = trx
    .selectFrom('case_shares')
    .select('case_id')
    .where('state', '=', 'active')
    .where(sql<boolean>`'entities' = any(scope)`);
  const mappedCases = (type: Kind) =>
    trx
      .selectFrom('mirrored_records')
      .select(['local_id as id', 'case_id'])
      .where('record_type', '=', type)
      .where('local_id', 'in', change.ids)
      .where('deleted_at', 'is', null)
      .where('case_id', 'in', sharedCases)
      .execute();
  if (change.record === 'member') {
    const caseId = change.caseId;
    if (!caseId) return;
    const shared = await sharedCases.where('case_id', '=', caseId).executeTakeFirst();
    if (!shared) return;
    for (const id of change.ids) {
      if (change.deleted)
        add(caseId, await stampLocalChange(trx, app, { caseId, record: 'member', id, deleted: true }));
      else {
        add(caseId, await fullRecord(trx, app, { caseId, record: 'entity', id }));
        add(caseId, await fullRecord(trx, app, { caseId, record: 'member', id }));
      }
    }
  } else if (change.record === 'entity') {
    const placed = change.deleted
      ? await mappedCases('entity')
      : await trx
          .selectFrom('case_entities')
          .select(['entity_id as id', 'case_id'])
          .where('entity_id', 'in', change.ids)
          .where('case_id', 'in', sharedCases)
          .execute();
    const stamped = new Map<string, SyncRecord | null>();
    for (const { id, case_id } of placed) {
      if (!stamped.has(id)) {
        const known = await trx
          .selectFrom('mirrored_records')
          .select('origin_id')
          .where('record_type', '=', 'entity')
          .where('local_id', '=', id)
          .executeTakeFirst();
        const entityChange: CaseChange = { caseId: case_id, record: 'entity', id, deleted: change.deleted };
        // A new entity goes whole, with its membership; a known one with the fields that changed.
        stamped.set(
          id,
          known || change.deleted
            ? await stampLocalChange(trx, app, entityChange)
            : await fullRecord(trx, app, entityChange),
        );
        if (!known && !change.deleted)
          add(case_id, await fullRecord(trx, app, { caseId: case_id, record: 'member', id }));
      }
      add(case_id, stamped.get(id) ?? null);
    }
  } else {
    const placed = change.deleted
      ? await mappedCases('link')
      : await trx
          .selectFrom('links as l')
          .innerJoin('case_entities as a', 'a.entity_id', 'l.source_id')
          .innerJoin('case_entities as b', (j) =>
            j.onRef('b.entity_id', '=', 'l.target_id').onRef('b.case_id', '=', 'a.case_id'),
          )
          .select(['l.id', 'a.case_id'])
          .where('l.id', 'in', change.ids)
          .where('a.case_id', 'in', sharedCases)
          .execute();
    const stamped = new Map<string, SyncRecord | null>();
    for (const { id, case_id } of placed) {
      if (!stamped.has(id))
        stamped.set(
          id,
          await stampLocalChange(trx, app, { caseId: case_id, record: 'link', id, deleted: change.deleted }),
        );
      add(case_id, stamped.get(id) ?? null);
    }
  }
  if (byCase.size === 0) return;
  for (const [caseId, records] of byCase)
    for (const share of await activeShares(trx, caseId)) await sendSync(trx, app, share, records);
  kickSoon(app);
});

export interface ShareCaseInput {
  peer: string;
  scope: ShareScope[];
  markings: {
    legalBasis: { kind: string; reference?: string | undefined };
    purpose: string;
    retainUntil?: string | undefined;
    sourceReliability?: string | undefined;
    informationAccuracy?: string | undefined;
  };
  categories?: string[] | undefined;
}

/**
 * Shares a case with a peer: the case header and the chosen parts go out as one `case.share` message with
 * the markings, after the sender's outbound rules; later edits follow as `case.sync` (see the observer).
 */
export async function shareCase(ctx: Ctx, actor: Actor, caseId: string, input: ShareCaseInput) {
  authorize(actor, 'exchange.send');
  const app = ctx.app;
  const found = await findVisibleCase(app.db, actor, caseId);
  if (!found) throw new LiaisonError('not-found', 'No such case.');
  const peer = await findPeer(app.db, input.peer);
  if (!peer) throw new LiaisonError('invalid-input', `No peer ${input.peer}.`);
  if (peer.status !== 'active')
    throw new LiaisonError('conflict', `The peer ${peer.node_name} is suspended.`);
  const markings = PolicyMarkings.parse({
    ...input.markings,
    originAgency: app.config.nodeAgency,
    tlp: found.tlp,
    handlingCode: found.handling_code,
    ...(found.handling_note && { handlingNote: found.handling_note }),
  });
  const policyItem = PolicyItem.parse({ kind: 'case_share', categories: input.categories ?? [] });
  const policyInput = sendInput(app, peer, policyItem, markings);
  const decision = decidePolicy(app, policyInput);
  if (!decision.allowed) await refuse(ctx, actor, policyInput, decision, 'case');
  const origin = await app.db
    .selectFrom('mirrored_records')
    .select(['origin_node', 'origin_id'])
    .where('record_type', '=', 'case')
    .where('local_id', '=', caseId)
    .executeTakeFirst();
  if (origin && origin.origin_node !== app.config.nodeName)
    throw new LiaisonError(
      'conflict',
      'This case is a mirror of a peer’s case; only its originator shares it.',
    );
  await app.db.transaction().execute(async (trx) => {
    const share = await trx
      .insertInto('case_shares')
      .values({
        case_id: caseId,
        peer_id: peer.id,
        role: 'origin',
        origin_node: app.config.nodeName,
        origin_case_id: caseId,
        scope: input.scope,
        markings: JSON.stringify(markings),
        policy_item: JSON.stringify(policyItem),
        obligations: '[]',
        shared_by: actor.via === 'system' ? null : actor.userId,
        created_at: app.now(),
      })
      .onConflict((oc) =>
        oc.columns(['peer_id', 'origin_node', 'origin_case_id']).doUpdateSet({
          state: 'active',
          scope: input.scope,
          markings: JSON.stringify(markings),
          policy_item: JSON.stringify(policyItem),
          retracted_at: null,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    // The full snapshot: every record with its current stamps (a record never shared before gets them now).
    const records: SyncRecord[] = [];
    const parts: { kind: Kind; id: string }[] = [{ kind: 'case', id: caseId }];
    if (input.scope.includes('entities')) {
      const members = await trx
        .selectFrom('case_entities')
        .select('entity_id')
        .where('case_id', '=', caseId)
        .execute();
      for (const m of members)
        parts.push({ kind: 'entity', id: m.entity_id }, { kind: 'member', id: m.entity_id });
      const ids = members.map((m) => m.entity_id);
      if (ids.length > 0)
        for (const l of await trx
          .selectFrom('links')
          .select('id')
          .where('source_id', 'in', ids)
          .where('target_id', 'in', ids)
          .execute())
          parts.push({ kind: 'link', id: l.id });
    }
    if (input.scope.includes('tasks'))
      for (const t of await trx.selectFrom('case_tasks').select('id').where('case_id', '=', caseId).execute())
        parts.push({ kind: 'task', id: t.id });
    if (input.scope.includes('notes'))
      for (const n of await trx.selectFrom('case_notes').select('id').where('case_id', '=', caseId).execute())
        parts.push({ kind: 'note', id: n.id });
    for (const part of parts) {
      const record = await fullRecord(trx, app, { caseId, record: part.kind, id: part.id });
      if (record) records.push(record);
    }
    const queued = await enqueueMessage(trx, app, peer.id, 'case.share', {
      ref: { originNode: app.config.nodeName, caseId },
      scope: input.scope,
      markings,
      policyItem,
      records,
    });
    await appendAudit(
      trx,
      {
        actorId: actor.via === 'system' ? null : actor.userId,
        actorAgency: actor.agencyCode,
        action: 'case.shared',
        recordType: 'case',
        recordId: caseId,
        ip: ctx.ip,
        purpose: ctx.purpose,
        details: {
          peer: peer.node_name,
          share: share.id,
          scope: input.scope,
          records: records.length,
          messageId: queued.id,
          policy: policyAuditDetails(policyInput, decision),
        },
      },
      app.now(),
    );
  });
  federationOf(app).kick();
  return { caseId, peer: peer.node_name, scope: input.scope, state: 'active' as const };
}

/** The originator withdraws a shared case: the peer removes its mirror (a tombstone stays on both sides). */
export async function retractCaseShare(ctx: Ctx, actor: Actor, caseId: string, peerName: string) {
  authorize(actor, 'exchange.send');
  const app = ctx.app;
  if (!(await findVisibleCase(app.db, actor, caseId))) throw new LiaisonError('not-found', 'No such case.');
  const peer = await findPeer(app.db, peerName);
  if (!peer) throw new LiaisonError('invalid-input', `No peer ${peerName}.`);
  await app.db.transaction().execute(async (trx) => {
    const share = await trx
      .updateTable('case_shares')
      .set({ state: 'retracted', retracted_at: app.now() })
      .where('case_id', '=', caseId)
      .where('peer_id', '=', peer.id)
      .where('role', '=', 'origin')
      .where('state', '=', 'active')
      .returning('id')
      .executeTakeFirst();
    if (!share) throw new LiaisonError('not-found', 'This case is not shared with that peer.');
    await enqueueMessage(trx, app, peer.id, 'case.retract', {
      ref: { originNode: app.config.nodeName, caseId },
    });
    await appendAudit(
      trx,
      {
        actorId: actor.via === 'system' ? null : actor.userId,
        actorAgency: actor.agencyCode,
        action: 'case.share_retracted',
        recordType: 'case',
        recordId: caseId,
        ip: ctx.ip,
        purpose: ctx.purpose,
        details: { peer: peer.node_name, share: share.id },
      },
      app.now(),
    );
  });
  federationOf(app).kick();
}

/** The disabled local account that peer-made records are attributed to (created on first use). */
async function peerUser(trx: Tx, app: AppContext, peer: PeerRow): Promise<string> {
  const email = `${peer.node_name}@peers.liaison.invalid`;
  const found = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (found) return found.id;
  let agency = await trx
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', peer.agency_code)
    .executeTakeFirst();
  agency ??= await trx
    .insertInto('agencies')
    .values({ code: peer.agency_code, name: peer.agency_code, country: peer.country })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await trx
    .insertInto('users')
    .values({
      email,
      display_name: `${peer.agency_code} (${peer.node_name})`,
      agency_id: agency.id,
      roles: [],
      password_hash: '!',
      disabled: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return user.id;
}

function toColumns(kind: Kind, values: Record<string, unknown>, createOnlyToo: boolean) {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    const column = columns[kind][field];
    if (!column || (!createOnlyToo && createOnly.has(field))) continue;
    out[column] =
      kind === 'note' && field === 'body'
        ? sanitiseNoteBody(String(value), (values.format ?? 'plain') as never) || '—'
        : jsonColumns.has(column) && value !== null && value !== undefined
          ? JSON.stringify(value)
          : value;
  }
  return out;
}

/** Inserts a record the peer made (same id as at its origin; the mapping says so). */
async function createLocal(
  trx: Tx,
  app: AppContext,
  peer: PeerRow,
  kind: Kind,
  id: string,
  caseId: string,
  values: Record<string, unknown>,
) {
  const by = await peerUser(trx, app, peer);
  const now = app.now();
  const cols = toColumns(kind, values, true);
  if (kind === 'entity' || kind === 'link') {
    const agency = await trx
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', peer.agency_code)
      .executeTakeFirstOrThrow();
    const common = { id, owner_agency_id: agency.id, created_by: by, created_at: now, updated_at: now };
    if (kind === 'entity')
      await trx
        .insertInto('entities')
        .values({ properties: '{}', caption: '', ...(cols as object), ...common } as never)
        .execute();
    else
      await trx
        .insertInto('links')
        .values({ properties: '{}', ...(cols as object), ...common } as never)
        .execute();
  } else if (kind === 'member') {
    await trx
      .insertInto('case_entities')
      .values({
        role_history: '[]',
        ...(cols as object),
        case_id: caseId,
        added_by: by,
        added_at: now,
      } as never)
      .execute();
  } else if (kind === 'case') {
    const agency = await trx
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', app.config.nodeAgency)
      .executeTakeFirstOrThrow();
    const clash = await trx
      .selectFrom('cases')
      .select('id')
      .where('number', '=', String(cols.number))
      .executeTakeFirst();
    await trx
      .insertInto('cases')
      .values({
        ...(cols as object),
        id,
        number: clash ? `${cols.number}@${peer.node_name}` : String(cols.number),
        owner_agency_id: agency.id,
        lead_agency: String(cols.lead_agency ?? peer.agency_code),
        title: String(cols.title ?? ''),
        language: String(cols.language ?? 'en'),
        crime_types: (cols.crime_types as string[]) ?? [],
        tlp: String(cols.tlp ?? 'AMBER'),
        handling_code: String(cols.handling_code ?? 'H1'),
        created_by: by,
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
  } else if (kind === 'task') {
    await trx
      .insertInto('case_tasks')
      .values({
        title: '',
        ...(cols as object),
        id,
        case_id: caseId,
        created_by: by,
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
  } else {
    const note = await trx
      .insertInto('case_notes')
      .values({
        body: '—',
        format: 'plain',
        language: 'en',
        ...(cols as object),
        id,
        case_id: caseId,
        author_id: by,
        created_at: now,
        updated_at: now,
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_note_revisions')
      .values({
        note_id: id,
        version: note.version,
        body: note.body,
        format: note.format,
        language: note.language,
        edited_by: by,
        edited_at: now,
      })
      .execute();
  }
}

async function updateLocal(
  trx: Tx,
  app: AppContext,
  peer: PeerRow,
  kind: Kind,
  id: string,
  values: Record<string, unknown>,
) {
  const cols = toColumns(kind, values, false);
  if (Object.keys(cols).length === 0) return;
  if (kind === 'member') {
    const [caseId, entityId] = id.split('/');
    await trx
      .updateTable('case_entities')
      .set(cols as never)
      .where('case_id', '=', caseId!)
      .where('entity_id', '=', entityId!)
      .execute();
    return;
  }
  const row = await trx
    .updateTable(tables[kind])
    .set({ ...cols, updated_at: app.now(), version: sql`version + 1` } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (kind === 'note' && row) {
    const note = row as { version: number; body: string; format: string; language: string };
    await trx
      .insertInto('case_note_revisions')
      .values({
        note_id: id,
        version: note.version,
        body: note.body,
        format: note.format,
        language: note.language,
        edited_by: await peerUser(trx, app, peer),
        edited_at: app.now(),
      })
      .execute();
  }
}

/**
 * Merges a peer's records: per field, the higher stamp wins (last writer by hybrid logical clock, then node
 * name); a tombstone removes the record and outlives any later edit of it. Returns what changed here.
 */
async function mergeRecords(
  trx: Tx,
  app: AppContext,
  peer: PeerRow,
  caseId: string,
  records: SyncRecord[],
  events: LiveEvent[],
) {
  const changed: SyncRecord[] = [];
  // Parents first: the case header, so parts of a new mirror find their case; entities before links.
  const ordered = [...records].filter((r) => r.type in columns).sort((a, b) => order[a.type] - order[b.type]);
  for (const rec of ordered) {
    if (!(rec.type in columns) || typeof rec.originId !== 'string') continue;
    for (const s of Object.values(rec.fields ?? {})) hlcObserve(app, s.t);
    if (rec.deleted) hlcObserve(app, rec.deleted);
    const mapping = await trx
      .selectFrom('mirrored_records')
      .selectAll()
      .where('origin_node', '=', rec.originNode)
      .where('origin_id', '=', rec.originId)
      .executeTakeFirst();
    if (mapping?.deleted_at) continue;
    const merged: Stamped = { ...(mapping?.fields ?? {}) };
    const memberEntity = String(merged.entityId?.v ?? rec.fields?.entityId?.v ?? '');
    if (rec.type === 'member' && !memberEntity) continue;
    const localId =
      mapping?.local_id ?? (rec.type === 'member' ? memberId(caseId, memberEntity) : rec.originId);
    // A membership is addressed by its case and entity.
    const rowId = rec.type === 'member' ? `${caseId}/${memberEntity}` : localId;
    const wins: Record<string, unknown> = {};
    if (!rec.deleted)
      for (const [field, s] of Object.entries(rec.fields ?? {})) {
        if (!(field in columns[rec.type])) continue;
        if (merged[field] && merged[field].t >= s.t) continue;
        merged[field] = s;
        wins[field] = s.v;
      }
    if (rec.deleted) {
      if (rec.type === 'case') continue; // a case goes only by retraction
      if (rec.type === 'entity') await dropEntities(trx, [localId]);
      else if (rec.type === 'link') await dropLinks(trx, [localId]);
      else if (rec.type === 'member')
        await trx
          .deleteFrom('case_entities')
          .where('case_id', '=', caseId)
          .where('entity_id', '=', memberEntity)
          .execute();
      else
        await trx
          .deleteFrom(tables[rec.type] as 'case_tasks')
          .where('id', '=', localId)
          .execute();
    } else if (!mapping) {
      const exists =
        rec.type === 'member'
          ? await trx
              .selectFrom('case_entities')
              .select('entity_id as id')
              .where('case_id', '=', caseId)
              .where('entity_id', '=', memberEntity)
              .executeTakeFirst()
          : await trx
              .selectFrom(tables[rec.type] as 'cases')
              .select('id')
              .where('id', '=', localId)
              .executeTakeFirst();
      if (exists) await updateLocal(trx, app, peer, rec.type, rowId, wins);
      else
        await createLocal(
          trx,
          app,
          peer,
          rec.type,
          localId,
          caseId,
          Object.fromEntries(Object.entries(merged).map(([f, s]) => [f, s.v])),
        );
    } else if (Object.keys(wins).length === 0) continue;
    else await updateLocal(trx, app, peer, rec.type, rowId, wins);
    // Entities from a peer are indexed for correlation here like any others (identifiers → hits).
    if (rec.type === 'entity' && !rec.deleted && 'properties' in wins)
      events.push(...(await indexPeerEntity(trx, app, await peerActor(trx, app, peer), localId, caseId)));
    await trx
      .insertInto('mirrored_records')
      .values({
        origin_node: rec.originNode,
        origin_id: rec.originId,
        record_type: rec.type,
        local_id: localId,
        case_id: caseId,
        fields: JSON.stringify(merged),
        deleted_at: rec.deleted ?? null,
        updated_at: app.now(),
      })
      .onConflict((oc) =>
        oc.columns(['origin_node', 'origin_id']).doUpdateSet({
          fields: JSON.stringify(merged),
          deleted_at: rec.deleted ?? null,
          updated_at: app.now(),
        }),
      )
      .execute();
    changed.push(
      rec.deleted
        ? rec
        : { ...rec, fields: Object.fromEntries(Object.keys(wins).map((f) => [f, merged[f]!])) },
    );
  }
  if (changed.length > 0 && ordered.some((r) => r.type !== 'case'))
    await trx.updateTable('cases').set({ updated_at: app.now() }).where('id', '=', caseId).execute();
  return changed;
}

/** The receiving country's inbound rules on a share message; the markings must name the sending agency. */
function receiveCheck(
  input: ApplyInput,
): { ok: true; obligations: Obligation[]; details: unknown } | { ok: false; reason: string } {
  const { app, peer, message } = input;
  const markings = PolicyMarkings.safeParse(message.body.markings);
  const item = PolicyItem.safeParse(message.body.policyItem);
  if (!markings.success || !item.success) return { ok: false, reason: 'malformed markings' };
  if (markings.data.originAgency !== peer.agency_code)
    return {
      ok: false,
      reason: `originating agency ${markings.data.originAgency} is not the sending peer's`,
    };
  const policyInput = {
    action: 'receive' as const,
    sender: { agency: peer.agency_code, country: peer.country },
    recipient: { agency: app.config.nodeAgency, country: app.config.nodeCountry },
    item: item.data,
    markings: markings.data,
    now: app.now().toISOString(),
  };
  const decision = decidePolicy(app, policyInput);
  const details = policyAuditDetails(policyInput, decision);
  if (!decision.allowed) {
    input.audit({
      actorId: null,
      actorAgency: peer.agency_code,
      action: 'policy.blocked',
      recordType: 'case',
      recordId: null,
      ip: null,
      details,
    });
    return { ok: false, reason: decision.explanation };
  }
  return { ok: true, obligations: decision.obligations, details };
}

function refOf(body: Record<string, unknown>): CaseRef | null {
  const ref = body.ref as CaseRef | undefined;
  return ref && typeof ref.originNode === 'string' && typeof ref.caseId === 'string' ? ref : null;
}

function publishAfter(input: ApplyInput, events: LiveEvent[]) {
  if (events.length > 0) input.afterCommit(() => publishAll(systemCtx(input.app), events));
}

/** The peer's disabled local account acting (hits raised by its entities name it). */
async function peerActor(trx: Tx, app: AppContext, peer: PeerRow): Promise<Actor> {
  const userId = await peerUser(trx, app, peer);
  const agency = await trx
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', peer.agency_code)
    .executeTakeFirstOrThrow();
  return { ...systemActor({ id: agency.id, code: peer.agency_code }), userId };
}

function announce(input: ApplyInput, caseId: string, type: string) {
  const { app, peer } = input;
  input.afterCommit(() =>
    app.events.publish({
      type,
      audience: { agencyCodes: [app.config.nodeAgency], permission: 'cases.read' },
      payload: { caseId, peer: peer.node_name },
    }),
  );
}

registerMessageHandler('case.share', async (input): Promise<ApplyOutcome> => {
  const { trx, app, peer, message } = input;
  const ref = refOf(message.body);
  if (!ref || ref.originNode !== peer.node_name)
    return { outcome: 'rejected', reason: 'malformed case share' };
  const check = receiveCheck(input);
  if (!check.ok) return { outcome: 'rejected', reason: check.reason };
  const retention = check.obligations.find(
    (o): o is Extract<Obligation, { kind: 'retain_until' }> => o.kind === 'retain_until',
  );
  const markings = message.body.markings as Record<string, unknown>;
  const values = {
    case_id: ref.caseId,
    peer_id: peer.id,
    role: 'mirror' as const,
    origin_node: ref.originNode,
    origin_case_id: ref.caseId,
    scope: (message.body.scope as string[]) ?? [],
    markings: JSON.stringify(markings),
    policy_item: JSON.stringify(message.body.policyItem),
    obligations: JSON.stringify(check.obligations),
    retain_until: retention?.until ?? (markings.retainUntil as string | undefined) ?? null,
    created_at: app.now(),
  };
  const share = await trx
    .insertInto('case_shares')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['peer_id', 'origin_node', 'origin_case_id']).doUpdateSet({
        state: 'active',
        retracted_at: null,
        scope: values.scope,
        markings: values.markings,
        obligations: values.obligations,
        retain_until: values.retain_until,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  // A re-share after a retraction starts from a clean slate.
  await trx
    .deleteFrom('mirrored_records')
    .where('case_id', '=', ref.caseId)
    .where('deleted_at', 'is not', null)
    .where('record_type', '=', 'case')
    .execute();
  const records = (message.body.records as SyncRecord[]) ?? [];
  const events: LiveEvent[] = [];
  await mergeRecords(trx, app, peer, ref.caseId, records, events);
  publishAfter(input, events);
  input.audit({
    actorId: null,
    actorAgency: peer.agency_code,
    action: 'case.share_received',
    recordType: 'case',
    recordId: ref.caseId,
    ip: null,
    details: {
      peer: peer.node_name,
      share: share.id,
      records: records.length,
      messageId: message.id,
      policy: check.details,
    },
  });
  announce(input, ref.caseId, 'case.shared');
  return { outcome: 'applied' };
});

registerMessageHandler('case.sync', async (input): Promise<ApplyOutcome> => {
  const { trx, app, peer, message } = input;
  const ref = refOf(message.body);
  if (!ref) return { outcome: 'rejected', reason: 'malformed case sync' };
  const share = await trx
    .selectFrom('case_shares')
    .select(['id', 'case_id', 'role', 'state'])
    .where('peer_id', '=', peer.id)
    .where('origin_node', '=', ref.originNode)
    .where('origin_case_id', '=', ref.caseId)
    .executeTakeFirst();
  if (!share) return { outcome: 'rejected', reason: 'no such shared case' };
  // Edits crossing a retraction are dropped: the retraction wins.
  if (share.state !== 'active') return { outcome: 'applied' };
  const check = receiveCheck(input);
  if (!check.ok) return { outcome: 'rejected', reason: check.reason };
  const records = ((message.body.records as SyncRecord[]) ?? []).filter(
    (r) => r.type !== 'case' || r.originId === ref.caseId,
  );
  const events: LiveEvent[] = [];
  const changed = await mergeRecords(trx, app, peer, share.case_id, records, events);
  publishAfter(input, events);
  if (changed.length > 0) {
    input.audit({
      actorId: null,
      actorAgency: peer.agency_code,
      action: 'case.share_synced',
      recordType: 'case',
      recordId: share.case_id,
      ip: null,
      details: {
        peer: peer.node_name,
        records: changed.map((r) => ({
          type: r.type,
          id: r.originId,
          fields: Object.keys(r.fields),
          deleted: Boolean(r.deleted),
        })),
        messageId: message.id,
      },
    });
    // The originator relays what it accepted to the other peers sharing the case.
    if (share.role === 'origin')
      for (const other of await activeShares(trx, share.case_id))
        if (other.peer_id !== peer.id) await sendSync(trx, app, other, changed);
    announce(input, share.case_id, 'case.updated');
  }
  return { outcome: 'applied' };
});

/** Removes a mirror: the case and its parts go; the share and the case's mapping stay as tombstones. */
async function removeMirror(trx: Tx, app: AppContext, caseId: string, state: 'retracted' | 'disposed') {
  // The mirrored graph goes with it: entities that came through this case, then what still cites the case.
  const entities = await trx
    .selectFrom('mirrored_records')
    .select('local_id')
    .where('case_id', '=', caseId)
    .where('record_type', '=', 'entity')
    .execute();
  await dropEntities(
    trx,
    entities.map((e) => e.local_id),
  );
  await trx.deleteFrom('case_entities').where('case_id', '=', caseId).execute();
  await sql`delete from access_requests where case_id = ${caseId} or hit_id in (select id from hits where case_id = ${caseId} or matched_case_id = ${caseId})`.execute(
    trx,
  );
  await sql`delete from hits where case_id = ${caseId} or matched_case_id = ${caseId}`.execute(trx);
  await sql`update identifiers set case_id = null where case_id = ${caseId}`.execute(trx);
  await trx.deleteFrom('cases').where('id', '=', caseId).execute();
  await trx
    .deleteFrom('mirrored_records')
    .where('case_id', '=', caseId)
    .where('record_type', '!=', 'case')
    .execute();
  await trx
    .updateTable('mirrored_records')
    .set({ deleted_at: hlcTick(app), fields: '{}' })
    .where('case_id', '=', caseId)
    .where('record_type', '=', 'case')
    .execute();
  await trx
    .updateTable('case_shares')
    .set({ state, retracted_at: app.now() })
    .where('case_id', '=', caseId)
    .where('role', '=', 'mirror')
    .execute();
}

registerMessageHandler('case.retract', async (input): Promise<ApplyOutcome> => {
  const { trx, app, peer, message } = input;
  const ref = refOf(message.body);
  if (!ref || ref.originNode !== peer.node_name)
    return { outcome: 'rejected', reason: 'only the originator retracts a case' };
  const share = await trx
    .selectFrom('case_shares')
    .select(['case_id', 'state'])
    .where('peer_id', '=', peer.id)
    .where('origin_node', '=', ref.originNode)
    .where('origin_case_id', '=', ref.caseId)
    .where('role', '=', 'mirror')
    .executeTakeFirst();
  if (!share) return { outcome: 'rejected', reason: 'no such shared case' };
  if (share.state === 'active') await removeMirror(trx, app, share.case_id, 'retracted');
  input.audit({
    actorId: null,
    actorAgency: peer.agency_code,
    action: 'case.share_retracted',
    recordType: 'case',
    recordId: share.case_id,
    ip: null,
    details: { peer: peer.node_name, messageId: message.id },
  });
  announce(input, share.case_id, 'case.retracted');
  return { outcome: 'applied' };
});

export { removeMirror };
