import { contentWidth, page, renderPdf } from '../../pdf/document.ts';
import { field, heading } from '../../pdf/layout.ts';
import { writeText } from '../../pdf/mixed-script.ts';
import { stampPages } from '../../pdf/page-stamps.ts';
import type { ManifestData, ManifestPerson } from './manifest-data.ts';
import {
  bothZones,
  columnLabels,
  documentLabels,
  kindLabels,
  manifestMarking,
  roleLabels,
} from './manifest-labels.ts';

interface Column {
  label: string;
  width: number;
  /** The cell's first line, and its smaller second line. */
  lines: (p: ManifestPerson) => [string, string];
}

// 499 points between the margins: a row a person, two lines each, so a 73-person charter takes three pages.
const columns: Column[] = [
  { label: columnLabels.no, width: 20, lines: (p) => [String(p.no), ''] },
  { label: columnLabels.role, width: 54, lines: (p) => splitLabel(roleLabels[p.role]) },
  { label: columnLabels.name, width: 122, lines: (p) => [p.name, p.nameLocal] },
  { label: columnLabels.nationality, width: 30, lines: (p) => [p.nationality, ''] },
  { label: columnLabels.birthDate, width: 46, lines: (p) => [p.birthDate, ''] },
  { label: columnLabels.passport, width: 54, lines: (p) => [p.passport, ''] },
  { label: columnLabels.seat, width: 26, lines: (p) => [p.seat, ''] },
  {
    label: `${columnLabels.warrant} · ${columnLabels.agency}`,
    width: 62,
    lines: (p) => [p.warrant || p.agency, ''],
  },
  {
    label: `${columnLabels.escorts} · ${columnLabels.escorting}`,
    width: contentWidth - 414,
    lines: (p) =>
      p.role === 'suspect' ? [p.escorts, ''] : p.escorting ? [`→ ${p.escorting}`, ''] : ['', ''],
  },
];

const rowHeight = 21;
const headerHeight = 24;
const bottomLimit = page.height - 70;

function splitLabel(label: string): [string, string] {
  const [en, ko] = label.split(' / ');
  return [en ?? label, ko ?? ''];
}

function cell(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  bold = false,
) {
  if (!text) return;
  writeText(doc, text, {
    at: [x + 2, y],
    width: width - 4,
    height: size + 3,
    ellipsis: true,
    size,
    bold,
    lineGap: 0,
  });
}

function tableHeader(doc: PDFKit.PDFDocument, y: number): number {
  doc.rect(page.margin, y, contentWidth, headerHeight).fill('#e8e8e8');
  doc.fillColor('#000');
  let x = page.margin;
  for (const c of columns) {
    // "Escorts / 호송관 · Escorting / 호송 대상" → English parts above, Korean below.
    const parts = c.label.split(' · ').map(splitLabel);
    cell(doc, parts.map((p) => p[0]).join(' · '), x, y + 3, c.width, 6.5, true);
    cell(doc, parts.map((p) => p[1]).join(' · '), x, y + 13, c.width, 6.5);
    x += c.width;
  }
  return y + headerHeight;
}

function row(doc: PDFKit.PDFDocument, p: ManifestPerson, y: number): void {
  if (p.role === 'suspect') doc.rect(page.margin, y, contentWidth, rowHeight).fill('#fbf3e6');
  doc.fillColor('#000');
  let x = page.margin;
  for (const c of columns) {
    const [first, second] = c.lines(p);
    cell(doc, first, x, y + 2.5, c.width, 7.5, p.role === 'suspect' && c.label === columnLabels.name);
    doc.fillColor('#444');
    cell(doc, second, x, y + 12, c.width, 6.5);
    doc.fillColor('#000');
    x += c.width;
  }
  doc
    .moveTo(page.margin, y + rowHeight)
    .lineTo(page.margin + contentWidth, y + rowHeight)
    .lineWidth(0.3)
    .strokeColor('#bbb')
    .stroke();
}

function drawManifest(doc: PDFKit.PDFDocument, data: ManifestData): void {
  writeText(doc, documentLabels.title, { bold: true, size: 15 });
  doc.moveDown(0.4);
  field(doc, documentLabels.reference, data.reference);
  field(doc, documentLabels.kind, kindLabels[data.kind]);
  field(doc, documentLabels.receivingUnit, data.receivingUnit.name);
  if (data.receivingUnit.place) field(doc, documentLabels.place, data.receivingUnit.place);
  if (data.receivingUnit.contact) field(doc, documentLabels.contact, data.receivingUnit.contact);
  field(doc, documentLabels.produced, bothZones(data.producedAt));
  for (const flight of data.flights) {
    heading(doc, flight.title);
    if (flight.departsAt) field(doc, documentLabels.departs, bothZones(flight.departsAt));
    if (flight.arrivesAt) field(doc, documentLabels.arrives, bothZones(flight.arrivesAt));
    field(doc, documentLabels.aboard, documentLabels.counts(flight.counts));
    if (flight.seats !== null) field(doc, documentLabels.seats, String(flight.seats));
    let y = doc.y + 4;
    if (y + headerHeight + rowHeight > bottomLimit) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    y = tableHeader(doc, y);
    for (const p of flight.people) {
      if (y + rowHeight > bottomLimit) {
        doc.addPage();
        y = tableHeader(doc, doc.page.margins.top);
      }
      row(doc, p, y);
      y += rowHeight;
    }
    doc.x = page.margin;
    doc.y = y + 6;
  }
}

/**
 * The manifest as PDF: the removal, then per flight its times (ICT and KST) and counts and a table of everyone
 * aboard with bilingual headers; the marking on every page. `inspect` sees the document first (tests record
 * what is drawn with it).
 */
export function renderManifestPdf(
  data: ManifestData,
  inspect?: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return renderPdf(
    { title: `${documentLabels.title} ${data.reference}`, subject: manifestMarking },
    (doc) => {
      inspect?.(doc);
      drawManifest(doc, data);
      stampPages(doc, {
        marking: manifestMarking,
        header: `${data.agency} → ${data.receivingUnit.name}`,
        headerRight: data.reference,
        footer: (n, total) => documentLabels.page(data.reference, n, total),
      });
    },
  );
}
