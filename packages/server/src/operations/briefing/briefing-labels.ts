import type {
  LegalAuthorityKind,
  OperationStatus,
  TargetKind,
  TeamRole,
} from '@liaison/core/operations/schemas';

/**
 * The briefing pack's wording in each language. Only headings and labels are translated: what officers typed
 * (names, the objective, risks) is printed as entered. The page stamps (marking, header, footer) stay in
 * Latin script in every language, because the toolkit stamps them in the Latin/Hangul font.
 */
export const briefingLanguages = ['en', 'ko', 'km'] as const;
export type BriefingLanguage = (typeof briefingLanguages)[number];

export type BriefingLabels = Record<
  | 'title'
  | 'operation'
  | 'code'
  | 'status'
  | 'agencies'
  | 'producedAt'
  | 'producedBy'
  | 'handling'
  | 'objective'
  | 'map'
  | 'mapNote'
  | 'province'
  | 'coordinates'
  | 'borderDistance'
  | 'noLocation'
  | 'targets'
  | 'compound'
  | 'person'
  | 'address'
  | 'names'
  | 'birthDate'
  | 'nationality'
  | 'passport'
  | 'warrant'
  | 'details'
  | 'noPhoto'
  | 'intelligence'
  | 'teams'
  | 'unit'
  | 'officer'
  | 'role'
  | 'phone'
  | 'timings'
  | 'hHour'
  | 'phase'
  | 'kst'
  | 'ict'
  | 'notSet'
  | 'contacts'
  | 'legal'
  | 'koreanSide'
  | 'cambodianSide'
  | 'risks'
  | 'mitigation'
  | 'decision'
  | 'go'
  | 'noGo'
  | 'pending'
  | 'decidedBy'
  | 'reason'
  | 'occupants'
  | 'buildings'
  | 'gates'
  | 'guards'
  | 'armed'
  | 'routesIn'
  | 'routesOut'
  | 'headcount'
  | 'leader'
  | 'contact'
  | 'number'
  | 'issuedBy'
  | 'issuedOn'
  | 'validUntil'
  | 'decidedAt'
  | 'note'
  | 'none',
  string
>;

export const en: BriefingLabels = {
  title: 'JOINT OPERATION BRIEFING PACK',
  operation: 'Operation',
  code: 'Operation code',
  status: 'Status',
  agencies: 'Agencies',
  producedAt: 'Produced',
  producedBy: 'Produced by',
  handling: 'Handling',
  objective: 'Objective',
  map: 'Map',
  mapNote: 'Offline sketch on a hand-drawn outline, approximate (±10–20 km): not for navigation.',
  province: 'Province',
  coordinates: 'Coordinates (WGS 84)',
  borderDistance: 'Distance to the nearest land border',
  noLocation: 'No location recorded for the target.',
  targets: 'Targets',
  compound: 'Compound',
  person: 'Person',
  address: 'Address',
  names: 'Names',
  birthDate: 'Date of birth',
  nationality: 'Nationality',
  passport: 'Passport',
  warrant: 'Warrant',
  details: 'Details',
  noPhoto: 'No photo',
  intelligence: 'Intelligence summary',
  teams: 'Teams',
  unit: 'Unit',
  officer: 'Officer',
  role: 'Role',
  phone: 'Phone',
  timings: 'Timings',
  hHour: 'H-hour',
  phase: 'Phase',
  kst: 'KST (Seoul)',
  ict: 'ICT (Phnom Penh)',
  notSet: 'Not set',
  contacts: 'Contacts',
  legal: 'Legal authority',
  koreanSide: 'Korean side',
  cambodianSide: 'Cambodian side',
  risks: 'Risks',
  mitigation: 'Mitigation',
  decision: 'Go / no-go decision',
  go: 'GO',
  noGo: 'NO-GO',
  pending: 'Not decided yet',
  decidedBy: 'Decided by',
  reason: 'Reason',
  none: 'None recorded',
  occupants: 'Estimated occupants',
  buildings: 'Buildings',
  gates: 'Gates',
  guards: 'Guards',
  armed: 'armed',
  routesIn: 'Routes in',
  routesOut: 'Routes out',
  headcount: 'Officers (head count)',
  leader: 'Team leader',
  contact: 'Radio / phone',
  number: 'Number',
  issuedBy: 'Issued by',
  issuedOn: 'Issued on',
  validUntil: 'Valid until',
  decidedAt: 'Decided at',
  note: 'Note',
};

