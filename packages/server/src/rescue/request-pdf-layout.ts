import type { Language } from '@liaison/core';
import { cambodianProvinces, type RiskLevel, type RiskReason } from '@liaison/core/rescue/index';
import { riskLevelLabels, riskReasonText } from '@liaison/core/rescue/risk-labels';
import { provincesGeoJson } from '../compounds/cambodia-geo.ts';
import { contentWidth, page, renderPdf } from '../pdf/document.ts';
import { imageBox, field as pdfField, heading as pdfHeading } from '../pdf/layout.ts';
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
  risk: { level: RiskLevel; reasons: RiskReason[] };
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
  lastContactAt: Date | null;
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
      // » not →: the bundled fonts have no arrows (it was drawn as an empty box).
      header: `${data.requestingAgency} » ${data.receivingAgency}`,
      headerRight: `${data.reference}`,
      footer: (pageNumber, pageCount) =>
        `${data.reference} · ${bothZones(data.producedAt, 'Asia/Phnom_Penh')} · Page ${pageNumber} of ${pageCount}`,
    });
  });
}

const languageOf = new Map<Labels, Language>([
  [en, 'en'],
  [km, 'km'],
  [ko, 'ko'],
]);

const zoneNames = { 'Asia/Phnom_Penh': 'ICT', 'Asia/Seoul': 'KST' } as const;
type Zone = keyof typeof zoneNames;

/** `2026-11-30 21:20 ICT`: the wall-clock time where the reader works, never UTC. */
function inZone(at: Date, zone: Zone): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${zoneNames[zone]}`;
}

/** The reader's zone first, then the other side's: the CNP reads ICT, the Korean file copy KST. */
function bothZones(at: Date, first: Zone): string {
  const second: Zone = first === 'Asia/Phnom_Penh' ? 'Asia/Seoul' : 'Asia/Phnom_Penh';
  return `${inZone(at, first)} (${inZone(at, second).slice(11)})`;
}

/** The label in every language of the section, joined. */
function label(langs: Labels[], key: keyof Labels): string {
  return langs.map((l) => l[key]).join(' / ');
}

function heading(doc: PDFKit.PDFDocument, langs: Labels[], key: keyof Labels, room?: number) {
  pdfHeading(doc, label(langs, key), room);
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
  // Each language's words for the level and reasons, one line of the field per language.
  const risk = langs
    .map((l) => {
      const language = languageOf.get(l) ?? 'en';
      const reasons = data.risk.reasons.map((r) => riskReasonText(r, language)).join('; ');
      return `${riskLevelLabels[data.risk.level][language]} — ${reasons}`;
    })
    .join('\n');
  field(doc, langs, 'risk', risk);
  doc.moveDown(0.3);
  for (const l of langs) writeText(doc, l.request, { size: 9.5 });

  heading(doc, langs, 'person');
  const photoTop = doc.y;
  const textWidth = contentWidth - 115;
  field(doc, langs, 'names', [...data.person.namesHangul, ...data.person.namesLatin].join(', '), textWidth);
  field(doc, langs, 'birthDate', data.person.birthDate, textWidth);
  const sexKey = { male: 'male', female: 'female', unknown: 'unknownSex' } as const;
  const sex = data.person.sex && sexKey[data.person.sex as keyof typeof sexKey];
  field(doc, langs, 'sex', sex ? label(langs, sex) : data.person.sex, textWidth);
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
  const zone: Zone = variant === 'korean' ? 'Asia/Seoul' : 'Asia/Phnom_Penh';
  field(doc, langs, 'lastContact', data.lastContactAt && bothZones(data.lastContactAt, zone), textWidth);
  const after = doc.y;
  photo(doc, data.personPhoto, page.width - page.margin - 105, photoTop, 105, 125, langs);
  doc.y = Math.max(after, photoTop + 131);
  doc.x = page.margin;

  // The map beside the location's fields and the building's photo beside the contacts, so a section fills its
  // page instead of pushing a lone figure onto a page of its own.
  heading(doc, langs, 'location');
  const mapWidth = 230;
  const mapHeight = 160;
  const locationTop = doc.y;
  const locationWidth = contentWidth - mapWidth - 14;
  const mapX = page.width - page.margin - mapWidth;
  doc.fillColor('#444');
  writeText(doc, label(langs, 'map'), { bold: true, size: 8.5, at: [mapX, locationTop], width: mapWidth });
  doc.fillColor('#000');
  const mapTop = doc.y + 2;
  drawMap(doc, data, mapX, mapTop, mapWidth, mapHeight);
  doc.x = page.margin;
  doc.y = locationTop;
  field(doc, langs, 'compound', data.location.compoundName, locationWidth);
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
    locationWidth,
  );
  const coords =
    data.location.lat !== null && data.location.lon !== null
      ? `${data.location.lat.toFixed(5)}, ${data.location.lon.toFixed(5)}${data.location.approximate ? ` (${label(langs, 'approximate')})` : ''}`
      : null;
  field(doc, langs, 'coordinates', coords, locationWidth);
  field(
    doc,
    langs,
    'floorRoom',
    [data.location.floor, data.location.room].filter(Boolean).join(' / ') || null,
    locationWidth,
  );
  field(doc, langs, 'building', data.location.building, locationWidth);
  field(
    doc,
    langs,
    'border',
    data.location.borderDistanceKm !== null ? `${data.location.borderDistanceKm} km` : null,
    locationWidth,
  );
  doc.x = page.margin;
  doc.y = Math.max(doc.y, mapTop + mapHeight + 4);

  heading(doc, langs, 'contacts');
  const photoWidth = 150;
  const photoHeight = 92;
  const contactsTop = doc.y;
  const contactsWidth = contentWidth - photoWidth - 14;
  const photoX = page.width - page.margin - photoWidth;
  doc.fillColor('#444');
  writeText(doc, label(langs, 'buildingPhoto'), {
    bold: true,
    size: 8.5,
    at: [photoX, contactsTop],
    width: photoWidth,
  });
  doc.fillColor('#000');
  const buildingPhotoTop = doc.y + 2;
  photo(doc, data.buildingPhoto, photoX, buildingPhotoTop, photoWidth, photoHeight, langs);
  doc.x = page.margin;
  doc.y = contactsTop;
  field(
    doc,
    langs,
    'officer',
    `${data.officer.name} (${data.officer.agency}) — ${data.officer.email}`,
    contactsWidth,
  );
  field(doc, langs, 'team', data.team.map((m) => `${m.name} (${m.agency})`).join(', '), contactsWidth);
  doc.x = page.margin;
  doc.y = Math.max(doc.y, buildingPhotoTop + photoHeight + 4);

  // The account flows on to the next page when long: it needs room only for its heading and first lines here.
  heading(doc, langs, 'circumstances', 64 + 30);
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
