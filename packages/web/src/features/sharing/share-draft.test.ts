import { describe, expect, it } from 'vitest';
import { awaitingDelivery, emptyShareDraft, mirrorOrigin, shareInput, toggled } from './share-draft.ts';
import type { CaseShare } from './sharing-api.ts';

const caseId = '2f1c7d0e-8a51-4c1e-9a7e-0d6f3b2a1c00';

describe('shareInput', () => {
  it('leaves out an empty legal reference and retention date, and trims the purpose', () => {
    const input = shareInput(caseId, { ...emptyShareDraft(), peer: 'cnp', purpose: '  Joint raid  ' });
    expect(input).toEqual({
      caseId,
      peer: 'cnp',
      scope: ['tasks', 'notes'],
      markings: {
        legalBasis: { kind: 'police_cooperation' },
        purpose: 'Joint raid',
        sourceReliability: 'X',
        informationAccuracy: '4',
      },
      categories: [],
    });
  });

  it('keeps the reference, the date and the scope in the form’s order', () => {
    const input = shareInput(caseId, {
      ...emptyShareDraft(),
      peer: 'cnp',
      scope: ['attachments', 'tasks'],
      legalBasis: 'mutual_legal_assistance',
      legalReference: ' MLA-2026-17 ',
      retainUntil: '2027-06-30',
      categories: ['financial'],
    });
    expect(input.scope).toEqual(['tasks', 'attachments']);
    expect(input.markings.legalBasis).toEqual({ kind: 'mutual_legal_assistance', reference: 'MLA-2026-17' });
    expect(input.markings.retainUntil).toBe('2027-06-30');
    expect(input.categories).toEqual(['financial']);
  });
});

describe('toggled', () => {
  it('adds a value once and removes it', () => {
    expect(toggled(['tasks'], 'notes', true)).toEqual(['tasks', 'notes']);
    expect(toggled(['tasks'], 'tasks', true)).toEqual(['tasks']);
    expect(toggled(['tasks', 'notes'], 'tasks', false)).toEqual(['notes']);
  });
});

describe('share list helpers', () => {
  const share = (over: Partial<CaseShare>) => ({ role: 'origin', delivery: null, ...over }) as CaseShare;

  it('names the partner a mirrored case came from', () => {
    expect(mirrorOrigin([share({ role: 'origin' })])).toBeUndefined();
    expect(mirrorOrigin([share({ role: 'mirror', peerAgency: 'KNPA' })])?.peerAgency).toBe('KNPA');
  });

  it('waits while a share message is queued or sent, not once delivered or refused', () => {
    expect(awaitingDelivery([share({ delivery: { state: 'queued', error: null } })])).toBe(true);
    expect(awaitingDelivery([share({ delivery: { state: 'sent', error: 'HTTP 502' } })])).toBe(true);
    expect(awaitingDelivery([share({ delivery: { state: 'delivered', error: null } })])).toBe(false);
    expect(awaitingDelivery([share({ delivery: { state: 'failed', error: 'refused' } })])).toBe(false);
    expect(awaitingDelivery(undefined)).toBe(false);
  });
});
