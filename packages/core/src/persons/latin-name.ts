// Latin-script names as written by clerks of several countries: any case, with or without diacritics,
// hyphens and spaces inside given names ("Bok-Nam", "Boknam", "Bok Nam"), the surname first or last
// (Korean and Khmer names are often flipped in English: "SOK Dara" vs "Dara Sok"), or "SURNAME, Given".

export interface NameSplit {
  surname: string;
  given: string;
  /** A middle name or patronymic was left out of the given name. */
  shortened?: boolean;
  /** The word left out was of two to four letters: perhaps a syllable of the given name, not a middle name. */
  short?: boolean;
}

// Letters that Unicode decomposition does not reduce to ASCII.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'SS',
  Æ: 'AE',
  æ: 'AE',
  Œ: 'OE',
  œ: 'OE',
  Ø: 'O',
  ø: 'O',
  Đ: 'D',
  đ: 'D',
  Ð: 'D',
  Ł: 'L',
  ł: 'L',
  ı: 'I',
  Þ: 'TH',
  þ: 'TH',
};

const HONORIFICS: ReadonlySet<string> = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR']);
const MAX_TOKENS = 6;

/** Upper-case ASCII letters and spaces; marks inside a word (hyphen, apostrophe, dot) join its parts. */
export function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßÆæŒœØøĐđÐŁłıÞþ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .toUpperCase()
    .replace(/(?<=[A-Z])[-‐‑'’.·](?=[A-Z])/g, '')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/**
 * Tokens of a Latin name in writing order, surname first when written "SURNAME, Given".
 * Honorifics are dropped.
 */
export function latinNameTokens(written: string): string[] {
  // A name glued without a space keeps its capitals: 'VladimirPutin' is Vladimir Putin.
  const name = /\s|,/.test(written.trim()) ? written : written.replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ');
  const commaAt = name.indexOf(',');
  const ordered =
    commaAt >= 0
      ? `${foldLatin(name.slice(0, commaAt)).replace(/ /g, '')} ${foldLatin(name.slice(commaAt + 1))}`
      : foldLatin(name);
  const tokens = ordered.split(' ').filter((token) => token !== '');
  const named = tokens.filter((token) => !HONORIFICS.has(token));
  return (named.length > 0 ? named : tokens).slice(0, MAX_TOKENS);
}

/**
 * Every way to read the tokens as surname + given name when the surname may have been moved from the
 * front to the back: each rotation of the tokens, its first token the surname and the rest the given
 * name joined without spaces. The set is the same for "Han Bok-Nam", "Bok-Nam HAN" and "HAN, Bok-Nam".
 */
export function latinNameSplits(name: string): NameSplit[] {
  const tokens = latinNameTokens(name);
  if (tokens.length === 0) return [];
  if (tokens.length === 1) {
    const [only] = tokens as [string];
    return [
      { surname: '', given: only },
      { surname: only, given: '' },
    ];
  }
  const splits: NameSplit[] = tokens.map((_, start) => {
    const rotated = [...tokens.slice(start), ...tokens.slice(0, start)];
    return { surname: rotated[0] ?? '', given: rotated.slice(1).join('') };
  });
  // Middle names and patronymics are often left out: 'Angela Dorothea Merkel' is also Angela Merkel,
  // 'PUTIN Vladimir Vladimirovich' also PUTIN Vladimir. These readings are marked as shortened, and as short
  // when a left-out word is of two to four letters: it may be a syllable of a spaced Korean or Chinese given
  // name (WAI MING) rather than a middle name (PAUL, LEE), and the score doubts such a reading more.
  if (tokens.length >= 3) {
    const first = tokens[0] as string;
    const last = tokens[tokens.length - 1] as string;
    const dropped = (words: readonly string[]) => ({
      shortened: true,
      ...(words.some((word) => word.length >= 2 && word.length <= 4) && { short: true }),
    });
    splits.push({ surname: last, given: first, ...dropped(tokens.slice(1, -1)) });
    splits.push({ surname: first, given: tokens[1] as string, ...dropped(tokens.slice(2)) });
    // A Vietnamese middle name written first (NGOC HANG DUONG) and left out: HANG DUONG.
    splits.push({
      surname: last,
      given: tokens[tokens.length - 2] as string,
      ...dropped(tokens.slice(0, -2)),
    });
  }
  return splits;
}

/** 'SOK DARA'-style keys, one per split; independent of case, hyphens and which end the surname is on. */
export function latinNameKeys(name: string): Set<string> {
  return new Set(
    latinNameSplits(name)
      .filter((split) => !split.shortened)
      .map(({ surname, given }) => `${surname} ${given}`.trim()),
  );
}
