import type { ExchangeItem } from '@liaison/core/exchange/schemas';
import type { Selectable } from 'kysely';
import type { Database } from '../db/tables.ts';

type Row = Selectable<Database['exchange_items']> & {
  node_name: string;
  agency_code: string;
  replied?: unknown;
};

export function presentItem(row: Row, now: Date): ExchangeItem {
  const attachments = (
    row.attachments as { filename: string; mediaType: string; contentBase64?: string }[]
  ).map((a) => ({
    filename: a.filename,
    mediaType: a.mediaType,
    size: Math.floor(((a.contentBase64?.length ?? 0) * 3) / 4),
  }));
  return {
    id: row.id,
    peer: row.node_name,
    peerAgency: row.agency_code,
    direction: row.direction,
    kind: row.kind,
    threadId: row.thread_id,
    inReplyTo: row.in_reply_to,
    subject: row.subject,
    body: row.body,
    priority: row.priority,
    deadline: row.deadline?.toISOString() ?? null,
    overdue: row.kind === 'request' && row.deadline !== null && row.deadline < now && !row.replied,
    questions: row.questions,
    translations: row.translations,
    identifiers: row.identifiers,
    attachments,
    records: row.records as ExchangeItem['records'],
    markings: row.markings,
    hitReference: row.hit_reference,
    author: row.author_name,
    authorAgency: row.author_agency,
    createdAt: row.created_at.toISOString(),
    deliveryState: row.delivery_state,
    deliveryError: row.delivery_error,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    readAt: row.read_at?.toISOString() ?? null,
    obligations: row.obligations,
    retainUntil: row.retain_until,
  };
}
