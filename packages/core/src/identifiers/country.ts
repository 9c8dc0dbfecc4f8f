// Issuing countries written as ISO 3166 alpha-2 or alpha-3 (as in a passport's machine-readable zone), or by name.
const aliases: Record<string, string> = {
  KR: 'KR',
  KOR: 'KR',
  KOREA: 'KR',
  SOUTHKOREA: 'KR',
  한국: 'KR',
  대한민국: 'KR',
  KH: 'KH',
  KHM: 'KH',
  CAMBODIA: 'KH',
  캄보디아: 'KH',
  CN: 'CN',
  CHN: 'CN',
  VN: 'VN',
  VNM: 'VN',
  TH: 'TH',
  THA: 'TH',
  XX: 'XX',
};

/** The ISO 3166-1 alpha-2 code for a country as written, or undefined when it is not recognised. */
export function countryCode(text: string | undefined): string | undefined {
  const key = text
    ?.trim()
    .toUpperCase()
    .replace(/[\s.-]/g, '');
  if (!key) return undefined;
  return aliases[key] ?? (/^[A-Z]{2}$/.test(key) ? key : undefined);
}

/**
 * Splits 'KR:M12345678', 'KOR M12345678' or 'M12345678 (KR)' into the country and the rest. Before a space only
 * names in the table count: some passport numbers themselves start with two letters and a space ('EA 1234567').
 */
export function splitCountry(text: string): { country?: string; rest: string } {
  const withColon = /^([A-Za-z]{2,3}|한국|대한민국|캄보디아)\s*[:：]\s*/.exec(text);
  const colonCountry = withColon ? countryCode(withColon[1]) : undefined;
  if (withColon && colonCountry) return { country: colonCountry, rest: text.slice(withColon[0].length) };
  const withSpace = /^([A-Za-z]{2,3}|한국|대한민국|캄보디아)\s+/.exec(text);
  const spaceCountry = withSpace ? aliases[(withSpace[1] ?? '').toUpperCase()] : undefined;
  if (withSpace && spaceCountry) return { country: spaceCountry, rest: text.slice(withSpace[0].length) };
  const suffixed = /\s*\(([A-Za-z]{2,3})\)$/.exec(text);
  const suffixCountry = suffixed ? countryCode(suffixed[1]) : undefined;
  if (suffixed && suffixCountry) return { country: suffixCountry, rest: text.slice(0, suffixed.index) };
  return { rest: text };
}

/** 'KR M12345678' when the country reads back unambiguously before a space, else 'US:123456789'. */
export function countryPrefixed(country: string, number: string): string {
  return aliases[country] ? `${country} ${number}` : `${country}:${number}`;
}
