import { ApiError } from '../../app/problem.ts';

export interface LoginMessage {
  /** A key in the `login` namespace, or a `ui:problems.*` key for anything else. */
  key: string;
  seconds?: number | undefined;
}

/** What to tell a person whose sign-in failed, by the problem's code. */
export function loginMessage(error: unknown): LoginMessage {
  if (!(error instanceof ApiError)) return { key: 'ui:problems.unknown' };
  const seconds = error.retryAfter;
  switch (error.code) {
    case 'invalid-credentials':
      return { key: 'errors.invalidCredentials' };
    case 'invalid-totp':
      return { key: 'errors.invalidTotp' };
    case 'rate-limited':
      return seconds === undefined
        ? { key: 'errors.rateLimitedNoTime' }
        : { key: 'errors.rateLimited', seconds };
    case 'account-disabled':
      return { key: 'errors.disabled' };
    default:
      return { key: `ui:problems.${error.code}` };
  }
}
