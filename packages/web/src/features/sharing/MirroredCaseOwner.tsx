import { useResource } from '../../app/use-resource.ts';
import { CaseOwner } from '../cases/CaseOwner.tsx';
import { caseOwnership } from '../cases/case-owner.ts';
import type { CaseSlotProps } from '../cases/case-page-slots.ts';
import { mirrorOrigin } from './share-draft.ts';
import { sharingApi } from './sharing-api.ts';

/**
 * The case summary's "Owner: …" line: on a partner's case mirrored here, the partner that shared it owns it
 * and this node's agency is the one it is shared with. Nothing until the shares are known, so the line
 * never shows this node as the owner of a partner's case, even for a moment.
 */
export function MirroredCaseOwner({ caseId, caseRecord }: CaseSlotProps) {
  const shares = useResource(() => sharingApi.list(caseId), [caseId]);
  if (!shares.data && !shares.error) return null;
  const origin = mirrorOrigin(shares.data);
  return <CaseOwner ownership={caseOwnership(caseRecord, origin?.peerAgency ?? null)} />;
}
