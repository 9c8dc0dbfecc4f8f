import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';

// Removal planning (issue 11, workflow 2): suspects sent home by deportation, extradition or voluntary return,
// on commercial or charter flights, each escorted; the warrant executed on boarding; the receiving unit.
// The rules themselves are in removal-rules.ts, the proposals in removal-planner.ts.

export const removalKinds = ['deportation', 'extradition', 'voluntary_return'] as const;
export const RemovalKind = z.enum(removalKinds);
export type RemovalKind = z.infer<typeof RemovalKind>;

/** planning → confirmed (the plan meets the rule) → in transit (every suspect boarded) → handed over. */
export const removalStatuses = ['planning', 'confirmed', 'in_transit', 'handed_over'] as const;
export const RemovalStatus = z.enum(removalStatuses);
export type RemovalStatus = z.infer<typeof RemovalStatus>;

export const flightKinds = ['commercial', 'charter'] as const;
export const FlightKind = z.enum(flightKinds);
export type FlightKind = z.infer<typeof FlightKind>;

/** Everyone aboard who is not a suspect: escorts (each for one suspect) and the charter's other people. */
export const memberRoles = ['escort', 'crew', 'medical', 'interpreter', 'other'] as const;
export const MemberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof MemberRole>;
export const OtherMemberRole = z.enum(['crew', 'medical', 'interpreter', 'other']);
export type OtherMemberRole = z.infer<typeof OtherMemberRole>;

const Instant = z.iso.datetime({ offset: true });
const Airport = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter IATA airport code such as PNH or ICN');
const PassportNumber = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{6,12}$/, 'A passport number is 6 to 12 letters and digits'));
const Seat = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9]{1,3}[A-K]$/, 'Use a seat such as 32A');
const Name = plainText().min(1, 'Give the name').max(200);

export const ReceivingUnit = z.strictObject({
  /** e.g. "KNPA — Incheon International Airport Police Unit". */
  name: plainText().min(1, 'Name the receiving unit').max(200),
  /** Where the hand-over happens, e.g. "Incheon International Airport, Terminal 2". */
  place: plainText().max(200).default(''),
  contact: plainText().max(200).default(''),
});
export type ReceivingUnit = z.infer<typeof ReceivingUnit>;

/**
 * A suspect to remove: a fugitive of the register, or an arrested person of the graph who is not one (then the
 * passport and warrant numbers, if any, are given here).
 */
export const SuspectRef = z
  .strictObject({
    fugitiveId: z.uuid().optional(),
    personEntityId: z.uuid().optional(),
    passportNumber: PassportNumber.optional(),
    warrantNumber: plainText().min(1).max(60).optional(),
  })
  .check((ctx) => {
    const { fugitiveId, personEntityId } = ctx.value;
    if ((fugitiveId === undefined) === (personEntityId === undefined))
      ctx.issues.push({
        code: 'custom',
        path: ['fugitiveId'],
        input: ctx.value,
        message: 'Give either a fugitive or an arrested person, not both',
      });
  });
export type SuspectRef = z.infer<typeof SuspectRef>;

export const RemovalInput = z.strictObject({
  kind: RemovalKind,
  receivingUnit: ReceivingUnit,
  notes: plainText().max(2000).default(''),
  /** Bulk: a charter's 64 or 73 people start from a list of fugitives. */
  suspects: z.array(SuspectRef).max(300).default([]),
});
export type RemovalInput = z.infer<typeof RemovalInput>;

export const AddSuspectsInput = z.strictObject({
  suspects: z.array(SuspectRef).min(1, 'Add at least one suspect').max(300),
});
export type AddSuspectsInput = z.infer<typeof AddSuspectsInput>;

