import type { Actor } from '@liaison/core';
import { CaseInput } from '@liaison/core/cases/index';
import { ExchangeItemInput } from '@liaison/core/exchange/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditInput } from '../audit/audit-repository.ts';
import { createCase } from '../cases/cases-service.ts';
import { caseBody } from '../cases/testing/case-fixtures.ts';
import type { Ctx } from '../context.ts';
import { outgoingMessage, sendItem } from '../exchange/exchange-service.ts';
import { shareCase } from '../federation/case-sync/share.ts';
import { agencyOfficer, closeNodes, type FederatedTestNode, startPeeredPair } from '../federation/testing.ts';
import { checkIncoming, decideOutgoing } from './decide.ts';

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };

const cnpPeer = { agency_code: 'CNP', country: 'KH' };
const markings = {
  legalBasis: { kind: 'police_cooperation' as const },
  purpose: 'Joint investigation of a voice-phishing ring',
  sourceReliability: 'B' as const,
  informationAccuracy: '2' as const,
};
const informant = ExchangeItemInput.parse({
  peer: 'cnp',
  kind: 'request',
  subject: 'Informant details',
  categories: ['intelligence_source'],
  markings: { ...markings, handlingCode: 'H2', tlp: 'AMBER' },
});

async function blockedEntries(recordType: string) {
  return knpa.node.app.db
    .selectFrom('audit_log')
    .select(['record_type', 'details'])
    .where('action', '=', 'policy.blocked')
    .where('record_type', '=', recordType)
    .execute();
}

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await agencyOfficer(knpa, 'KNPA');
});
afterAll(() => closeNodes(knpa, cnp));

describe('the policy room', () => {
  it('refuses an outgoing message and an outgoing case share by the same rule, named the same', async () => {
    const app = knpa.node.app;
    const message = decideOutgoing(app, outgoingMessage(app, cnpPeer, informant));
    const share = decideOutgoing(app, {
      peer: cnpPeer,
      item: { kind: 'case_share', categories: ['intelligence_source'] },
      markings: { ...markings, originAgency: 'KNPA', handlingCode: 'H2', tlp: 'AMBER' },
    });
    expect(message).toMatchObject({ allowed: false, rule: 'KR-OUT-003' });
    expect(share).toMatchObject({ allowed: false, rule: 'KR-OUT-003' });

    // The features ask the same room: both sends are refused and audited with the rule.
    await expect(sendItem(kim.ctx, kim.actor, informant)).rejects.toMatchObject({ code: 'policy-blocked' });
    const c = await createCase(kim.ctx, kim.actor, CaseInput.parse(caseBody({ title: 'Informant' })));
    await expect(
      shareCase(kim.ctx, kim.actor, c.id, {
        peer: 'cnp',
        scope: [],
        markings,
        categories: ['intelligence_source'],
      }),
    ).rejects.toMatchObject({ code: 'policy-blocked' });
    for (const recordType of ['exchange_item', 'case']) {
      const entries = await blockedEntries(recordType);
      expect(entries.map((e) => (e.details as { denied: string[] }).denied)).toEqual([['KR-OUT-003']]);
    }
  });

  it('allows an outgoing item no rule refuses, with no deciding rule', () => {
    const app = knpa.node.app;
    const verdict = decideOutgoing(
      app,
      outgoingMessage(app, cnpPeer, { ...informant, categories: ['identifier'] }),
    );
    expect(verdict).toMatchObject({ allowed: true, rule: null });
  });

  it('turns away an incoming message and an incoming shared case by one inbound check', () => {
    const app = knpa.node.app;
    const expired = {
      ...markings,
      originAgency: 'CNP',
      handlingCode: 'H2',
      tlp: 'AMBER',
      retainUntil: '2020-01-01',
    };
    const audited: AuditInput[] = [];
    for (const [kind, recordType] of [
      ['request', 'exchange_item'],
      ['case_share', 'case'],
    ] as const) {
      const check = checkIncoming(
        app,
        cnpPeer,
        { markings: expired, policyItem: { kind, categories: [] } },
        (entry) => audited.push(entry),
        { recordType, recordId: null },
      );
      expect(check).toMatchObject({ allowed: false, malformed: false });
    }
    expect(audited.map((a) => [a.action, a.recordType, (a.details as { denied: string[] }).denied])).toEqual([
      ['policy.blocked', 'exchange_item', ['KR-IN-006']],
      ['policy.blocked', 'case', ['KR-IN-006']],
    ]);
    const foreign = checkIncoming(
      app,
      cnpPeer,
      { markings: { ...expired, originAgency: 'KNPA' }, policyItem: { kind: 'request', categories: [] } },
      () => {},
      { recordType: 'exchange_item', recordId: null },
    );
    expect(foreign).toMatchObject({
      allowed: false,
      reason: "originating agency KNPA is not the sending peer's",
    });
  });
});
