import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toFieldProblems } from '../graph/field-problems.ts';
import { FieldProblem, fieldProblemOf } from './field-problem.ts';

function problemsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return toFieldProblems(result.error, input);
}

describe('field problems from zod issues', () => {
  it("marks a schema's own message as specific, and zod's default one not", () => {
    const [own, plain] = problemsOf(
      z.object({ title: z.string().min(1, 'Give the case a title'), name: z.string().max(3) }),
      { title: '', name: 'abcd' },
    );
    expect(own).toMatchObject({ code: 'too_small', message: 'Give the case a title', specific: true });
    expect(plain?.code).toBe('too_big');
    expect(plain?.specific).toBeUndefined();
  });

  it('gives an overlong string too_big with its maximum, for any limit and length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 50 }), (max, over) => {
        const [problem] = problemsOf(z.object({ name: z.string().max(max) }), {
          name: 'x'.repeat(max + over),
        });
        expect(problem).toMatchObject({
          path: '/name',
          code: 'too_big',
          params: { origin: 'string', maximum: max, inclusive: true },
        });
        expect(FieldProblem.safeParse(problem).success).toBe(true);
      }),
    );
  });

  it('gives a short array, string or number too_small with its minimum and origin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), (min) => {
        const schema = z.object({ list: z.array(z.string()).min(min), n: z.number().gt(min) });
        const problems = problemsOf(schema, { list: [], n: min });
        expect(problems).toEqual([
          expect.objectContaining({
            path: '/list',
            code: 'too_small',
            params: expect.objectContaining({ origin: 'array', minimum: min }),
          }),
          expect.objectContaining({
            path: '/n',
            code: 'too_small',
            params: { origin: 'number', minimum: min, inclusive: false },
          }),
        ]);
      }),
    );
    const [exact] = problemsOf(z.string().length(4), 'abc');
    expect(exact?.params).toEqual({ origin: 'string', minimum: 4, inclusive: true, exact: true });
  });

  it('dates a date bound as ISO 8601', () => {
    const [problem] = problemsOf(z.date().min(new Date('2020-01-01T00:00:00Z')), new Date('2019-01-01'));
    expect(problem?.params).toMatchObject({ origin: 'date', minimum: '2020-01-01T00:00:00.000Z' });
  });

  it('names the format of an email, uuid, ISO date and regex', () => {
    const schema = z.object({
      email: z.email(),
      id: z.uuid(),
      day: z.iso.date(),
      code: z.string().regex(/^[A-Z]+$/),
    });
    const problems = problemsOf(schema, { email: 'nope', id: 'nope', day: '2020-13-45', code: 'abc' });
    expect(problems.map((p) => [p.path, p.code, p.params?.format])).toEqual([
      ['/email', 'invalid_format', 'email'],
      ['/id', 'invalid_format', 'uuid'],
      ['/day', 'invalid_format', 'date'],
      ['/code', 'invalid_format', 'regex'],
    ]);
  });

  it('reads a union of a date and a date-time as a wrong date format', () => {
    const schema = z.object({ from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]) });
    const [problem] = problemsOf(schema, { from: 'yesterday' });
    expect(problem).toMatchObject({
      code: 'invalid_format',
      params: { format: 'date', formats: ['date', 'datetime'] },
    });
  });

  it('tells a missing value (required) from one of the wrong type (invalid_type)', () => {
    const schema = z.object({ a: z.string(), b: z.number(), nested: z.object({ c: z.boolean() }) });
    const problems = problemsOf(schema, { b: 'seven', nested: {} });
    expect(problems.map((p) => [p.path, p.code, p.params])).toEqual([
      ['/a', 'required', { expected: 'string' }],
      ['/b', 'invalid_type', { expected: 'number' }],
      ['/nested/c', 'required', { expected: 'boolean' }],
    ]);
  });

  it('reads required from the message when the input is not at hand', () => {
    const issue = {
      code: 'invalid_type',
      expected: 'string',
      path: ['a'],
      message: 'Invalid input: expected string, received undefined',
    };
    expect(fieldProblemOf(issue).code).toBe('required');
    expect(
      fieldProblemOf({ ...issue, message: 'Invalid input: expected string, received number' }).code,
    ).toBe('invalid_type');
  });

  it('lists the allowed values of an enum, a literal and a discriminated union', () => {
    const schema = z.object({
      role: z.enum(['lead', 'support']),
      consent: z.literal(true),
      kind: z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b') })]),
    });
    const problems = problemsOf(schema, { role: 'boss', consent: false, kind: { k: 'c' } });
    expect(problems.map((p) => [p.path, p.code, p.params])).toEqual([
      ['/role', 'invalid_value', { values: ['lead', 'support'] }],
      ['/consent', 'invalid_value', { values: ['true'] }],
      ['/kind/k', 'invalid_value', { values: ['a', 'b'] }],
    ]);
  });

  it('puts each unknown key at its own path, and keeps custom refinements custom', () => {
    const schema = z.strictObject({ a: z.string().refine((s) => s !== 'x', 'Not x') });
    const problems = problemsOf(schema, { a: 'x', isRoot: true, 'we/ird': 1 });
    expect(problems).toEqual([
      { path: '/a', message: 'Not x', code: 'custom' },
      {
        path: '/isRoot',
        message: "Unknown property 'isRoot'",
        code: 'unrecognized_keys',
        params: { keys: ['isRoot'] },
      },
      {
        path: '/we~1ird',
        message: "Unknown property 'we/ird'",
        code: 'unrecognized_keys',
        params: { keys: ['we/ird'] },
      },
    ]);
  });

  it('answers custom for an issue code it does not know', () => {
    expect(fieldProblemOf({ code: 'from_the_future', path: [], message: 'Hm' })).toEqual({
      path: '/',
      message: 'Hm',
      code: 'custom',
    });
  });
});
