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
  {
    code: '002',
    name: 'KDB Korea Development Bank',
    country: 'KR',
    aliases: ['kdb', '산업', 'kdb산업', 'koreadevelopment'],
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
  { code: '007', name: 'Suhyup Bank', country: 'KR', aliases: ['suhyup', '수협'] },
  { code: '011', name: 'NongHyup Bank', country: 'KR', aliases: ['nh', 'nonghyup', '농협', 'nh농협'] },
  { code: '020', name: 'Woori Bank', country: 'KR', aliases: ['woori', '우리'] },
  {
    code: '023',
    name: 'SC First Bank',
    country: 'KR',
    aliases: ['sc', 'scfirst', 'sc제일', '제일', 'standardchartered'],
  },
  { code: '027', name: 'Citibank Korea', country: 'KR', aliases: ['citi', 'citibank', '씨티', '한국씨티'] },
  { code: '031', name: 'iM Bank (Daegu)', country: 'KR', aliases: ['im', 'daegu', '대구', 'im뱅크'] },
  { code: '032', name: 'Busan Bank', country: 'KR', aliases: ['busan', '부산'] },
  { code: '034', name: 'Kwangju Bank', country: 'KR', aliases: ['kwangju', 'gwangju', '광주'] },
  { code: '035', name: 'Jeju Bank', country: 'KR', aliases: ['jeju', '제주'] },
  { code: '037', name: 'Jeonbuk Bank', country: 'KR', aliases: ['jeonbuk', '전북'] },
  { code: '039', name: 'Kyongnam Bank', country: 'KR', aliases: ['kyongnam', 'gyeongnam', '경남'] },
  {
    code: '045',
    name: 'MG Saemaul Geumgo',
    country: 'KR',
    aliases: ['mg', 'saemaul', '새마을', '새마을금고'],
  },
  { code: '048', name: 'Shinhyup', country: 'KR', aliases: ['shinhyup', 'cu', '신협'] },
  { code: '071', name: 'Korea Post', country: 'KR', aliases: ['koreapost', 'post', '우체국'] },
  { code: '081', name: 'Hana Bank', country: 'KR', aliases: ['hana', 'kebhana', '하나', 'keb하나'] },
  { code: '088', name: 'Shinhan Bank', country: 'KR', aliases: ['shinhan', '신한'] },
  { code: '089', name: 'K Bank', country: 'KR', aliases: ['kbank', 'k', '케이뱅크', '케이'] },
  { code: '090', name: 'Kakao Bank', country: 'KR', aliases: ['kakaobank', 'kakao', '카카오뱅크', '카카오'] },
  { code: '092', name: 'Toss Bank', country: 'KR', aliases: ['tossbank', 'toss', '토스뱅크', '토스'] },
  { code: 'KH-ABA', name: 'ABA Bank', country: 'KH', aliases: ['aba', 'advancedbankofasia', '아바'] },
  { code: 'KH-ACLEDA', name: 'ACLEDA Bank', country: 'KH', aliases: ['acleda', '아클레다'] },
  { code: 'KH-WING', name: 'Wing Bank', country: 'KH', aliases: ['wing', '윙'] },
  { code: 'KH-CANADIA', name: 'Canadia Bank', country: 'KH', aliases: ['canadia', '캐나디아'] },
  { code: 'KH-PRINCE', name: 'Prince Bank', country: 'KH', aliases: ['prince', '프린스'] },
];

/** 'KB 국민은행', 'kb-kookmin bank', 'Kookmin Bank PLC' → 'kb국민', 'kbkookmin', 'kookmin'. */
export function bankNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.\-_()·,&]/g, '')
    .replace(/(?:plc|ltd|co)$/, '')
    .replace(/(?:은행|뱅크|bank|bankofkorea)$/, '')
    .replace(/^(?:은행|bank)/, '');
}

const byKey = new Map<string, Bank>();
for (const bank of banks) {
  byKey.set(bank.code.toLowerCase(), bank);
  byKey.set(bankNameKey(bank.name), bank);
  for (const alias of bank.aliases) byKey.set(alias, bank);
}

/** Finds a bank by its code or any name people write for it; undefined when unknown. */
export function findBank(nameOrCode: string): Bank | undefined {
  const key = bankNameKey(nameOrCode);
  return byKey.get(key) ?? (/^\d{2}$/.test(key) ? byKey.get(`0${key}`) : undefined);
}
