import type { CaseView } from './cases-api.ts';

/** Who the case header names: the owner, who else holds it, and the lead agency when it is another one. */
export interface CaseOwnership {
  owner: string;
  sharedWith: string | null;
  lead: string | null;
}

/**
 * On a partner's case mirrored here, the case's agency column is this node's (it holds the copy), so the
 * header used to read "Owner: CNP / KNPA" on CNP for a KNPA case. The owner is the agency that shared it
 * (`mirroredFrom`); this node's agency is the one it is shared with. The lead agency shows when it is not
 * the owner.
 */
export function caseOwnership(
  caseRecord: Pick<CaseView, 'ownerAgency' | 'leadAgency'>,
  mirroredFrom: string | null,
): CaseOwnership {
  const owner = mirroredFrom ?? caseRecord.ownerAgency;
  const sharedWith = mirroredFrom && mirroredFrom !== caseRecord.ownerAgency ? caseRecord.ownerAgency : null;
  const lead = caseRecord.leadAgency !== owner ? caseRecord.leadAgency : null;
  return { owner, sharedWith, lead };
}
