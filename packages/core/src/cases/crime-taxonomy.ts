import type { Language } from '../accounts/schemas.ts';

/** A label in each working language of the task force. Khmer labels await review by CNP colleagues. */
export type LabelSet = Readonly<Record<Language, string>>;

export interface CrimeTypeNode {
  readonly code: string;
  readonly parent: string | null;
  readonly label: LabelSet;
}

/**
 * The crime taxonomy as data: top-level families, then their specific offences (one level deep). Codes are
 * unique across the whole tree, so the drug and human "trafficking" leaves carry a prefix.
 */
export const crimeTaxonomy = [
  {
    code: 'online_scam',
    parent: null,
    label: { en: 'Online scam', ko: '온라인 사기', km: 'ការឆបោកតាមអនឡាញ' },
  },
  {
    code: 'voice_phishing',
    parent: 'online_scam',
    label: { en: 'Voice phishing', ko: '보이스피싱', km: 'ការឆបោកតាមទូរស័ព្ទ' },
  },
  {
    code: 'investigator_impersonation',
    parent: 'online_scam',
    label: { en: 'Investigator impersonation', ko: '수사기관 사칭', km: 'ការក្លែងខ្លួនជាអ្នកស៊ើបអង្កេត' },
  },
  {
    code: 'romance_pig_butchering',
    parent: 'online_scam',
    label: { en: 'Romance / pig-butchering scam', ko: '로맨스 스캠', km: 'ការឆបោកតាមស្នេហា' },
  },
  {
    code: 'investment',
    parent: 'online_scam',
    label: { en: 'Investment scam', ko: '투자 사기', km: 'ការឆបោកវិនិយោគ' },
  },
  {
    code: 'fake_job',
    parent: 'online_scam',
    label: { en: 'Fake job offer', ko: '허위 구인', km: 'ការផ្តល់ការងារក្លែងក្លាយ' },
  },
  {
    code: 'sextortion',
    parent: 'online_scam',
    label: { en: 'Sextortion', ko: '몸캠피싱', km: 'ការជំរិតតាមផ្លូវភេទ' },
  },
  {
    code: 'fake_shopping_mall',
    parent: 'online_scam',
    label: { en: 'Fake shopping mall', ko: '가짜 쇼핑몰', km: 'ហាងទំនិញអនឡាញក្លែងក្លាយ' },
  },
  {
    code: 'investment_chat_room',
    parent: 'online_scam',
    label: { en: 'Investment-tip chat room', ko: '리딩방 사기', km: 'បន្ទប់ជជែកណែនាំការវិនិយោគ' },
  },
  { code: 'drugs', parent: null, label: { en: 'Drug offences', ko: '마약 범죄', km: 'បទល្មើសគ្រឿងញៀន' } },
  {
    code: 'drug_trafficking',
    parent: 'drugs',
    label: { en: 'Drug trafficking', ko: '마약 밀매', km: 'ការជួញដូរគ្រឿងញៀន' },
  },
  {
    code: 'drug_possession',
    parent: 'drugs',
    label: { en: 'Drug possession', ko: '마약 소지', km: 'ការកាន់កាប់គ្រឿងញៀន' },
  },
  {
    code: 'drug_manufacture',
    parent: 'drugs',
    label: { en: 'Drug manufacture', ko: '마약 제조', km: 'ការផលិតគ្រឿងញៀន' },
  },
  {
    code: 'illegal_gambling',
    parent: null,
    label: { en: 'Illegal gambling', ko: '불법 도박', km: 'ល្បែងស៊ីសងខុសច្បាប់' },
  },
  {
    code: 'online_operation',
    parent: 'illegal_gambling',
    label: { en: 'Online gambling operation', ko: '온라인 도박 운영', km: 'ប្រតិបត្តិការល្បែងអនឡាញ' },
  },
  {
    code: 'betting_site',
    parent: 'illegal_gambling',
    label: { en: 'Betting site', ko: '불법 도박 사이트', km: 'គេហទំព័រភ្នាល់' },
  },
  {
    code: 'payment_agent',
    parent: 'illegal_gambling',
    label: { en: 'Gambling payment agent', ko: '도박 자금 결제대행', km: 'ភ្នាក់ងារទូទាត់ល្បែង' },
  },
  {
    code: 'confinement_trafficking',
    parent: null,
    label: { en: 'Confinement and human trafficking', ko: '감금 및 인신매매', km: 'ការឃុំខ្លួន និងការជួញដូរមនុស្ស' },
  },
  {
    code: 'confinement',
    parent: 'confinement_trafficking',
    label: { en: 'Unlawful confinement', ko: '감금', km: 'ការឃុំខ្លួនខុសច្បាប់' },
  },
  {
    code: 'human_trafficking',
    parent: 'confinement_trafficking',
    label: { en: 'Human trafficking', ko: '인신매매', km: 'ការជួញដូរមនុស្ស' },
  },
  {
    code: 'forced_criminality',
    parent: 'confinement_trafficking',
    label: { en: 'Forced criminality', ko: '범죄 강요', km: 'ការបង្ខំឱ្យប្រព្រឹត្តបទល្មើស' },
  },
  {
    code: 'money_laundering',
    parent: null,
    label: { en: 'Money laundering', ko: '자금세탁', km: 'ការសម្អាតប្រាក់' },
  },
  {
    code: 'mule_accounts',
    parent: 'money_laundering',
    label: { en: 'Mule accounts', ko: '대포통장', km: 'គណនីធនាគារជួល' },
  },
  {
    code: 'crypto_laundering',
    parent: 'money_laundering',
    label: { en: 'Crypto-asset laundering', ko: '가상자산 세탁', km: 'ការសម្អាតប្រាក់តាមរូបិយប័ណ្ណគ្រីបតូ' },
  },
  {
    code: 'kidnapping_extortion',
    parent: null,
    label: { en: 'Kidnapping and extortion', ko: '납치 및 갈취', km: 'ការចាប់ជំរិត' },
  },
  { code: 'homicide', parent: null, label: { en: 'Homicide', ko: '살인', km: 'មនុស្សឃាត' } },
] as const satisfies readonly CrimeTypeNode[];

export type CrimeType = (typeof crimeTaxonomy)[number]['code'];
export const crimeTypeCodes = crimeTaxonomy.map((node) => node.code) as [CrimeType, ...CrimeType[]];

const byCode: ReadonlyMap<string, CrimeTypeNode> = new Map(crimeTaxonomy.map((node) => [node.code, node]));

export function isCrimeType(code: unknown): code is CrimeType {
  return typeof code === 'string' && byCode.has(code);
}

/** The label of a crime type in a language; throws on an unknown code, which is a programming error. */
export function label(code: CrimeType, lang: Language): string {
  const node = byCode.get(code);
  if (!node) throw new RangeError(`Unknown crime type: ${code}`);
  return node.label[lang];
}

/** The direct children of a crime type, or the top-level families when `code` is null. */
export function children(code: CrimeType | null): CrimeType[] {
  return crimeTaxonomy.filter((node) => node.parent === code).map((node) => node.code);
}

/** The parent family of a crime type, or null for a family. */
export function parentOf(code: CrimeType): CrimeType | null {
  return (byCode.get(code)?.parent ?? null) as CrimeType | null;
}

/** `label` under a name that stays clear when several modules are imported together. */
export const crimeTypeLabel = label;
