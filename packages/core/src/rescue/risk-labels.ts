import type { Language } from '../accounts/schemas.ts';
import type { RiskIndicator, RiskLevel, RiskReason } from './risk.ts';

type Words = Readonly<Record<Language, string>>;

/**
 * The risk level and the reasons of an assessment in each language, for every place that prints them (the web
 * through its catalogue, the rescue request PDF). The English reasons are `assessRisk`'s own texts.
 */
export const riskLevelLabels: Record<RiskLevel, Words> = {
  critical: { en: 'Critical', ko: '긴급', km: 'ធ្ងន់ធ្ងរបំផុត' },
  high: { en: 'High', ko: '높음', km: 'ខ្ពស់' },
  medium: { en: 'Medium', ko: '보통', km: 'មធ្យម' },
  low: { en: 'Low', ko: '낮음', km: 'ទាប' },
};

/** The two combinations `assessRisk` names on their own (its `indicator: 'combination'` reasons). */
export const riskCombinations = ['violence_with_medical_need', 'transfer_with_violence'] as const;
export type RiskCombination = (typeof riskCombinations)[number];
export type RiskReasonCode = RiskIndicator | RiskCombination;

export const riskReasonLabels: Record<RiskReasonCode, Words> = {
  violence: {
    en: 'Violence against the person has been reported',
    ko: '대상자에 대한 폭력이 신고됨',
    km: 'មានរបាយការណ៍អំពីអំពើហិង្សាលើបុគ្គលនេះ',
  },
  medical_need: {
    en: 'The person needs medical care',
    ko: '대상자에게 치료가 필요함',
    km: 'បុគ្គលនេះត្រូវការការព្យាបាល',
  },
  threat_of_resale_or_transfer: {
    en: 'The person may be sold or moved to another compound',
    ko: '대상자가 다른 단지로 팔리거나 옮겨질 수 있음',
    km: 'បុគ្គលនេះអាចត្រូវលក់ ឬផ្លាស់ទៅបរិវេណផ្សេង',
  },
  ransom_demand: { en: 'A ransom has been demanded', ko: '몸값 요구가 있었음', km: 'មានការទាមទារប្រាក់លោះ' },
  minor: {
    en: 'The person is a minor: always critical',
    ko: '대상자가 미성년자임: 항상 긴급',
    km: 'បុគ្គលនេះជាអនីតិជន៖ ធ្ងន់ធ្ងរបំផុតជានិច្ច',
  },
  weapons_seen: {
    en: 'Weapons have been seen at the location',
    ko: '현장에서 무기가 목격됨',
    km: 'បានឃើញអាវុធនៅទីតាំង',
  },
  no_contact_over_72h: {
    en: 'No contact with the person for more than 72 hours',
    ko: '72시간 넘게 대상자와 연락 두절',
    km: 'គ្មានទំនាក់ទំនងជាមួយបុគ្គលនេះលើសពី 72 ម៉ោង',
  },
  confinement_confirmed: { en: 'Confinement is confirmed', ko: '감금이 확인됨', km: 'ការឃុំខ្លួនត្រូវបានបញ្ជាក់' },
  self_harm_risk: {
    en: 'The person is at risk of self-harm: always critical',
    ko: '대상자에게 자해 위험이 있음: 항상 긴급',
    km: 'បុគ្គលនេះមានហានិភ័យធ្វើបាបខ្លួនឯង៖ ធ្ងន់ធ្ងរបំផុតជានិច្ច',
  },
  violence_with_medical_need: {
    en: 'Violence together with a medical need: critical',
    ko: '폭력과 치료 필요가 함께 있음: 긴급',
    km: 'អំពើហិង្សារួមជាមួយតម្រូវការព្យាបាល៖ ធ្ងន់ធ្ងរបំផុត',
  },
  transfer_with_violence: {
    en: 'A threat of resale or transfer together with violence or weapons: critical',
    ko: '매매·이송 위협과 폭력 또는 무기가 함께 있음: 긴급',
    km: 'ការគំរាមលក់ ឬផ្លាស់ប្តូររួមជាមួយអំពើហិង្សា ឬអាវុធ៖ ធ្ងន់ធ្ងរបំផុត',
  },
};

/**
 * The code of a stored reason: its indicator, or for a combination the one whose English words it carries
 * (stored assessments keep only the text). Undefined for a text this version does not know.
 */
export function riskReasonCode(reason: RiskReason): RiskReasonCode | undefined {
  if (reason.indicator !== 'combination') return reason.indicator;
  return riskCombinations.find((code) => riskReasonLabels[code].en === reason.text);
}

/** A stored reason in the reader's language; a text this version does not know is kept as written. */
export function riskReasonText(reason: RiskReason, language: Language): string {
  const code = riskReasonCode(reason);
  return code ? riskReasonLabels[code][language] : reason.text;
}
