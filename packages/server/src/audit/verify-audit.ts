import type { ChainBreak } from '@liaison/core';
import type { AppContext } from '../context.ts';
import type { Job } from '../jobs/job.ts';
import { type AuditCheckpoint, type ChainWalkOptions, verifyAuditChain } from './audit-repository.ts';
import {
  checkpointsBetween,
  isGenuineCheckpoint,
  latestCheckpoints,
  signCheckpoint,
  storeCheckpoint,
} from './checkpoints.ts';

export interface AuditVerificationResult {
  checked: number;
  break: ChainBreak | null;
  /** The latest genuine checkpoint the log was held against. */
  checkpoint: AuditCheckpoint | null;
}

/**
 * Checks the whole log in order against its checkpoints: the first entry whose number, link or hash is wrong,
 * or that differs from a genuine checkpoint; then a forged latest checkpoint; then a log that ends before its
 * latest checkpoint (truncated). An intact log gets a checkpoint of the head just checked.
 */
export async function verifyAudit(app: AppContext): Promise<AuditVerificationResult> {
  // Read before walking: a checkpoint signed meanwhile may cover entries appended after the walk ended.
  const latest = await judged(app, await latestCheckpoints(app));
  const walk = await verifyAuditChain(app.db, { checkpoints: checkpointJudge(app, latest) });
  const head = latestGenuine(latest);
  if (walk.break) return { checked: walk.checked, break: walk.break, checkpoint: head };
  const forged = latest.find((l) => !l.genuine)?.checkpoint;
  if (forged)
    return {
      checked: walk.checked,
      break: { seq: forged.seq, reason: 'bad-checkpoint', source: forged.source },
      checkpoint: head,
    };
  const lastSeq = BigInt(walk.last?.seq ?? '0');
  if (head && BigInt(head.seq) > lastSeq)
    return {
      checked: walk.checked,
      break: { seq: String(lastSeq + 1n), reason: 'truncated', source: head.source },
      checkpoint: head,
    };
  const signed = walk.last ? await checkpointOnce(app, walk.last, head) : head;
  return { checked: walk.checked, break: null, checkpoint: signed };
}

/**
 * Signs the head after checking only the entries since the latest checkpoint. Signs nothing when the log does
 * not extend that checkpoint (or a latest checkpoint is forged): that is logged, and `liaison audit verify` says
 * where it breaks.
 */
export async function checkpointAuditHead(app: AppContext): Promise<AuditCheckpoint | null> {
  const latest = await judged(app, await latestCheckpoints(app));
  const head = latestGenuine(latest);
  if (latest.some((l) => !l.genuine)) return refuse(app, 'a latest checkpoint is not signed by this node');
  const top = await app.db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!top) return head ? refuse(app, 'the log is empty but has a checkpoint') : null;
  // Walk from the checkpointed entry itself, so a change to its content shows too.
  let from: { seq: string; hash: string } | undefined;
  if (head) {
    const base = await app.db
      .selectFrom('audit_log')
      .select(['hash', 'prev_hash'])
      .where('seq', '=', head.seq)
      .executeTakeFirst();
    if (!base) return refuse(app, `the log ends before checkpoint ${head.seq}`);
    if (base.hash !== head.hash) return refuse(app, `entry ${head.seq} differs from its checkpoint`);
    from = { seq: String(BigInt(head.seq) - 1n), hash: base.prev_hash };
  }
  const walk = await verifyAuditChain(app.db, {
    ...(from && { from }),
    through: String(top.seq),
    checkpoints: checkpointJudge(app, latest),
  });
  if (walk.break) return refuse(app, `entry ${walk.break.seq}: ${walk.break.reason}`);
  return checkpointOnce(app, walk.last!, head);
}

/** Checkpoints the head every `auditCheckpointMs` from the node's start (audit/manifest.ts). */
export const auditCheckpointsJob: Job = {
  name: 'audit.checkpoints',
  phase: 'node',
  everyMs: (app) => app.config.auditCheckpointMs,
  run: async (app) => {
    await checkpointAuditHead(app);
  },
};

interface Judged {
  checkpoint: AuditCheckpoint;
  genuine: boolean;
}

async function judged(app: AppContext, checkpoints: AuditCheckpoint[]): Promise<Judged[]> {
  return Promise.all(
    checkpoints.map(async (checkpoint) => ({
      checkpoint,
      genuine: await isGenuineCheckpoint(app, checkpoint),
    })),
  );
}

function latestGenuine(latest: Judged[]): AuditCheckpoint | null {
  let head: AuditCheckpoint | null = null;
  for (const { checkpoint, genuine } of latest)
    if (genuine && (!head || BigInt(checkpoint.seq) > BigInt(head.seq))) head = checkpoint;
  return head;
}

function checkpointJudge(app: AppContext, latest: Judged[]): ChainWalkOptions['checkpoints'] {
  const file = latest.find((l) => l.checkpoint.source === 'file')?.checkpoint;
  return {
    between: (fromSeq, toSeq) => checkpointsBetween(app.db, file, fromSeq, toSeq),
    isGenuine: (checkpoint) => isGenuineCheckpoint(app, checkpoint),
  };
}

/** Signs and keeps the head unless the latest checkpoint is already of it (then only fills in a missing file). */
async function checkpointOnce(
  app: AppContext,
  last: { seq: string; hash: string },
  head: AuditCheckpoint | null,
): Promise<AuditCheckpoint> {
  const checkpoint = head?.seq === last.seq ? head : await signCheckpoint(app, last);
  await storeCheckpoint(app, checkpoint);
  return checkpoint;
}

function refuse(app: AppContext, why: string): null {
  app.log.error(`audit checkpoint not signed: ${why}; run "liaison audit verify"`);
  return null;
}
