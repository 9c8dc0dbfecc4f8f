import { seenFlagKeys } from '@liaison/core/fugitives/flag-keys';
import { type FlagExplanation, matchWanted, type SeenPerson } from '@liaison/core/fugitives/flag-match';
import type { FlagSource } from '@liaison/core/fugitives/flag-schemas';
import { sql } from 'kysely';
import { audit } from '../../audit/audit.ts';
import type { AppContext, Tx } from '../../context.ts';
import { eventChannel } from '../../events/pg-event-bus.ts';
import { candidatesByKeys, syncWantedIndex } from './wanted-index.ts';

/** Someone seen, as the flag matches them: a graph person or a rescue case's reported person. */
export interface FlagSubject {
  kind: 'entity' | 'rescue_case';
  id: string;
  /** What an alert user is shown for it (the entity's caption, the rescue case's reference). */
  label: string;
  caseId: string | null;
  seen: SeenPerson;
}

export interface RaisedFlag {
  id: string;
  fugitiveId: string;
  subject: FlagSubject;
  explanation: FlagExplanation;
}

export const flagLiveEvent = 'fugitive.flag';

/**
 * Matches `subjects` against the wanted persons and raises a flag for each new person–fugitive pair, in the
 * caller's transaction: the flag, its audit entry and its live notification commit or roll back with the write
 * that made the person appear. A pair flagged before (open, dismissed or confirmed) is never flagged again.
 * Cost on the write path: one indexed look at changed fugitives, one indexed key lookup, scoring a few candidates.
 */
export async function raiseFlags(
  trx: Tx,
  app: AppContext,
  source: FlagSource,
  subjects: readonly FlagSubject[],
): Promise<RaisedFlag[]> {
  if (subjects.length === 0) return [];
  await syncWantedIndex(trx);
  const found: RaisedFlag[] = [];
  for (const subject of subjects) {
    if (subject.seen.names.length === 0 && (subject.seen.passportNumbers ?? []).length === 0) continue;
    const candidates = await candidatesByKeys(trx, seenFlagKeys(subject.seen));
    for (const wanted of candidates) {
      const explanation = matchWanted(subject.seen, wanted);
      if (explanation) found.push({ id: '', fugitiveId: wanted.id, subject, explanation });
    }
  }
  if (found.length === 0) return [];
  const now = app.now();
  const inserted = await trx
    .insertInto('fugitive_flags')
    .values(
      found.map((f) => ({
        fugitive_id: f.fugitiveId,
        subject_kind: f.subject.kind,
        subject_id: f.subject.id,
        source,
        case_id: f.subject.caseId,
        label: f.subject.label,
        explanation: JSON.stringify(f.explanation),
        raised_at: now,
      })),
    )
    // Remembered: the same person and fugitive never flag twice, whatever became of the first flag.
    .onConflict((oc) => oc.columns(['subject_kind', 'subject_id', 'fugitive_id']).doNothing())
    .returning(['id', 'fugitive_id', 'subject_kind', 'subject_id'])
    .execute();
  const raised = inserted.map((row) => ({
    ...found.find(
      (f) =>
        f.fugitiveId === row.fugitive_id &&
        f.subject.id === row.subject_id &&
        f.subject.kind === row.subject_kind,
    )!,
    id: row.id,
  }));
  for (const flag of raised) {
    await audit(
      { app, ip: null, trx },
      { actorId: null, actorAgency: app.config.nodeAgency },
      'fugitive.flag.raised',
      { type: 'fugitive_flag', id: flag.id },
      {
        fugitiveId: flag.fugitiveId,
        subject: { kind: flag.subject.kind, id: flag.subject.id },
        source,
        name: Boolean(flag.explanation.name),
        birthDate: flag.explanation.birthDate?.agreement ?? null,
        passport: Boolean(flag.explanation.passport),
      },
    );
    // NOTIFY inside the transaction is delivered when it commits and dropped when it rolls back; every process
    // of the node listens (events/pg-event-bus.ts). Ids only: the explanation is read through the route.
    await sql`select pg_notify(${eventChannel}, ${JSON.stringify({
      type: flagLiveEvent,
      audience: { permission: 'fugitives.alerts' },
      payload: { flagId: flag.id, fugitiveId: flag.fugitiveId, source },
    })})`.execute(trx);
  }
  return raised;
}
