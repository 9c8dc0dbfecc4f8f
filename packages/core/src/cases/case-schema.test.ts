import { describe, expect, it } from 'vitest';
import { CaseListQuery } from './case-query.ts';
import { Case, CaseInput, CasePatch } from './case-schema.ts';

const validCase = {
  title: 'Golden Fortune compound: voice-phishing ring',
  language: 'ko',
  crimeTypes: ['voice_phishing', 'confinement'],
  leadAgency: 'KNPA',
  markings: { tlp: 'AMBER', handlingCode: 'H2' },
};

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('/'));

describe('case input', () => {
  it('accepts a minimal case and fills the defaults', () => {
    const parsed = CaseInput.parse(validCase);
    expect(parsed).toMatchObject({
      priority: 'normal',
      summary: '',
      participatingUnitIds: [],
      assignedOfficerIds: [],
    });
  });

  it('rejects crime types outside the taxonomy, and an empty list', () => {
    expect(paths(CaseInput.safeParse({ ...validCase, crimeTypes: ['jaywalking'] }))).toEqual([
      'crimeTypes/0',
    ]);
    expect(paths(CaseInput.safeParse({ ...validCase, crimeTypes: [] }))).toEqual(['crimeTypes']);
  });

  it('needs a handling note with handling code H3', () => {
    const h3 = { ...validCase, markings: { tlp: 'RED', handlingCode: 'H3' } };
    expect(paths(CaseInput.safeParse(h3))).toEqual(['markings/handlingNote']);
    const noted = { ...h3, markings: { ...h3.markings, handlingNote: 'Not to be shared with the embassy' } };
    expect(CaseInput.safeParse(noted).success).toBe(true);
  });

  it('rejects unknown fields and an over-long title', () => {
    expect(CaseInput.safeParse({ ...validCase, status: 'closed' }).success).toBe(false);
    expect(paths(CaseInput.safeParse({ ...validCase, title: 'x'.repeat(201) }))).toEqual(['title']);
  });

  it('refuses a title of zero-width spaces as no title at all', () => {
    const result = CaseInput.safeParse({ ...validCase, title: '\u200b\u200b\u200b' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['title'], message: 'Give the case a title' }),
    ]);
    expect(CasePatch.safeParse({ title: '\ufeff\u200d ' }).error?.issues[0]?.message).toBe(
      'Give the case a title',
    );
  });

  it('drops bidirectional overrides and isolates from the title and summary, and composes Hangul', () => {
    const parsed = CaseInput.parse({
      ...validCase,
      title: 'Golden \u202eFortune\u202c \u2066compound\u2069',
      summary: '\u1112\u1161\u11ab \u202bsummary',
    });
    expect(parsed.title).toBe('Golden Fortune compound');
    expect(parsed.summary).toBe('한 summary');
  });

  it('refuses a control character in a title, naming it', () => {
    const result = CaseInput.safeParse({ ...validCase, title: 'Golden\u0000Fortune' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['title'], code: 'invalid_format', format: 'text' }),
    ]);
  });

  it('patches a single field, without defaults creeping in, and refuses an empty patch', () => {
    expect(CasePatch.parse({ priority: 'critical' })).toEqual({ priority: 'critical' });
    expect(CasePatch.safeParse({}).success).toBe(false);
    expect(CasePatch.safeParse({ status: 'closed' }).success).toBe(false);
  });

  it('ties a close reason to the closed status in the output', () => {
    const stored = {
      ...CaseInput.parse(validCase),
      id: '0b9e6f1c-3c1e-4d3a-9a57-8d4c7f0a2b11',
      number: 'KNPA-2026-000137',
      status: 'closed',
      closeReason: null,
      createdBy: '5c0e2f8a-7d7b-4f0e-8a3e-2b1c9d4e6f70',
      createdAt: '2026-01-23T09:00:00+09:00',
      updatedAt: '2026-01-24T09:00:00+09:00',
      version: 3,
    };
    expect(paths(Case.safeParse(stored))).toEqual(['closeReason']);
    expect(Case.safeParse({ ...stored, closeReason: 'solved' }).success).toBe(true);
  });
});

describe('case list query', () => {
  it('reads comma-separated statuses and coerces the page size', () => {
    expect(CaseListQuery.parse({ status: 'open,active', limit: '20' })).toEqual({
      status: ['open', 'active'],
      sort: 'updatedAt',
      direction: 'desc',
      limit: 20,
    });
  });

  it('caps the page size at 200 and rejects a reversed date range', () => {
    expect(CaseListQuery.safeParse({ limit: '201' }).success).toBe(false);
    expect(paths(CaseListQuery.safeParse({ createdFrom: '2026-02-01', createdTo: '2026-01-01' }))).toEqual([
      'createdTo',
    ]);
  });
});
