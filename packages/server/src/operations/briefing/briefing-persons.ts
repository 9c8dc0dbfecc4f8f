import type { Readable } from 'node:stream';
import { type Actor, can, LiaisonError } from '@liaison/core';
import type { FugitiveDetail } from '@liaison/core/fugitives/schemas';
import type { Target } from '@liaison/core/operations/schemas';
import type { Ctx } from '../../context.ts';
import { openFugitiveFile } from '../../fugitives/files-service.ts';
import { getFugitive } from '../../fugitives/fugitives-service.ts';
import type { BriefingTarget } from './briefing-data.ts';

/** The pack embeds JPEG and PNG (pdfkit draws no WebP): a WebP photo gets the "no photo" box. */
const drawable = new Set(['image/jpeg', 'image/png']);

/**
 * What the register adds to the operation's person targets that are wanted fugitives: every name in every
 * script, birth date, nationality, passport, the warrant, and the latest photo. Read through the register's own
 * service with the reader's rights (fugitives.read and its TLP rule; a restricted record's read and the photo's
 * download are audited there): a fugitive the reader may not see is printed with the target's label only.
 */
export async function targetPersons(
  ctx: Ctx,
  actor: Actor,
  targets: Target[],
): Promise<Map<string, Pick<BriefingTarget, 'person' | 'photo'>>> {
  const out = new Map<string, Pick<BriefingTarget, 'person' | 'photo'>>();
  if (!can(actor, 'fugitives.read')) return out;
  for (const t of targets) {
    if (t.kind !== 'person' || !t.fugitiveId) continue;
    const detail = await orNull(getFugitive(ctx, actor, t.fugitiveId));
    if (!detail) continue;
    const f = detail.fugitive;
    out.set(t.id, {
      person: {
        reference: f.reference,
        names: f.names.map((n) => n.value),
        birthDate: f.birthDate,
        nationality: f.nationality,
        passport: f.passport?.display ?? null,
        warrant: f.warrant
          ? `${f.warrant.number} — ${f.warrant.court} (${f.warrant.issuedOn} – ${f.warrant.expiresOn})`
          : null,
      },
      photo: await latestPhoto(ctx, actor, detail),
    });
  }
  return out;
}

async function latestPhoto(ctx: Ctx, actor: Actor, detail: FugitiveDetail): Promise<Buffer | null> {
  const photo = detail.files.filter((f) => f.kind === 'photo' && drawable.has(f.mediaType)).at(-1);
  if (!photo) return null;
  const opened = await orNull(openFugitiveFile(ctx, actor, detail.fugitive.id, photo.id));
  return opened ? bytesOf(opened.content) : null;
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Null for a record the reader may not see (not found to them); any other failure stops the pack. */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof LiaisonError && (error.code === 'not-found' || error.code === 'forbidden'))
      return null;
    throw error;
  }
}
