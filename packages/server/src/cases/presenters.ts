import type {
  Attachment,
  Case,
  CaseView,
  Note,
  NoteRevision,
  Task,
  TimelineEvent,
} from '@liaison/core/cases/index';
import type { Selectable } from 'kysely';
import type { CaseTables } from './tables.ts';

export type CaseRow = Selectable<CaseTables['cases']> & { owner_agency: string };

export function presentCase(row: CaseRow): CaseView {
  return {
    id: row.id,
    number: row.number,
    ownerAgency: row.owner_agency,
    leadAgency: row.lead_agency,
    title: row.title,
    summary: row.summary,
    language: row.language as Case['language'],
    crimeTypes: row.crime_types as Case['crimeTypes'],
    status: row.status as Case['status'],
    closeReason: row.close_reason as Case['closeReason'],
    priority: row.priority as Case['priority'],
    participatingUnitIds: row.participating_unit_ids,
    assignedOfficerIds: row.assigned_officer_ids,
    markings: {
      tlp: row.tlp as Case['markings']['tlp'],
      handlingCode: row.handling_code as Case['markings']['handlingCode'],
      ...(row.handling_note !== null && { handlingNote: row.handling_note }),
    },
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

type TaskRow = Omit<Selectable<CaseTables['case_tasks']>, 'due_date'> & { due_date: string | null };

export function presentTask(row: TaskRow): Task {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    ...(row.description !== null && { description: row.description }),
    assigneeId: row.assignee_id,
    dueDate: row.due_date,
    status: row.status as Task['status'],
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    version: row.version,
  };
}

/** A note's text as written: the same in the note and in each of its revisions. */
function noteText(row: {
  body: string;
  format: string;
  language: string;
}): Pick<Note, 'body' | 'format' | 'language'> {
  return { body: row.body, format: row.format as Note['format'], language: row.language as Note['language'] };
}

export function presentNote(row: Selectable<CaseTables['case_notes']>): Note {
  return {
    id: row.id,
    caseId: row.case_id,
    ...noteText(row),
    authorId: row.author_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentRevision(row: Selectable<CaseTables['case_note_revisions']>): NoteRevision {
  return {
    noteId: row.note_id,
    version: row.version,
    ...noteText(row),
    editedBy: row.edited_by,
    editedAt: row.edited_at.toISOString(),
  };
}

export function presentAttachment(row: Selectable<CaseTables['case_attachments']>): Attachment {
  return {
    id: row.id,
    caseId: row.case_id,
    filename: row.filename,
    mediaType: row.media_type as Attachment['mediaType'],
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

export function presentTimelineEvent(row: Selectable<CaseTables['case_timeline_events']>): TimelineEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    occurredAt: row.occurred_at_local,
    kind: row.kind as TimelineEvent['kind'],
    text: row.text,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
  };
}
