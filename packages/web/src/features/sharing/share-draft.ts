import type { CaseShareInput } from '@liaison/core/exchange/schemas';
import type { CaseShare } from './sharing-api.ts';

/** The parts of a case a share can carry besides its header, in the order the form offers them. */
export const shareScopes = ['tasks', 'notes', 'entities', 'attachments', 'fugitives', 'operations'] as const;
export type ShareScope = (typeof shareScopes)[number];
type ShareMarkings = CaseShareInput['markings'];

/** The share form as it is kept as a draft (strings and lists, as the controls hold them). */
export interface ShareDraft {
  peer: string;
  scope: ShareScope[];
  legalBasis: ShareMarkings['legalBasis']['kind'];
  legalReference: string;
  purpose: string;
  retainUntil: string;
  sourceReliability: ShareMarkings['sourceReliability'];
  informationAccuracy: ShareMarkings['informationAccuracy'];
  categories: string[];
}

export function emptyShareDraft(): ShareDraft {
  return {
    peer: '',
    scope: ['tasks', 'notes'],
    legalBasis: 'police_cooperation',
    legalReference: '',
    purpose: '',
    retainUntil: '',
    sourceReliability: 'X',
    informationAccuracy: '4',
    categories: [],
  };
}

/** The request body: empty optional fields are left out, so the server's rules (and defaults) apply. */
export function shareInput(caseId: string, draft: ShareDraft): CaseShareInput {
  const reference = draft.legalReference.trim();
  return {
    caseId,
    peer: draft.peer,
    scope: shareScopes.filter((scope) => draft.scope.includes(scope)),
    markings: {
      legalBasis: { kind: draft.legalBasis, ...(reference && { reference }) },
      purpose: draft.purpose.trim(),
      ...(draft.retainUntil && { retainUntil: draft.retainUntil }),
      sourceReliability: draft.sourceReliability,
      informationAccuracy: draft.informationAccuracy,
    },
    categories: draft.categories as CaseShareInput['categories'],
  };
}

/** Adds or removes one value of a list of checkboxes, keeping the others. */
export function toggled<T extends string>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
}

/** The partner that shared a mirrored case with us, if this case is a partner's. */
export function mirrorOrigin(shares: readonly CaseShare[] | undefined): CaseShare | undefined {
  return shares?.find((share) => share.role === 'mirror');
}

/** A share whose message is still on its way (the list looks again shortly). */
export function awaitingDelivery(shares: readonly CaseShare[] | undefined): boolean {
  return (shares ?? []).some((s) => s.delivery?.state === 'queued' || s.delivery?.state === 'sent');
}
