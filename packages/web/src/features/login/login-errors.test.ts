import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../app/problem.ts';
import { loginMessage } from './login-errors.ts';

describe('sign-in messages', () => {
  it('says wrong email or password for invalid credentials', () => {
    expect(loginMessage(parseProblem(401, { code: 'invalid-credentials' }))).toEqual({
      key: 'errors.invalidCredentials',
    });
  });

  it('gives the seconds of a rate limit', () => {
    expect(loginMessage(parseProblem(429, { code: 'rate-limited', retryAfter: 12 }))).toEqual({
      key: 'errors.rateLimited',
      seconds: 12,
    });
  });

  it('falls back to the catalogue title for other problems', () => {
    expect(loginMessage(parseProblem(503, { code: 'service-unavailable' }))).toEqual({
      key: 'ui:problems.service-unavailable',
    });
    expect(loginMessage(new TypeError('x'))).toEqual({ key: 'ui:problems.unknown' });
  });
});