export const ko: BriefingLabels = {
  title: '합동작전 브리핑 자료',
  operation: '작전명',
  code: '작전 코드',
  status: '상태',
  agencies: '참여 기관',
  producedAt: '작성 일시',
  producedBy: '작성자',
  handling: '취급 구분',
  objective: '작전 목표',
  map: '지도',
  mapNote: '오프라인 개략도(손으로 그린 윤곽, 오차 ±10–20 km) — 길 안내용이 아님.',
  province: '주',
  coordinates: '좌표 (WGS 84)',
  borderDistance: '가장 가까운 육상 국경까지 거리',
  noLocation: '대상의 위치가 기록되지 않았습니다.',
  targets: '작전 대상',
  compound: '범죄 단지',
  person: '인물',
  address: '주소',
  names: '이름',
  birthDate: '생년월일',
  nationality: '국적',
  passport: '여권',
  warrant: '체포영장',
  details: '세부 사항',
  noPhoto: '사진 없음',
  intelligence: '정보 요약',
  teams: '투입 팀',
  unit: '소속 부서',
  officer: '담당관',
  role: '역할',
  phone: '전화',
  timings: '시간 계획',
  hHour: 'H시(작전 개시)',
  phase: '단계',
  kst: 'KST (서울)',
  ict: 'ICT (프놈펜)',
  notSet: '미정',
  contacts: '연락처',
  legal: '법적 근거',
  koreanSide: '한국 측',
  cambodianSide: '캄보디아 측',
  risks: '위험 요소',
  mitigation: '완화 대책',
  decision: '작전 개시 결정 (Go / No-go)',
  go: '개시 승인 (GO)',
  noGo: '개시 불가 (NO-GO)',
  pending: '아직 결정되지 않음',
  decidedBy: '결정자',
  reason: '사유',
  none: '기록 없음',
  occupants: '추정 인원',
  buildings: '건물 수',
  gates: '출입문',
  guards: '경비 인원',
  armed: '무장',
  routesIn: '진입로',
  routesOut: '탈출로',
  headcount: '인원',
  leader: '팀장',
  contact: '무전 / 전화',
  number: '번호',
  issuedBy: '발부 기관',
  issuedOn: '발부일',
  validUntil: '유효 기한',
  decidedAt: '결정 일시',
  note: '비고',
};

