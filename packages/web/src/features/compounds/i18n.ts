import { defineMessages } from '../../app/messages.ts';

export const messages = defineMessages({
  en: {
    nav: 'Compounds',
    title: 'Compound register',
    map: 'Map (offline base layer: approximate provinces)',
    name: 'Name',
    aliases: 'Aliases',
    province: 'Province',
    status: 'Status',
    border: 'To border',
    cases: 'Rescue cases',
  },
  ko: {
    nav: '범죄단지',
    title: '범죄단지 목록',
    map: '지도 (오프라인 기본 지도: 대략적 주 경계)',
    name: '명칭',
    aliases: '별칭',
    province: '주',
    status: '상태',
    border: '국경까지',
    cases: '구출 사건',
  },
  km: {
    nav: 'បរិវេណ',
    title: 'បញ្ជីបរិវេណ',
    map: 'ផែនទី (ប្រហាក់ប្រហែល)',
    name: 'ឈ្មោះ',
    aliases: 'ឈ្មោះផ្សេង',
    province: 'ខេត្ត',
    status: 'ស្ថានភាព',
    border: 'ទៅព្រំដែន',
    cases: 'ករណីជួយសង្គ្រោះ',
  },
});
