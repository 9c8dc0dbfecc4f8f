import { cambodianProvinces } from '@liaison/core/rescue/index';
import { contentWidth, page, renderPdf } from '../../pdf/document.ts';
import { field, heading, imageBox, keepSpace } from '../../pdf/layout.ts';
import { writeText } from '../../pdf/mixed-script.ts';
import { stampPages } from '../../pdf/page-stamps.ts';
import type { BriefingAgency, BriefingData, BriefingTarget } from './briefing-data.ts';
import { type BriefingLabels, briefingLabels, terms } from './briefing-labels.ts';
import { drawBriefingMap, type MapPoint } from './briefing-map.ts';

// Korea and Cambodia keep no daylight saving time: KST is UTC+9 and ICT UTC+7 all year.
const zones = { kst: 9, ict: 7 } as const;

/** `2026-12-04 21:30` in the zone, from an ISO instant. */
export function inZone(iso: string | Date, zone: keyof typeof zones): string {
  const at = new Date(new Date(iso).getTime() + zones[zone] * 3_600_000);
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

/** The briefing pack in one language: cover, objective, map, targets, teams, timings, contacts, law, risks, decision. */
export function renderBriefingPdf(data: BriefingData): Promise<Buffer> {
  const l = briefingLabels[data.language];
  return renderPdf(
    { title: `${l.title} — ${data.codeName} (${data.reference})`, subject: data.marking },
    (doc) => {
      cover(doc, data, l);
      doc.addPage();
      map(doc, data, l);
      targets(doc, data, l);
      intelligence(doc, data, l);
      teams(doc, data, l);
      timings(doc, data, l);
      contacts(doc, data, l);
      legal(doc, data, l);
      risks(doc, data, l);
      decision(doc, data, l);
      stampPages(doc, {
        marking: data.marking,
        header: `${data.lead.code} · ${data.partner.code} — ${data.codeName}`,
        headerRight: data.reference,
        footer: (n, total) =>
          `${data.reference} · ${data.producedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${n} / ${total}`,
      });
    },
  );
}

const agencyLine = (a: BriefingAgency) => `${a.name} (${a.code})`;

function cover(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  const t = terms[data.language];
  doc.moveDown(2);
  writeText(doc, l.title, { bold: true, size: 18, align: 'center' });
  doc.moveDown(0.8);
  writeText(doc, data.codeName, { bold: true, size: 24, align: 'center' });
  writeText(doc, data.reference, { size: 12, align: 'center' });
  doc.moveDown(1.5);
  field(doc, l.code, data.reference);
  field(doc, l.status, t.status[data.status]);
  field(doc, l.agencies, `${agencyLine(data.lead)} · ${agencyLine(data.partner)}`);
  field(
    doc,
    l.hHour,
    `${inZone(data.timing.plannedStart, 'kst')} KST · ${inZone(data.timing.plannedStart, 'ict')} ICT`,
  );
  field(doc, l.producedAt, `${inZone(data.producedAt, 'kst')} KST · ${inZone(data.producedAt, 'ict')} ICT`);
  field(doc, l.producedBy, `${data.producedBy.name} (${data.producedBy.agency}) — ${data.producedBy.email}`);
  field(doc, l.handling, data.handling);
  doc.moveDown(0.8);
  decisionBox(doc, data, l);
  heading(doc, l.objective);
  writeText(doc, data.objective, { size: 10.5 });
}

/** The go/no-go state in a framed box, in words and colour (a grey printout still reads the words). */
function decisionBox(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  const last = data.decisions.at(-1);
  const text = !last ? l.pending : last.decision === 'go' ? l.go : l.noGo;
  const colour = !last ? '#616161' : last.decision === 'go' ? '#2e7d32' : '#b71c1c';
  const y = doc.y;
  doc.rect(page.margin, y, contentWidth, 34).lineWidth(1.5).stroke(colour);
  doc.fillColor(colour);
  writeText(doc, `${l.decision}: ${text}`, {
    bold: true,
    size: 13,
    at: [page.margin + 10, y + 9],
    width: contentWidth - 20,
  });
  doc.fillColor('#000');
  doc.x = page.margin;
  doc.y = y + 42;
}

const provinceName = (id: string | null, language: BriefingData['language']) => {
  const p = id ? cambodianProvinces[id as keyof typeof cambodianProvinces] : undefined;
  if (!p) return id;
  return language === 'km' ? `${p.km} (${p.en})` : p.en;
};

const located = (t: BriefingTarget): t is BriefingTarget & { lat: number; lon: number } =>
  t.lat !== null && t.lon !== null;

function map(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  heading(doc, l.map);
  doc.fillColor('#555');
  writeText(doc, l.mapNote, { size: 8 });
  doc.fillColor('#000');
  const points: MapPoint[] = data.targets
    .filter(located)
    .map((t) => ({ lat: t.lat, lon: t.lon, province: t.province, number: t.number }));
  if (points.length === 0) {
    writeText(doc, l.noLocation, { size: 10 });
    return;
  }
  const top = doc.y + 6;
  const box = { x: page.margin, y: top, w: contentWidth, h: 250 };
  const byNumber = new Map(data.targets.map((t) => [t.number, t]));
  drawBriefingMap(doc, box, points, (p) => byNumber.get(p.number)?.borderDistanceKm ?? 0);
  doc.x = page.margin;
  doc.y = top + box.h + 8;
  for (const t of data.targets.filter(located)) {
    keepSpace(doc, 150);
    writeText(doc, `${t.number}. ${t.label}`, { bold: true, size: 9.5 });
    field(doc, l.province, provinceName(t.province, data.language));
    field(doc, l.coordinates, `${t.lat.toFixed(5)}, ${t.lon.toFixed(5)}`);
    field(doc, l.borderDistance, t.borderDistanceKm !== null ? `${t.borderDistanceKm} km` : null);
  }
}

function targets(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  heading(doc, l.targets);
  const t = terms[data.language];
  if (data.targets.length === 0) writeText(doc, l.none, { size: 10 });
  const photoW = 110;
  const textWidth = contentWidth - photoW - 12;
  for (const target of data.targets) {
    keepSpace(doc, 240);
    doc.moveDown(0.4);
    const top = doc.y;
    writeText(doc, `${target.number}. ${t.target[target.kind]} — ${target.label}`, {
      bold: true,
      size: 11,
      width: textWidth,
    });
    doc.moveDown(0.2);
    if (target.person) {
      field(doc, l.names, target.person.names.join(', '), textWidth);
      field(doc, l.birthDate, target.person.birthDate, textWidth);
      field(doc, l.nationality, target.person.nationality, textWidth);
      field(doc, l.passport, target.person.passport, textWidth);
      field(doc, l.warrant, target.person.warrant, textWidth);
    }
    if (target.address) field(doc, l.address, target.address, textWidth);
    if (target.province) field(doc, l.province, provinceName(target.province, data.language), textWidth);
    if (target.borderDistanceKm !== null)
      field(doc, l.borderDistance, `${target.borderDistanceKm} km`, textWidth);
    if (target.note) field(doc, l.note, target.note, textWidth);
    const after = doc.y;
    imageBox(
      doc,
      target.photo,
      { x: page.width - page.margin - photoW, y: top, w: photoW, h: 130 },
      l.noPhoto,
    );
    doc.x = page.margin;
    doc.y = Math.max(after, top + 138);
  }
}

function intelligence(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  const i = data.intelligence;
  heading(doc, l.intelligence);
  if (i.summary) writeText(doc, i.summary, { size: 10 });
  doc.moveDown(0.3);
  const n = (v: number | undefined) => (v === undefined ? null : String(v));
  field(doc, l.occupants, n(i.estimatedOccupants));
  field(doc, l.buildings, n(i.buildings));
  field(doc, l.gates, n(i.gates));
  field(doc, l.guards, i.guards === undefined ? null : `${i.guards}${i.guardsArmed ? ` (${l.armed})` : ''}`);
  field(doc, l.routesIn, i.routesIn);
  field(doc, l.routesOut, i.routesOut);
  field(doc, l.borderDistance, i.borderDistanceKm === undefined ? null : `${i.borderDistanceKm} km`);
}

/** The teams of each agency, lead agency first: unit, role, leader, named officers, head count, contact. */
function teams(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  const t = terms[data.language];
  heading(doc, l.teams);
  if (data.teams.length === 0) writeText(doc, l.none, { size: 10 });
  for (const agency of [data.lead, data.partner]) {
    const ofAgency = data.teams.filter((team) => team.agencyCode === agency.code);
    if (ofAgency.length === 0) continue;
    // With room for its first team: an agency's name never ends a page alone.
    keepSpace(doc, 200);
    doc.moveDown(0.3);
    writeText(doc, agencyLine(agency), { bold: true, size: 10.5 });
    for (const team of ofAgency) {
      keepSpace(doc, 140);
      doc.moveDown(0.2);
      writeText(doc, `${team.name} — ${l.role}: ${t.role[team.role]}`, { bold: true, size: 9.5 });
      if (team.unitName) field(doc, l.unit, team.unitName);
      field(doc, l.leader, team.leaderName);
      field(doc, l.officer, team.officers.map((o) => o.name).join(', ') || null);
      field(doc, l.headcount, String(team.headcount));
      field(doc, l.contact, team.contact);
    }
  }
}

/** Each moment of the plan in both zones, side by side. */
function timings(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  const t = terms[data.language];
  heading(doc, l.timings);
  const rows: [string, string | undefined][] = [
    [t.phase.briefing, data.timing.briefingAt],
    [t.phase.start, data.timing.plannedStart],
    [t.phase.end, data.timing.plannedEnd],
  ];
  const cols = [page.margin, page.margin + 220, page.margin + 360];
  const row = (cells: string[], bold: boolean) => {
    keepSpace(doc, 100);
    const y = doc.y;
    let bottom = y;
    cells.forEach((cell, i) => {
      writeText(doc, cell, {
        bold,
        size: 9.5,
        at: [cols[i]!, y],
        width: (cols[i + 1] ?? page.width - page.margin) - cols[i]! - 8,
      });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = page.margin;
    doc.y = bottom + 3;
  };
  row([l.phase, l.kst, l.ict], true);
  for (const [phase, at] of rows)
    row([phase, at ? inZone(at, 'kst') : l.notSet, at ? inZone(at, 'ict') : l.notSet], false);
}

/** Who to call: each team's leader and channel, and the officer who produced the pack. */
function contacts(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  heading(doc, l.contacts);
  for (const team of data.teams)
    field(
      doc,
      `${team.agencyCode} · ${team.name}`,
      [team.leaderName, team.contact].filter(Boolean).join(' — ') || null,
    );
  field(doc, l.producedBy, `${data.producedBy.name} (${data.producedBy.agency}) — ${data.producedBy.email}`);
}

/** The instruments on each side: a GO needs both (core/operations/rules.ts). */
function legal(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  const t = terms[data.language];
  heading(doc, l.legal);
  for (const agency of [data.lead, data.partner]) {
    const side =
      agency.country === 'KR' ? l.koreanSide : agency.country === 'KH' ? l.cambodianSide : agency.code;
    keepSpace(doc, 200);
    doc.moveDown(0.2);
    writeText(doc, `${side} — ${agencyLine(agency)}`, { bold: true, size: 10 });
    const ofSide = data.legalAuthority.filter((a) => a.agencyCode === agency.code);
    if (ofSide.length === 0) writeText(doc, l.none, { size: 9.5 });
    for (const a of ofSide) {
      keepSpace(doc, 150);
      writeText(doc, t.authority[a.kind], { bold: true, size: 9.5 });
      field(doc, l.number, a.number);
      field(doc, l.issuedBy, a.issuedBy);
      field(doc, l.issuedOn, a.issuedOn);
      if (a.validUntil) field(doc, l.validUntil, a.validUntil);
    }
  }
}

function risks(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  const t = terms[data.language];
  heading(doc, l.risks);
  if (data.risks.length === 0) writeText(doc, l.none, { size: 10 });
  data.risks.forEach((r, i) => {
    keepSpace(doc, 130);
    writeText(doc, `${i + 1}. ${t.riskLevel[r.level]}`, { bold: true, size: 9.5 });
    writeText(doc, r.description, { size: 9.5 });
    if (r.mitigation) field(doc, l.mitigation, r.mitigation);
  });
}

function decision(doc: PDFKit.PDFDocument, data: BriefingData, l: BriefingLabels) {
  heading(doc, l.decision);
  decisionBox(doc, data, l);
  for (const d of [...data.decisions].reverse()) {
    keepSpace(doc, 130);
    writeText(doc, d.decision === 'go' ? l.go : l.noGo, { bold: true, size: 9.5 });
    field(doc, l.decidedBy, d.decidedByName);
    field(doc, l.decidedAt, `${inZone(d.decidedAt, 'kst')} KST · ${inZone(d.decidedAt, 'ict')} ICT`);
    if (d.reason) field(doc, l.reason, d.reason);
  }
}
