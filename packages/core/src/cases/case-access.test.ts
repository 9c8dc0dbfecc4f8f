import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, UserPrincipal } from '../accounts/actor.ts';
import { type CaseAccessFacts, canSeeCase, canWriteCase } from './case-access.ts';

const agency = '00000000-0000-4000-8000-000000000001';
const otherAgency = '00000000-0000-4000-8000-000000000002';
const unit = '00000000-0000-4000-8000-0000000000a1';

function actor(overrides: Partial<UserPrincipal> = {}): Actor {
  return {
    userId: 'u1',
    agencyId: agency,
    agencyCode: 'KNPA',
    unitId: unit,
    roles: ['investigator'],
    email: 'a@b',
    displayName: 'A',
    via: 'session',
    ...overrides,
  };
}

function facts(overrides: Partial<CaseAccessFacts> = {}): CaseAccessFacts {
  return {
    ownerAgencyId: agency,
    tlp: 'AMBER',
    participatingUnitIds: [],
    assignedOfficerIds: [],
    createdBy: 'someone',
    ...overrides,
  };
}

describe('canSeeCase', () => {
  it('shows a case to its own agency, a participating unit and assigned officers', () => {
    expect(canSeeCase(actor(), facts())).toBe(true);
    expect(canSeeCase(actor({ agencyId: otherAgency }), facts())).toBe(false);
    expect(canSeeCase(actor({ agencyId: otherAgency }), facts({ participatingUnitIds: [unit] }))).toBe(true);
    expect(
      canSeeCase(actor({ agencyId: otherAgency, unitId: null }), facts({ assignedOfficerIds: ['u1'] })),
    ).toBe(true);
  });

  it('shows a TLP:RED case only to its creator and assigned officers', () => {
    expect(canSeeCase(actor(), facts({ tlp: 'RED', participatingUnitIds: [unit] }))).toBe(false);
    expect(canSeeCase(actor(), facts({ tlp: 'RED', createdBy: 'u1' }))).toBe(true);
    expect(canSeeCase(actor(), facts({ tlp: 'RED', assignedOfficerIds: ['u1'] }))).toBe(true);
  });

  it('needs cases.read, and cases.write to write', () => {
    expect(canSeeCase(actor({ roles: ['consular_officer'] }), facts({ createdBy: 'u1' }))).toBe(false);
    expect(canWriteCase(actor({ roles: ['forensic_examiner'] }), facts())).toBe(false);
    expect(canSeeCase(actor({ roles: ['forensic_examiner'] }), facts())).toBe(true);
  });

  it('never shows a RED case to someone neither creator nor assigned, whatever else holds', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (sameAgency, unitParticipates) => {
        const c = facts({
          tlp: 'RED',
          ownerAgencyId: sameAgency ? agency : otherAgency,
          participatingUnitIds: unitParticipates ? [unit] : [],
        });
        return !canSeeCase(actor(), c);
      }),
    );
  });
});
