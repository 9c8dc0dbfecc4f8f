import path from 'node:path';
import { cambodianProvinces } from '@liaison/core/rescue/index';
import PDFDocument from 'pdfkit';
import { provincesGeoJson } from '../compounds/cambodia-geo.ts';

const fontsDir = path.resolve(import.meta.dirname, '../../assets/fonts');
const fonts = {
  khmer: path.join(fontsDir, 'NotoSansKhmer-Regular.ttf'),
  khmerBold: path.join(fontsDir, 'NotoSansKhmer-Bold.ttf'),
  hangul: path.join(fontsDir, 'NanumGothic-Hangul.ttf'),
};

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

type Labels = Record<
  | 'title'
  | 'person'
  | 'names'
  | 'birthDate'
  | 'sex'
  | 'nationality'
  | 'passport'
  | 'phone'
  | 'messenger'
  | 'location'
  | 'compound'
  | 'province'
  | 'coordinates'
  | 'floorRoom'
  | 'building'
  | 'border'
  | 'map'
  | 'photo'
  | 'buildingPhoto'
  | 'contacts'
  | 'officer'
  | 'team'
  | 'risk'
  | 'lastContact'
  | 'circumstances'
  | 'reference'
  | 'from'
  | 'to'
  | 'approximate'
  | 'noPhoto'
  | 'request',
  string
>;

const en: Labels = {
  title: 'EMERGENCY RESCUE REQUEST',
  person: 'Person to be rescued',
  names: 'Names',
  birthDate: 'Date of birth',
  sex: 'Sex',
  nationality: 'Nationality',
  passport: 'Passport number',
  phone: 'Phone',
  messenger: 'Telegram / KakaoTalk',
  location: 'Location',
  compound: 'Compound',
  province: 'Province',
  coordinates: 'Coordinates (WGS 84)',
  floorRoom: 'Floor / room',
  building: 'Building',
  border: 'Distance to nearest border',
  map: 'Map (offline sketch, approximate)',
  photo: 'Photo of the person',
  buildingPhoto: 'Photo of the building',
  contacts: 'Contacts',
  officer: 'Requesting officer',
  team: 'Case team',
  risk: 'Risk level',
  lastContact: 'Last contact',
  circumstances: 'Circumstances reported',
  reference: 'Reference',
  from: 'From',
  to: 'To',
  approximate: 'approximate: province centre only',
  noPhoto: 'No photo on file',
  request:
    'The requesting agency asks the Cambodian National Police to locate and rescue the person below, who is reported to be held against their will, and to hand them to the Korea Desk for protection.',
};

// Khmer wording is a first draft, to be reviewed by the Cambodian officers of the joint unit.
const km: Labels = {
  title: 'សំណើជួយសង្គ្រោះបន្ទាន់',
  person: 'ជនដែលត្រូវជួយសង្គ្រោះ',
  names: 'ឈ្មោះ',
  birthDate: 'ថ្ងៃខែឆ្នាំកំណើត',
  sex: 'ភេទ',
  nationality: 'សញ្ជាតិ',
  passport: 'លេខលិខិតឆ្លងដែន',
  phone: 'ទូរស័ព្ទ',
  messenger: 'តេឡេក្រាម / កាកាអូថក',
  location: 'ទីតាំង',
  compound: 'បរិវេណ',
  province: 'ខេត្ត',
  coordinates: 'កូអរដោនេ',
  floorRoom: 'ជាន់ / បន្ទប់',
  building: 'អគារ',
  border: 'ចម្ងាយទៅព្រំដែន',
  map: 'ផែនទី',
  photo: 'រូបថតជន',
  buildingPhoto: 'រូបថតអគារ',
  contacts: 'ទំនាក់ទំនង',
  officer: 'មន្ត្រីស្នើសុំ',
  team: 'ក្រុមការងារ',
  risk: 'កម្រិតហានិភ័យ',
  lastContact: 'ទំនាក់ទំនងចុងក្រោយ',
  circumstances: 'ស្ថានភាពដែលបានរាយការណ៍',
  reference: 'លេខយោង',
  from: 'ពី',
  to: 'ទៅ',
  approximate: 'ប្រហាក់ប្រហែល',
  noPhoto: 'គ្មានរូបថត',
  request:
    'ភ្នាក់ងារស្នើសុំ សូមស្នើឲ្យនគរបាលជាតិកម្ពុជា ស្វែងរក និងជួយសង្គ្រោះជនខាងក្រោម ដែលត្រូវបានគេរាយការណ៍ថាត្រូវបានឃុំខ្លួនដោយបង្ខំ។',
};

