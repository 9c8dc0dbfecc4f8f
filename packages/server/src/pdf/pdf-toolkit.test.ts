import { describe, expect, it } from 'vitest';
import { renderPdf } from './document.ts';
import { pdfFonts } from './fonts.ts';
import { field, heading } from './layout.ts';
import { scriptRuns, writeText } from './mixed-script.ts';
import { stampPages } from './page-stamps.ts';

interface Glyph {
  id: number;
}
interface EmbeddedFont {
  layout(text: string): { glyphs: Glyph[] };
  font: { glyphForCodePoint(codePoint: number): Glyph };
}
const currentFont = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: EmbeddedFont })._font;

/** Records every `doc.text` call with the page it was drawn on and the font in use. */
function recordText(doc: PDFKit.PDFDocument) {
  const drawn: { text: string; page: PDFKit.PDFPage; font: string }[] = [];
  const text = doc.text.bind(doc) as (...args: unknown[]) => PDFKit.PDFDocument;
  doc.text = ((...args: unknown[]) => {
    const font = (doc as unknown as { _font: { name: string } })._font.name;
    drawn.push({ text: String(args[0]), page: doc.page, font });
    return text(...args);
  }) as typeof doc.text;
  return drawn;
}

describe('the PDF toolkit', () => {
  it('splits mixed-script text into Khmer and other runs, keeping the spaces between Khmer words', () => {
    expect(scriptRuns('Name ឈ្មោះ ពេញ (김민수)')).toEqual([
      { text: 'Name ', khmer: false },
      { text: 'ឈ្មោះ ពេញ', khmer: true },
      { text: ' (김민수)', khmer: false },
    ]);
  });

  it('shapes a Khmer line: the pre-base vowel is drawn before its consonant, subscripts are ligated', async () => {
    let shaped:
      | { reordered: number[]; plain: number[]; subscript: number[]; subscriptPlain: number[] }
      | undefined;
    await renderPdf({ title: 'Khmer', subject: 'test' }, (doc) => {
      const drawn = recordText(doc);
      writeText(doc, 'Name ឈ្មោះ', { size: 12 });
      expect(drawn.map((d) => d.text)).toEqual(['Name ', 'ឈ្មោះ']);
      const fontOf = (text: string) => drawn.find((d) => d.text === text)?.font;
      expect(fontOf('ឈ្មោះ')).not.toEqual(fontOf('Name '));
      doc.font(pdfFonts.khmer.name);
      const font = currentFont(doc);
      const ids = (text: string) => font.layout(text).glyphs.map((g) => g.id);
      const cmap = (text: string) => [...text].map((c) => font.font.glyphForCodePoint(c.codePointAt(0)!).id);
      shaped = {
        reordered: ids('កេ'),
        plain: cmap('កេ'),
        subscript: ids('ស្ត្រី'),
        subscriptPlain: cmap('ស្ត្រី'),
      };
    });
    expect(shaped!.reordered).toEqual([...shaped!.plain].reverse());
    expect(shaped!.subscript.length).toBeLessThan(shaped!.subscriptPlain.length);
    expect([...shaped!.reordered, ...shaped!.subscript]).not.toContain(0);
  });

  it('stamps the classification marking at the top and bottom of every page, and numbers the pages', async () => {
    const marking = 'TLP:RED · H2 — not to be disseminated further';
    let stamped: { text: string; page: PDFKit.PDFPage }[] = [];
    let pages: PDFKit.PDFPage[] = [];
    const pdf = await renderPdf({ title: 'Stamps', subject: marking }, (doc) => {
      heading(doc, 'ទីតាំង / Location');
      field(doc, 'Province', 'Preah Sihanouk');
      doc.addPage();
      doc.addPage();
      const range = doc.bufferedPageRange();
      pages = Array.from({ length: range.count }, (_, i) => {
        doc.switchToPage(range.start + i);
        return doc.page;
      });
      stamped = recordText(doc);
      stampPages(doc, {
        marking,
        header: 'KNPA → CNP',
        headerRight: 'RC-1',
        footer: (n, total) => `RC-1 · Page ${n} of ${total}`,
      });
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages).toHaveLength(3);
    for (const [i, p] of pages.entries()) {
      const onPage = stamped.filter((s) => s.page === p).map((s) => s.text);
      expect(onPage.filter((t) => t === marking)).toHaveLength(2);
      expect(onPage).toContain('KNPA → CNP');
      expect(onPage).toContain(`RC-1 · Page ${i + 1} of 3`);
    }
  });
});
