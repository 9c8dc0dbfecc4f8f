import { cambodianProvinces } from '@liaison/core/rescue/index';
import { provincesGeoJson } from '../compounds/cambodia-geo.ts';
import { contentWidth, page, renderPdf } from '../pdf/document.ts';
import { imageBox, keepSpace, field as pdfField, heading as pdfHeading } from '../pdf/layout.ts';
import { writeText } from '../pdf/mixed-script.ts';
import { stampPages } from '../pdf/page-stamps.ts';
import { en, km, ko, type Labels } from './request-pdf-labels.ts';

export interface RequestPdfData {
  reference: string;
  producedAt: Date;
  requestingAgency: string;
  receivingAgency: string;
  officer: { name: string; agency: string; email: string };
  team: { name: string; agency: string }[];
  risk: { level: string; reasons: string[] };
  person: {
    namesHangul: string[];
    namesLatin: string[];
    birthDate: string | null;
    sex: string | null;
    nationality: string;
    passportNumber: string | null;
    phone: string | null;
    telegram: string | null;
    kakaotalk: string | null;
  };
  location: {
    compoundName: string | null;
    province: string | null;
    lat: number | null;
    lon: number | null;
    approximate: boolean;
    floor: string | null;
    room: string | null;
    building: string | null;
    borderDistanceKm: number | null;
  };
  lastContactAt: string | null;
  circumstances: string;
  personPhoto: Buffer | null;
  buildingPhoto: Buffer | null;
  handling: string;
}

/** Draws the form in the given languages (label pairs), then stamps header and footer on every page. */
export function renderRequestPdf(data: RequestPdfData): Promise<Buffer> {
  return renderPdf({ title: `Rescue request ${data.reference}`, subject: data.handling }, (doc) => {
    section(doc, data, [km, en], 'bilingual');
    doc.addPage();
    section(doc, data, [ko], 'korean');
    stampPages(doc, {
      marking: data.handling,
      header: `${data.requestingAgency} → ${data.receivingAgency}`,
      headerRight: `${data.reference}`,
      footer: (pageNumber, pageCount) =>
        `${data.reference} · ${data.producedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · Page ${pageNumber} of ${pageCount}`,
    });
  });
}

/** The label in every language of the section, joined. */
function label(langs: Labels[], key: keyof Labels): string {
  return langs.map((l) => l[key]).join(' / ');
}

function heading(doc: PDFKit.PDFDocument, langs: Labels[], key: keyof Labels) {
  pdfHeading(doc, label(langs, key));
}

function field(
  doc: PDFKit.PDFDocument,
  langs: Labels[],
  key: keyof Labels,
  value: string | null,
  width = contentWidth,
) {
  pdfField(doc, label(langs, key), value, width);
}

function photo(
  doc: PDFKit.PDFDocument,
  data: Buffer | null,
  x: number,
  y: number,
  w: number,
  h: number,
  langs: Labels[],
) {
  imageBox(doc, data, { x, y, w, h }, label(langs, 'noPhoto'));
}

