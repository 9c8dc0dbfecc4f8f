import { escortRule } from './removal-rules.ts';
import type { EscortProposal, FlightProposal } from './removal-schemas.ts';

/**
 * What flights the planner proposes for `suspects` escorted suspects: up to the commercial limit, one
 * commercial flight; above it a charter, or — when the user asks for commercial flights — as many commercial
 * flights as the limit needs, filled in order. The explanation says why, in English; the web says it from
 * `reason` and the numbers.
 */
export function proposeFlights(suspects: number, mode: 'auto' | 'commercial' = 'auto'): FlightProposal {
  const max = escortRule.commercialMaxSuspects;
  const per = escortRule.escortsPerSuspect;
  const escortsNeeded = suspects * per;
  if (suspects <= 0)
    return {
      kind: null,
      flights: [],
      suspects: 0,
      escortsNeeded: 0,
      reason: 'none',
      explanation: 'Add the suspects to remove: the planner proposes flights for them.',
    };
  if (suspects <= max)
    return {
      kind: 'commercial',
      flights: [{ kind: 'commercial', suspects }],
      suspects,
      escortsNeeded,
      reason: 'commercial_fits',
      explanation: `${suspects} suspect${suspects === 1 ? '' : 's'} with ${escortsNeeded} escorts fit on one commercial flight (at most ${max} escorted suspects, ${per} escorts each).`,
    };
  if (mode === 'commercial') {
    const count = Math.ceil(suspects / max);
    const flights = Array.from({ length: count }, (_, i) => ({
      kind: 'commercial' as const,
      suspects: Math.min(max, suspects - i * max),
    }));
    return {
      kind: 'commercial',
      flights,
      suspects,
      escortsNeeded,
      reason: 'commercial_split',
      explanation: `${suspects} suspects need ${count} commercial flights: each carries at most ${max} escorted suspects with ${per} escorts each (${escortsNeeded} escorts in all).`,
    };
  }
  return {
    kind: 'charter',
    flights: [{ kind: 'charter', suspects }],
    suspects,
    escortsNeeded,
    reason: 'charter_over_limit',
    explanation: `${suspects} suspects are more than a commercial flight may carry (${max} escorted suspects, ${per} escorts each): a charter is proposed, with ${escortsNeeded} escorts and seats for them all.`,
  };
}

export interface EscortNeed {
  suspectId: string;
  /** Officers (user ids) already escorting this suspect. */
  escortUserIds: readonly string[];
  /** How many escorts the suspect has in all, named officers and others. */
  escortCount: number;
}

/**
 * Proposes officers from `pool` (in its order) for every suspect short of the rule's escorts, never an officer
 * who already escorts someone in this removal, nor one officer for two suspects. Suspects are served in order,
 * one officer at a time round the group, so a short pool leaves every suspect with one escort before any gets a
 * second. `shortBy` counts the escorts still missing.
 */
export function proposeEscorts(needs: readonly EscortNeed[], pool: readonly string[]): EscortProposal {
  const taken = new Set(needs.flatMap((n) => n.escortUserIds));
  const free = [...new Set(pool)].filter((id) => !taken.has(id));
  const missing = needs.map((n) => Math.max(0, escortRule.escortsPerSuspect - n.escortCount));
  const picked = needs.map(() => [] as string[]);
  let next = 0;
  for (let round = 0; round < escortRule.escortsPerSuspect; round++)
    needs.forEach((_, i) => {
      if (picked[i]!.length < missing[i]! && next < free.length) picked[i]!.push(free[next++]!);
    });
  const shortBy = missing.reduce((sum, m, i) => sum + m - picked[i]!.length, 0);
  return {
    assignments: needs
      .map((n, i) => ({ suspectId: n.suspectId, userIds: picked[i]! }))
      .filter((a) => a.userIds.length > 0),
    shortBy,
  };
}
