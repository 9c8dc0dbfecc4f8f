import { pdfFonts } from './fonts.ts';

// A Khmer run: Khmer letters and symbols, with the spaces and zero-width spaces between Khmer words.
const khmerRun = /([\u1780-\u17FF\u19E0-\u19FF]+(?:[\s\u200B]+[\u1780-\u17FF\u19E0-\u19FF]+)*)/;

export interface ScriptRun {
  text: string;
  khmer: boolean;
}

/** Splits text into Khmer and non-Khmer runs, in order; each run is drawn in the font that carries its script. */
export function scriptRuns(text: string): ScriptRun[] {
  return text
    .split(khmerRun)
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, khmer: khmerRun.test(part) }));
}

export type MixedTextOptions = PDFKit.Mixins.TextOptions & {
  bold?: boolean;
  size?: number;
  /** Where the first run starts; the text flows from the cursor otherwise. */
  at?: [number, number];
};

/**
 * Writes mixed-script text (Khmer, Hangul, Latin) as one paragraph, switching fonts per run; pdfkit's fontkit
 * shapes each Khmer run (subscript consonants, reordered vowels) from the Khmer font's OpenType tables.
 */
export function writeText(doc: PDFKit.PDFDocument, text: string, options: MixedTextOptions = {}): void {
  const { bold, size, at, ...rest } = options;
  const parts = scriptRuns(text.length > 0 ? text : ' ');
  doc.fontSize(size ?? 10);
  parts.forEach((part, i) => {
    doc.font(part.khmer ? (bold ? pdfFonts.khmerBold.name : pdfFonts.khmer.name) : pdfFonts.latinHangul.name);
    const opts = { ...rest, continued: i < parts.length - 1 };
    if (i === 0 && at) doc.text(part.text, at[0], at[1], opts);
    else doc.text(part.text, opts);
  });
}
