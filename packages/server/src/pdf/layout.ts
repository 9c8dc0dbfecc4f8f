import { contentWidth, page } from './document.ts';
import { writeText } from './mixed-script.ts';

/** Starts a new page when less than `space` points are left above the bottom of the page. */
export function keepSpace(doc: PDFKit.PDFDocument, space: number): void {
  if (doc.y > page.height - space) doc.addPage();
}

/**
 * A section heading, bold, underlined by a thin rule; it starts a new page when less than `room` points are left
 * (a section of text that flows on across pages needs only room for its first lines).
 */
export function heading(doc: PDFKit.PDFDocument, text: string, room = 150): void {
  keepSpace(doc, room);
  doc.moveDown(0.6);
  writeText(doc, text, { bold: true, size: 12 });
  doc
    .moveTo(page.margin, doc.y + 1)
    .lineTo(page.width - page.margin, doc.y + 1)
    .lineWidth(0.5)
    .strokeColor('#555')
    .stroke();
  doc.moveDown(0.3);
}

/** A label and its value side by side (a dash for no value), on one page. */
export function field(
  doc: PDFKit.PDFDocument,
  label: string,
  value: string | null,
  width = contentWidth,
): void {
  // Place label and value on one page: pdfkit would break between the two otherwise.
  keepSpace(doc, 110);
  const x = page.margin;
  const y = doc.y;
  doc.fillColor('#444');
  writeText(doc, label, { bold: true, size: 8.5, at: [x, y], width: 170 });
  const labelBottom = doc.y;
  doc.fillColor('#000');
  const shown = value && value.length > 0 ? value : '—';
  writeText(doc, shown, { size: 10, at: [x + 178, y], width: width - 178 });
  doc.x = x;
  doc.y = Math.max(labelBottom, doc.y) + 2;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A framed image fitted into the box, or `placeholder` when there is none or it is not a JPEG or PNG. */
export function imageBox(doc: PDFKit.PDFDocument, data: Buffer | null, box: Box, placeholder: string): void {
  const { x, y, w, h } = box;
  doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#999').stroke();
  if (data) {
    try {
      doc.image(data, x + 2, y + 2, { fit: [w - 4, h - 4], align: 'center', valign: 'center' });
      return;
    } catch {
      // Not a JPEG or PNG (e.g. WebP): say so rather than fail the report.
    }
  }
  doc.fillColor('#777');
  writeText(doc, placeholder, { size: 8, at: [x + 8, y + 8], width: w - 16 });
  doc.fillColor('#000');
}
