import { describe, expect, it } from 'vitest';
import { applyRoleChange, type RoleHistory } from './person-role.ts';

const officer = '5c0e2f8a-7d7b-4f0e-8a3e-2b1c9d4e6f70';
const none: RoleHistory = { role: null, history: [] };

describe('person roles', () => {
  it('records a rescued victim later investigated as a suspect, with history', () => {
    const victim = applyRoleChange(none, {
      role: 'victim',
      reason: 'Reported confined by family',
      changedBy: officer,
      changedAt: '2025-10-01T09:00:00+09:00',
    });
    const suspect = applyRoleChange(victim, {
      role: 'suspect',
      reason: 'Screening found he ran the mule-account team',
      changedBy: officer,
      changedAt: '2025-11-02T09:00:00+07:00',
    });
    expect(suspect.role).toBe('suspect');
    expect(suspect.history.map((change) => change.role)).toEqual(['victim', 'suspect']);
    expect(victim.history).toHaveLength(1);
  });

  it('rejects a change that keeps the same role', () => {
    const victim = { role: 'victim' as const, history: [] };
    const change = {
      role: 'victim' as const,
      reason: 'again',
      changedBy: officer,
      changedAt: '2025-10-01T00:00:00Z',
    };
    expect(() => applyRoleChange(victim, change)).toThrow(
      expect.objectContaining({ code: 'invalid-transition' }),
    );
  });

  it('rejects a change without a real reason, pointing at the field', () => {
    const change = {
      role: 'witness' as const,
      reason: ' ok ',
      changedBy: officer,
      changedAt: '2025-10-01T00:00:00Z',
    };
    expect(() => applyRoleChange(none, change)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        fields: [expect.objectContaining({ path: '/reason' })],
      }),
    );
  });

  it('rejects a change dated before the previous one', () => {
    const first = applyRoleChange(none, {
      role: 'victim',
      reason: 'Rescued in raid',
      changedBy: officer,
      changedAt: '2025-12-05T00:00:00Z',
    });
    const backdated = {
      role: 'witness' as const,
      reason: 'Testified',
      changedBy: officer,
      changedAt: '2025-12-01T00:00:00Z',
    };
    expect(() => applyRoleChange(first, backdated)).toThrow(/before the previous/);
  });
});