function section(
  doc: PDFKit.PDFDocument,
  data: RequestPdfData,
  langs: Labels[],
  variant: 'bilingual' | 'korean',
) {
  const titles = langs.map((l) => l.title);
  for (const t of titles) writeText(doc, t, { bold: true, size: 16, align: 'center' });
  doc.moveDown(0.3);
  field(doc, langs, 'reference', data.reference);
  field(doc, langs, 'from', data.requestingAgency);
  field(doc, langs, 'to', data.receivingAgency);
  field(doc, langs, 'risk', `${data.risk.level.toUpperCase()} — ${data.risk.reasons.join('; ')}`);
  doc.moveDown(0.3);
  for (const l of langs) writeText(doc, l.request, { size: 9.5 });

  heading(doc, langs, 'person');
  const photoTop = doc.y;
  const textWidth = contentWidth - 130;
  field(doc, langs, 'names', [...data.person.namesHangul, ...data.person.namesLatin].join(', '), textWidth);
  field(doc, langs, 'birthDate', data.person.birthDate, textWidth);
  field(doc, langs, 'sex', data.person.sex, textWidth);
  field(doc, langs, 'nationality', data.person.nationality, textWidth);
  field(doc, langs, 'passport', data.person.passportNumber, textWidth);
  field(doc, langs, 'phone', data.person.phone, textWidth);
  field(
    doc,
    langs,
    'messenger',
    [data.person.telegram, data.person.kakaotalk].filter(Boolean).join(' / ') || null,
    textWidth,
  );
  field(doc, langs, 'lastContact', data.lastContactAt, textWidth);
  const after = doc.y;
  photo(doc, data.personPhoto, page.width - page.margin - 120, photoTop, 120, 140, langs);
  doc.y = Math.max(after, photoTop + 150);
  doc.x = page.margin;

  heading(doc, langs, 'location');
  field(doc, langs, 'compound', data.location.compoundName);
  const province = data.location.province
    ? cambodianProvinces[data.location.province as keyof typeof cambodianProvinces]
    : undefined;
  field(
    doc,
    langs,
    'province',
    province
      ? variant === 'korean'
        ? province.en
        : `${province.km} (${province.en})`
      : data.location.province,
  );
  const coords =
    data.location.lat !== null && data.location.lon !== null
      ? `${data.location.lat.toFixed(5)}, ${data.location.lon.toFixed(5)}${data.location.approximate ? ` (${label(langs, 'approximate')})` : ''}`
      : null;
  field(doc, langs, 'coordinates', coords);
  field(
    doc,
    langs,
    'floorRoom',
    [data.location.floor, data.location.room].filter(Boolean).join(' / ') || null,
  );
  field(doc, langs, 'building', data.location.building);
  field(
    doc,
    langs,
    'border',
    data.location.borderDistanceKm !== null ? `${data.location.borderDistanceKm} km` : null,
  );

  keepSpace(doc, 330);
  const mapTop = doc.y + 6;
  doc.fillColor('#444');
  writeText(doc, label(langs, 'map'), {
    bold: true,
    size: 8.5,
    at: [page.margin, mapTop],
    width: 240,
  });
  writeText(doc, label(langs, 'buildingPhoto'), {
    bold: true,
    size: 8.5,
    at: [page.margin + 265, mapTop],
    width: 230,
  });
  doc.fillColor('#000');
  drawMap(doc, data, page.margin, mapTop + 26, 250, 200);
  photo(doc, data.buildingPhoto, page.margin + 265, mapTop + 26, 230, 200, langs);
  doc.x = page.margin;
  doc.y = mapTop + 234;

  heading(doc, langs, 'contacts');
  field(doc, langs, 'officer', `${data.officer.name} (${data.officer.agency}) — ${data.officer.email}`);
  field(doc, langs, 'team', data.team.map((m) => `${m.name} (${m.agency})`).join(', '));

  heading(doc, langs, 'circumstances');
  writeText(doc, data.circumstances.slice(0, 2500), { size: 9.5 });
}

/** The provinces from the offline layer, the case's province shaded, and the pin. */
function drawMap(doc: PDFKit.PDFDocument, data: RequestPdfData, x: number, y: number, w: number, h: number) {
  const bounds = { minLon: 102.2, maxLon: 107.8, minLat: 10.3, maxLat: 14.8 };
  const scale = Math.min(w / (bounds.maxLon - bounds.minLon), h / (bounds.maxLat - bounds.minLat));
  const px = (lon: number, lat: number): [number, number] => [
    x + (lon - bounds.minLon) * scale,
    y + (bounds.maxLat - lat) * scale,
  ];
  doc.save();
  doc.rect(x, y, w, h).fillAndStroke('#eef3f7', '#999');
  for (const f of provincesGeoJson().features) {
    const ring = f.geometry.coordinates[0] ?? [];
    if (ring.length < 3) continue;
    const [sx, sy] = px(ring[0]![0], ring[0]![1]);
    doc.moveTo(sx, sy);
    for (const p of ring.slice(1)) doc.lineTo(...px(p[0], p[1]));
    doc.closePath();
    doc
      .lineWidth(0.4)
      .fillAndStroke(f.properties.id === data.location.province ? '#f5c77e' : '#ffffff', '#7a8a99');
  }
  if (data.location.lat !== null && data.location.lon !== null) {
    const [cx, cy] = px(data.location.lon, data.location.lat);
    doc.circle(cx, cy, 4.5).lineWidth(1.2).fillAndStroke('#c62828', '#ffffff');
    doc
      .moveTo(cx - 9, cy)
      .lineTo(cx + 9, cy)
      .moveTo(cx, cy - 9)
      .lineTo(cx, cy + 9)
      .lineWidth(0.6)
      .stroke('#c62828');
  }
  doc.restore();
  doc.fillColor('#000').strokeColor('#000');
}
