import type {
  FugitiveFlags,
  FugitiveInputRaw,
  FugitiveName,
  FugitiveState,
  NameKind,
  NameScript,
} from '@liaison/core/fugitives/schemas';
import type { BadgeTone } from '../../ui/Badge.tsx';

export const stateTone: Record<FugitiveState, BadgeTone> = {
  wanted: 'danger',
  sighted: 'warn',
  located: 'warn',
  under_surveillance: 'warn',
  arrested: 'info',
  detained: 'info',
  removal_in_progress: 'info',
  handed_over: 'ok',
  closed: 'neutral',
};

/** Which script a reader of each language looks for first. */
const preferredScripts: Record<string, NameScript[]> = {
  ko: ['hangul', 'latin', 'han', 'khmer', 'other'],
  km: ['khmer', 'latin', 'hangul', 'han', 'other'],
  en: ['latin', 'hangul', 'khmer', 'han', 'other'],
};
const kindOrder: NameKind[] = ['primary', 'passport', 'alias'];

/**
 * The name to show first, in the reader's script where there is one (a Korean reader sees 한복남, an English one
 * HAN BOKNAM), never an alias when a real name exists; and the other names after it.
 */
export function namesForReader(
  names: readonly FugitiveName[],
  language: string,
): { main: string; others: FugitiveName[] } {
  const scripts = preferredScripts[language] ?? preferredScripts.en!;
  const rank = (n: FugitiveName) => kindOrder.indexOf(n.kind) * 10 + scripts.indexOf(n.script);
  const sorted = [...names].sort((a, b) => rank(a) - rank(b));
  const real = sorted.filter((n) => n.kind !== 'alias');
  const main = real[0] ?? sorted[0];
  return { main: main?.value ?? '—', others: sorted.filter((n) => n !== main) };
}

export type FlagBadge =
  | { kind: 'expiring' | 'expired'; days: number; tone: BadgeTone }
  | { kind: 'stalled'; days: number; limit: number; tone: BadgeTone };

/** The list's flag badges, worst first: an expired warrant, then one expiring, then a stalled step. */
export function flagBadges(flags: FugitiveFlags | null): FlagBadge[] {
  if (!flags) return [];
  const badges: FlagBadge[] = [];
  if (flags.warrant === 'expired')
    badges.push({ kind: 'expired', days: Math.abs(flags.warrantDaysLeft ?? 0), tone: 'danger' });
  if (flags.warrant === 'expiring')
    badges.push({ kind: 'expiring', days: flags.warrantDaysLeft ?? 0, tone: 'warn' });
  if (flags.stalled)
    badges.push({ kind: 'stalled', days: flags.daysInState, limit: flags.stallLimitDays ?? 0, tone: 'warn' });
  return badges;
}

/** The create form as it holds its values: text everywhere, so a draft survives a reload. */
export interface FugitiveDraft {
  names: { value: string; script: string; kind: string }[];
  birthDate: string;
  nationality: string;
  sex: string;
  passportNumber: string;
  passportStatus: string;
  passportStatusOn: string;
  warrantNumber: string;
  court: string;
  charges: string;
  issuedOn: string;
  expiresOn: string;
  noticeType: string;
  noticeReference: string;
  noticeStatus: string;
  dangerMarkers: string[];
  description: string;
  tlp: string;
  handlingCode: string;
  handlingNote: string;
}

export const emptyDraft: FugitiveDraft = {
  names: [
    { value: '', script: 'hangul', kind: 'primary' },
    { value: '', script: 'latin', kind: 'passport' },
  ],
  birthDate: '',
  nationality: 'KR',
  sex: '',
  passportNumber: '',
  passportStatus: 'valid',
  passportStatusOn: '',
  warrantNumber: '',
  court: '',
  charges: '',
  issuedOn: '',
  expiresOn: '',
  noticeType: '',
  noticeReference: '',
  noticeStatus: 'published',
  dangerMarkers: [],
  description: '',
  tlp: 'AMBER',
  handlingCode: 'H1',
  handlingNote: '',
};

/**
 * The draft as the API takes it: empty names dropped, charges one per line, a section left out when nothing of it
 * was filled in (a half-filled warrant is sent as it is, so the server names what is missing).
 */
export function inputFromDraft(draft: FugitiveDraft): FugitiveInputRaw {
  const text = (s: string) => s.trim();
  const warrantTouched = [
    draft.warrantNumber,
    draft.court,
    draft.charges,
    draft.issuedOn,
    draft.expiresOn,
  ].some((s) => text(s) !== '');
  return {
    names: draft.names
      .filter((n) => text(n.value) !== '')
      .map((n) => ({ value: text(n.value), script: n.script, kind: n.kind }) as FugitiveName),
    ...(text(draft.birthDate) && { birthDate: text(draft.birthDate) }),
    nationality: text(draft.nationality).toUpperCase(),
    ...(draft.sex && { sex: draft.sex as NonNullable<FugitiveInputRaw['sex']> }),
    ...(text(draft.passportNumber) && {
      passport: {
        number: text(draft.passportNumber),
        status: draft.passportStatus as 'valid',
        ...(text(draft.passportStatusOn) && { statusOn: text(draft.passportStatusOn) }),
      },
    }),
    ...(warrantTouched && {
      warrant: {
        number: text(draft.warrantNumber),
        court: text(draft.court),
        charges: draft.charges
          .split('\n')
          .map(text)
          .filter((c) => c !== ''),
        issuedOn: text(draft.issuedOn),
        expiresOn: text(draft.expiresOn),
      },
    }),
    ...(draft.noticeType && {
      interpol: {
        noticeType: draft.noticeType as 'red',
        reference: text(draft.noticeReference),
        status: draft.noticeStatus as 'published',
      },
    }),
    dangerMarkers: draft.dangerMarkers.map((code) => ({ code: code as 'armed' })),
    description: draft.description,
    markings: {
      tlp: draft.tlp as 'AMBER',
      handlingCode: draft.handlingCode as 'H1',
      ...(text(draft.handlingNote) && { handlingNote: text(draft.handlingNote) }),
    },
  };
}
