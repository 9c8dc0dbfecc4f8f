import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@liaison/core';
import { CaseInput } from '@liaison/core/cases/index';
import { ExchangeItemInput } from '@liaison/core/exchange/schemas';
import { FugitiveInput, FugitivePatch, SightingInput } from '@liaison/core/fugitives/schemas';
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
import { createFugitive, updateFugitive } from '../fugitives-service.ts';
import { addSighting } from '../sightings-service.ts';

// Fugitives and sightings travel to the partner node (two nodes over loopback HTTP): in a shared case with
// the `fugitives` part and as exchange items, under each country's rules — the warrant and the Red Notice's
// reference go, a sighting's source never does (left out by the sender, refused by the receiver).

let knpa: FederatedTestNode;
let cnp: FederatedTestNode;
let kim: { ctx: Ctx; actor: Actor };

const interpolBasis = {
  legalBasis: { kind: 'interpol' as const, reference: 'A-1234/5-2026' },
  purpose: 'Locate and return a wanted fugitive',
  sourceReliability: 'B',
  informationAccuracy: '2',
};
const sync = () => syncPair(knpa, cnp);

let born = 0;
async function caseWithFugitive(title: string, passport: string) {
  born += 1;
  const c = await createCase(kim.ctx, kim.actor, CaseInput.parse(caseBody({ title })));
  const fugitive = await createFugitive(
    kim.ctx,
    kim.actor,
    FugitiveInput.parse({
      names: [
        { value: '박민수', script: 'hangul', kind: 'primary' },
        { value: 'PARK MINSU', script: 'latin', kind: 'passport' },
      ],
      birthDate: `1988-03-${String(10 + born).padStart(2, '0')}`,
      nationality: 'KR',
      passport: { number: passport },
      warrant: {
        number: `2026-W-${passport.slice(-4)}`,
        court: 'Seoul Central District Court',
        charges: ['Fraud (telecom)'],
        issuedOn: '2026-01-10',
        expiresOn: '2031-01-09',
      },
      interpol: { noticeType: 'red', reference: `A-${passport.slice(-4)}/1-2026`, status: 'published' },
      linkedCaseIds: [c.id],
      markings: { tlp: 'AMBER', handlingCode: 'H1' },
    }),
  );
  const sighting = await addSighting(
    kim.ctx,
    kim.actor,
    fugitive.id,
    SightingInput.parse({
      seenAt: new Date(Date.now() - 86_400_000).toISOString(),
      place: { province: 'svay_rieng', text: 'Casino strip, Bavet' },
      source: 'informant',
      sourceDetail: 'Informant K-17, a croupier',
      reliability: 'B',
      accuracy: '2',
      description: 'Seen entering the Golden Dragon compound with two guards',
    }),
  );
  return { caseId: c.id, fugitiveId: fugitive.id, sightingId: sighting.id };
}

async function onCnp(fugitiveId: string) {
  const db = cnp.node.app.db;
  const fugitive = await db
    .selectFrom('fugitives')
    .selectAll()
    .where('id', '=', fugitiveId)
    .executeTakeFirst();
  const sightings = await db
    .selectFrom('fugitive_sightings')
    .selectAll()
    .where('fugitive_id', '=', fugitiveId)
    .execute();
  return { fugitive, sightings };
}

/** A copy of the rule files in which Korea's rules let an informant's identity go (to see Cambodia refuse it). */
function permissiveKoreanRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-policies-'));
  cpSync(knpa.node.app.config.policiesDir, dir, { recursive: true });
  for (const name of ['2026-11-26.json', '2026-12-04.json']) {
    const file = join(dir, 'KR', name);
    const set = JSON.parse(readFileSync(file, 'utf8'));
    set.rules = set.rules.filter((r: { id: string }) => r.id !== 'KR-OUT-003');
    writeFileSync(file, JSON.stringify(set));
  }
  return dir;
}

beforeAll(async () => {
  ({ knpa, cnp } = await startPeeredPair());
  kim = await agencyOfficer(knpa, 'KNPA');
});
afterAll(() => closeNodes(knpa, cnp));

