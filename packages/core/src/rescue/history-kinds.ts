/**
 * What a rescue case's history line records (`rescue_case_events.kind`). The server writes these; the web shows
 * each in the reader's language (web ui/enum-labels.ts), so a new kind is added here first.
 */
export const rescueHistoryKinds = [
  'reported',
  'state_changed',
  'escalated',
  'risk_overridden',
  'screened',
  'role_changed',
  'consent_recorded',
  'non_punishment_set',
  'location_updated',
  'file_added',
  'repatriation_updated',
  'rescue_request_produced',
  'team_added',
  'team_removed',
  'taken_from_triage',
  'duplicate_review_requested',
  'merged',
  'merged_into',
  'graph_hits',
] as const;
export type RescueHistoryKind = (typeof rescueHistoryKinds)[number];

/** Where an identifier of a report was read from (`ReportIdentifier.source`). */
export const reportIdentifierSources = [
  'ransom.account',
  'ransom.wallet',
  'person.phone',
  'person.telegram',
  'person.kakaotalk',
  'narrative',
] as const;