export const km: BriefingLabels = {
  title: 'ឯកសារសង្ខេបប្រតិបត្តិការរួម',
  operation: 'ប្រតិបត្តិការ',
  code: 'លេខកូដប្រតិបត្តិការ',
  status: 'ស្ថានភាព',
  agencies: 'ស្ថាប័នចូលរួម',
  producedAt: 'កាលបរិច្ឆេទរៀបចំ',
  producedBy: 'រៀបចំដោយ',
  handling: 'ការគ្រប់គ្រងព័ត៌មាន',
  objective: 'គោលបំណង',
  map: 'ផែនទី',
  mapNote: 'គំនូសផែនទីក្រៅបណ្ដាញ ប្រហាក់ប្រហែល (±10–20 km) មិនសម្រាប់ការធ្វើដំណើរទេ។',
  province: 'ខេត្ត',
  coordinates: 'កូអរដោនេ (WGS 84)',
  borderDistance: 'ចម្ងាយទៅព្រំដែនគោកជិតបំផុត',
  noLocation: 'មិនមានទីតាំងគោលដៅត្រូវបានកត់ត្រាទេ។',
  targets: 'គោលដៅ',
  compound: 'បរិវេណ',
  person: 'បុគ្គល',
  address: 'អាសយដ្ឋាន',
  names: 'ឈ្មោះ',
  birthDate: 'ថ្ងៃខែឆ្នាំកំណើត',
  nationality: 'សញ្ជាតិ',
  passport: 'លិខិតឆ្លងដែន',
  warrant: 'ដីកាចាប់ខ្លួន',
  details: 'ព័ត៌មានលម្អិត',
  noPhoto: 'គ្មានរូបថត',
  intelligence: 'សេចក្ដីសង្ខេបព័ត៌មានស៊ើបការណ៍',
  teams: 'ក្រុម',
  unit: 'អង្គភាព',
  officer: 'មន្ត្រី',
  role: 'តួនាទី',
  phone: 'ទូរស័ព្ទ',
  timings: 'ពេលវេលា',
  hHour: 'ម៉ោង H (ចាប់ផ្ដើម)',
  phase: 'ដំណាក់កាល',
  kst: 'KST (សេអ៊ូល)',
  ict: 'ICT (ភ្នំពេញ)',
  notSet: 'មិនទាន់កំណត់',
  contacts: 'ទំនាក់ទំនង',
  legal: 'មូលដ្ឋានច្បាប់',
  koreanSide: 'ភាគីកូរ៉េ',
  cambodianSide: 'ភាគីកម្ពុជា',
  risks: 'ហានិភ័យ',
  mitigation: 'វិធានការកាត់បន្ថយ',
  decision: 'សេចក្ដីសម្រេច ទៅ / មិនទៅ',
  go: 'អនុញ្ញាត (GO)',
  noGo: 'មិនអនុញ្ញាត (NO-GO)',
  pending: 'មិនទាន់សម្រេច',
  decidedBy: 'សម្រេចដោយ',
  reason: 'មូលហេតុ',
  none: 'គ្មានកំណត់ត្រា',
  occupants: 'ចំនួនមនុស្សប៉ាន់ស្មាន',
  buildings: 'ចំនួនអគារ',
  gates: 'ច្រកទ្វារ',
  guards: 'អ្នកយាម',
  armed: 'មានអាវុធ',
  routesIn: 'ផ្លូវចូល',
  routesOut: 'ផ្លូវចេញ',
  headcount: 'ចំនួនមន្ត្រី',
  leader: 'ប្រធានក្រុម',
  contact: 'វិទ្យុ / ទូរស័ព្ទ',
  number: 'លេខ',
  issuedBy: 'ចេញដោយ',
  issuedOn: 'ចេញថ្ងៃ',
  validUntil: 'មានសុពលភាពដល់',
  decidedAt: 'សម្រេចនៅ',
  note: 'កំណត់សម្គាល់',
};

export const briefingLabels: Record<BriefingLanguage, BriefingLabels> = { en, ko, km };

/** The operation's coded values (core/operations/schemas.ts), in each language. */
export interface BriefingTerms {
  status: Record<OperationStatus, string>;
  role: Record<TeamRole, string>;
  authority: Record<LegalAuthorityKind, string>;
  riskLevel: Record<'low' | 'medium' | 'high' | 'critical', string>;
  phase: Record<'briefing' | 'start' | 'end', string>;
  target: Record<TargetKind, string>;
  /** Europol SIENA handling codes (shared/README.md). */
  handlingCode: Record<'H0' | 'H1' | 'H2' | 'H3', string>;
}

