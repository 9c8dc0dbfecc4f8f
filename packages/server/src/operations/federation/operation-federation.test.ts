import type { Actor } from '@liaison/core';
import { CaseInput } from '@liaison/core/cases/index';
import { ExchangeItemInput } from '@liaison/core/exchange/schemas';
import { OperationInput, OperationPatch } from '@liaison/core/operations/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../cases/cases-service.ts';
import { caseBody } from '../../cases/testing/case-fixtures.ts';
import type { Ctx } from '../../context.ts';
import { sendItem } from '../../exchange/exchange-service.ts';
import { retractCaseShare, shareCase } from '../../federation/case-sync/share.ts';
import {
  agencyOfficer,
  auditEntries,
  closeNodes,
  type FederatedTestNode,
  startPeeredPair,
  syncPair,
} from '../../federation/testing.ts';
import { createOperation, updateOperation } from '../operations-service.ts';

// A joint operation travels to the partner node (two nodes over loopback HTTP) in a case shared with the
// `operations` part and as an exchange item. Its targets and intelligence go only where the sender's rules let
// them: an operation not yet ended, only under TLP:AMBER+STRICT or higher (KR-OUT-009).

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };

const basis = {
  legalBasis: { kind: 'police_cooperation' as const, reference: 'MOU-2025-11-10' },
  purpose: 'Joint raid on a scam compound',
  sourceReliability: 'B',
  informationAccuracy: '2',
};
const sync = () => syncPair(knpa, cnp);

async function caseWithOperation(title: string, tlp: 'AMBER' | 'AMBER+STRICT') {
  const c = await createCase(
    kim.ctx,
    kim.actor,
    CaseInput.parse(caseBody({ title, markings: { tlp, handlingCode: 'H2' } })),
  );
  const start = Date.now() + 7 * 86_400_000;
  const op = await createOperation(
    kim.ctx,
    kim.actor,
    OperationInput.parse({
      codeName: `NIGHT HERON ${title}`,
      objective: 'Arrest the ring leaders and free the confined workers',
      leadAgency: 'CNP',
      partnerAgency: 'KNPA',
      crimeTypes: ['voice_phishing'],
      caseIds: [c.id],
      targets: [{ kind: 'address', address: 'Compound 7, National Road 1, Bavet', lat: 11.08, lon: 106.16 }],
      intelligence: { summary: 'About 300 workers, two gates, armed guards', gates: 2, guardsArmed: true },
      teams: [{ agencyCode: 'KNPA', name: 'Liaison team', role: 'liaison', headcount: 2, officerIds: [] }],
      timing: {
        plannedStart: new Date(start).toISOString(),
        plannedEnd: new Date(start + 6 * 3_600_000).toISOString(),
      },
      markings: { tlp, handlingCode: 'H2' },
    }),
  );
  return { caseId: c.id, operationId: op.id, reference: op.reference, version: op.version };
}

async function onCnp(id: string) {
  const db = cnp.node.app.db;
  const operation = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
  const targets = await db
    .selectFrom('operation_targets')
    .selectAll()
    .where('operation_id', '=', id)
    .execute();
  return { operation, targets };
}

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await agencyOfficer(knpa, 'KNPA');
});
afterAll(() => closeNodes(knpa, cnp));

describe('joint operations on the partner node', () => {
  it('an operation in a shared case appears on the partner with its plan, targets and markings', async () => {
    const { caseId, operationId, reference, version } = await caseWithOperation('Strict', 'AMBER+STRICT');
    await shareCase(kim.ctx, kim.actor, caseId, { peer: 'cnp', scope: ['operations'], markings: basis });
    await sync();
    const { operation, targets } = await onCnp(operationId);
    expect(operation).toMatchObject({
      reference,
      status: 'planning',
      owner_agency: 'KNPA',
      lead_agency: 'CNP',
      partner_agency: 'KNPA',
      tlp: 'AMBER+STRICT',
      handling_code: 'H2',
      case_ids: [caseId],
      intelligence: expect.objectContaining({ gates: 2, guardsArmed: true }),
      teams: [{ agencyCode: 'KNPA', name: 'Liaison team', role: 'liaison', headcount: 2 }],
    });
    expect(targets).toMatchObject([
      { kind: 'address', address: 'Compound 7, National Road 1, Bavet', lat: 11.08 },
    ]);
    // An edit travels: the operations feature announces it on the change feed (`on: 'record'`) as it writes.
    const edited = await updateOperation(
      kim.ctx,
      kim.actor,
      operationId,
      OperationPatch.parse({ objective: 'Arrest the ring leaders', version }),
    );
    expect(edited.objective).toBe('Arrest the ring leaders');
    await sync();
    expect((await onCnp(operationId)).operation?.objective).toBe('Arrest the ring leaders');
    await retractCaseShare(kim.ctx, kim.actor, caseId, 'cnp');
    await sync();
    expect((await onCnp(operationId)).operation).toBeUndefined();
  });

  it('the targets of an ongoing operation under TLP:AMBER stay home, audited as policy.blocked', async () => {
    const { caseId, operationId } = await caseWithOperation('Amber', 'AMBER');
    await shareCase(kim.ctx, kim.actor, caseId, { peer: 'cnp', scope: ['operations'], markings: basis });
    await sync();
    const { operation, targets } = await onCnp(operationId);
    expect(operation).toMatchObject({ objective: 'Arrest the ring leaders and free the confined workers' });
    expect(operation?.intelligence).toEqual({});
    expect(targets).toEqual([]);
    const blocked = (await auditEntries(knpa, 'policy.blocked')).find((e) => e.record_id === operationId);
    expect(blocked).toMatchObject({ record_type: 'operation' });
    expect(blocked!.details).toMatchObject({ withheld: 'targets and intelligence' });
    expect(JSON.stringify(blocked!.details)).toContain('KR-OUT-009');
  });

  it('an operation goes as an exchange item with its wire fields', async () => {
    const { operationId, reference } = await caseWithOperation('Item', 'AMBER+STRICT');
    const sent = await sendItem(
      kim.ctx,
      kim.actor,
      ExchangeItemInput.parse({
        peer: 'cnp',
        kind: 'notification',
        subject: 'Operation plan for the Bavet raid',
        records: [{ kind: 'operation', id: operationId }],
        markings: {
          handlingCode: 'H2',
          tlp: 'AMBER+STRICT',
          legalBasis: basis.legalBasis,
          purpose: basis.purpose,
        },
      }),
    );
    await sync();
    const item = await cnp.node.app.db
      .selectFrom('exchange_items')
      .select(['records', 'delivery_state'])
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(item.records).toMatchObject([
      {
        kind: 'operation',
        id: operationId,
        fields: { reference, leadAgency: 'CNP', targets: [expect.objectContaining({ kind: 'address' })] },
      },
    ]);
    // Local ids (accounts, units) never leave the node.
    expect(JSON.stringify(item.records)).not.toMatch(/officerIds|leaderId|unitId|createdBy/);
  });
});
