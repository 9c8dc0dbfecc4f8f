import { AuditEntry, AuditQuery, AuditVerification, authorize } from '@liaison/core';
import { z } from 'zod';
import { actorOf, ctxOf } from '../http/request-context.ts';
import type { RouteModule } from '../http/route-types.ts';
import { listAudit } from './audit-repository.ts';
import { recordLabels } from './record-labels.ts';
import { verifyAudit } from './verify-audit.ts';

export const auditRoutes: RouteModule = (api, app) => {
  api.get(
    '/api/v1/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: z.array(AuditEntry) } },
    },
    async (request) => {
      authorize(actorOf(request), 'audit.read');
      const db = ctxOf(app, request).app.db;
      const rows = await listAudit(db, request.query);
      const labels = await recordLabels(
        db,
        rows.map((r) => ({ recordType: r.record_type, recordId: r.record_id })),
      );
      return rows.map((r) => ({
        seq: String(r.seq),
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorEmail: r.actor_email,
        actorAgency: r.actor_agency,
        action: r.action,
        recordType: r.record_type,
        recordId: r.record_id,
        recordLabel: labels.get(`${r.record_type}:${r.record_id}`) ?? null,
        ip: r.ip,
        purpose: r.purpose,
        details: r.details,
        hash: r.hash,
      }));
    },
  );

  api.post(
    '/api/v1/audit/verify',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], response: { 200: AuditVerification } } },
    async (request) => {
      authorize(actorOf(request), 'audit.read');
      const result = await verifyAudit(app);
      return {
        intact: result.break === null,
        checked: result.checked,
        firstBad: result.break,
        checkpoint: result.checkpoint && { seq: result.checkpoint.seq, at: result.checkpoint.at },
      };
    },
  );
};
