import type { Language } from '@liaison/core';
import { crimeTaxonomy } from '@liaison/core/cases/crime-taxonomy';
import { entityTypes } from '@liaison/core/graph/entity-types';
import { cambodianProvinces } from '@liaison/core/rescue/provinces';
import { rescueStateLabels } from '@liaison/core/rescue/states';

// Words for the core's codes that no feature catalogue already holds (`ui:enums.*`). Where the core itself keeps
// a label per language (crime types, entity types, rescue states, Khmer and English province names), the catalogue
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
    province: provinces[language],
    language: { en: 'English', ko: '한국어', km: 'ខ្មែរ' },
  };
}

export const enumMessages = {
  en: {
    ...shared('en'),
    targetKind: { compound: 'Compound', person: 'Person', address: 'Address' },
    riskLevel: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' },
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
    riskReason: {
      violence: 'Violence against the person has been reported',
      medical_need: 'The person needs medical care',
      threat_of_resale_or_transfer: 'The person may be sold or moved to another compound',
      ransom_demand: 'A ransom has been demanded',
      minor: 'The person is a minor: always critical',
      weapons_seen: 'Weapons have been seen at the location',
      no_contact_over_72h: 'No contact with the person for more than 72 hours',
      confinement_confirmed: 'Confinement is confirmed',
      self_harm_risk: 'The person is at risk of self-harm: always critical',
      violence_with_medical_need: 'Violence together with a medical need: critical',
      transfer_with_violence: 'A threat of resale or transfer together with violence or weapons: critical',
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
    targetKind: { compound: '범죄단지', person: '인물', address: '주소' },
    riskLevel: { critical: '긴급', high: '높음', medium: '보통', low: '낮음' },
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
    riskReason: {
      violence: '대상자에 대한 폭력이 신고됨',
      medical_need: '대상자에게 치료가 필요함',
      threat_of_resale_or_transfer: '대상자가 다른 단지로 팔리거나 옮겨질 수 있음',
      ransom_demand: '몸값 요구가 있었음',
      minor: '대상자가 미성년자임: 항상 긴급',
      weapons_seen: '현장에서 무기가 목격됨',
      no_contact_over_72h: '72시간 넘게 대상자와 연락 두절',
      confinement_confirmed: '감금이 확인됨',
      self_harm_risk: '대상자에게 자해 위험이 있음: 항상 긴급',
      violence_with_medical_need: '폭력과 치료 필요가 함께 있음: 긴급',
      transfer_with_violence: '매매·이송 위협과 폭력 또는 무기가 함께 있음: 긴급',
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
    targetKind: { compound: 'បរិវេណ', person: 'បុគ្គល', address: 'អាសយដ្ឋាន' },
    riskLevel: { critical: 'ធ្ងន់ធ្ងរបំផុត', high: 'ខ្ពស់', medium: 'មធ្យម', low: 'ទាប' },
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
    riskReason: {
      violence: 'មានរបាយការណ៍អំពីអំពើហិង្សាលើបុគ្គលនេះ',
      medical_need: 'បុគ្គលនេះត្រូវការការព្យាបាល',
      threat_of_resale_or_transfer: 'បុគ្គលនេះអាចត្រូវលក់ ឬផ្លាស់ទៅបរិវេណផ្សេង',
      ransom_demand: 'មានការទាមទារប្រាក់លោះ',
      minor: 'បុគ្គលនេះជាអនីតិជន៖ ធ្ងន់ធ្ងរបំផុតជានិច្ច',
      weapons_seen: 'បានឃើញអាវុធនៅទីតាំង',
      no_contact_over_72h: 'គ្មានទំនាក់ទំនងជាមួយបុគ្គលនេះលើសពី 72 ម៉ោង',
      confinement_confirmed: 'ការឃុំខ្លួនត្រូវបានបញ្ជាក់',
      self_harm_risk: 'បុគ្គលនេះមានហានិភ័យធ្វើបាបខ្លួនឯង៖ ធ្ងន់ធ្ងរបំផុតជានិច្ច',
      violence_with_medical_need: 'អំពើហិង្សារួមជាមួយតម្រូវការព្យាបាល៖ ធ្ងន់ធ្ងរបំផុត',
      transfer_with_violence: 'ការគំរាមលក់ ឬផ្លាស់ប្តូររួមជាមួយអំពើហិង្សា ឬអាវុធ៖ ធ្ងន់ធ្ងរបំផុត',
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
