import type {
  Arrest,
  Decision,
  LogEntry,
  Rescue,
  Seizure,
  SeizureCategory,
  Target,
  TargetKind,
} from '@liaison/core/operations/schemas';
import type { Selectable } from 'kysely';
import type { OperationTables } from './tables.ts';

// Rows → the API's shapes (core/operations/schemas.ts). Names of people come from accounts, looked up by the reader.

type Row<T extends keyof OperationTables> = Selectable<OperationTables[T]>;
export type OperationRow = Row<'operations'>;

const iso = (d: Date) => d.toISOString();

export function presentTarget(
  r: Row<'operation_targets'>,
  compound: { province: string; status: string } | undefined,
): Target {
  return {
    id: r.id,
    kind: r.kind as TargetKind,
    compoundId: r.compound_id,
    entityId: r.entity_id,
    fugitiveId: r.fugitive_id,
    label: r.label,
    address: r.address,
    province: compound?.province ?? null,
    lat: r.lat,
    lon: r.lon,
    compoundStatus: compound?.status ?? null,
    note: r.note,
  };
}

export function presentDecision(r: Row<'operation_decisions'>, names: Map<string, string>): Decision {
  return {
    id: r.id,
    decision: r.decision as Decision['decision'],
    reason: r.reason,
    decidedBy: r.decided_by,
    decidedByName: names.get(r.decided_by) ?? '',
    decidedAt: iso(r.decided_at),
  };
}

export interface LogLinks {
  arrests: Map<string, string>;
  rescues: Map<string, string>;
  seizures: Map<string, string>;
}

export function presentLogEntry(
  r: Row<'operation_log'>,
  names: Map<string, string>,
  links: LogLinks,
): LogEntry {
  return {
    id: r.id,
    operationId: r.operation_id,
    seq: r.seq,
    kind: r.kind as LogEntry['kind'],
    at: iso(r.at),
    recordedAt: iso(r.recorded_at),
    authorId: r.author_id,
    authorName: r.author_id ? (names.get(r.author_id) ?? '') : '',
    authorAgency: r.author_agency,
    text: r.text,
    lat: r.lat,
    lon: r.lon,
    arrestId: links.arrests.get(r.id) ?? null,
    rescueId: links.rescues.get(r.id) ?? null,
    seizureId: links.seizures.get(r.id) ?? null,
  };
}

export function presentArrest(r: Row<'operation_arrests'>): Arrest {
  return {
    id: r.id,
    operationId: r.operation_id,
    personEntityId: r.person_entity_id,
    fugitiveId: r.fugitive_id,
    name: r.name,
    nationality: r.nationality,
    birthDate: r.birth_date,
    arrestingAgency: r.arresting_agency,
    crimeType: r.crime_type as Arrest['crimeType'],
    arrestedAt: iso(r.arrested_at),
    note: r.note,
  };
}

export function presentRescue(r: Row<'operation_rescues'>, reference: string): Rescue {
  return {
    id: r.id,
    operationId: r.operation_id,
    rescueCaseId: r.rescue_case_id,
    rescueCaseReference: reference,
    name: r.name,
    nationality: r.nationality,
    rescuedAt: iso(r.rescued_at),
    note: r.note,
  };
}

export function presentSeizure(r: Row<'operation_seizures'>): Seizure {
  return {
    id: r.id,
    operationId: r.operation_id,
    category: r.category as SeizureCategory,
    description: r.description,
    place: r.place,
    quantity: Number(r.quantity),
    unit: r.unit,
    drugType: r.drug_type,
    weaponType: r.weapon_type,
    currency: r.currency,
    asset: r.asset,
    wallet: r.wallet,
    plate: r.plate,
    seizedAt: iso(r.seized_at),
    seizedBy: r.seized_by,
    evidenceItemId: r.evidence_item_id,
  };
}
