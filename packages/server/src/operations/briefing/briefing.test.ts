import { Readable } from 'node:stream';
import type { Actor } from '@liaison/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../cases/testing/case-fixtures.ts';
import { systemCtx } from '../../context.ts';
import { uploadFugitiveFile } from '../../fugitives/files-service.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { startTestNode, type TestNode } from '../../testing/test-node.ts';
import { type BriefingLanguage, briefingLabels } from './briefing-labels.ts';
import { comparable, pdfPagesText } from './pdf-text.ts';

// The briefing pack through HTTP, in each language: its text read back out of the PDF (headings translated, the
// Korean and Khmer names as entered), the marking on every page, the photo, the audit entry; and who is refused.

let t: TestNode;
let commander: { client: TestClient; actor: Actor };
let operationId: string;
let secretOperationId: string;

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const khmerSuspect = 'សុខ វិចិត្រ';
const khmerTeam = 'ក្រុមចូលទីតាំង';

beforeAll(async () => {
  t = await startTestNode();
  commander = await t.signInAs(['commander'], 'CNP');
  const knpaLiaison = await t.signInAs(['liaison_officer'], 'KNPA');
  const compound = await commander.client.post('/api/v1/compounds', {
    name: 'Golden Sand Park',
    province: 'banteay_meanchey',
    lat: 13.68,
    lon: 102.62,
  });
  expect(compound.statusCode, compound.body).toBe(201);
  const fugitive = await knpaLiaison.client.post('/api/v1/fugitives', {
    names: [
      { value: '김민수', script: 'hangul', kind: 'primary' },
      { value: 'KIM MINSU', script: 'latin', kind: 'passport' },
      { value: 'គីម មីនស៊ូ', script: 'khmer', kind: 'alias' },
    ],
    birthDate: '1988-03-14',
    nationality: 'KR',
    passport: { number: 'M12345678' },
    warrant: {
      number: '2026-영-1234',
      court: 'Seoul Central District Court',
      charges: ['Fraud'],
      issuedOn: '2026-01-10',
      expiresOn: '2027-01-10',
    },
    markings: { tlp: 'AMBER', handlingCode: 'H2' },
  });
  expect(fugitive.statusCode, fugitive.body).toBe(201);
  const fugitiveId = fugitive.json().id;
  await uploadFugitiveFile(systemCtx(t.node.app), knpaLiaison.actor, fugitiveId, {
    kind: 'photo',
    filename: 'face.png',
    declaredType: 'image/png',
    content: Readable.from([tinyPng]),
  });
  const plan = (overrides: Record<string, unknown> = {}) => ({
    codeName: 'DAWN HARBOUR',
    objective: 'Raid the compound, arrest the ring, rescue the confined Korean nationals.',
    leadAgency: 'CNP',
    partnerAgency: 'KNPA',
    crimeTypes: ['voice_phishing'],
    targets: [
      { kind: 'compound', compoundId: compound.json().id, note: 'Main gate on the east side' },
      { kind: 'person', fugitiveId, label: '김민수' },
      { kind: 'person', label: khmerSuspect },
    ],
    intelligence: { summary: 'Three buildings behind one wall.', gates: 2, guards: 8, guardsArmed: true },
    teams: [
      {
        agencyCode: 'CNP',
        name: khmerTeam,
        role: 'entry',
        headcount: 40,
        leaderId: commander.actor.userId,
        contact: '+855 12 345 678',
      },
      { agencyCode: 'KNPA', name: '한국 연락팀', role: 'liaison', headcount: 3, contact: 'Radio channel 3' },
    ],
    legalAuthority: [
      {
        agencyCode: 'CNP',
        kind: 'search_warrant',
        number: 'BMC-2026-117',
        issuedBy: 'Banteay Meanchey Court',
        issuedOn: today(),
      },
      {
        agencyCode: 'KNPA',
        kind: 'arrest_warrant',
        number: '2026-영-1234',
        issuedBy: 'Seoul Central District Court',
        issuedOn: today(),
      },
    ],
    timing: { briefingAt: hours(20), plannedStart: hours(24), plannedEnd: hours(30) },
    risks: [
      { description: 'Armed guards at the east gate', level: 'high', mitigation: 'Perimeter team first' },
    ],
    markings: { tlp: 'AMBER', handlingCode: 'H2' },
    ...overrides,
  });
  const created = await commander.client.post('/api/v1/operations', plan());
  expect(created.statusCode, created.body).toBe(201);
  operationId = created.json().id;
  const go = await commander.client.post(`/api/v1/operations/${operationId}/decision`, {
    decision: 'go',
    version: created.json().version,
  });
  expect(go.statusCode, go.body).toBe(200);
  const secret = await commander.client.post(
    '/api/v1/operations',
    plan({ codeName: 'QUIET RIVER', markings: { tlp: 'RED', handlingCode: 'H2' } }),
  );
  expect(secret.statusCode, secret.body).toBe(201);
  secretOperationId = secret.json().id;
});
afterAll(() => t.close());

