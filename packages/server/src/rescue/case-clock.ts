import { type RescueState, type RiskLevel, stageClock } from '@liaison/core/rescue/index';

/** Where a case stands against its stage's deadline (the board and the case page show the same clock). */
export function clockOf(row: { state: string; state_entered_at: Date; risk_level: string }, now: Date) {
  return stageClock(row.state as RescueState, row.state_entered_at, row.risk_level as RiskLevel, now);
}
