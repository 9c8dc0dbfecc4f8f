import { z } from 'zod';
import { plainText } from '../text/text-schema.ts';
import { Role } from './roles.ts';

export const languages = ['en', 'ko', 'km'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

export const timeZones = ['Asia/Seoul', 'Asia/Phnom_Penh', 'UTC'] as const;
export const TimeZone = z.enum(timeZones);

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const Password = z.string().min(12, 'Use at least 12 characters').max(256);

export const AgencyCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'Use 2–16 capital letters, digits or dashes');

export const Agency = z.object({
  id: z.uuid(),
  code: AgencyCode,
  name: z.string().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/),
  createdAt: z.string(),
});
export type Agency = z.infer<typeof Agency>;

export const AgencyInput = z.strictObject({
  code: AgencyCode,
  name: plainText().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'Use an ISO 3166 two-letter country code'),
});
export type AgencyInput = z.input<typeof AgencyInput>;

export const Unit = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitInput = z.strictObject({ name: plainText().min(1).max(200) });

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  agencyId: z.uuid(),
  agencyCode: z.string(),
  unitId: z.uuid().nullable(),
  roles: z.array(Role),
  language: Language,
  timeZone: TimeZone,
  disabled: z.boolean(),
  totpEnrolled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  /** Roles proposed for the user that wait for a second administrator's approval (role-grants.ts). */
  pendingRoles: z.array(Role),
});
export type User = z.infer<typeof User>;

export const UserInput = z.strictObject({
  email: Email,
  displayName: plainText().min(1).max(120),
  agencyId: z.uuid(),
  unitId: z.uuid().nullable().optional(),
  roles: z.array(Role).min(1).max(8),
  password: Password,
  language: Language.default('en'),
  timeZone: TimeZone.default('Asia/Phnom_Penh'),
});
export type UserInput = z.infer<typeof UserInput>;

export const UserPatch = z.strictObject({
  displayName: plainText().min(1).max(120).optional(),
  unitId: z.uuid().nullable().optional(),
  roles: z.array(Role).min(1).max(8).optional(),
  disabled: z.boolean().optional(),
  language: Language.optional(),
  timeZone: TimeZone.optional(),
});

export const Me = User.extend({
  agencyName: z.string(),
  unitName: z.string().nullable(),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
  mustEnrolTotp: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/** What signing in takes: the one-time code once the user has enrolled an authenticator. */
export const LoginInput = z.strictObject({
  email: Email,
  password: z.string().min(1).max(256),
  totp: z.string().max(20).optional(),
});
export type LoginInput = z.input<typeof LoginInput>;

/** A session just opened: the token to send back in `x-csrf-token` (the session itself is a cookie). */
export const LoginSession = z.object({ csrfToken: z.string() });
export type LoginSession = z.infer<typeof LoginSession>;

export const TotpSetup = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });
export type TotpSetup = z.infer<typeof TotpSetup>;
export const TotpConfirmation = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpConfirmation = z.infer<typeof TotpConfirmation>;

/** One of the signed-in user's API tokens, without its secret. */
export const ApiToken = z.object({
  id: z.guid(),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  /** When it ends: its own expiry, or the node's maximum lifetime if that comes first. */
  expiresAt: z.iso.datetime({ offset: true }),
  revoked: z.boolean(),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** A token just made: the secret is shown this once. */
export const ApiTokenCreated = z.object({
  id: z.guid(),
  name: z.string(),
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