async function pack(client: TestClient, lang: BriefingLanguage, id = operationId) {
  return client.get(`/api/v1/operations/${id}/briefing.pdf?lang=${lang}`);
}

describe('the briefing pack', () => {
  const headings = [
    'title',
    'objective',
    'map',
    'targets',
    'teams',
    'timings',
    'contacts',
    'legal',
    'risks',
  ] as const;

  for (const lang of ['en', 'ko', 'km'] as const) {
    it(`renders in ${lang}: headings in ${lang}, names as entered, the marking on every page`, async () => {
      const response = await pack(commander.client, lang);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(
        new RegExp(`briefing-CNP-OP-\\d{4}-\\d{4}-${lang}\\.pdf`),
      );
      const pdf = response.rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdfPagesText(pdf);
      const text = comparable(pages.join('\n'));
      const l = briefingLabels[lang];
      for (const key of headings) expect(text, key).toContain(comparable(l[key]));
      expect(text).toContain(comparable(l.go));
      // Free text as entered, whatever the pack's language: Hangul, Latin and Khmer names, the Khmer team.
      for (const name of [
        '김민수',
        'KIM MINSU',
        'គីម មីនស៊ូ',
        khmerSuspect,
        khmerTeam,
        '한국 연락팀',
        'DAWN HARBOUR',
      ])
        expect(text, name).toContain(comparable(name));
      expect(text).toContain('2026-영-1234');
      // The compound has no photo on file: its box says so; the fugitive's photo is embedded.
      expect(text).toContain(comparable(l.noPhoto));
      expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
      // Both zones for H-hour.
      expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d KST · \d{4}-\d\d-\d\d \d\d:\d\d ICT/);
      // Every page ends with its stamps: the marking, the header, the reference, the marking, the numbered footer.
      const marking =
        lang === 'ko'
          ? 'TLP:AMBER · H2 — 제공 기관의 허가 없이 추가 배포 금지'
          : 'TLP:AMBER · H2 — not to be disseminated further without the provider’s permission';
      expect(pages.length).toBeGreaterThan(2);
      for (const [i, page] of pages.entries()) {
        const [top, header, reference, bottom, footer] = page.trimEnd().split('\n').slice(-5);
        expect({ top, bottom }, `page ${i + 1}`).toEqual({ top: marking, bottom: marking });
        expect(header).toBe('CNP · KNPA — DAWN HARBOUR');
        expect(reference).toMatch(/^CNP-OP-\d{4}-\d{4}$/);
        expect(footer).toMatch(new RegExp(`^CNP-OP-\\d{4}-\\d{4} · .* UTC · ${i + 1} / ${pages.length}$`));
      }
    });
  }

  it('is audited as a download, with the language and the file’s SHA-256', async () => {
    await pack(commander.client, 'km');
    const entry = await t.node.app.db
      .selectFrom('audit_log')
      .select(['action', 'record_type', 'record_id', 'details', 'actor_id'])
      .where('action', '=', 'operation.briefing_downloaded')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      record_type: 'operation',
      record_id: operationId,
      actor_id: commander.actor.userId,
    });
    expect(entry.details).toMatchObject({ language: 'km', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('is refused without operations.read, and hidden from who may not read the operation', async () => {
    const consular = await t.signIn(['consular_officer'], 'KNPA');
    expect((await pack(consular, 'en')).statusCode).toBe(403);
    // A TLP:RED plan stays with its agency and the officers on its teams: the partner's investigator reads
    // neither the operation nor its pack.
    const partner = await t.signIn(['investigator'], 'KNPA');
    expect((await partner.get(`/api/v1/operations/${secretOperationId}`)).statusCode).toBe(404);
    expect((await pack(partner, 'en', secretOperationId)).statusCode).toBe(404);
    expect((await pack(partner, 'en')).statusCode).toBe(200);
  });

  it('names the field of a language it does not make', async () => {
    const response = await commander.client.get(`/api/v1/operations/${operationId}/briefing.pdf?lang=fr`);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('lang');
  });
});
