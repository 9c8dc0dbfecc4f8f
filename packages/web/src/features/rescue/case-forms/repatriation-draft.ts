import type { RepatriationView } from '@liaison/core/rescue/index';
import type { useSubmit } from './shared.tsx';

const localInput = (iso: string | undefined) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
export const fromLocalInput = (value: string) => new Date(value).toISOString();

type Step<K extends keyof RepatriationView> = NonNullable<RepatriationView[K]>;

export interface RepatriationDraft {
  docType: string;
  issuedAt: string;
  docNumber: string;
  flightNumber: string;
  flightDate: string;
  from: string;
  to: string;
  escorts: { name: string; agency?: string }[];
  escortName: string;
  escortAgency: string;
  arrivalAt: string;
  handoverTo: string;
  handoverBy: string;
  handoverAt: string;
  followUp: string;
}

export function repatriationDraft(r: RepatriationView): RepatriationDraft {
  return {
    docType: r.travelDocument?.type ?? '',
    issuedAt: r.travelDocument?.issuedAt ?? '',
    docNumber: r.travelDocument?.number ?? '',
    flightNumber: r.flight?.number ?? '',
    flightDate: r.flight?.date ?? '',
    from: r.flight?.from ?? 'PNH',
    to: r.flight?.to ?? 'ICN',
    escorts: r.escortOfficers ?? [],
    escortName: '',
    escortAgency: '',
    arrivalAt: localInput(r.arrival?.at),
    handoverTo: r.handover?.to ?? 'family',
    handoverBy: r.handover?.by ?? '',
    handoverAt: localInput(r.handover?.at),
    followUp: '',
  };
}

/** What a repatriation fieldset needs: the draft, a way to change it, and the message for a field. */
export interface RepatriationFieldsetProps {
  d: RepatriationDraft;
  update(patch: Partial<RepatriationDraft>): void;
  fieldError: ReturnType<typeof useSubmit>['fieldError'];
}

/** The repatriation as saved: a half-typed escort or follow-up note is added rather than lost. */
export function repatriationBody(
  d: RepatriationDraft,
  previous: RepatriationView,
  by: string,
): RepatriationView {
  const flightWanted = Boolean(d.flightNumber.trim() || d.flightDate);
  const flightNumber = d.flightNumber.trim().toUpperCase();
  const escorts = [...d.escorts];
  if (d.escortName.trim())
    escorts.push({
      name: d.escortName.trim(),
      ...(d.escortAgency.trim() && { agency: d.escortAgency.trim() }),
    });
  const notes = [...(previous.followUpNotes ?? [])];
  if (d.followUp.trim()) notes.push({ at: new Date().toISOString(), by, text: d.followUp.trim() });
  return {
    ...(d.docType &&
      d.issuedAt && {
        travelDocument: {
          // The select offers only the schema's values.
          type: d.docType as Step<'travelDocument'>['type'],
          issuedAt: d.issuedAt,
          ...(d.docNumber.trim() && { number: d.docNumber.trim() }),
        },
      }),
    ...(flightWanted && {
      flight: {
        number: flightNumber,
        date: d.flightDate,
        from: d.from.trim().toUpperCase(),
        to: d.to.trim().toUpperCase(),
      },
    }),
    escortOfficers: escorts,
    ...(d.arrivalAt && { arrival: { at: fromLocalInput(d.arrivalAt) } }),
    ...(d.handoverBy.trim() &&
      d.handoverAt && {
        handover: {
          to: d.handoverTo as Step<'handover'>['to'],
          by: d.handoverBy.trim(),
          at: fromLocalInput(d.handoverAt),
        },
      }),
    followUpNotes: notes,
  };
}
