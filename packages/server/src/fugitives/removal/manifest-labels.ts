import type { MemberRole, RemovalKind } from '@liaison/core/fugitives/removal-schemas';

// The manifest's words, in English and Korean side by side: the airline, the escorts and the receiving unit in
// Korea all read the same sheet.

export const columnLabels = {
  flight: 'Flight / 항공편',
  no: 'No. / 번호',
  role: 'Role / 구분',
  name: 'Name / 성명',
  nameLocal: 'Name (own script) / 본명 표기',
  nationality: 'Nationality / 국적',
  birthDate: 'Birth date / 생년월일',
  passport: 'Passport / 여권번호',
  seat: 'Seat / 좌석',
  escorts: 'Escorts / 호송관',
  escorting: 'Escorting / 호송 대상',
  warrant: 'Warrant / 체포영장',
  agency: 'Agency / 소속',
} as const;

export const roleLabels: Record<'suspect' | MemberRole, string> = {
  suspect: 'Suspect / 피의자',
  escort: 'Escort / 호송관',
  crew: 'Crew / 승무원',
  medical: 'Medical / 의료진',
  interpreter: 'Interpreter / 통역',
  other: 'Other / 기타',
};

export const kindLabels: Record<RemovalKind, string> = {
  deportation: 'Deportation / 강제퇴거',
  extradition: 'Extradition / 범죄인 인도',
  voluntary_return: 'Voluntary return / 자진 귀국',
};

export const documentLabels = {
  title: 'Removal manifest / 송환 탑승자 명단',
  reference: 'Reference / 관리번호',
  kind: 'Removal / 송환 유형',
  receivingUnit: 'Receiving unit / 인수 기관',
  place: 'Hand-over place / 인계 장소',
  contact: 'Contact / 연락처',
  produced: 'Produced / 작성 일시',
  departs: 'Departs / 출발',
  arrives: 'Arrives / 도착',
  aboard: 'Aboard / 탑승 인원',
  seats: 'Seats / 좌석 수',
  counts: (c: { suspects: number; escorts: number; others: number; total: number }) =>
    `${c.total} — suspects / 피의자 ${c.suspects}, escorts / 호송관 ${c.escorts}, others / 기타 ${c.others}`,
  page: (reference: string, n: number, total: number) =>
    `${reference} · Page ${n} of ${total} / ${n}/${total}쪽`,
} as const;

export const manifestMarking =
  'TLP:AMBER+STRICT · H2 — law-enforcement use only; not to be disseminated further without the permission of the planning agency';

/** A time in Cambodia and in Korea, as both sides read it: "2026-01-23 08:30 ICT (10:30 KST)". */
export function bothZones(at: Date | null): string {
  if (!at) return '—';
  const inZone = (offsetHours: number) => new Date(at.getTime() + offsetHours * 3_600_000).toISOString();
  const ict = inZone(7);
  const kst = inZone(9);
  return `${ict.slice(0, 10)} ${ict.slice(11, 16)} ICT (${kst.slice(0, 10) === ict.slice(0, 10) ? '' : `${kst.slice(0, 10)} `}${kst.slice(11, 16)} KST)`;
}