export const FlightInput = z
  .strictObject({
    kind: FlightKind,
    /** The airline (commercial) or the operator (charter), e.g. "Korean Air". */
    airline: plainText().min(1, 'Name the airline').max(100),
    /** Required on a commercial flight; a charter's call sign or number if it has one. */
    flightNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$/, 'Use a flight number such as KE690')
      .optional(),
    from: Airport,
    to: Airport,
    departsAt: Instant,
    arrivesAt: Instant,
    /** A charter's seats for everyone aboard (suspects, escorts, crew, medical, others). */
    seats: z.number().int().min(1).max(600).optional(),
    /** Suspects to put on this flight at once (each checked against the rule). */
    suspectIds: z.array(z.uuid()).max(300).default([]),
  })
  .check((ctx) => {
    const f = ctx.value;
    const problem = (path: string, message: string) =>
      ctx.issues.push({ code: 'custom', path: [path], input: f, message });
    if (f.kind === 'commercial' && !f.flightNumber)
      problem('flightNumber', 'A commercial flight needs its flight number');
    if (f.kind === 'charter' && f.seats === undefined)
      problem('seats', 'Give the charter’s seats for everyone aboard');
    if (f.from === f.to) problem('to', 'The flight must arrive at another airport than it leaves from');
    if (Date.parse(f.arrivesAt) <= Date.parse(f.departsAt))
      problem('arrivesAt', 'The arrival must be after the departure');
  });
export type FlightInput = z.infer<typeof FlightInput>;

export const AssignInput = z.strictObject({
  /** null takes the suspect off their flight. */
  flightId: z.uuid().nullable(),
  seat: Seat.nullable().optional(),
});
export type AssignInput = z.infer<typeof AssignInput>;

const EscortEntry = z
  .strictObject({
    suspectId: z.uuid(),
    /** An officer of this node (then name and agency come from the account), or someone named here. */
    userId: z.uuid().optional(),
    name: Name.optional(),
    agency: plainText().min(2).max(16).optional(),
    passportNumber: PassportNumber.optional(),
    seat: Seat.optional(),
  })
  .check((ctx) => {
    if (!ctx.value.userId && !ctx.value.name)
      ctx.issues.push({
        code: 'custom',
        path: ['name'],
        input: ctx.value,
        message: 'Give the escort’s name or choose an officer',
      });
  });

export const AddEscortsInput = z.strictObject({
  escorts: z.array(EscortEntry).min(1, 'Add at least one escort').max(600),
});
export type AddEscortsInput = z.infer<typeof AddEscortsInput>;

export const AddMembersInput = z.strictObject({
  members: z
    .array(
      z.strictObject({
        role: OtherMemberRole,
        flightId: z.uuid(),
        name: Name,
        agency: plainText().max(100).default(''),
        passportNumber: PassportNumber.optional(),
        seat: Seat.optional(),
      }),
    )
    .min(1, 'Add at least one person')
    .max(600),
});
export type AddMembersInput = z.infer<typeof AddMembersInput>;

export const EscortProposalInput = z.strictObject({
  /** The officers available, in order of preference. */
  pool: z.array(z.uuid()).min(1, 'Choose the officers who can escort').max(600),
});
export type EscortProposalInput = z.infer<typeof EscortProposalInput>;

export const FlightProposalInput = z.strictObject({
  /** `auto`: one commercial flight when the rule allows, a charter otherwise; `commercial`: split instead. */
  mode: z.enum(['auto', 'commercial']).default('auto'),
});
export type FlightProposalInput = z.infer<typeof FlightProposalInput>;

export const BoardingInput = z.strictObject({
  boardedAt: Instant,
  /** Who executed the arrest warrant on board (required when the suspect has a warrant). */
  warrantExecutedBy: plainText().min(1).max(200).optional(),
  warrantExecutedAt: Instant.optional(),
  /** Only when the suspect's record carries no warrant number. */
  warrantNumber: plainText().min(1).max(60).optional(),
});
export type BoardingInput = z.infer<typeof BoardingInput>;

export const HandoverInput = z.strictObject({
  at: Instant,
  /** The officer of the receiving unit who took the suspects over. */
  receivedBy: plainText().min(1, 'Name who received the suspects').max(200),
});
export type HandoverInput = z.infer<typeof HandoverInput>;

