import { z } from 'zod';
import { LiaisonError } from '../errors/catalogue.ts';

/** The main path of a rescue case, in order. */
export const rescuePath = [
  'reported',
  'verifying',
  'located',
  'rescue_requested',
  'rescue_planned',
  'rescued',
  'in_protection',
  'repatriated',
  'closed',
] as const;

/** Ways a case ends without a rescue; each is then closed. */
export const sideOutcomes = ['resolved_safe', 'not_found', 'declined_help'] as const;

export const rescueStates = [...rescuePath, ...sideOutcomes] as const;
export const RescueState = z.enum(rescueStates);
export type RescueState = z.infer<typeof RescueState>;
export type SideOutcome = (typeof sideOutcomes)[number];

export interface RescueTransition {
  from: RescueState;
  to: RescueState;
  /** Leaving the main path must be explained in the case history. */
  reasonRequired: boolean;
}

/** States from which a case may still end without a rescue (before anyone is in our hands). */
const openStates = ['reported', 'verifying', 'located', 'rescue_requested', 'rescue_planned'] as const;
/** Compounds move people after tip-offs and raids: a located person can be lost again. */
const relocatableStates = ['located', 'rescue_requested', 'rescue_planned'] as const;

/** Every allowed change of state, as data (the web client draws its buttons from it). */
export const rescueTransitions: readonly RescueTransition[] = [
  ...rescuePath.slice(0, -1).map((from, i) => ({ from, to: rescuePath[i + 1]!, reasonRequired: false })),
  ...openStates.flatMap((from) => sideOutcomes.map((to) => ({ from, to, reasonRequired: true }))),
  ...relocatableStates.map((from) => ({ from, to: 'verifying' as const, reasonRequired: true })),
  ...sideOutcomes.map((from) => ({ from, to: 'closed' as const, reasonRequired: false })),
];

export function findRescueTransition(from: RescueState, to: RescueState): RescueTransition | undefined {
  return rescueTransitions.find((t) => t.from === from && t.to === to);
}

export function nextRescueStates(from: RescueState): RescueState[] {
  return rescueTransitions.filter((t) => t.from === from).map((t) => t.to);
}

export function isSideOutcome(state: RescueState): state is SideOutcome {
  return (sideOutcomes as readonly string[]).includes(state);
}

/** Throws `invalid-transition` unless `from → to` is allowed and carries a reason where one is needed. */
export function assertRescueTransition(
  from: RescueState,
  to: RescueState,
  options: { reason?: string | undefined } = {},
): RescueTransition {
  const transition = findRescueTransition(from, to);
  if (!transition) {
    const allowed = nextRescueStates(from);
    const hint = allowed.length > 0 ? `allowed next: ${allowed.join(', ')}` : 'it is final';
    throw new LiaisonError('invalid-transition', `A rescue case cannot go from ${from} to ${to} (${hint})`, {
      extra: { from, to, allowed },
    });
  }
  if (transition.reasonRequired && (options.reason?.trim().length ?? 0) === 0) {
    throw new LiaisonError('invalid-transition', `Going from ${from} to ${to} needs a reason`, {
      extra: { from, to },
      fields: [{ path: '/reason', message: 'Give a reason for this change' }],
    });
  }
  return transition;
}

/** Labels for each state. Khmer wording is a first draft to be reviewed by the Cambodian officers. */
export const rescueStateLabels: Record<RescueState, { en: string; ko: string; km: string }> = {
  reported: { en: 'Reported', ko: '신고 접수', km: 'បានទទួលរបាយការណ៍' },
  verifying: { en: 'Verifying', ko: '사실 확인 중', km: 'កំពុងផ្ទៀងផ្ទាត់' },
  located: { en: 'Located', ko: '위치 확인', km: 'បានកំណត់ទីតាំង' },
  rescue_requested: { en: 'Rescue requested', ko: '구출 요청', km: 'បានស្នើសុំជួយសង្គ្រោះ' },
  rescue_planned: { en: 'Rescue planned', ko: '구출 계획 수립', km: 'បានរៀបចំផែនការជួយសង្គ្រោះ' },
  rescued: { en: 'Rescued', ko: '구출 완료', km: 'បានជួយសង្គ្រោះ' },
  in_protection: { en: 'In protection', ko: '보호 중', km: 'ស្ថិតក្រោមការការពារ' },
  repatriated: { en: 'Repatriated', ko: '귀국 완료', km: 'បានបញ្ជូនទៅស្រុកកំណើតវិញ' },
  closed: { en: 'Closed', ko: '종결', km: 'បានបិទ' },
  resolved_safe: { en: 'Found safe', ko: '안전 확인', km: 'រកឃើញដោយសុវត្ថិភាព' },
  not_found: { en: 'Not found', ko: '소재 불명', km: 'រកមិនឃើញ' },
  declined_help: { en: 'Declined help', ko: '지원 거부', km: 'បដិសេធជំនួយ' },
};
