import { FugitiveFlagNotice } from '@liaison/core/fugitives/flag-schemas';
import type { PolicyMarkings } from '@liaison/core/policy/context';
import { audit } from '../../audit/audit.ts';
import type { AppContext, Tx } from '../../context.ts';
import { enqueueMessage, type MessageHandler } from '../../federation/outbox.ts';
import { auditNodeRefusal, checkIncoming, decideOutgoing } from '../../policy/decide.ts';
import type { RaisedFlag } from './flag-raise.ts';

// "A fugitive flag raised on the partner's node by a record that came from ours tells our officers too, without
// revealing what the partner may not share." When a person the partner mirrored to us flags here, the partner
// (the person's owner agency) is sent a notice: which of ITS record ids flagged and that a wanted person matched.
// Our fugitive's register reference goes only when our outbound rules let a fugitive record go to that partner;
// never the names, dates, warrant or the explanation.

export const noticeKind = 'fugitive-flag.notice';

function noticeMarkings(app: AppContext, tlp: string, handlingCode: string): PolicyMarkings {
  return {
    originAgency: app.config.nodeAgency,
    handlingCode: handlingCode as PolicyMarkings['handlingCode'],
    tlp: tlp as PolicyMarkings['tlp'],
    legalBasis: { kind: 'police_cooperation' },
    purpose: 'fugitive flag: a record you shared matched a wanted person',
    sourceReliability: 'B',
    informationAccuracy: '2',
  };
}

/** Queues, in the flagging transaction, a notice to the peer each flagged mirrored person came from. */
export async function noticeOriginOfPeerFlags(
  trx: Tx,
  app: AppContext,
  flags: readonly RaisedFlag[],
): Promise<void> {
  const entityIds = [...new Set(flags.map((f) => f.subject.id))];
  const owners = await trx
    .selectFrom('entities')
    .innerJoin('agencies', 'agencies.id', 'entities.owner_agency_id')
    .innerJoin('peers', 'peers.agency_code', 'agencies.code')
    .select([
      'entities.id',
      'peers.id as peer_id',
      'peers.node_name',
      'peers.agency_code',
      'peers.country',
      'peers.status',
    ])
    .where('entities.id', 'in', entityIds)
    .execute();
  const fugitives = await trx
    .selectFrom('fugitives')
    .select(['id', 'reference', 'tlp', 'handling_code'])
    .where('id', 'in', [...new Set(flags.map((f) => f.fugitiveId))])
    .execute();
  const fugitiveOf = new Map(fugitives.map((f) => [f.id, f]));
  for (const flag of flags) {
    const owner = owners.find((o) => o.id === flag.subject.id);
    const fugitive = fugitiveOf.get(flag.fugitiveId);
    if (owner?.status !== 'active' || !fugitive) continue;
    const peer = { agency_code: owner.agency_code, country: owner.country };
    const markings = noticeMarkings(app, fugitive.tlp, fugitive.handling_code);
    const notice = decideOutgoing(app, { peer, item: { kind: 'notification', categories: [] }, markings });
    if (!notice.allowed) {
      await auditNodeRefusal(trx, app, notice, { recordType: 'fugitive_flag', recordId: flag.id });
      continue;
    }
    // The reference is the fugitive record itself travelling: judged as one (a criminal record).
    const reference = decideOutgoing(app, {
      peer,
      item: { kind: 'fugitive', categories: ['criminal_record'] },
      markings,
    });
    const body: FugitiveFlagNotice = {
      flagId: flag.id,
      recordIds: [flag.subject.id],
      caseId: flag.subject.caseId,
      raisedAt: app.now().toISOString(),
      fugitiveReference: reference.allowed ? fugitive.reference : null,
    };
    await enqueueMessage(trx, app, owner.peer_id, noticeKind, body);
    await audit(
      { app, ip: null, trx },
      { actorId: null, actorAgency: app.config.nodeAgency },
      'fugitive.flag.notice.sent',
      { type: 'fugitive_flag', id: flag.id },
      { peer: owner.node_name, recordIds: body.recordIds, referenceShared: body.fugitiveReference !== null },
    );
  }
}

/** The partner tells us one of our records flagged there: kept, audited, shown live to our alert users. */
export const applyFlagNotice: MessageHandler = async ({
  trx,
  app,
  peer,
  message,
  afterCommit,
  audit: log,
}) => {
  const parsed = FugitiveFlagNotice.safeParse(message.body);
  if (!parsed.success) return { outcome: 'rejected', reason: 'malformed fugitive flag notice' };
  const check = checkIncoming(
    app,
    peer,
    {
      // The notice carries no data of ours; it is judged as the partner's notification about our own records.
      markings: { ...noticeMarkings(app, 'AMBER', 'H1'), originAgency: peer.agency_code },
      policyItem: { kind: 'notification', categories: [] },
    },
    log,
    { recordType: 'fugitive_flag_notice', recordId: parsed.data.flagId },
  );
  if (!check.allowed) return { outcome: 'rejected', reason: check.reason };
  const notice = parsed.data;
  const row = await trx
    .insertInto('fugitive_flag_notices')
    .values({
      peer_id: peer.id,
      peer_flag_id: notice.flagId,
      record_ids: notice.recordIds,
      case_id: notice.caseId,
      fugitive_reference: notice.fugitiveReference,
      received_at: app.now(),
    })
    .onConflict((oc) => oc.columns(['peer_id', 'peer_flag_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return { outcome: 'applied' }; // told twice: kept once
  log({
    actorId: null,
    actorAgency: peer.agency_code,
    action: 'fugitive.flag.notice.received',
    recordType: 'fugitive_flag_notice',
    recordId: row.id,
    ip: null,
    details: { peer: peer.node_name, recordIds: notice.recordIds, messageId: message.id },
  });
  afterCommit(() =>
    app.events.publish({
      type: 'fugitive.flag.notice',
      audience: { permission: 'fugitives.alerts' },
      payload: { noticeId: row.id, peer: peer.node_name },
    }),
  );
  return { outcome: 'applied' };
};
