import PDFDocument from 'pdfkit';
import { registerFonts } from './fonts.ts';

/** A4 in points, with the side margin every report uses. */
export const page = { margin: 48, width: 595.28, height: 841.89 };

/** The width between the side margins. */
export const contentWidth = page.width - 2 * page.margin;

export interface PdfInfo {
  title: string;
  subject: string;
}

/**
 * Opens an A4 document with the report fonts registered and its pages buffered (so stamps can be added once the
 * page count is known), lets `draw` lay it out, and resolves to the finished file.
 */
export function renderPdf(info: PdfInfo, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 64, left: page.margin, right: page.margin },
    bufferPages: true,
    info: { Title: info.title, Subject: info.subject },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}