export const terms: Record<BriefingLanguage, BriefingTerms> = {
  en: {
    status: {
      planning: 'Planning',
      go: 'GO given',
      no_go: 'NO-GO',
      under_way: 'Under way',
      completed: 'Completed',
      cancelled: 'Cancelled',
    },
    role: {
      command: 'Command',
      entry: 'Entry',
      perimeter: 'Perimeter',
      arrest: 'Arrest',
      rescue: 'Rescue',
      evidence: 'Evidence',
      forensics: 'Forensics',
      liaison: 'Liaison',
      medical: 'Medical',
      transport: 'Transport',
    },
    authority: {
      arrest_warrant: 'Arrest warrant',
      search_warrant: 'Search warrant',
      court_order: 'Court order',
      prosecutor_order: 'Prosecutor’s order',
      police_order: 'Police order',
      ministry_order: 'Ministry order',
      mla_request: 'Mutual legal assistance request',
    },
    riskLevel: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
    phase: { briefing: 'Briefing', start: 'H-hour: start of the raid', end: 'Latest end' },
    target: { compound: 'Compound', person: 'Person', address: 'Address' },
    handlingCode: {
      H0: 'use only to prevent and combat crime',
      H1: 'not to be used in judicial proceedings without the provider’s permission',
      H2: 'not to be disseminated further without the provider’s permission',
      H3: 'other restrictions apply',
    },
  },
  ko: {
    status: {
      planning: '계획 중',
      go: '개시 승인',
      no_go: '개시 불가',
      under_way: '작전 진행 중',
      completed: '종료',
      cancelled: '취소',
    },
    role: {
      command: '지휘',
      entry: '진입',
      perimeter: '외곽 봉쇄',
      arrest: '검거',
      rescue: '구조',
      evidence: '증거 수집',
      forensics: '과학수사',
      liaison: '연락',
      medical: '의료',
      transport: '호송·수송',
    },
    authority: {
      arrest_warrant: '체포영장',
      search_warrant: '압수수색영장',
      court_order: '법원 명령',
      prosecutor_order: '검사 지휘',
      police_order: '경찰 명령',
      ministry_order: '부처 명령',
      mla_request: '형사사법공조 요청',
    },
    riskLevel: { low: '낮음', medium: '보통', high: '높음', critical: '매우 높음' },
    phase: { briefing: '브리핑', start: 'H시: 작전 개시', end: '종료 시한' },
    target: { compound: '범죄 단지', person: '인물', address: '주소' },
    handlingCode: {
      H0: '범죄 예방 및 대응 목적으로만 사용',
      H1: '제공 기관의 허가 없이 재판 절차에 사용 금지',
      H2: '제공 기관의 허가 없이 추가 배포 금지',
      H3: '기타 제한 사항 적용',
    },
  },
  km: {
    status: {
      planning: 'កំពុងរៀបចំផែនការ',
      go: 'បានអនុញ្ញាត',
      no_go: 'មិនអនុញ្ញាត',
      under_way: 'កំពុងអនុវត្ត',
      completed: 'បានបញ្ចប់',
      cancelled: 'បានលុបចោល',
    },
    role: {
      command: 'បញ្ជាការ',
      entry: 'ចូលទីតាំង',
      perimeter: 'ឡោមព័ទ្ធ',
      arrest: 'ចាប់ខ្លួន',
      rescue: 'ជួយសង្គ្រោះ',
      evidence: 'ភស្តុតាង',
      forensics: 'កោសល្យវិច្ច័យ',
      liaison: 'ទំនាក់ទំនង',
      medical: 'វេជ្ជសាស្ត្រ',
      transport: 'ដឹកជញ្ជូន',
    },
    authority: {
      arrest_warrant: 'ដីកាចាប់ខ្លួន',
      search_warrant: 'ដីកាឆែកឆេរ',
      court_order: 'ដីកាតុលាការ',
      prosecutor_order: 'បញ្ជារបស់ព្រះរាជអាជ្ញា',
      police_order: 'បញ្ជារបស់នគរបាល',
      ministry_order: 'បញ្ជារបស់ក្រសួង',
      mla_request: 'សំណើជំនួយគ្នាទៅវិញទៅមកផ្នែកច្បាប់',
    },
    riskLevel: { low: 'ទាប', medium: 'មធ្យម', high: 'ខ្ពស់', critical: 'ធ្ងន់ធ្ងរ' },
    phase: { briefing: 'ការណែនាំសង្ខេប', start: 'ម៉ោង H៖ ចាប់ផ្ដើមប្រតិបត្តិការ', end: 'ពេលបញ្ចប់ចុងក្រោយ' },
    target: { compound: 'បរិវេណ', person: 'បុគ្គល', address: 'អាសយដ្ឋាន' },
    handlingCode: {
      H0: 'ប្រើសម្រាប់តែការទប់ស្កាត់ និងប្រយុទ្ធប្រឆាំងបទល្មើស',
      H1: 'មិនត្រូវប្រើក្នុងនីតិវិធីតុលាការដោយគ្មានការអនុញ្ញាតពីអ្នកផ្ដល់',
      H2: 'មិនត្រូវចែកចាយបន្តដោយគ្មានការអនុញ្ញាតពីអ្នកផ្ដល់',
      H3: 'មានការរឹតបន្តឹងផ្សេងទៀត',
    },
  },
};