const ko: Labels = {
  title: '긴급 구출 요청서 (보관용 국문 사본)',
  person: '구출 대상자',
  names: '성명',
  birthDate: '생년월일',
  sex: '성별',
  nationality: '국적',
  passport: '여권번호',
  phone: '전화번호',
  messenger: '텔레그램 / 카카오톡',
  location: '위치',
  compound: '단지명',
  province: '주(州)',
  coordinates: '좌표 (WGS 84)',
  floorRoom: '층 / 호실',
  building: '건물',
  border: '가장 가까운 국경까지 거리',
  map: '지도 (오프라인 약도, 대략적)',
  photo: '대상자 사진',
  buildingPhoto: '건물 사진',
  contacts: '연락처',
  officer: '요청 담당관',
  team: '사건 담당팀',
  risk: '위험도',
  lastContact: '마지막 연락',
  circumstances: '신고 내용',
  reference: '참조번호',
  from: '발신',
  to: '수신',
  approximate: '대략적: 주 중심점',
  noPhoto: '사진 없음',
  request:
    '요청 기관은 캄보디아 국가경찰에 아래 대상자의 소재 확인 및 구출을 요청하며, 구출 후 코리아 데스크에 인계하여 보호해 줄 것을 요청합니다.',
};

const page = { margin: 48, width: 595.28, height: 841.89 };

/** Draws the form in the given languages (label pairs), then stamps header and footer on every page. */
export function renderRequestPdf(data: RequestPdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 64, left: page.margin, right: page.margin },
    bufferPages: true,
    info: { Title: `Rescue request ${data.reference}`, Subject: data.handling },
  });
  doc.registerFont('khmer', fonts.khmer);
  doc.registerFont('khmer-bold', fonts.khmerBold);
  doc.registerFont('hangul', fonts.hangul);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  section(doc, data, [km, en], 'bilingual');
  doc.addPage();
  section(doc, data, [ko], 'korean');
  stampPages(doc, data);
  doc.end();
  return done;
}

// Debian's Noto Sans Khmer carries no Latin letters: Khmer runs use it, everything else NanumGothic
// (Latin and Hangul).
const khmerRun = /([\u1780-\u17FF\u19E0-\u19FF]+(?:[\s\u200B]+[\u1780-\u17FF\u19E0-\u19FF]+)*)/;

function runs(text: string): { text: string; khmer: boolean }[] {
  return text
    .split(khmerRun)
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, khmer: khmerRun.test(part) }));
}

/** Writes mixed-script text, switching fonts per run; `at` places the first run. */
function put(
  doc: PDFKit.PDFDocument,
  text: string,
  options: PDFKit.Mixins.TextOptions & { bold?: boolean; size?: number; at?: [number, number] } = {},
) {
  const { bold, size, at, ...rest } = options;
  const parts = runs(text.length > 0 ? text : ' ');
  doc.fontSize(size ?? 10);
  parts.forEach((part, i) => {
    doc.font(part.khmer ? (bold ? 'khmer-bold' : 'khmer') : 'hangul');
    const opts = { ...rest, continued: i < parts.length - 1 };
    if (i === 0 && at) doc.text(part.text, at[0], at[1], opts);
    else doc.text(part.text, opts);
  });
}

function write(
  doc: PDFKit.PDFDocument,
  text: string,
  options: PDFKit.Mixins.TextOptions & { bold?: boolean; size?: number } = {},
) {
  put(doc, text, options);
}

function heading(doc: PDFKit.PDFDocument, langs: Labels[], key: keyof Labels) {
  if (doc.y > page.height - 150) doc.addPage();
  doc.moveDown(0.6);
  const text = langs.map((l) => l[key]).join(' / ');
  write(doc, text, { bold: true, size: 12 });
  doc
    .moveTo(page.margin, doc.y + 1)
    .lineTo(page.width - page.margin, doc.y + 1)
    .lineWidth(0.5)
    .strokeColor('#555')
    .stroke();
  doc.moveDown(0.3);
}

function field(
  doc: PDFKit.PDFDocument,
  langs: Labels[],
  key: keyof Labels,
  value: string | null,
  width = page.width - 2 * page.margin,
) {
  const label = langs.map((l) => l[key]).join(' / ');
  // Place label and value on one page: pdfkit would break between the two otherwise.
  if (doc.y > page.height - 110) doc.addPage();
  const x = page.margin;
  const y = doc.y;
  doc.fillColor('#444');
  put(doc, label, { bold: true, size: 8.5, at: [x, y], width: 170 });
  const labelBottom = doc.y;
  doc.fillColor('#000');
  const shown = value && value.length > 0 ? value : '—';
  put(doc, shown, { size: 10, at: [x + 178, y], width: width - 178 });
  doc.x = x;
  doc.y = Math.max(labelBottom, doc.y) + 2;
}

