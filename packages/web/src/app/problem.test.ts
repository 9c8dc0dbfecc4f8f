import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, parseProblem } from './problem.ts';

describe('problem parsing', () => {
  it('reads code, title, detail, fields and extra members', () => {
    const error = parseProblem(400, {
      type: 'https://liaison.invalid/problems/invalid-input',
      code: 'invalid-input',
      title: 'The request is not valid',
      status: 400,
      detail: 'Check /email.',
      fields: [{ path: '/email', message: 'Enter a valid email address' }, { bogus: true }],
      instance: '/api/v1/users',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('invalid-input');
    expect(error.detail).toBe('Check /email.');
    expect(error.fields).toEqual([
      { path: '/email', message: 'Enter a valid email address', code: 'custom' },
    ]);
    expect(error.fieldMessage('/email')).toBe('Enter a valid email address');
    expect(error.extra).toEqual({});
  });

  it('keeps retryAfter of a rate limit', () => {
    const error = parseProblem(429, { code: 'rate-limited', title: 'Slow', status: 429, retryAfter: 60 });
    expect(error.retryAfter).toBe(60);
  });

  it('falls back to the last segment of type when code is absent', () => {
    expect(
      parseProblem(401, { type: 'https://liaison.invalid/problems/totp-required', title: 'x' }).code,
    ).toBe('totp-required');
  });

  it('survives a body that is not a problem', () => {
    const error = parseProblem(502, null);
    expect(error.code).toBe('unknown');
    expect(error.status).toBe(502);
  });

  it('maps nested field paths onto the top-level form field', () => {
    const error = parseProblem(400, {
      code: 'invalid-input',
      fields: [{ path: '/roles/0', message: 'Invalid role' }],
    });
    expect(fieldErrors(error)).toEqual({ roles: 'Invalid role' });
    expect(error.fieldMessage('/roles')).toBe('Invalid role');
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
