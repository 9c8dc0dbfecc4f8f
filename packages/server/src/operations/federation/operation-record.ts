import type { TeamInput } from '@liaison/core/operations/schemas';
import { sql } from 'kysely';
import {
  columnsFromFields,
  fieldsFromRow,
  type RecordPurge,
  type SharedFields,
  type SharedRecordKind,
} from '../../changes/shared-record-kind.ts';
import type { Db, Tx } from '../../context.ts';
import { readOperation } from '../operations-service.ts';

// A joint operation travels to the partner in a case shared with the `operations` part (the operations whose
// `case_ids` hold the case), and as an exchange item. Its plan goes as it is here, under the markings of the
// share; its targets and intelligence only where the sender's rules let them (an operation not yet ended, only
// under TLP:AMBER+STRICT or higher: KR-OUT-009, KH-OUT-002). Local ids (this node's users, units, compounds)
// stay here. Decisions, the log and the outcome tally are not part of the wire record.

const columns = {
  reference: 'reference',
  codeName: 'code_name',
  objective: 'objective',
  status: 'status',
  statusChangedAt: 'status_changed_at',
  ownerAgency: 'owner_agency',
  leadAgency: 'lead_agency',
  partnerAgency: 'partner_agency',
  crimeTypes: 'crime_types',
  intelligence: 'intelligence',
  legalAuthority: 'legal_authority',
  briefingAt: 'briefing_at',
  plannedStart: 'planned_start',
  plannedEnd: 'planned_end',
  risks: 'risks',
  tlp: 'tlp',
  handlingCode: 'handling_code',
  handlingNote: 'handling_note',
  startedAt: 'started_at',
  completedAt: 'completed_at',
  outcomeSummary: 'outcome_summary',
} as const;
const jsonColumns = new Set(['intelligence', 'legal_authority', 'risks', 'teams']);

/** A target on the wire: what it is and where, without this node's ids. */
interface WireTarget {
  kind: string;
  label: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  note: string;
}
/** A team on the wire: the agency's unit by name, its role, head count and contact; no accounts. */
type WireTeam = Pick<TeamInput, 'agencyCode' | 'name' | 'role' | 'headcount' | 'contact'>;

const ended = new Set(['completed', 'cancelled', 'no_go']);

async function readWire(db: Db, id: string): Promise<SharedFields | null> {
  const row = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const targets = await db
    .selectFrom('operation_targets')
    .select(['kind', 'label', 'address', 'lat', 'lon', 'note'])
    .where('operation_id', '=', id)
    .orderBy('position')
    .execute();
  const teams = (row.teams as TeamInput[]).map(
    (t): WireTeam => ({
      agencyCode: t.agencyCode,
      name: t.name,
      role: t.role,
      headcount: t.headcount,
      ...(t.contact !== undefined && { contact: t.contact }),
    }),
  );
  return { ...fieldsFromRow(columns, row), teams, targets: targets satisfies WireTarget[] };
}

async function writeTargets(trx: Tx, operationId: string, targets: unknown) {
  await trx.deleteFrom('operation_targets').where('operation_id', '=', operationId).execute();
  const rows = (Array.isArray(targets) ? (targets as WireTarget[]) : []).slice(0, 50);
  if (rows.length === 0) return;
  await trx
    .insertInto('operation_targets')
    .values(
      rows.map((t, position) => ({
        operation_id: operationId,
        position,
        // A compound of the partner's register is not in ours: it arrives as what it is called and where.
        kind: t.kind === 'person' ? 'person' : 'address',
        label: String(t.label ?? ''),
        address: t.kind === 'person' ? null : (t.address ?? t.label ?? null),
        lat: typeof t.lat === 'number' ? t.lat : null,
        lon: typeof t.lon === 'number' ? t.lon : null,
        note: String(t.note ?? ''),
      })),
    )
    .execute();
}

/** The operation's columns from the fields that won; a partner's team names no officer of this node. */
const columnsOf = (fields: SharedFields) => {
  const cols = columnsFromFields(columns, fields, jsonColumns);
  if ('teams' in fields)
    cols.teams = JSON.stringify(
      (Array.isArray(fields.teams) ? (fields.teams as WireTeam[]) : []).map((t) => ({
        ...t,
        officerIds: [],
      })),
    );
  return cols;
};

