import { type ErrorCode, type FieldProblem, FieldProblemCode } from '@liaison/core';
import { fieldProblemText } from './field-problem-text.ts';

/** A failed API call, parsed from application/problem+json (RFC 9457); never thrown for 2xx. */
export class ApiError extends Error {
  readonly status: number;
  /** A code from the core error catalogue, or `network` when the server could not be reached. */
  readonly code: ErrorCode | 'network' | 'unknown';
  readonly title: string;
  readonly detail: string | undefined;
  readonly fields: FieldProblem[];
  /** Extra members of the problem, e.g. `retryAfter` (seconds) for rate-limited. */
  readonly extra: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: ApiError['code'];
    title: string;
    detail?: string | undefined;
    fields?: FieldProblem[];
    extra?: Record<string, unknown>;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fields = init.fields ?? [];
    this.extra = init.extra ?? {};
  }

  /** Seconds to wait, from the problem's `retryAfter` member, when the server gave one. */
  get retryAfter(): number | undefined {
    const value = this.extra.retryAfter;
    return typeof value === 'number' ? value : undefined;
  }

  /**
   * The message for one form field, matched on its JSON path (`/email`, `/roles/0` → `/roles`), in the
   * user's language when its code says enough, else as the server wrote it.
   */
  fieldMessage(path: string): string | undefined {
    const problem = this.fields.find((f) => f.path === path || f.path.startsWith(`${path}/`));
    return problem && fieldProblemText(problem);
  }
}

const known = new Set(['type', 'code', 'title', 'status', 'detail', 'fields', 'instance']);

function isFieldProblem(value: unknown): value is Pick<FieldProblem, 'path' | 'message'> {
  const v = value as FieldProblem;
  return typeof v === 'object' && v !== null && typeof v.path === 'string' && typeof v.message === 'string';
}

/** A code this app does not know (a newer server's, or none from an older one) reads as `custom`. */
function toFieldProblem(value: Pick<FieldProblem, 'path' | 'message'>): FieldProblem {
  const { code, params, specific } = value as { code?: unknown; params?: unknown; specific?: unknown };
  const known = FieldProblemCode.safeParse(code);
  return {
    path: value.path,
    message: value.message,
    code: known.success ? known.data : 'custom',
    ...(typeof params === 'object' && params !== null && { params: params as FieldProblem['params'] }),
    ...(specific === true && { specific }),
  };
}

/** Turns a problem body (or anything the server sent instead) into an ApiError. */
export function parseProblem(status: number, body: unknown): ApiError {
  if (typeof body !== 'object' || body === null) {
    return new ApiError({ status, code: 'unknown', title: `HTTP ${status}` });
  }
  const problem = body as Record<string, unknown>;
  const fromType = typeof problem.type === 'string' ? problem.type.split('/').pop() : undefined;
  const code = (typeof problem.code === 'string' ? problem.code : fromType) ?? 'unknown';
  const extra = Object.fromEntries(Object.entries(problem).filter(([key]) => !known.has(key)));
  return new ApiError({
    status: typeof problem.status === 'number' ? problem.status : status,
    code: code as ApiError['code'],
    title: typeof problem.title === 'string' ? problem.title : `HTTP ${status}`,
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
    fields: Array.isArray(problem.fields) ? problem.fields.filter(isFieldProblem).map(toFieldProblem) : [],
    extra,
  });
}

/** Field messages (in the user's language) keyed by the first segment of their path (`/roles/0` → `roles`). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const field of error.fields) {
    const name = field.path.split('/').filter(Boolean)[0] ?? '';
    out[name] ??= fieldProblemText(field);
  }
  return out;
}
