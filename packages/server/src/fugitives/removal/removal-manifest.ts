import { type Actor, authorize } from '@liaison/core';
import { audit, withAudit } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { manifestCsv } from './manifest-csv.ts';
import { manifestData } from './manifest-data.ts';
import { renderManifestPdf } from './manifest-pdf.ts';
import { loadRemoval } from './removal-read.ts';

/**
 * The manifest of a removal as PDF or CSV. It lists passport numbers of everyone aboard, so producing it is
 * audited (who, which removal, which format, how many people).
 */
export async function removalManifest(ctx: Ctx, actor: Actor, id: string, format: 'pdf' | 'csv') {
  authorize(actor, 'fugitives.read');
  const rows = await loadRemoval(ctx.app.db, actor, id);
  const data = manifestData(rows, ctx.app.now());
  const file =
    format === 'pdf'
      ? { data: await renderManifestPdf(data), type: 'application/pdf' }
      : { data: Buffer.from(manifestCsv(data), 'utf8'), type: 'text/csv; charset=utf-8' };
  await withAudit(ctx.app.db, (trx) =>
    audit(
      { ...ctx, trx },
      actor,
      'removal.manifest_produced',
      { type: 'removal', id },
      {
        reference: data.reference,
        format,
        people: data.total,
        bytes: file.data.length,
      },
    ),
  );
  return { ...file, filename: `removal-manifest-${data.reference}.${format}` };
}
