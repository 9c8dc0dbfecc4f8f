/**
 * Banks that mule accounts in these cases are held at. Korean banks use their KFTC three-digit code (the code
 * Korean transfer systems and the 1394 freeze requests use). Cambodian banks have no shared numeric code, so a
 * readable 'KH-…' code stands in for one.
 */
export interface Bank {
  code: string;
  name: string;
  country: 'KR' | 'KH';
  /** Names people write, in English and Korean; compared after `bankNameKey`. */
  aliases: string[];
}

export const banks: readonly Bank[] = [
  // Korea: banks, by KFTC code.
  {
    code: '002',
    name: 'KDB Korea Development Bank',
    country: 'KR',
    aliases: ['kdb', '산업', 'kdb산업', 'koreadevelopment', '한국산업'],
  },
  {
    code: '003',
    name: 'IBK Industrial Bank of Korea',
    country: 'KR',
    aliases: ['ibk', '기업', 'ibk기업', 'industrial'],
  },
  {
    code: '004',
    name: 'KB Kookmin Bank',
    country: 'KR',
    aliases: ['kb', 'kookmin', 'kbkookmin', '국민', 'kb국민', '케이비'],
  },
  { code: '007', name: 'Suhyup Bank', country: 'KR', aliases: ['suhyup', '수협', 'sh수협'] },
  {
    code: '008',
    name: 'Export-Import Bank of Korea',
    country: 'KR',
    aliases: ['kexim', '수출입', '한국수출입', 'koreaexim', 'eximbankofkorea'],
  },
  { code: '011', name: 'NongHyup Bank', country: 'KR', aliases: ['nh', 'nonghyup', '농협', 'nh농협'] },
  {
    code: '012',
    name: 'Local Nonghyup and Livestock Cooperatives',
    country: 'KR',
    aliases: ['지역농협', '단위농협', '지역농축협', '농축협', '축협'],
  },
  { code: '020', name: 'Woori Bank', country: 'KR', aliases: ['woori', '우리'] },
  {
    code: '023',
    name: 'SC First Bank',
    country: 'KR',
    aliases: ['sc', 'scfirst', 'sc제일', '제일', 'standardchartered'],
  },
  { code: '027', name: 'Citibank Korea', country: 'KR', aliases: ['citi', 'citibank', '씨티', '한국씨티'] },
  { code: '031', name: 'iM Bank (Daegu)', country: 'KR', aliases: ['im', 'daegu', '대구', 'im뱅크'] },
  { code: '032', name: 'Busan Bank', country: 'KR', aliases: ['busan', '부산', 'bnk부산'] },
  { code: '034', name: 'Kwangju Bank', country: 'KR', aliases: ['kwangju', 'gwangju', '광주'] },
  { code: '035', name: 'Jeju Bank', country: 'KR', aliases: ['jeju', '제주'] },
  { code: '037', name: 'Jeonbuk Bank', country: 'KR', aliases: ['jeonbuk', '전북'] },
  {
    code: '039',
    name: 'Kyongnam Bank',
    country: 'KR',
    aliases: ['kyongnam', 'gyeongnam', '경남', 'bnk경남'],
  },
  {
    code: '045',
    name: 'MG Saemaul Geumgo',
    country: 'KR',
    aliases: ['mg', 'saemaul', '새마을', '새마을금고', 'mg새마을금고'],
  },
  { code: '048', name: 'Shinhyup', country: 'KR', aliases: ['shinhyup', 'cu', '신협'] },
  {
    code: '050',
    name: 'Savings Bank',
    country: 'KR',
    aliases: ['저축은행', '상호저축은행', 'savingsbank'],
  },
  { code: '064', name: 'Korea Forestry Cooperatives', country: 'KR', aliases: ['산림조합', 'nfcf'] },
  { code: '071', name: 'Korea Post', country: 'KR', aliases: ['koreapost', 'post', '우체국'] },
  {
    code: '081',
    name: 'Hana Bank',
    country: 'KR',
    // KEB (외환은행, code 005) merged into Hana in 2015; its accounts moved with it.
    aliases: ['hana', 'kebhana', '하나', 'keb하나', 'keb', '외환'],
  },
  { code: '088', name: 'Shinhan Bank', country: 'KR', aliases: ['shinhan', '신한'] },
  { code: '089', name: 'K Bank', country: 'KR', aliases: ['kbank', 'k', '케이뱅크', '케이'] },
  { code: '090', name: 'Kakao Bank', country: 'KR', aliases: ['kakaobank', 'kakao', '카카오뱅크', '카카오'] },
  { code: '092', name: 'Toss Bank', country: 'KR', aliases: ['tossbank', 'toss', '토스뱅크', '토스'] },
  // Korea: securities firms, whose cash accounts also receive transfers (KFTC codes).
  { code: '209', name: 'Yuanta Securities', country: 'KR', aliases: ['yuanta', '유안타증권', '유안타'] },
  { code: '218', name: 'KB Securities', country: 'KR', aliases: ['kb증권', 'kbsecurities'] },
  {
    code: '238',
    name: 'Mirae Asset Securities',
    country: 'KR',
    aliases: ['미래에셋증권', '미래에셋', 'miraeasset', 'mirae asset securities'],
  },
  { code: '240', name: 'Samsung Securities', country: 'KR', aliases: ['삼성증권', 'samsungsecurities'] },
  {
    code: '243',
    name: 'Korea Investment & Securities',
    country: 'KR',
    aliases: ['한국투자증권', '한투', 'koreainvestment'],
  },
  { code: '247', name: 'NH Investment & Securities', country: 'KR', aliases: ['nh투자증권', 'nhinvestment'] },
  { code: '267', name: 'Daishin Securities', country: 'KR', aliases: ['대신증권', 'daishin'] },
  { code: '271', name: 'Toss Securities', country: 'KR', aliases: ['토스증권', 'tosssecurities'] },
  {
    code: '278',
    name: 'Shinhan Securities',
    country: 'KR',
    aliases: ['신한투자증권', '신한증권', 'shinhansecurities'],
  },
  {
    code: '288',
    name: 'Kakao Pay Securities',
    country: 'KR',
    aliases: ['카카오페이증권', 'kakaopaysecurities'],
  },
  // Cambodia: commercial banks licensed by the National Bank of Cambodia. They share no numeric code, so a
  // readable 'KH-…' code stands in. Korean-owned subsidiaries are banks of their own, apart from the parent.
  { code: 'KH-ABA', name: 'ABA Bank', country: 'KH', aliases: ['aba', 'advanced bank of asia', '아바'] },
  { code: 'KH-ACLEDA', name: 'ACLEDA Bank', country: 'KH', aliases: ['acleda', '아클레다'] },
  { code: 'KH-WING', name: 'Wing Bank', country: 'KH', aliases: ['wing', 'wingbank', '윙'] },
  { code: 'KH-CANADIA', name: 'Canadia Bank', country: 'KH', aliases: ['canadia', '캐나디아'] },
  { code: 'KH-PRINCE', name: 'Prince Bank', country: 'KH', aliases: ['prince', '프린스'] },
  { code: 'KH-SATHAPANA', name: 'Sathapana Bank', country: 'KH', aliases: ['sathapana', '사타파나'] },
  { code: 'KH-HATTHA', name: 'Hattha Bank', country: 'KH', aliases: ['hattha', 'hatthakaksekar', '하타'] },
  { code: 'KH-PRASAC', name: 'KB PRASAC Bank', country: 'KH', aliases: ['prasac', 'kb prasac', '프라삭'] },
  { code: 'KH-PHILLIP', name: 'Phillip Bank', country: 'KH', aliases: ['phillip', 'phillipbank', '필립'] },
  { code: 'KH-CHIPMONG', name: 'Chip Mong Bank', country: 'KH', aliases: ['chip mong', 'chipmong', '칩몽'] },
  { code: 'KH-VATTANAC', name: 'Vattanac Bank', country: 'KH', aliases: ['vattanac', '바타낙'] },
  { code: 'KH-AMK', name: 'AMK Bank', country: 'KH', aliases: ['amk'] },
  { code: 'KH-AMRET', name: 'Amret', country: 'KH', aliases: ['amret'] },
  { code: 'KH-LOLC', name: 'LOLC Cambodia', country: 'KH', aliases: ['lolc'] },
  { code: 'KH-MAYBANK', name: 'Maybank Cambodia', country: 'KH', aliases: ['maybank cambodia'] },
  { code: 'KH-CIMB', name: 'CIMB Bank Cambodia', country: 'KH', aliases: ['cimb', 'cimb cambodia'] },
  { code: 'KH-RHB', name: 'RHB Bank Cambodia', country: 'KH', aliases: ['rhb', 'rhb cambodia'] },
  {
    code: 'KH-FTB',
    name: 'Foreign Trade Bank of Cambodia',
    country: 'KH',
    aliases: ['ftb', 'foreign trade bank', 'foreign trade bank of cambodia'],
  },
  {
    code: 'KH-POSTBANK',
    name: 'Cambodia Post Bank',
    country: 'KH',
    aliases: ['cambodia post bank', 'cpbank'],
  },
  {
    code: 'KH-JTRUST',
    name: 'J Trust Royal Bank',
    country: 'KH',
    aliases: ['j trust royal', 'jtrust', 'j trust'],
  },
  { code: 'KH-CAMPU', name: 'Cambodian Public Bank', country: 'KH', aliases: ['campu', 'cambodian public'] },
  { code: 'KH-BRED', name: 'BRED Bank Cambodia', country: 'KH', aliases: ['bred'] },
  {
    code: 'KH-SBILYHOUR',
    name: 'SBI LY HOUR Bank',
    country: 'KH',
    aliases: ['sbi ly hour', 'ly hour', 'lyhour'],
  },
  {
    code: 'KH-BIDC',
    name: 'Bank for Investment and Development of Cambodia',
    country: 'KH',
    aliases: ['bidc'],
  },
  {
    code: 'KH-SHINHAN',
    name: 'Shinhan Bank Cambodia',
    country: 'KH',
    aliases: ['shinhan cambodia', 'shinhan bank cambodia', '신한캄보디아', '캄보디아신한'],
  },
  {
    code: 'KH-WOORI',
    name: 'Woori Bank Cambodia',
    country: 'KH',
    aliases: ['woori cambodia', 'woori bank cambodia', '우리캄보디아', '캄보디아우리', 'wb finance'],
  },
  {
    code: 'KH-BOOYOUNG',
    name: 'Booyoung Khmer Bank',
    country: 'KH',
    aliases: ['booyoung', '부영크메르', '부영'],
  },
];

/** 'KB 국민은행', 'kb-kookmin bank', 'Kookmin Bank PLC' → 'kb국민', 'kbkookmin', 'kookmin'. */
export function bankNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.\-_()·,&]/g, '')
    .replace(/(?:plc|ltd|co)$/, '')
    .replace(/(?:은행|뱅크|bank|bankofkorea)$/, '')
    .replace(/^(?:은행|bank|ធនាគារ)/, '');
}

const byKey = new Map<string, Bank>();
for (const bank of banks) {
  byKey.set(bank.code.toLowerCase(), bank);
  byKey.set(bankNameKey(bank.name), bank);
  for (const alias of bank.aliases) byKey.set(bankNameKey(alias), bank);
}

/** Finds a bank by its code or any name people write for it; undefined when unknown. */
export function findBank(nameOrCode: string): Bank | undefined {
  const key = bankNameKey(nameOrCode);
  return byKey.get(key) ?? (/^\d{2}$/.test(key) ? byKey.get(`0${key}`) : undefined);
}
