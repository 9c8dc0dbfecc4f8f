import path from 'node:path';

const fontsDir = path.resolve(import.meta.dirname, '../../assets/fonts');

/**
 * The fonts every report embeds, by the name documents use. Debian's Noto Sans Khmer carries no Latin letters:
 * Khmer runs use it, everything else NanumGothic (Latin and Hangul).
 */
export const pdfFonts = {
  khmer: { name: 'khmer', file: path.join(fontsDir, 'NotoSansKhmer-Regular.ttf') },
  khmerBold: { name: 'khmer-bold', file: path.join(fontsDir, 'NotoSansKhmer-Bold.ttf') },
  latinHangul: { name: 'hangul', file: path.join(fontsDir, 'NanumGothic-Hangul.ttf') },
} as const;

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const font of Object.values(pdfFonts)) doc.registerFont(font.name, font.file);
}