function section(
  doc: PDFKit.PDFDocument,
  data: RequestPdfData,
  langs: Labels[],
  variant: 'bilingual' | 'korean',
) {
  const titles = langs.map((l) => l.title);
  for (const t of titles) write(doc, t, { bold: true, size: 16, align: 'center' });
  doc.moveDown(0.3);
  field(doc, langs, 'reference', data.reference);
  field(doc, langs, 'from', data.requestingAgency);
  field(doc, langs, 'to', data.receivingAgency);
  field(doc, langs, 'risk', `${data.risk.level.toUpperCase()} — ${data.risk.reasons.join('; ')}`);
  doc.moveDown(0.3);
  for (const l of langs) write(doc, l.request, { size: 9.5 });

  heading(doc, langs, 'person');
  const photoTop = doc.y;
  const textWidth = page.width - 2 * page.margin - 130;
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
  image(doc, data.personPhoto, page.width - page.margin - 120, photoTop, 120, 140, langs, 'photo');
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
      ? `${data.location.lat.toFixed(5)}, ${data.location.lon.toFixed(5)}${data.location.approximate ? ` (${langs.map((l) => l.approximate).join(' / ')})` : ''}`
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

  if (doc.y > page.height - 330) doc.addPage();
  const mapTop = doc.y + 6;
  doc.fillColor('#444');
  put(doc, langs.map((l) => l.map).join(' / '), {
    bold: true,
    size: 8.5,
    at: [page.margin, mapTop],
    width: 240,
  });
  put(doc, langs.map((l) => l.buildingPhoto).join(' / '), {
    bold: true,
    size: 8.5,
    at: [page.margin + 265, mapTop],
    width: 230,
  });
  doc.fillColor('#000');
  drawMap(doc, data, page.margin, mapTop + 26, 250, 200);
  image(doc, data.buildingPhoto, page.margin + 265, mapTop + 26, 230, 200, langs, 'buildingPhoto');
  doc.x = page.margin;
  doc.y = mapTop + 234;

  heading(doc, langs, 'contacts');
  field(doc, langs, 'officer', `${data.officer.name} (${data.officer.agency}) — ${data.officer.email}`);
  field(doc, langs, 'team', data.team.map((m) => `${m.name} (${m.agency})`).join(', '));

  heading(doc, langs, 'circumstances');
  write(doc, data.circumstances.slice(0, 2500), { size: 9.5 });
}

function image(
  doc: PDFKit.PDFDocument,
  data: Buffer | null,
  x: number,
  y: number,
  w: number,
  h: number,
  langs: Labels[],
  key: 'photo' | 'buildingPhoto',
) {
  doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#999').stroke();
  if (data) {
    try {
      doc.image(data, x + 2, y + 2, { fit: [w - 4, h - 4], align: 'center', valign: 'center' });
      return;
    } catch {
      // Not a JPEG or PNG (e.g. WebP): say so rather than fail the request.
    }
  }
  const text = langs.map((l) => l.noPhoto).join(' / ');
  doc.fillColor('#777');
  put(doc, text, { size: 8, at: [x + 8, y + 8], width: w - 16 });
  doc.fillColor('#000');
  void key;
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

/** Agency names, reference, page numbers and the handling marking on every page. */
function stampPages(doc: PDFKit.PDFDocument, data: RequestPdfData) {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('hangul').fontSize(8).fillColor('#b71c1c');
    doc.text(data.handling, page.margin, 24, {
      width: page.width - 2 * page.margin,
      align: 'center',
      lineBreak: false,
    });
    doc.font('hangul').fontSize(7.5).fillColor('#333');
    doc.text(`${data.requestingAgency} → ${data.receivingAgency}`, page.margin, 38, {
      width: page.width - 2 * page.margin,
      align: 'center',
      lineBreak: false,
    });
    doc.text(`${data.reference}`, page.margin, 50, {
      width: page.width - 2 * page.margin,
      align: 'right',
      lineBreak: false,
    });
    doc.font('hangul').fontSize(8).fillColor('#b71c1c');
    doc.text(data.handling, page.margin, page.height - 44, {
      width: page.width - 2 * page.margin,
      align: 'center',
      lineBreak: false,
    });
    doc.font('hangul').fontSize(7.5).fillColor('#333');
    doc.text(
      `${data.reference} · ${data.producedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · Page ${i - range.start + 1} of ${total}`,
      page.margin,
      page.height - 32,
      {
        width: page.width - 2 * page.margin,
        align: 'center',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('#000');
}