describe('fugitives and sightings on the partner node', () => {
  it('a fugitive in a shared case appears on the partner with his warrant and Red Notice reference', async () => {
    const { caseId, fugitiveId } = await caseWithFugitive('Fugitive share', 'M12345678');
    await shareCase(kim.ctx, kim.actor, caseId, {
      peer: 'cnp',
      scope: ['fugitives'],
      markings: interpolBasis,
    });
    await sync();
    const { fugitive } = await onCnp(fugitiveId);
    expect(fugitive).toMatchObject({
      agency_code: 'KNPA',
      nationality: 'KR',
      tlp: 'AMBER',
      handling_code: 'H1',
      linked_case_ids: [caseId],
      warrant: expect.objectContaining({ number: '2026-W-5678', court: 'Seoul Central District Court' }),
      interpol: { noticeType: 'red', reference: 'A-5678/1-2026', status: 'published' },
    });
    expect(fugitive?.passport_number).toMatch(/M12345678/);
    expect(fugitive?.name_keys.length).toBeGreaterThan(0);
    // The share's markings carried the 4x4 evaluation and the handling code.
    const share = await cnp.node.app.db
      .selectFrom('case_shares')
      .select('markings')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(share.markings).toMatchObject({
      sourceReliability: 'B',
      informationAccuracy: '2',
      handlingCode: 'H1',
    });
  });

  it('a sighting appears without its source, with its evaluation; the withheld source is audited', async () => {
    const { caseId, fugitiveId, sightingId } = await caseWithFugitive('Sighting share', 'M22223333');
    await shareCase(kim.ctx, kim.actor, caseId, {
      peer: 'cnp',
      scope: ['fugitives'],
      markings: interpolBasis,
    });
    await sync();
    const { sightings } = await onCnp(fugitiveId);
    expect(sightings).toHaveLength(1);
    expect(sightings[0]).toMatchObject({
      id: sightingId,
      source: 'partner_agency',
      source_detail: null,
      reliability: 'B',
      accuracy: '2',
      province: 'svay_rieng',
      description: 'Seen entering the Golden Dragon compound with two guards',
    });
    expect(
      JSON.stringify(await cnp.node.app.db.selectFrom('mirrored_records').select('fields').execute()),
    ).not.toContain('K-17');
    const blocked = (await auditEntries(knpa, 'policy.blocked')).filter((e) => e.record_id === sightingId);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({ record_type: 'sighting' });
    expect(JSON.stringify(blocked[0]!.details)).toContain('KR-OUT-003');
    expect(blocked[0]!.details).toMatchObject({ withheld: 'source', fields: ['source', 'sourceDetail'] });
  });

  it('a warrant the rules keep (no reference for the criminal record) stays home, audited as policy.blocked', async () => {
    const { caseId, fugitiveId } = await caseWithFugitive('No reference', 'M33334444');
    await shareCase(kim.ctx, kim.actor, caseId, {
      peer: 'cnp',
      scope: ['fugitives'],
      markings: { ...interpolBasis, legalBasis: { kind: 'police_cooperation' } },
    });
    await sync();
    const { fugitive } = await onCnp(fugitiveId);
    expect(fugitive).toMatchObject({
      reference: expect.stringMatching(/^KNPA-F-/),
      warrant: null,
      interpol: null,
    });
    const blocked = (await auditEntries(knpa, 'policy.blocked')).find((e) => e.record_id === fugitiveId);
    expect(blocked).toMatchObject({ record_type: 'fugitive', actor_agency: 'KNPA' });
    expect(blocked!.details).toMatchObject({ withheld: 'warrant and Interpol notice' });
    expect(JSON.stringify(blocked!.details)).toContain('KR-OUT-004');
  });

  it('a sighting added later and an edit travel as the register writes them; retraction takes the mirror away', async () => {
    const { caseId, fugitiveId } = await caseWithFugitive('Later sighting', 'M44445555');
    await shareCase(kim.ctx, kim.actor, caseId, {
      peer: 'cnp',
      scope: ['fugitives'],
      markings: interpolBasis,
    });
    await sync();
    const later = await addSighting(
      kim.ctx,
      kim.actor,
      fugitiveId,
      SightingInput.parse({
        seenAt: new Date(Date.now() - 3_600_000).toISOString(),
        place: { text: 'Phnom Penh airport' },
        source: 'immigration',
        reliability: 'A',
        accuracy: '1',
        description: 'Passed the departure gate',
      }),
    );
    // The register's write paths tell the change feed (`on: 'record'`); the edit of the notice travels too.
    const { version } = await knpa.node.app.db
      .selectFrom('fugitives')
      .select('version')
      .where('id', '=', fugitiveId)
      .executeTakeFirstOrThrow();
    await updateFugitive(
      kim.ctx,
      kim.actor,
      fugitiveId,
      FugitivePatch.parse({
        interpol: { noticeType: 'red', reference: 'A-5555/1-2026', status: 'withdrawn' },
        version,
      }),
    );
    await sync();
    expect((await onCnp(fugitiveId)).sightings.map((s) => [s.id, s.source, s.reliability])).toContainEqual([
      later.id,
      'partner_agency',
      'A',
    ]);
    expect((await onCnp(fugitiveId)).fugitive?.interpol).toMatchObject({ status: 'withdrawn' });
    await retractCaseShare(kim.ctx, kim.actor, caseId, 'cnp');
    await sync();
    expect(await onCnp(fugitiveId)).toEqual({ fugitive: undefined, sightings: [] });
  });

  it('a fugitive and a sighting go as an exchange item, the sighting without its source', async () => {
    const { fugitiveId, sightingId } = await caseWithFugitive('Exchange item', 'M55556666');
    const sent = await sendItem(
      kim.ctx,
      kim.actor,
      ExchangeItemInput.parse({
        peer: 'cnp',
        kind: 'spontaneous',
        subject: 'Wanted fugitive seen in Bavet',
        body: 'Please locate him.',
        records: [
          { kind: 'fugitive', id: fugitiveId },
          { kind: 'sighting', id: sightingId },
        ],
        markings: {
          handlingCode: 'H1',
          tlp: 'AMBER',
          legalBasis: interpolBasis.legalBasis,
          purpose: 'Locate and return a wanted fugitive',
          sourceReliability: 'B',
          informationAccuracy: '2',
        },
      }),
    );
    expect(sent.records.map((r) => r.kind)).toEqual(['fugitive', 'sighting']);
    await sync();
    const item = await cnp.node.app.db
      .selectFrom('exchange_items')
      .selectAll()
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    const [fugitive, sighting] = item.records as { kind: string; fields: Record<string, unknown> }[];
    expect(fugitive!.fields).toMatchObject({
      reference: expect.stringMatching(/^KNPA-F-/),
      warrant: expect.objectContaining({ number: '2026-W-6666' }),
      interpol: expect.objectContaining({ reference: 'A-6666/1-2026' }),
      tlp: 'AMBER',
      handlingCode: 'H1',
    });
    expect(sighting!.fields).toMatchObject({ reliability: 'B', accuracy: '2' });
    expect(sighting!.fields).not.toHaveProperty('source');
    expect(sighting!.fields).not.toHaveProperty('sourceDetail');
    const blocked = (await auditEntries(knpa, 'policy.blocked')).filter((e) => e.record_id === sightingId);
    expect(blocked.at(-1)!.details).toMatchObject({ item: sent.id, withheld: 'source' });
  });

  it('an unknown record kind or record is refused naming the field, and nothing is sent', async () => {
    const base = {
      peer: 'cnp',
      kind: 'spontaneous' as const,
      subject: 'Bad reference',
      markings: {
        handlingCode: 'H1' as const,
        tlp: 'AMBER' as const,
        legalBasis: interpolBasis.legalBasis,
        purpose: 'x',
      },
    };
    await expect(
      sendItem(
        kim.ctx,
        kim.actor,
        ExchangeItemInput.parse({ ...base, records: [{ kind: 'task', id: crypto.randomUUID() }] }),
      ),
    ).rejects.toMatchObject({ code: 'invalid-input', fields: [{ path: '/records/0/kind' }] });
    await expect(
      sendItem(
        kim.ctx,
        kim.actor,
        ExchangeItemInput.parse({ ...base, records: [{ kind: 'fugitive', id: crypto.randomUUID() }] }),
      ),
    ).rejects.toMatchObject({ code: 'invalid-input', fields: [{ path: '/records/0/id' }] });
    const subjects = await knpa.node.app.db.selectFrom('exchange_items').select('subject').execute();
    expect(subjects.map((s) => s.subject)).not.toContain('Bad reference');
  });

  it("a sighting's source arriving on the partner is refused there by its own rules, audited", async () => {
    const { caseId, fugitiveId, sightingId } = await caseWithFugitive('Source refused', 'M66667777');
    const rules = permissiveKoreanRules();
    const ours = knpa.node.app.config.policiesDir;
    knpa.node.app.config.policiesDir = rules;
    try {
      const sent = await sendItem(
        kim.ctx,
        kim.actor,
        ExchangeItemInput.parse({
          peer: 'cnp',
          kind: 'spontaneous',
          subject: 'Sighting with its source',
          records: [{ kind: 'sighting', id: sightingId }],
          markings: {
            handlingCode: 'H1',
            tlp: 'AMBER',
            legalBasis: interpolBasis.legalBasis,
            purpose: 'Locate',
          },
        }),
      );
      expect(sent.records[0]!.fields).toMatchObject({ source: 'informant' });
      await shareCase(kim.ctx, kim.actor, caseId, {
        peer: 'cnp',
        scope: ['fugitives'],
        markings: interpolBasis,
      });
      await sync();
      const item = await knpa.node.app.db
        .selectFrom('exchange_items')
        .select(['delivery_state', 'delivery_error'])
        .where('id', '=', sent.id)
        .executeTakeFirstOrThrow();
      expect(item.delivery_state).toBe('failed');
      expect(item.delivery_error).toContain('KH-IN-008');
      expect(
        await cnp.node.app.db.selectFrom('exchange_items').select('id').where('id', '=', sent.id).execute(),
      ).toEqual([]);
      // The case share carrying the source is turned away whole: nothing of it is kept.
      expect(await onCnp(fugitiveId)).toEqual({ fugitive: undefined, sightings: [] });
      const refused = (await auditEntries(cnp, 'policy.blocked')).filter((e) =>
        JSON.stringify(e.details).includes('KH-IN-008'),
      );
      expect(refused.map((e) => e.record_type).sort()).toEqual(['exchange_item', 'sighting']);
      expect(refused.every((e) => e.actor_agency === 'KNPA')).toBe(true);
    } finally {
      knpa.node.app.config.policiesDir = ours;
      rmSync(rules, { recursive: true, force: true });
    }
  });
});
