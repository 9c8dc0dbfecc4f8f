import { createHash } from 'node:crypto';
import type { Kind, ShareScope } from './types.ts';

// What each record kind shares: wire field → column, and how kinds are stored and ordered.

/** Field name on the wire → column. `number` and `leadAgency` travel but are set once, at creation. */
export const columns: Record<Kind, Record<string, string>> = {
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
  // An attachment's metadata; its content is pulled by the receiving node (../attachment-files.ts).
  attachment: { filename: 'filename', mediaType: 'media_type', sizeBytes: 'size_bytes', sha256: 'sha256' },
};
export const createOnly = new Set([
  'number',
  'leadAgency',
  'type',
  'sourceId',
  'targetId',
  'entityId',
  // Attachments are immutable: content-addressed, no rename.
  'filename',
  'mediaType',
  'sizeBytes',
  'sha256',
]);
export const jsonColumns = new Set(['properties', 'markings', 'role_history']);
export const tables = {
  case: 'cases',
  task: 'case_tasks',
  note: 'case_notes',
  entity: 'entities',
  member: 'case_entities',
  link: 'links',
  attachment: 'case_attachments',
} as const;
export const scopeOf: Record<Kind, ShareScope | null> = {
  case: null,
  task: 'tasks',
  note: 'notes',
  entity: 'entities',
  member: 'entities',
  link: 'entities',
  attachment: 'attachments',
};
/** Merge order: a record's parents first (the case, then entities, their membership, links between them). */
export const order: Record<Kind, number> = {
  case: 0,
  entity: 1,
  member: 2,
  link: 3,
  task: 4,
  note: 5,
  attachment: 6,
};

/** A case membership has no id of its own: a stable one from the case and the entity. */
export function memberId(caseId: string, entityId: string): string {
  const h = createHash('sha256').update(`member:${caseId}:${entityId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
