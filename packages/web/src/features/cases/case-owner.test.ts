import { describe, expect, it } from 'vitest';
import { caseOwnership } from './case-owner.ts';

describe('caseOwnership', () => {
  it('names the agency that shared a mirrored case as its owner, and this node as the one it is shared with', () => {
    // The CNP node's copy of a KNPA case: the row's agency is CNP's, the lead KNPA's.
    expect(caseOwnership({ ownerAgency: 'CNP', leadAgency: 'KNPA' }, 'KNPA')).toEqual({
      owner: 'KNPA',
      sharedWith: 'CNP',
      lead: null,
    });
  });

  it('names one owner on a case of our own, and a lead agency only when it is another one', () => {
    expect(caseOwnership({ ownerAgency: 'KNPA', leadAgency: 'KNPA' }, null)).toEqual({
      owner: 'KNPA',
      sharedWith: null,
      lead: null,
    });
    expect(caseOwnership({ ownerAgency: 'KNPA', leadAgency: 'CNP' }, null)).toEqual({
      owner: 'KNPA',
      sharedWith: null,
      lead: 'CNP',
    });
  });

  it('keeps a lead agency that is neither side on a mirror', () => {
    expect(caseOwnership({ ownerAgency: 'CNP', leadAgency: 'RTP' }, 'KNPA')).toEqual({
      owner: 'KNPA',
      sharedWith: 'CNP',
      lead: 'RTP',
    });
  });
});