export const operationRecord: SharedRecordKind = {
  kind: 'operation',
  scope: 'operations',
  // After the case header, its entities and parts.
  order: 12,
  fields: [...Object.keys(columns), 'teams', 'targets'],
  createOnly: new Set(['reference', 'ownerAgency']),
  guards: [
    {
      name: 'targets and intelligence',
      fields: ['targets', 'intelligence'],
      item: (fields) => ({
        kind: 'operation',
        categories: ['location'],
        ongoingOperation: !ended.has(String(fields.status ?? 'planning')),
      }),
    },
  ],
  async readForExchange(ctx, actor, id) {
    await readOperation(ctx, actor, id); // the permission and visibility check (404 otherwise)
    const fields = await readWire(ctx.app.db, id);
    if (!fields) throw new Error(`operation ${id} vanished`);
    return fields;
  },
  async listInCase(trx, caseId) {
    const rows = await trx
      .selectFrom('operations')
      .select('id')
      .where(sql<boolean>`${caseId}::uuid = any(case_ids)`)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  },
  read: (trx, ref) => readWire(trx, ref.id),
  async exists(trx, ref) {
    return Boolean(
      await trx.selectFrom('operations').select('id').where('id', '=', ref.id).executeTakeFirst(),
    );
  },
  async create(trx, app, peer, ref, fields) {
    const cols = columnsOf(fields);
    const reference = String(cols.reference ?? '');
    const clash = await trx
      .selectFrom('operations')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    const now = app.now();
    await trx
      .insertInto('operations')
      .values({
        code_name: '',
        objective: '',
        lead_agency: peer.agencyCode,
        partner_agency: app.config.nodeAgency,
        crime_types: [],
        intelligence: '{}',
        planned_start: now,
        planned_end: new Date(now.getTime() + 3_600_000),
        tlp: 'AMBER',
        handling_code: 'H1',
        status_changed_at: now,
        ...(cols as object),
        id: ref.id,
        reference: clash ? `${reference}@${peer.nodeName}` : reference,
        owner_agency: String(cols.owner_agency ?? peer.agencyCode),
        case_ids: [ref.caseId],
        created_by: await peer.userId(),
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    await writeTargets(trx, ref.id, fields.targets);
    return [];
  },
  async update(trx, app, _peer, ref, fields) {
    await trx
      .updateTable('operations')
      .set({
        ...columnsOf(fields),
        // The case it arrived in (an operation shared in two cases is placed in both).
        case_ids: sql`case when ${ref.caseId}::uuid = any(case_ids) then case_ids
          else array_append(case_ids, ${ref.caseId}::uuid) end`,
        updated_at: app.now(),
        version: sql`version + 1`,
      } as never)
      .where('id', '=', ref.id)
      .execute();
    if ('targets' in fields) await writeTargets(trx, ref.id, fields.targets);
    return [];
  },
  async remove(trx, _app, ref) {
    await removeMirroredOperation(trx, ref.id);
  },
  async placedIn(trx, ids, caseIds) {
    const rows = await trx
      .selectFrom('operations')
      .select(['id', 'case_ids'])
      .where('id', 'in', ids)
      .execute();
    return rows.flatMap((r) =>
      (r.case_ids as string[]).filter((c) => caseIds.includes(c)).map((caseId) => ({ id: r.id, caseId })),
    );
  },
};

/** A partner's operation goes (removed there, or its mirror retracted): its rows here with it (cascading). */
async function removeMirroredOperation(trx: Tx, id: string) {
  await trx.deleteFrom('operations').where('id', '=', id).execute();
}

/**
 * A removed mirror (retracted, or past its retention): the partner's operations placed only in it go; any
 * other operation placed in it (ours, or the partner's also placed in another case) only loses the case.
 */
export const operationsPurge: RecordPurge = {
  owner: 'operations',
  before: ['cases', 'graph'],
  async purgeCase(trx, app, caseId) {
    await trx
      .deleteFrom('operations')
      .where(sql<boolean>`case_ids = array[${caseId}::uuid]`)
      .where('owner_agency', '<>', app.config.nodeAgency)
      .execute();
    await trx
      .updateTable('operations')
      .set({ case_ids: sql`array_remove(case_ids, ${caseId}::uuid)` })
      .where(sql<boolean>`${caseId}::uuid = any(case_ids)`)
      .execute();
  },
};
