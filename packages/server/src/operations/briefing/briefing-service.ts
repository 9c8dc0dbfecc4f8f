import { createHash } from 'node:crypto';
import { type Actor, authorize } from '@liaison/core';
import type { OperationDetail, Target } from '@liaison/core/operations/schemas';
import { cambodianProvinces } from '@liaison/core/rescue/index';
import { listAgencies } from '../../accounts/agencies-service.ts';
import { audit, withAudit } from '../../audit/audit.ts';
import { distanceToBorderKm } from '../../compounds/cambodia-geo.ts';
import type { Ctx } from '../../context.ts';
import { readOperation } from '../operations-service.ts';
import type { BriefingAgency, BriefingData, BriefingTarget } from './briefing-data.ts';
import { type BriefingLanguage, terms } from './briefing-labels.ts';
import { renderBriefingPdf } from './briefing-layout.ts';
import { targetPersons } from './briefing-persons.ts';

/**
 * The operation's briefing pack as a PDF in one language. Whoever may read the operation may have its pack
 * (`readOperation`: operations.read and the operation's need-to-know, 404 otherwise); each download is audited
 * with the language and the file's SHA-256, so the copy that left the node can be recognised.
 */
export async function briefingPdf(
  ctx: Ctx,
  actor: Actor,
  operationId: string,
  language: BriefingLanguage,
): Promise<{ data: Buffer; filename: string }> {
  authorize(actor, 'operations.read');
  const op = await readOperation(ctx, actor, operationId);
  const data = await briefingData(ctx, actor, op, language);
  const pdf = await renderBriefingPdf(data);
  await withAudit(ctx.app.db, (trx) =>
    audit(
      { ...ctx, trx },
      actor,
      'operation.briefing_downloaded',
      { type: 'operation', id: op.id },
      {
        reference: op.reference,
        language,
        bytes: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
      { purpose: ctx.purpose },
    ),
  );
  return { data: pdf, filename: `briefing-${op.reference}-${language}.pdf` };
}

/** What the pack prints: the operation as read, the agencies' names, the targets' places and persons. */
async function briefingData(
  ctx: Ctx,
  actor: Actor,
  op: OperationDetail,
  language: BriefingLanguage,
): Promise<BriefingData> {
  const agencies = await listAgencies(ctx, actor);
  const agency = (code: string): BriefingAgency => {
    const a = agencies.find((row) => row.code === code);
    return { code, name: a?.name ?? code, country: a?.country ?? '' };
  };
  const persons = await targetPersons(ctx, actor, op.targets);
  const code = op.handlingCode as keyof (typeof terms)['en']['handlingCode'];
  const handlingIn = (lang: BriefingLanguage) =>
    `TLP:${op.tlp} · ${op.handlingCode}${terms[lang].handlingCode[code] ? ` — ${terms[lang].handlingCode[code]}` : ''}`;
  const producer =
    'displayName' in actor
      ? { name: actor.displayName, agency: actor.agencyCode, email: actor.email }
      : { name: 'Liaison node', agency: '', email: '' };
  return {
    language,
    reference: op.reference,
    codeName: op.codeName,
    objective: op.objective,
    status: op.status,
    lead: agency(op.leadAgency),
    partner: agency(op.partnerAgency),
    // The stamp font has Latin and Hangul but no Khmer: a Khmer pack is stamped in English.
    marking: handlingIn(language === 'ko' ? 'ko' : 'en'),
    handling: [handlingIn(language), op.handlingNote].filter(Boolean).join('\n'),
    producedAt: ctx.app.now(),
    producedBy: producer,
    targets: op.targets.map((t, i) => briefingTarget(t, i + 1, op, persons.get(t.id) ?? null)),
    intelligence: op.intelligence,
    teams: op.teams,
    timing: op.timing,
    legalAuthority: op.legalAuthority,
    risks: op.risks,
    decisions: op.decisions,
  };
}

function briefingTarget(
  t: Target,
  number: number,
  op: OperationDetail,
  person: Pick<BriefingTarget, 'person' | 'photo'> | null,
): BriefingTarget {
  const located = t.lat !== null && t.lon !== null;
  return {
    number,
    kind: t.kind,
    label: t.label,
    // A compound's place is its province and coordinates (the operations feature files its province id as address).
    address: t.kind === 'compound' ? null : t.address,
    province: t.province ?? (located ? provinceAt(t.lat!, t.lon!) : null),
    lat: t.lat,
    lon: t.lon,
    // The same outline the map draws the line to; the planners' figure only when the target has no coordinates.
    borderDistanceKm: located
      ? distanceToBorderKm(t.lat!, t.lon!)
      : ((op.targets.length === 1 ? op.intelligence.borderDistanceKm : undefined) ?? null),
    note: t.note,
    person: person?.person ?? null,
    photo: person?.photo ?? null,
  };
}

/**
 * The province a point lies in on the offline layer: its provinces are the cells of the nearest province
 * centre in plain degrees (compounds/cambodia-geo.ts), so the nearest centre, measured the same way, is the cell. Outside Cambodia's outline: none.
 */
function provinceAt(lat: number, lon: number): string | null {
  if (lat < 9.5 || lat > 15 || lon < 102 || lon > 108) return null;
  let best: { id: string; d: number } | null = null;
  for (const [id, p] of Object.entries(cambodianProvinces)) {
    const d = (p.lat - lat) ** 2 + (p.lon - lon) ** 2;
    if (!best || d < best.d) best = { id, d };
  }
  return best?.id ?? null;
}
