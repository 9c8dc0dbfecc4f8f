import { randomBytes, timingSafeEqual } from 'node:crypto';
import { LiaisonError, type PublicPrincipal } from '@liaison/core';
import type {
  PublicReportFile,
  PublicReportFiled,
  PublicReportInput,
  PublicReportStatus,
} from '@liaison/core/rescue/index';
import { sha256Hex } from '../accounts/secrets.ts';
import { audit, withAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { publishAll } from '../correlation/correlate.ts';
import { recordCaseEvent } from '../rescue/case-events.ts';
import { checkUpload, filesPerReportLimit, type RescueFileKind, storeFile } from '../rescue/files-service.ts';
import { fileReport } from '../rescue/intake-service.ts';

/** The public form's principal: unidentified, in the node's agency, allowed only the public report path. */
async function publicActor(ctx: Ctx): Promise<PublicPrincipal> {
  const agency = await ctx.app.db
    .selectFrom('agencies')
    .select(['id', 'code'])
    .where('code', '=', ctx.app.config.nodeAgency)
    .executeTakeFirst();
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    agencyId: agency?.id ?? '00000000-0000-0000-0000-000000000000',
    agencyCode: agency?.code ?? ctx.app.config.nodeAgency,
    unitId: null,
    roles: [],
    email: 'public-form',
    displayName: 'Public report form',
    via: 'public',
    path: 'public-report',
  };
}

// Crockford base32 without look-alikes: easy to read out over the phone.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function newPublicReference(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return `LR-${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
}

export async function auditPublic(
  ctx: Ctx,
  action: string,
  details: Record<string, unknown> = {},
  recordId: string | null = null,
) {
  await withAudit(ctx.app.db, (trx) =>
    audit(
      { ...ctx, trx },
      { actorId: null, actorAgency: null },
      action,
      { type: 'public_report', id: recordId },
      details,
    ),
  );
}

/** Files a public report: a new rescue case, the reference and a secret for the private link (shown once). */
export async function filePublicReport(ctx: Ctx, input: PublicReportInput): Promise<PublicReportFiled> {
  const { website: _honeypot, ...report } = input;
  const actor = await publicActor(ctx);
  const publicReference = newPublicReference();
  const secret = randomBytes(24).toString('base64url');
  const filed = await withAudit(ctx.app.db, (trx) =>
    fileReport(
      trx,
      ctx,
      actor,
      { ...report, channel: 'public_form' },
      { publicReference, secretHash: sha256Hex(secret) },
    ),
  );
  await publishAll(ctx, filed.events);
  return { reference: publicReference, secret, statusPath: `/report/status/${publicReference}#${secret}` };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The report behind a reference and secret. A wrong secret and an unknown reference get the same 404, and
 * both are audited: a guessed reference learns nothing.
 */
async function openReport(ctx: Ctx, reference: string, secret: string) {
  const row = await ctx.app.db
    .selectFrom('rescue_reports')
    .innerJoin('rescue_cases', 'rescue_cases.id', 'rescue_reports.case_id')
    .select([
      'rescue_reports.id',
      'rescue_reports.case_id',
      'rescue_reports.secret_hash',
      'rescue_reports.created_at',
      'rescue_reports.additions',
      'rescue_cases.state',
      'rescue_cases.merged_into',
    ])
    .where('rescue_reports.public_reference', '=', reference.toUpperCase())
    .executeTakeFirst();
  if (!row?.secret_hash || !sameHash(row.secret_hash, sha256Hex(secret))) {
    await auditPublic(
      ctx,
      'public_report.access_denied',
      { reference: reference.slice(0, 20), known: Boolean(row) },
      row?.id ?? null,
    );
    throw new LiaisonError('not-found', 'No report matches this reference and link.');
  }
  return row;
}

/** What a reporter may see: that the report arrived and whether it is still being worked on. Nothing more. */
function publicStatus(state: string): PublicReportStatus['status'] {
  if (state === 'reported') return 'received';
  if (state === 'repatriated') return 'home';
  if (['closed', 'resolved_safe', 'not_found', 'declined_help'].includes(state)) return 'closed';
  return 'in_progress';
}

export async function publicReportStatus(
  ctx: Ctx,
  reference: string,
  secret: string,
): Promise<PublicReportStatus> {
  const row = await openReport(ctx, reference, secret);
  await auditPublic(ctx, 'public_report.status_read', {}, row.id);
  return {
    reference: reference.toUpperCase(),
    receivedAt: row.created_at.toISOString(),
    status: publicStatus(row.state),
    additions: (row.additions as unknown[]).length,
  };
}

export async function addToPublicReport(ctx: Ctx, reference: string, secret: string, text: string) {
  const row = await openReport(ctx, reference, secret);
  const actor = await publicActor(ctx);
  await withAudit(ctx.app.db, async (trx) => {
    const current = await trx
      .selectFrom('rescue_reports')
      .select('additions')
      .where('id', '=', row.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const additions = current.additions as unknown[];
    if (additions.length >= 50)
      throw new LiaisonError(
        'rate-limited',
        'This report has received too many additions; call the hotline instead.',
      );
    await trx
      .updateTable('rescue_reports')
      .set({ additions: JSON.stringify([...additions, { at: ctx.app.now().toISOString(), text }]) })
      .where('id', '=', row.id)
      .execute();
    await recordCaseEvent(trx, ctx, actor, row.case_id, {
      kind: 'reporter_added_information',
      details: { reportId: row.id },
    });
  });
}

export async function uploadToPublicReport(
  ctx: Ctx,
  reference: string,
  secret: string,
  kind: RescueFileKind,
  declaredMime: string,
  data: Uint8Array,
): Promise<PublicReportFile> {
  let mime: string;
  try {
    mime = checkUpload(kind, declaredMime, data);
  } catch (error) {
    await auditPublic(ctx, 'public_report.upload_refused', {
      kind,
      declaredMime: declaredMime.slice(0, 60),
      size: data.length,
    });
    throw error;
  }
  const row = await openReport(ctx, reference, secret);
  const actor = await publicActor(ctx);
  return withAudit(ctx.app.db, async (trx) => {
    const count = await trx
      .selectFrom('rescue_files')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('report_id', '=', row.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= filesPerReportLimit)
      throw new LiaisonError('rate-limited', `A report may carry at most ${filesPerReportLimit} files.`);
    const stored = await storeFile(trx, {
      caseId: row.case_id,
      reportId: row.id,
      kind,
      mime,
      data,
      uploadedBy: null,
    });
    await recordCaseEvent(trx, ctx, actor, row.case_id, {
      kind: 'file_added',
      details: { fileId: stored.id, fileKind: kind, via: 'public_form' },
    });
    return { id: stored.id, kind, size: stored.size };
  });
}
