import type { FugitiveFlags, FugitiveState, WarrantFlag } from './schemas.ts';

// The register's watch flags (not the fugitive flag, which is flag-*.ts): a warrant about to expire or expired
// — a lapsed warrant means no arrest on boarding — and a fugitive left too long in one state. Computed by the
// flag job for every open record, and on every write for the one record written.

/** A warrant this many days or fewer from expiry is flagged "expiring". */
export const warrantWarningDays = 30;

/**
 * How long a fugitive may stay in a state before the record is flagged stalled. A sighting should be checked
 * within two weeks; an arrest should lead to detention within three days; detention and removal within a month.
 * "Wanted" and "closed" never stall.
 */
export const stallLimitDays: Record<FugitiveState, number | null> = {
  wanted: null,
  sighted: 14,
  located: 14,
  under_surveillance: 30,
  arrested: 3,
  detained: 30,
  removal_in_progress: 30,
  handed_over: 14,
  closed: null,
};

const dayMs = 24 * 60 * 60 * 1000;

/** Whole calendar days (UTC) from `from` to the date `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysUntil(from: Date, to: string): number {
  const today = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return Math.round((Date.parse(`${to}T00:00:00Z`) - today) / dayMs);
}

/** "expired" once the expiry date has passed, "expiring" within the warning days (the last day included). */
export function warrantFlagOf(
  expiresOn: string | null,
  now: Date,
): { flag: WarrantFlag | null; daysLeft: number | null } {
  if (!expiresOn) return { flag: null, daysLeft: null };
  const daysLeft = daysUntil(now, expiresOn);
  const flag = daysLeft < 0 ? 'expired' : daysLeft <= warrantWarningDays ? 'expiring' : null;
  return { flag, daysLeft };
}

export interface FlagInput {
  status: FugitiveState;
  /** When the last step happened (its date, not when it was recorded). */
  lastStepAt: string | Date;
  warrantExpiresOn: string | null;
}

export function computeRegisterFlags(
  input: FlagInput,
  now: Date,
  limits: Record<FugitiveState, number | null> = stallLimitDays,
): FugitiveFlags {
  const last =
    typeof input.lastStepAt === 'string' ? Date.parse(input.lastStepAt) : input.lastStepAt.getTime();
  const daysInState = Math.max(0, Math.floor((now.getTime() - last) / dayMs));
  const limit = limits[input.status];
  // A warrant matters until he is handed over (it is executed on boarding); after that its expiry is moot.
  const warrantMatters = input.status !== 'handed_over' && input.status !== 'closed';
  const warrant = warrantMatters
    ? warrantFlagOf(input.warrantExpiresOn, now)
    : { flag: null, daysLeft: null };
  return {
    warrant: warrant.flag,
    warrantDaysLeft: warrant.daysLeft,
    stalled: limit !== null && daysInState > limit,
    daysInState,
    stallLimitDays: limit,
    computedAt: now.toISOString(),
  };
}
