import type { LabelSet } from './property-spec.ts';

/** The 25 provinces of Cambodia (Phnom Penh counted as one), as data. Khmer and Korean labels await review. */
export const cambodianProvinces = {
  banteay_meanchey: { en: 'Banteay Meanchey', ko: '반테이민체이', km: 'បន្ទាយមានជ័យ' },
  battambang: { en: 'Battambang', ko: '바탐방', km: 'បាត់ដំបង' },
  kampong_cham: { en: 'Kampong Cham', ko: '캄퐁참', km: 'កំពង់ចាម' },
  kampong_chhnang: { en: 'Kampong Chhnang', ko: '캄퐁츠낭', km: 'កំពង់ឆ្នាំង' },
  kampong_speu: { en: 'Kampong Speu', ko: '캄퐁스프', km: 'កំពង់ស្ពឺ' },
  kampong_thom: { en: 'Kampong Thom', ko: '캄퐁톰', km: 'កំពង់ធំ' },
  kampot: { en: 'Kampot', ko: '캄폿', km: 'កំពត' },
  kandal: { en: 'Kandal', ko: '칸달', km: 'កណ្ដាល' },
  kep: { en: 'Kep', ko: '껩', km: 'កែប' },
  koh_kong: { en: 'Koh Kong', ko: '코콩', km: 'កោះកុង' },
  kratie: { en: 'Kratie', ko: '끄라쩨', km: 'ក្រចេះ' },
  mondulkiri: { en: 'Mondulkiri', ko: '몬돌끼리', km: 'មណ្ឌលគិរី' },
  oddar_meanchey: { en: 'Oddar Meanchey', ko: '오다르민체이', km: 'ឧត្ដរមានជ័យ' },
  pailin: { en: 'Pailin', ko: '파일린', km: 'ប៉ៃលិន' },
  phnom_penh: { en: 'Phnom Penh', ko: '프놈펜', km: 'ភ្នំពេញ' },
  preah_sihanouk: { en: 'Preah Sihanouk', ko: '프레아시아누크', km: 'ព្រះសីហនុ' },
  preah_vihear: { en: 'Preah Vihear', ko: '프레아비히어', km: 'ព្រះវិហារ' },
  prey_veng: { en: 'Prey Veng', ko: '프레이벵', km: 'ព្រៃវែង' },
  pursat: { en: 'Pursat', ko: '푸르사트', km: 'ពោធិ៍សាត់' },
  ratanakiri: { en: 'Ratanakiri', ko: '라따나끼리', km: 'រតនគិរី' },
  siem_reap: { en: 'Siem Reap', ko: '시엠립', km: 'សៀមរាប' },
  stung_treng: { en: 'Stung Treng', ko: '스퉁트렝', km: 'ស្ទឹងត្រែង' },
  svay_rieng: { en: 'Svay Rieng', ko: '스바이리엥', km: 'ស្វាយរៀង' },
  takeo: { en: 'Takeo', ko: '타케오', km: 'តាកែវ' },
  tbong_khmum: { en: 'Tbong Khmum', ko: '트봉크뭄', km: 'ត្បូងឃ្មុំ' },
} as const satisfies Record<string, LabelSet>;

export type CambodianProvince = keyof typeof cambodianProvinces;
export const cambodianProvinceCodes = Object.keys(cambodianProvinces) as CambodianProvince[];
