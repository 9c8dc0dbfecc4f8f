import type { Language } from '@liaison/core';
import { crimeTaxonomy } from '@liaison/core/cases/crime-taxonomy';
import { entityTypes } from '@liaison/core/graph/entity-types';
import { cambodianProvinces } from '@liaison/core/rescue/provinces';
import { riskLevelLabels, riskReasonLabels } from '@liaison/core/rescue/risk-labels';
import { rescueStateLabels } from '@liaison/core/rescue/states';

// Words for the core's codes that no feature catalogue already holds (`ui:enums.*`). Where the core itself keeps
// a label per language (crime types, entity types, rescue states, risk levels and reasons, Khmer and English province names), the catalogue
// is built from it, so the label has one source and every code reaches the UI through the same `t()` path.

function fromCore<T extends string>(
  table: Record<T, Readonly<Record<Language, string>>>,
  language: Language,
) {
  return Object.fromEntries(
    Object.entries(table).map(([code, labels]) => [code, (labels as Record<Language, string>)[language]]),
  ) as Record<T, string>;
}

const crimeLabels = Object.fromEntries(crimeTaxonomy.map((node) => [node.code, node.label])) as Record<
  string,
  Readonly<Record<Language, string>>
>;
const entityTypeLabels = Object.fromEntries(
  Object.entries(entityTypes).map(([type, spec]) => [type, spec.label]),
) as Record<string, Readonly<Record<Language, string>>>;

/** Korean names of the provinces (the core keeps the English and Khmer ones). */
const provinceKo: Record<keyof typeof cambodianProvinces, string> = {
  banteay_meanchey: '반테아이민체이',
  battambang: '바탐방',
  kampong_cham: '캄퐁참',
  kampong_chhnang: '캄퐁츠낭',
  kampong_speu: '캄퐁스푸',
  kampong_thom: '캄퐁톰',
  kampot: '캄폿',
  kandal: '칸달',
  kep: '켑',
  koh_kong: '코콩',
  kratie: '크라티에',
  mondulkiri: '몬둘키리',
  oddar_meanchey: '오다르민체이',
  pailin: '파일린',
  phnom_penh: '프놈펜',
  preah_sihanouk: '프레아시하누크',
  preah_vihear: '프레아비히어',
  prey_veng: '프레이벵',
  pursat: '푸르사트',
  ratanakiri: '라타나키리',
  siem_reap: '시엠립',
  stung_treng: '스퉁트렝',
  svay_rieng: '스바이리엥',
  takeo: '타케오',
  tbong_khmum: '트봉크뭄',
};

const provinces = {
  en: Object.fromEntries(Object.entries(cambodianProvinces).map(([code, p]) => [code, p.en])),
  ko: provinceKo as Record<string, string>,
  km: Object.fromEntries(Object.entries(cambodianProvinces).map(([code, p]) => [code, p.km])),
};

function shared(language: Language) {
  return {
    crimeType: fromCore(crimeLabels, language),
    entityType: fromCore(entityTypeLabels, language),
    rescueState: fromCore(rescueStateLabels, language),
    riskLevel: fromCore(riskLevelLabels, language),
    riskReason: fromCore(riskReasonLabels, language),
    province: provinces[language],
    language: { en: 'English', ko: '한국어', km: 'ខ្មែរ' },
  };
}

