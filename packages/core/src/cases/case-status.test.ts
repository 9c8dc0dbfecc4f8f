import { describe, expect, it } from 'vitest';
import { LiaisonError } from '../errors/catalogue.ts';
import { assertCaseTransition, type CaseStatus, caseStatuses } from './case-status.ts';

const reasonFor = (from: CaseStatus, to: CaseStatus) =>
  from === 'closed' ? 'reopened' : to === 'closed' ? 'solved' : undefined;

const allowed: Record<CaseStatus, CaseStatus[]> = {
  open: ['active', 'suspended', 'closed'],
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: ['active'],
};

describe('case status transitions', () => {
  for (const from of caseStatuses) {
    for (const to of caseStatuses) {
      const ok = allowed[from].includes(to);
      it(`${ok ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        const move = () => assertCaseTransition(from, to, reasonFor(from, to));
        if (ok) expect(move).not.toThrow();
        else expect(move).toThrow(expect.objectContaining({ code: 'invalid-transition' }));
      });
    }
  }

  it('refuses to close without a close reason', () => {
    expect(() => assertCaseTransition('active', 'closed')).toThrow(LiaisonError);
    expect(() => assertCaseTransition('active', 'closed', 'because')).toThrow(/needs a reason/);
  });

  it("reactivates a closed case only with the reason 'reopened'", () => {
    expect(() => assertCaseTransition('closed', 'active')).toThrow(/reopened/);
    expect(() => assertCaseTransition('closed', 'active', 'new evidence')).toThrow(/reopened/);
    expect(() => assertCaseTransition('closed', 'active', 'reopened')).not.toThrow();
  });
});
