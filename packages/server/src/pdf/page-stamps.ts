import { contentWidth, page } from './document.ts';
import { pdfFonts } from './fonts.ts';

export interface PageStamp {
  /** The handling marking (classification, TLP), in red at the top and bottom of every page. */
  marking: string;
  /** A centred line under the top marking (e.g. from → to). */
  header: string;
  /** Right-aligned under the header (e.g. the reference). */
  headerRight: string;
  /** The bottom line, given the page's number (from 1) and the page count. */
  footer: (pageNumber: number, pageCount: number) => string;
}

const markingColour = '#b71c1c';
const lineColour = '#333';

/** Stamps the marking, header and footer on every buffered page; call it once the content is laid out. */
export function stampPages(doc: PDFKit.PDFDocument, stamp: PageStamp): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  const line = (text: string, y: number, align: 'center' | 'right') =>
    doc.text(text, page.margin, y, { width: contentWidth, align, lineBreak: false });
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    // Stamps sit in the bottom margin: lift it while drawing so pdfkit does not break onto a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(pdfFonts.latinHangul.name).fontSize(8).fillColor(markingColour);
    line(stamp.marking, 24, 'center');
    doc.font(pdfFonts.latinHangul.name).fontSize(7.5).fillColor(lineColour);
    line(stamp.header, 38, 'center');
    line(stamp.headerRight, 50, 'right');
    doc.font(pdfFonts.latinHangul.name).fontSize(8).fillColor(markingColour);
    line(stamp.marking, page.height - 44, 'center');
    doc.font(pdfFonts.latinHangul.name).fontSize(7.5).fillColor(lineColour);
    line(stamp.footer(i - range.start + 1, total), page.height - 32, 'center');
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('#000');
}