export const enumMessages = {
  en: {
    ...shared('en'),
    /** A statistics cell of cases without the value (no province, no date). */
    unknown: 'Unknown',
    rescueHistory: {
      reported: 'Reported',
      state_changed: 'State changed',
      escalated: 'Escalated',
      risk_overridden: 'Risk overridden',
      screened: 'Screened',
      role_changed: 'Role in the case changed',
      consent_recorded: 'Consent recorded',
      non_punishment_set: 'Non-punishment decision recorded',
      location_updated: 'Location updated',
      file_added: 'File added',
      repatriation_updated: 'Repatriation updated',
      rescue_request_produced: 'Rescue request produced',
      team_added: 'Joined the team',
      team_removed: 'Left the team',
      taken_from_triage: 'Taken from the triage queue',
      duplicate_review_requested: 'Duplicate review requested',
      merged: 'Another case merged in',
      merged_into: 'Merged into another case',
      graph_hits: 'Matches found in the graph',
    },
    identifierSource: {
      'ransom.account': 'ransom account',
      'ransom.wallet': 'ransom wallet',
      'person.phone': "person's phone",
      'person.telegram': "person's Telegram",
      'person.kakaotalk': "person's KakaoTalk",
      narrative: 'account of the events',
    },
    targetKind: { compound: 'Compound', person: 'Person', address: 'Address' },
    compoundStatus: { active: 'Active', raided: 'Raided', relocated: 'Relocated', closed: 'Closed' },
    reportChannel: {
      family_call: 'Call from the family',
      victim_direct: 'From the person directly',
      embassy_line: 'Embassy line',
      consular_centre: 'Consular call centre',
      hotline_1394: 'Hotline 1394',
      hotline_117: 'Hotline 117',
      intelligence_service: 'Intelligence service',
      police: 'Police',
      hotline_api: 'Hotline (automatic feed)',
      public_form: 'Public report form',
    },
    rescueOutcome: {
      open: 'Open',
      rescued: 'Rescued',
      resolved_safe: 'Resolved, safe',
      not_found: 'Not found',
      declined_help: 'Declined help',
      closed_other: 'Closed, other',
    },
    messengerPlatform: {
      telegram: 'Telegram',
      kakaotalk: 'KakaoTalk',
      wechat: 'WeChat',
      line: 'LINE',
      whatsapp: 'WhatsApp',
      facebook: 'Facebook',
      signal: 'Signal',
      instagram: 'Instagram',
    },
    roleGrantState: { pending: 'Waiting for approval', approved: 'Approved', declined: 'Declined' },
  },
  ko: {
    ...shared('ko'),
    /** A statistics cell of cases without the value (no province, no date). */
    unknown: '미상',
    rescueHistory: {
      reported: '신고 접수',
      state_changed: '단계 변경',
      escalated: '상부 보고',
      risk_overridden: '위험도 조정',
      screened: '피해자 식별 면담',
      role_changed: '사건 내 역할 변경',
      consent_recorded: '동의 기록',
      non_punishment_set: '불처벌 결정 기록',
      location_updated: '위치 갱신',
      file_added: '파일 추가',
      repatriation_updated: '귀국 절차 갱신',
      rescue_request_produced: '구출 요청서 작성',
      team_added: '담당팀 합류',
      team_removed: '담당팀 제외',
      taken_from_triage: '분류 대기열에서 인수',
      duplicate_review_requested: '중복 검토 요청',
      merged: '다른 사건 병합',
      merged_into: '다른 사건으로 병합',
      graph_hits: '그래프에서 일치 항목 발견',
    },
    identifierSource: {
      'ransom.account': '몸값 계좌',
      'ransom.wallet': '몸값 지갑',
      'person.phone': '대상자 전화',
      'person.telegram': '대상자 텔레그램',
      'person.kakaotalk': '대상자 카카오톡',
      narrative: '경위 진술',
    },
    targetKind: { compound: '범죄단지', person: '인물', address: '주소' },
    compoundStatus: { active: '운영 중', raided: '단속됨', relocated: '이전함', closed: '폐쇄' },
    reportChannel: {
      family_call: '가족 전화',
      victim_direct: '당사자 직접',
      embassy_line: '대사관 전화',
      consular_centre: '영사콜센터',
      hotline_1394: '1394 상담전화',
      hotline_117: '117 신고전화',
      intelligence_service: '정보기관',
      police: '경찰',
      hotline_api: '상담전화 (자동 연계)',
      public_form: '온라인 신고서',
    },
    rescueOutcome: {
      open: '진행 중',
      rescued: '구출됨',
      resolved_safe: '안전 확인 종결',
      not_found: '찾지 못함',
      declined_help: '도움 거절',
      closed_other: '기타 종결',
    },
    messengerPlatform: {
      telegram: '텔레그램',
      kakaotalk: '카카오톡',
      wechat: '위챗',
      line: '라인',
      whatsapp: '왓츠앱',
      facebook: '페이스북',
      signal: '시그널',
      instagram: '인스타그램',
    },
    roleGrantState: { pending: '승인 대기', approved: '승인됨', declined: '거절됨' },
  },
  km: {
    ...shared('km'),
    /** A statistics cell of cases without the value (no province, no date). */
    unknown: 'មិនស្គាល់',
    rescueHistory: {
      reported: 'បានទទួលរបាយការណ៍',
      state_changed: 'បានប្តូរដំណាក់កាល',
      escalated: 'បានរាយការណ៍ទៅថ្នាក់លើ',
      risk_overridden: 'បានកែកម្រិតហានិភ័យ',
      screened: 'បានសម្ភាសកំណត់អត្តសញ្ញាណជនរងគ្រោះ',
      role_changed: 'បានប្តូរតួនាទីក្នុងករណី',
      consent_recorded: 'បានកត់ត្រាការយល់ព្រម',
      non_punishment_set: 'បានកត់ត្រាសេចក្តីសម្រេចមិនដាក់ទោស',
      location_updated: 'បានធ្វើបច្ចុប្បន្នភាពទីតាំង',
      file_added: 'បានបន្ថែមឯកសារ',
      repatriation_updated: 'បានធ្វើបច្ចុប្បន្នភាពការបញ្ជូនមកវិញ',
      rescue_request_produced: 'បានរៀបចំសំណើជួយសង្គ្រោះ',
      team_added: 'បានចូលក្រុម',
      team_removed: 'បានចាកចេញពីក្រុម',
      taken_from_triage: 'បានទទួលយកពីជួរចាត់ថ្នាក់',
      duplicate_review_requested: 'បានស្នើពិនិត្យករណីស្ទួន',
      merged: 'បានបញ្ចូលករណីផ្សេង',
      merged_into: 'បានបញ្ចូលទៅក្នុងករណីផ្សេង',
      graph_hits: 'បានរកឃើញការផ្គូផ្គងក្នុងក្រាហ្វ',
    },
    identifierSource: {
      'ransom.account': 'គណនីប្រាក់លោះ',
      'ransom.wallet': 'កាបូបប្រាក់លោះ',
      'person.phone': 'ទូរសព្ទរបស់បុគ្គល',
      'person.telegram': 'Telegram របស់បុគ្គល',
      'person.kakaotalk': 'KakaoTalk របស់បុគ្គល',
      narrative: 'ការរៀបរាប់ហេតុការណ៍',
    },
    targetKind: { compound: 'បរិវេណ', person: 'បុគ្គល', address: 'អាសយដ្ឋាន' },
    compoundStatus: {
      active: 'កំពុងដំណើរការ',
      raided: 'បានឆ្មក់ចាប់',
      relocated: 'បានផ្លាស់ទីតាំង',
      closed: 'បានបិទ',
    },
    reportChannel: {
      family_call: 'ការហៅពីក្រុមគ្រួសារ',
      victim_direct: 'ពីជនរងគ្រោះផ្ទាល់',
      embassy_line: 'ខ្សែទូរសព្ទស្ថានទូត',
      consular_centre: 'មជ្ឈមណ្ឌលកុងស៊ុល',
      hotline_1394: 'ខ្សែទូរសព្ទបន្ទាន់ 1394',
      hotline_117: 'ខ្សែទូរសព្ទបន្ទាន់ 117',
      intelligence_service: 'សេវាស៊ើបការណ៍',
      police: 'នគរបាល',
      hotline_api: 'ខ្សែទូរសព្ទបន្ទាន់ (ផ្ញើដោយស្វ័យប្រវត្តិ)',
      public_form: 'ទម្រង់រាយការណ៍សាធារណៈ',
    },
    rescueOutcome: {
      open: 'កំពុងដំណើរការ',
      rescued: 'បានជួយសង្គ្រោះ',
      resolved_safe: 'បានដោះស្រាយ មានសុវត្ថិភាព',
      not_found: 'រកមិនឃើញ',
      declined_help: 'បានបដិសេធជំនួយ',
      closed_other: 'បានបិទ ផ្សេងៗ',
    },
    messengerPlatform: {
      telegram: 'Telegram',
      kakaotalk: 'KakaoTalk',
      wechat: 'WeChat',
      line: 'LINE',
      whatsapp: 'WhatsApp',
      facebook: 'Facebook',
      signal: 'Signal',
      instagram: 'Instagram',
    },
    roleGrantState: { pending: 'កំពុងរង់ចាំការអនុម័ត', approved: 'បានអនុម័ត', declined: 'បានបដិសេធ' },
  },
};
