import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';

const Instant = z.iso.datetime({ offset: true });
const OfficerRef = plainText().min(1).max(200);
const Airport = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter IATA airport code');

export const TravelDocument = z.strictObject({
  type: z.enum(['emergency_travel_certificate', 'new_passport']),
  issuedAt: z.iso.date(),
  number: plainText().min(1).max(20).optional(),
});

export const RepatriationFlight = z.strictObject({
  number: z.string().regex(/^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$/, 'Use a flight number such as KE690'),
  date: z.iso.date(),
  from: Airport.default('PNH'),
  to: Airport.default('ICN'),
});

export const EscortOfficer = z.strictObject({
  name: OfficerRef,
  agency: plainText().min(2).max(16).optional(),
});

export const Handover = z.strictObject({
  to: z.enum(['family', 'police', 'shelter']),
  /** Who received the person (an officer, a relative, a shelter worker). */
  by: OfficerRef,
  at: Instant,
});

export const FollowUpNote = z.strictObject({
  at: Instant,
  by: OfficerRef,
  text: plainText().min(1).max(5000),
});

/** The steps that bring a rescued person home, each filled in as it happens. */
export const Repatriation = z.strictObject({
  travelDocument: TravelDocument.optional(),
  flight: RepatriationFlight.optional(),
  escortOfficers: z.array(EscortOfficer).max(10).default([]),
  arrival: z.strictObject({ at: Instant }).optional(),
  handover: Handover.optional(),
  followUpNotes: z.array(FollowUpNote).max(200).default([]),
});
export type Repatriation = z.infer<typeof Repatriation>;

export const repatriationSteps = [
  'travelDocument',
  'flight',
  'escort',
  'arrival',
  'handover',
  'followUp',
] as const;
export const RepatriationStep = z.enum(repatriationSteps);
export type RepatriationStep = z.infer<typeof RepatriationStep>;

export const RepatriationProgress = z.object({
  done: z.record(RepatriationStep, z.boolean()),
  doneCount: z.number(),
  total: z.number(),
  /** The first step not yet done, in order; null once everything is done. */
  next: RepatriationStep.nullable(),
  /** True once the person is handed over: the follow-up notes never end a repatriation. */
  home: z.boolean(),
});
export type RepatriationProgress = z.infer<typeof RepatriationProgress>;

/** The repatriation as stored, each step present once filled in (a response schema: no input checks). */
export const RepatriationView = z.object({
  travelDocument: z
    .object({ type: TravelDocument.shape.type, issuedAt: z.string(), number: z.string().optional() })
    .optional(),
  flight: z.object({ number: z.string(), date: z.string(), from: z.string(), to: z.string() }).optional(),
  escortOfficers: z.array(z.object({ name: z.string(), agency: z.string().optional() })).optional(),
  arrival: z.object({ at: z.string() }).optional(),
  handover: z.object({ to: Handover.shape.to, by: z.string(), at: z.string() }).optional(),
  followUpNotes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })).optional(),
});
export type RepatriationView = z.infer<typeof RepatriationView>;

export function repatriationProgress(r: Partial<Repatriation>): RepatriationProgress {
  const done: Record<RepatriationStep, boolean> = {
    travelDocument: r.travelDocument !== undefined,
    flight: r.flight !== undefined,
    escort: (r.escortOfficers?.length ?? 0) > 0,
    arrival: r.arrival !== undefined,
    handover: r.handover !== undefined,
    followUp: (r.followUpNotes?.length ?? 0) > 0,
  };
  const doneCount = repatriationSteps.filter((s) => done[s]).length;
  return {
    done,
    doneCount,
    total: repatriationSteps.length,
    next: repatriationSteps.find((s) => !done[s]) ?? null,
    home: done.handover,
  };
}
