import {
  HandlingCode,
  InformationAccuracy,
  Language,
  LegalBasisKind,
  Role,
  RoleGrantState,
  SourceReliability,
  TimeZone,
} from '@liaison/core';
import { CaseSortField } from '@liaison/core/cases/case-query';
import { Priority as CasePriority, CrimeTypeCode } from '@liaison/core/cases/case-schema';
import { CaseStatus, CloseReason } from '@liaison/core/cases/case-status';
import { PersonRole } from '@liaison/core/cases/person-role';
import { TaskStatus } from '@liaison/core/cases/task-schema';
import { TimelineEventKind } from '@liaison/core/cases/timeline-schema';
import { CompoundStatus } from '@liaison/core/compounds/compound-schema';
import { caseShareStates, ExchangeKind, Priority as ExchangePriority } from '@liaison/core/exchange/schemas';
import { FlagSource, FlagStatus } from '@liaison/core/fugitives/flag-schemas';
import {
  FlightKind,
  MemberRole,
  ProposalReason,
  RemovalKind,
  RemovalStatus,
} from '@liaison/core/fugitives/removal-schemas';
import {
  DangerMarkerCode,
  FugitiveCloseReason,
  FugitiveState,
  NameKind,
  NameScript,
  NoticeStatus,
  NoticeType,
  PassportStatus,
  Sex,
  SightingSource,
  Verification,
  WarrantFlag,
} from '@liaison/core/fugitives/schemas';
import { MatchVerdictView } from '@liaison/core/graph/correlation-views';
import { entityTypeNames } from '@liaison/core/graph/entity-types';
import { messengerPlatforms } from '@liaison/core/identifiers/messenger';
import { identifierKinds } from '@liaison/core/identifiers/types';
import {
  LegalAuthorityKind,
  LogEntryKind,
  RiskLevel as OperationRisk,
  OperationStatus,
  SeizureCategory,
  TargetKind,
  TeamRole,
} from '@liaison/core/operations/schemas';
import { MATCH_REASON_CODES } from '@liaison/core/persons/reason-codes';
import { DataCategory } from '@liaison/core/policy/context';
import { reportIdentifierSources, rescueHistoryKinds } from '@liaison/core/rescue/history-kinds';
import { cambodianProvinceIds } from '@liaison/core/rescue/provinces';
import { RepatriationStep } from '@liaison/core/rescue/repatriation';
import { ReportChannel, ReporterRelation } from '@liaison/core/rescue/report-schema';
import { RiskIndicator, RiskLevel, type RiskReason } from '@liaison/core/rescue/risk';
import { riskCombinations, riskReasonCode } from '@liaison/core/rescue/risk-labels';
import { ScreeningIndicator, ScreeningOutcome } from '@liaison/core/rescue/screening';
import { rescueStates } from '@liaison/core/rescue/states';
import { rescueOutcomes } from '@liaison/core/rescue/stats';
import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

type Values = readonly string[] | { readonly options: readonly string[] };
const list = (values: Values): readonly string[] => ('options' in values ? values.options : values);

/**
 * Where each code of the core finds its words: the one map from a core enum to its catalogue key. A screen shows
 * a code only through `enumLabel`, and `enum-labels.test.ts` checks every value of every enum here has words in
 * en, ko and km, and that every enum the core exports is here or in `notShown` with its reason.
 */