// Views (response schemas: no input checks).

export const FlightView = z.object({
  id: z.string(),
  kind: FlightKind,
  airline: z.string(),
  flightNumber: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  departsAt: z.string(),
  arrivesAt: z.string(),
  seats: z.number().nullable(),
});
export type FlightView = z.infer<typeof FlightView>;

export const SuspectView = z.object({
  id: z.string(),
  fugitiveId: z.string().nullable(),
  personEntityId: z.string().nullable(),
  /** The name as on the passport (Latin), and in Hangul when known. */
  name: z.string(),
  nameLocal: z.string().nullable(),
  fugitiveReference: z.string().nullable(),
  birthDate: z.string().nullable(),
  nationality: z.string().nullable(),
  passportNumber: z.string().nullable(),
  warrantNumber: z.string().nullable(),
  flightId: z.string().nullable(),
  seat: z.string().nullable(),
  boardedAt: z.string().nullable(),
  warrantExecutedBy: z.string().nullable(),
  warrantExecutedAt: z.string().nullable(),
});
export type SuspectView = z.infer<typeof SuspectView>;

export const MemberView = z.object({
  id: z.string(),
  role: MemberRole,
  /** The suspect an escort escorts (escorts fly with them). */
  suspectId: z.string().nullable(),
  /** An other member's flight; an escort's is their suspect's. */
  flightId: z.string().nullable(),
  userId: z.string().nullable(),
  name: z.string(),
  agency: z.string(),
  passportNumber: z.string().nullable(),
  seat: z.string().nullable(),
});
export type MemberView = z.infer<typeof MemberView>;

/** Why the planner proposes what it does: a code for the web to say in its language, and the English. */
export const ProposalReason = z.enum(['commercial_fits', 'charter_over_limit', 'commercial_split', 'none']);
export type ProposalReason = z.infer<typeof ProposalReason>;

export const FlightProposal = z.object({
  kind: FlightKind.nullable(),
  /** Suspects per proposed flight, in order (a charter is one flight). */
  flights: z.array(z.object({ kind: FlightKind, suspects: z.number() })),
  suspects: z.number(),
  escortsNeeded: z.number(),
  reason: ProposalReason,
  explanation: z.string(),
});
export type FlightProposal = z.infer<typeof FlightProposal>;

export const EscortProposal = z.object({
  assignments: z.array(z.object({ suspectId: z.string(), userIds: z.array(z.string()) })),
  /** Escorts still missing once the pool is used up. */
  shortBy: z.number(),
});
export type EscortProposal = z.infer<typeof EscortProposal>;

/** An officer who can escort (the pool the escort proposal draws from). */
export const EscortOfficer = z.object({ id: z.string(), name: z.string(), agency: z.string() });
export type EscortOfficer = z.infer<typeof EscortOfficer>;

export const PlanProblem = z.object({ path: z.string(), message: z.string() });

export const RemovalView = z.object({
  id: z.string(),
  reference: z.string(),
  kind: RemovalKind,
  status: RemovalStatus,
  receivingUnit: z.object({ name: z.string(), place: z.string(), contact: z.string() }),
  notes: z.string(),
  ownerAgency: z.string(),
  flights: z.array(FlightView),
  suspects: z.array(SuspectView),
  members: z.array(MemberView),
  /** What keeps the plan from being confirmed now (empty once it meets the rule). */
  problems: z.array(PlanProblem),
  proposal: FlightProposal,
  confirmedAt: z.string().nullable(),
  handedOverAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type RemovalView = z.infer<typeof RemovalView>;

export const RemovalListItem = z.object({
  id: z.string(),
  reference: z.string(),
  kind: RemovalKind,
  status: RemovalStatus,
  receivingUnit: z.string(),
  suspects: z.number(),
  flights: z.number(),
  firstDeparture: z.string().nullable(),
  updatedAt: z.string(),
});
export type RemovalListItem = z.infer<typeof RemovalListItem>;
