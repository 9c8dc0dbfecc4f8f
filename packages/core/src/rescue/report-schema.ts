import { z } from 'zod';
import { Email, Language } from '../accounts/schemas.ts';
import { plainText } from '../text/text-schema.ts';
import { CambodianProvince } from './provinces.ts';
import { RiskIndicator, riskIndicators } from './risk.ts';

export const reportChannels = [
  'family_call',
  'victim_direct',
  'embassy_line',
  'consular_centre',
  'hotline_1394',
  'hotline_117',
  'intelligence_service',
  'police',
  'public_form',
  'hotline_api',
] as const;
export const ReportChannel = z.enum(reportChannels);
export type ReportChannel = z.infer<typeof ReportChannel>;

export const reporterRelations = [
  'mother',
  'father',
  'sibling',
  'spouse',
  'friend',
  'self',
  'employer',
  'other',
] as const;
export const ReporterRelation = z.enum(reporterRelations);

/** Bots fill every field; people never see this one. A filled honeypot fails validation. */
export const honeypotField = 'website';
const Honeypot = z.string().max(0, 'Leave this field empty').optional();

const text = (max: number) => plainText().min(1).max(max);
const handle = text(64);

/** A birth date may be "today" in Korea while it is still yesterday in UTC: allow up to UTC+14. */
const BirthDate = z.iso
  .date()
  .refine((d) => d <= new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10), {
    message: 'A birth date cannot be in the future',
  });

export const Reporter = z.strictObject({
  relation: ReporterRelation,
  name: text(200).optional(),
  phone: text(40).optional(),
  email: Email.optional(),
  /** A messenger handle (Telegram, KakaoTalk, LINE…), written as the reporter gives it. */
  messenger: text(120).optional(),
  language: Language,
});
export type Reporter = z.infer<typeof Reporter>;

export const ReportedPerson = z
  .strictObject({
    namesHangul: z.array(text(100)).max(10).optional(),
    namesLatin: z.array(text(200)).max(10).optional(),
    birthDate: BirthDate.optional(),
    sex: z.enum(['male', 'female', 'unknown']).optional(),
    passportNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9 -]{5,20}$/, 'Use the letters and digits of the passport number')
      .optional(),
    phone: text(40).optional(),
    telegram: handle.optional(),
    kakaotalk: handle.optional(),
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter country code')
      .default('KR'),
  })
  .refine(
    (p) =>
      (p.namesHangul?.length ?? 0) + (p.namesLatin?.length ?? 0) > 0 ||
      [p.passportNumber, p.phone, p.telegram, p.kakaotalk].some((v) => v !== undefined),
    {
      message: 'Give at least a name, a passport number, a phone number or a messenger ID',
      path: ['namesLatin'],
    },
  );
export type ReportedPerson = z.infer<typeof ReportedPerson>;

export const Coordinates = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const ReportedLocation = z.strictObject({
  compoundName: text(200).optional(),
  province: CambodianProvince.optional(),
  coordinates: Coordinates.optional(),
  floor: text(20).optional(),
  room: text(40).optional(),
  buildingDescription: text(2000).optional(),
});
export type ReportedLocation = z.infer<typeof ReportedLocation>;

export const RansomDemand = z.strictObject({
  amount: z.number().finite().min(0),
  currency: z.string().regex(/^(?:[A-Z]{3}|USDT)$/, 'Use an ISO 4217 currency code or USDT'),
  account: text(120).optional(),
  wallet: text(120).optional(),
});

const Indicators = z
  .array(RiskIndicator)
  .max(riskIndicators.length)
  .refine((list) => new Set(list).size === list.length, { message: 'List each indicator once' })
  .default([]);

/** Fields a member of the public and an officer both send. */
const reportShape = {
  reporter: Reporter,
  person: ReportedPerson,
  lastContactAt: z.iso.datetime({ offset: true }).optional(),
  location: ReportedLocation.default({}),
  narrative: text(10_000),
  ransom: RansomDemand.optional(),
  indicators: Indicators,
  [honeypotField]: Honeypot,
};

/** A report taken by staff from any channel. Without consent, processing rests on another legal basis. */
export const RescueReportInput = z.strictObject({
  ...reportShape,
  channel: ReportChannel,
  /** HTCDS: whether the reporter consented to the processing of the data. */
  consentToProcessing: z.boolean(),
});
export type RescueReportInput = z.infer<typeof RescueReportInput>;

/** What the public form may send: no channel (the server records `public_form`), and consent is required. */
export const PublicReportInput = z.strictObject({
  ...reportShape,
  consentToProcessing: z.literal(true, { message: 'Consent is needed to process this report' }),
});
export type PublicReportInput = z.infer<typeof PublicReportInput>;

/** Something the reporter adds later through their private link. */
export const ReportAddition = z.strictObject({
  text: text(5000),
  [honeypotField]: Honeypot,
});
export type ReportAddition = z.infer<typeof ReportAddition>;