export const enumCatalogue = {
  riskLevel: { values: list(RiskLevel), key: 'ui:enums.riskLevel' },
  province: { values: cambodianProvinceIds, key: 'ui:enums.province' },
  reportChannel: { values: list(ReportChannel), key: 'ui:enums.reportChannel' },
  reporterRelation: { values: list(ReporterRelation), key: 'public-report:relations' },
  riskIndicator: { values: list(RiskIndicator), key: 'public-report:ind' },
  riskReason: { values: [...list(RiskIndicator), ...riskCombinations], key: 'ui:enums.riskReason' },
  rescueState: { values: rescueStates, key: 'ui:enums.rescueState' },
  rescueHistory: { values: rescueHistoryKinds, key: 'ui:enums.rescueHistory' },
  identifierSource: { values: reportIdentifierSources, key: 'ui:enums.identifierSource' },
  rescueOutcome: { values: rescueOutcomes, key: 'ui:enums.rescueOutcome' },
  repatriationStep: { values: list(RepatriationStep), key: 'rescue:forms.repatriation.steps' },
  screeningIndicator: { values: list(ScreeningIndicator), key: 'rescue:forms.screening.indicators' },
  screeningOutcome: { values: list(ScreeningOutcome), key: 'rescue:forms.screening.outcomes' },
  compoundStatus: { values: list(CompoundStatus), key: 'ui:enums.compoundStatus' },
  sex: { values: list(Sex), key: 'fugitives:sex' },
  identifierKind: { values: identifierKinds, key: 'hits:kinds' },
  messengerPlatform: { values: messengerPlatforms, key: 'ui:enums.messengerPlatform' },
  entityType: { values: entityTypeNames, key: 'ui:enums.entityType' },
  language: { values: list(Language), key: 'ui:enums.language' },
  role: { values: list(Role), key: 'ui:roles' },
  roleGrantState: { values: list(RoleGrantState), key: 'ui:enums.roleGrantState' },
  timeZone: { values: list(TimeZone), key: 'ui:zones' },
  legalBasis: { values: list(LegalBasisKind), key: 'ui:markings.legalBases' },
  sourceReliability: { values: list(SourceReliability), key: 'ui:markings.reliability' },
  informationAccuracy: { values: list(InformationAccuracy), key: 'ui:markings.accuracy' },
  handlingCode: { values: list(HandlingCode), key: 'ui:markings.handlingHelp' },
  caseStatus: { values: list(CaseStatus), key: 'cases:status' },
  casePriority: { values: list(CasePriority), key: 'cases:priority' },
  caseSort: { values: list(CaseSortField), key: 'cases:sort' },
  closeReason: { values: list(CloseReason), key: 'cases:closeReason' },
  crimeType: { values: list(CrimeTypeCode), key: 'ui:enums.crimeType' },
  personRole: { values: list(PersonRole), key: 'graph:roles' },
  taskStatus: { values: list(TaskStatus), key: 'cases:tasks.statuses' },
  timelineEventKind: { values: list(TimelineEventKind), key: 'cases:timeline.kinds' },
  exchangeKind: { values: list(ExchangeKind), key: 'exchange:kind' },
  exchangePriority: { values: list(ExchangePriority), key: 'exchange:priority' },
  caseShareState: { values: caseShareStates, key: 'sharing:state' },
  dataCategory: { values: list(DataCategory), key: 'exchange:category' },
  flagSource: { values: list(FlagSource), key: 'fugitive-flag:source' },
  flagStatus: { values: list(FlagStatus), key: 'fugitive-flag:status' },
  flightKind: { values: list(FlightKind), key: 'removals:flightKind' },
  memberRole: { values: list(MemberRole), key: 'removals:role' },
  proposalReason: { values: list(ProposalReason), key: 'removals:proposal' },
  removalKind: { values: list(RemovalKind), key: 'removals:kind' },
  removalStatus: { values: list(RemovalStatus), key: 'removals:status' },
  dangerMarker: { values: list(DangerMarkerCode), key: 'fugitives:danger' },
  fugitiveCloseReason: { values: list(FugitiveCloseReason), key: 'fugitives:closeReason' },
  fugitiveState: { values: list(FugitiveState), key: 'fugitives:state' },
  fugitiveNameKind: { values: list(NameKind), key: 'fugitives:nameKind' },
  nameScript: { values: list(NameScript), key: 'fugitives:script' },
  noticeStatus: { values: list(NoticeStatus), key: 'fugitives:noticeStatus' },
  noticeType: { values: list(NoticeType), key: 'fugitives:notice' },
  passportStatus: { values: list(PassportStatus), key: 'fugitives:passport' },
  sightingSource: { values: list(SightingSource), key: 'fugitives:source' },
  verification: { values: list(Verification), key: 'fugitives:verification' },
  warrantFlag: { values: list(WarrantFlag), key: 'fugitives:flag' },
  matchVerdict: { values: list(MatchVerdictView), key: 'graph:candidates.verdict' },
  matchReason: { values: MATCH_REASON_CODES, key: 'graph:matchReasons' },
  legalAuthority: { values: list(LegalAuthorityKind), key: 'operations:authKind' },
  logEntryKind: { values: list(LogEntryKind), key: 'operations:log' },
  operationStatus: { values: list(OperationStatus), key: 'operations:status' },
  operationRisk: { values: list(OperationRisk), key: 'ui:enums.riskLevel' },
  seizureCategory: { values: list(SeizureCategory), key: 'operations:seizure' },
  targetKind: { values: list(TargetKind), key: 'ui:enums.targetKind' },
  teamRole: { values: list(TeamRole), key: 'operations:role' },
} as const;

export type EnumName = keyof typeof enumCatalogue;

/** The catalogue key of one code (the same key in every language). */
export function enumKey(name: EnumName, value: string): string {
  return `${enumCatalogue[name].key}.${value}`;
}

/** A code in the reader's words; a code the catalogue does not know (a newer peer's) is shown spaced, not as `snake_case`. */
export function enumLabel(name: EnumName, value: string, t: TFunction = i18next.t): string {
  const key = enumKey(name, value);
  if (i18next.exists(key)) return String(t(key));
  if (i18next.exists(`${key}_other`)) return String(t(key, { count: 2 }));
  return value.replace(/_/g, ' ');
}

/** `enumLabel` bound to the component's translation, so it re-renders when the language changes. */
export function useEnumLabel(): (name: EnumName, value: string) => string {
  const { t } = useTranslation();
  return (name, value) => enumLabel(name, value, t);
}

/** A risk reason in the reader's words (a text this version does not know is kept as written). */
export function riskReasonLabel(reason: RiskReason, t: TFunction = i18next.t): string {
  const code = riskReasonCode(reason);
  return code ? enumLabel('riskReason', code, t) : reason.text;
}
