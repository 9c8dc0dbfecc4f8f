import { type FieldProblem, type FieldProblemInput, withFieldCode } from './field-problem.ts';

/**
 * The one catalogue of coded errors. Every failure a client can see has a stable code here; the HTTP layer
 * answers it as application/problem+json (RFC 9457) with `type` = `https://liaison.invalid/problems/<code>`.
 */
export const errorCatalogue = {
  'invalid-input': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'This content type is not accepted' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  'invalid-credentials': { status: 401, title: 'Wrong email or password' },
  'totp-required': { status: 401, title: 'Enter the code from your authenticator app' },
  'invalid-totp': { status: 401, title: 'That code is not valid' },
  'account-disabled': { status: 403, title: 'This account is disabled' },
  'totp-enrolment-required': { status: 403, title: 'Administrators must enrol an authenticator app first' },
  forbidden: { status: 403, title: 'You do not have the permission for this' },
  'csrf-failed': { status: 403, title: 'The request is missing its anti-forgery token' },
  'purpose-required': { status: 428, title: 'State the purpose of this access' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'This conflicts with the current state' },
  'invalid-transition': { status: 409, title: 'This change of state is not allowed' },
  'rate-limited': { status: 429, title: 'Too many requests: slow down' },
  'policy-blocked': { status: 403, title: 'A policy rule blocks this' },
  'federation-rejected': { status: 400, title: 'The federation message was rejected' },
  'service-unavailable': { status: 503, title: 'The service is not ready' },
  internal: { status: 500, title: 'Something went wrong on the server' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** A domain error: a value with a code from the catalogue, thrown by services and answered by the HTTP layer. */
export class LiaisonError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly fields: FieldProblem[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { fields?: FieldProblemInput[] | undefined; extra?: Record<string, unknown> } = {},
  ) {
    super(detail ?? errorCatalogue[code].title);
    this.name = 'LiaisonError';
    this.code = code;
    this.detail = detail;
    this.fields = options.fields?.map(withFieldCode);
    this.extra = options.extra;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export const problemTypeBase = 'https://liaison.invalid/problems/';
