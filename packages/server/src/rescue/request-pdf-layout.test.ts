import { assessRisk } from '@liaison/core/rescue/index';
import PDFDocument from 'pdfkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RequestPdfData, renderRequestPdf } from './request-pdf-layout.ts';

interface Drawn {
  text: string;
  page: number;
  missingGlyphs: string[];
}

type Doc = PDFKit.PDFDocument & {
  _font: { font: { glyphForCodePoint(codePoint: number): { id: number } } };
};

/** Records every `doc.text` call of every document: its page and the characters its font has no glyph for. */
function recordText() {
  const drawn: Drawn[] = [];
  const pages = new Map<unknown, number>();
  const proto = PDFDocument.prototype as unknown as { text: (...args: unknown[]) => unknown };
  const original = proto.text;
  proto.text = function (this: Doc, ...args: unknown[]) {
    if (!pages.has(this.page)) pages.set(this.page, pages.size + 1);
    const text = String(args[0]);
    const missingGlyphs = [...text].filter(
      (ch) => ch.trim() !== '' && this._font.font.glyphForCodePoint(ch.codePointAt(0)!).id === 0,
    );
    drawn.push({ text, page: pages.get(this.page)!, missingGlyphs });
    return original.apply(this, args);
  };
  return { drawn, pages, restore: () => (proto.text = original) };
}

const risk = assessRisk(['violence', 'medical_need']);
const data = (narrative: string): RequestPdfData => ({
  reference: 'RC-2026-0042',
  producedAt: new Date('2026-12-04T10:15:00Z'),
  requestingAgency: 'Korean National Police Agency',
  receivingAgency: 'Cambodian National Police — Korea Desk (Joint Unit)',
  officer: { name: 'Kim Min-su', agency: 'KNPA', email: 'kim@example.kr' },
  team: [{ name: 'Kim Min-su', agency: 'KNPA' }],
  risk: { level: risk.level, reasons: risk.reasons },
  person: {
    namesHangul: ['김민수'],
    namesLatin: ['KIM MINSU'],
    birthDate: '1999-03-02',
    sex: 'male',
    nationality: 'KR',
    passportNumber: 'M12345678',
    phone: '+821012345678',
    telegram: '@kms',
    kakaotalk: null,
  },
  location: {
    compoundName: 'Golden Fortune',
    province: 'preah_sihanouk',
    lat: 10.6,
    lon: 103.5,
    approximate: false,
    floor: '5',
    room: '502',
    building: 'white tower by the river',
    borderDistanceKm: 120,
  },
  lastContactAt: new Date('2026-11-30T14:20:00Z'),
  circumstances: narrative,
  personPhoto: null,
  buildingPhoto: null,
  handling: 'TLP:RED · H2',
});

let recorder: ReturnType<typeof recordText>;
beforeEach(() => {
  recorder = recordText();
});
afterEach(() => recorder.restore());

// Mixed-script lines are drawn run by run (Khmer, then the rest), so a page's text is read joined.
const onPage = (page: number) =>
  recorder.drawn
    .filter((d) => d.page === page)
    .map((d) => d.text)
    .join('');

describe('the rescue request PDF', () => {
  it("prints times in the reader's zone, risk in each language, every glyph, on one page per language", async () => {
    await renderRequestPdf(data('He called his mother from a borrowed phone and said he had been beaten.'));
    expect(recorder.pages.size).toBe(2);
    const bilingual = onPage(1);
    const korean = onPage(2);
    // Last contact: Phnom Penh time for the CNP's copy, Seoul time for the Korean one, never a raw ISO string.
    expect(bilingual).toContain('2026-11-30 21:20 ICT (23:20 KST)');
    expect(korean).toContain('2026-11-30 23:20 KST (21:20 ICT)');
    expect(recorder.drawn.some((d) => /\d{4}-\d\d-\d\dT\d\d:/.test(d.text))).toBe(false);
    // The footer's time is a local one, not UTC.
    expect(korean).toContain('RC-2026-0042 · 2026-12-04 17:15 ICT (19:15 KST) · Page 2 of 2');
    expect(recorder.drawn.some((d) => d.text.includes('UTC'))).toBe(false);
    // Risk level and reasons in Khmer and English on the CNP's page, in Korean on the file copy.
    expect(bilingual).toContain('ធ្ងន់ធ្ងរបំផុត — មានរបាយការណ៍អំពីអំពើហិង្សាលើបុគ្គលនេះ');
    expect(bilingual).toContain('Critical — Violence against the person has been reported');
    expect(korean).toContain(
      '긴급 — 대상자에 대한 폭력이 신고됨; 대상자에게 치료가 필요함; 폭력과 치료 필요가 함께 있음: 긴급',
    );
    expect(korean).not.toContain('Violence');
    expect(korean).toContain('남성');
    // No character is drawn in a font that has no glyph for it (the Korean copy's 州 was a box).
    expect(recorder.drawn.flatMap((d) => d.missingGlyphs)).toEqual([]);
  });

  it('a long account flows on from its section instead of leaving the rest of the page empty', async () => {
    await renderRequestPdf(
      data('He called his mother and said he had been beaten and moved twice. '.repeat(40)),
    );
    const headingPages = recorder.drawn
      .filter((d) => d.text === ' / Circumstances reported' || d.text === '신고 내용')
      .map((d) => d.page);
    // Each section's account starts on the section's first page, right after its contacts.
    expect(headingPages).toEqual([1, headingPages[1]]);
    expect(onPage(headingPages[1]!)).toContain('긴급 구출 요청서');
  });
});
