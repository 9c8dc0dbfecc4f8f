import { z } from 'zod';

/**
 * The 25 provinces of Cambodia (Phnom Penh counted as one). Centroids are approximate (±20 km): good for
 * placing a pin on an overview map when only the province is known, never for planning.
 */
export const cambodianProvinces = {
  banteay_meanchey: { en: 'Banteay Meanchey', km: 'បន្ទាយមានជ័យ', lat: 13.75, lon: 103.0 },
  battambang: { en: 'Battambang', km: 'បាត់ដំបង', lat: 12.9, lon: 102.95 },
  kampong_cham: { en: 'Kampong Cham', km: 'កំពង់ចាម', lat: 12.1, lon: 105.3 },
  kampong_chhnang: { en: 'Kampong Chhnang', km: 'កំពង់ឆ្នាំង', lat: 12.15, lon: 104.5 },
  kampong_speu: { en: 'Kampong Speu', km: 'កំពង់ស្ពឺ', lat: 11.6, lon: 104.25 },
  kampong_thom: { en: 'Kampong Thom', km: 'កំពង់ធំ', lat: 12.8, lon: 105.0 },
  kampot: { en: 'Kampot', km: 'កំពត', lat: 10.85, lon: 104.3 },
  kandal: { en: 'Kandal', km: 'កណ្ដាល', lat: 11.3, lon: 105.0 },
  kep: { en: 'Kep', km: 'កែប', lat: 10.52, lon: 104.33 },
  koh_kong: { en: 'Koh Kong', km: 'កោះកុង', lat: 11.45, lon: 103.45 },
  kratie: { en: 'Kratie', km: 'ក្រចេះ', lat: 12.75, lon: 106.2 },
  mondulkiri: { en: 'Mondulkiri', km: 'មណ្ឌលគិរី', lat: 12.6, lon: 107.2 },
  oddar_meanchey: { en: 'Oddar Meanchey', km: 'ឧត្ដរមានជ័យ', lat: 14.2, lon: 103.65 },
  pailin: { en: 'Pailin', km: 'ប៉ៃលិន', lat: 12.85, lon: 102.6 },
  phnom_penh: { en: 'Phnom Penh', km: 'ភ្នំពេញ', lat: 11.55, lon: 104.9 },
  preah_sihanouk: { en: 'Preah Sihanouk', km: 'ព្រះសីហនុ', lat: 10.75, lon: 103.65 },
  preah_vihear: { en: 'Preah Vihear', km: 'ព្រះវិហារ', lat: 13.8, lon: 104.95 },
  prey_veng: { en: 'Prey Veng', km: 'ព្រៃវែង', lat: 11.35, lon: 105.45 },
  pursat: { en: 'Pursat', km: 'ពោធិ៍សាត់', lat: 12.3, lon: 103.6 },
  ratanakiri: { en: 'Ratanakiri', km: 'រតនគិរី', lat: 13.75, lon: 107.0 },
  siem_reap: { en: 'Siem Reap', km: 'សៀមរាប', lat: 13.45, lon: 104.0 },
  stung_treng: { en: 'Stung Treng', km: 'ស្ទឹងត្រែង', lat: 13.75, lon: 106.1 },
  svay_rieng: { en: 'Svay Rieng', km: 'ស្វាយរៀង', lat: 11.1, lon: 105.8 },
  takeo: { en: 'Takeo', km: 'តាកែវ', lat: 10.95, lon: 104.8 },
  tbong_khmum: { en: 'Tbong Khmum', km: 'ត្បូងឃ្មុំ', lat: 11.9, lon: 105.85 },
} as const satisfies Record<string, { en: string; km: string; lat: number; lon: number }>;

export type CambodianProvince = keyof typeof cambodianProvinces;
export const cambodianProvinceIds = Object.keys(cambodianProvinces) as [
  CambodianProvince,
  ...CambodianProvince[],
];
export const CambodianProvince = z.enum(cambodianProvinceIds);
