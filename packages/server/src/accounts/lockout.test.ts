import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../demo/demo-accounts.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { freeFailures } from './lockout.ts';

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

const failuresOf = async (email: string) =>
  (
    await t.node.app.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).failed_logins;

const setLock = (email: string, failedLogins: number, lockedUntil: Date | null) =>
  t.node.app.db
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil })
    .where('email', '=', email)
    .execute();

const lastFailureReason = async (email: string) => {
  const user = await t.node.app.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const entry = await t.node.app.db
    .selectFrom('audit_log')
    .select('details')
    .where('record_id', '=', user.id)
    .where('action', '=', 'auth.login_failed')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return (entry.details as { reason?: string }).reason;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('lock-out', () => {
  it('counts every one of 12 concurrent wrong passwords, and locks the account', async () => {
    const email = 'investigator@cnp.demo';
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => t.client().login(email, 'wrong password!')),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(401));
    expect(await failuresOf(email)).toBe(12);
    expect((await t.client().login(email, demoPassword)).statusCode).toBe(401);
  });

  it('locks after the free failures even with the right password, and a success after the lock resets it', async () => {
    const email = 'consular@mofa.demo';
    for (let i = 0; i < freeFailures; i++) await t.client().login(email, 'wrong password!');
    expect(await failuresOf(email)).toBe(freeFailures);
    expect((await t.client().login(email, demoPassword)).statusCode).toBe(401);
    // The caller is not told, the audit log is.
    expect(await lastFailureReason(email)).toBe('locked');
    // Time passes beyond the lock: the right password signs in and the count starts again.
    const realNow = t.node.app.now;
    t.node.app.now = () => new Date(Date.now() + 31_000);
    try {
      expect((await t.client().login(email, demoPassword)).statusCode).toBe(200);
    } finally {
      t.node.app.now = realNow;
    }
    expect(await failuresOf(email)).toBe(0);
  });
});

describe('a locked, an unknown and a known account with a wrong password look alike', () => {
  const locked = 'forensic@cnp.demo';
  const known = 'analyst@knpa.demo';
  const unknown = 'nobody-here@knpa.demo';

  it('answers the same status, headers that matter and body', async () => {
    await setLock(locked, 7, new Date(Date.now() + 3_600_000));
    const answers = [
      await t.client().login(locked, demoPassword),
      await t.client().login(locked, 'wrong password!'),
      await t.client().login(unknown, 'wrong password!'),
      await t.client().login(known, 'wrong password!'),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.headers['retry-after']).toBeUndefined();
      expect(answer.json()).toEqual(answers[2]!.json());
    }
    expect(answers[2]!.json()).toMatchObject({ code: 'invalid-credentials' });
  });

  it('takes about as long for each (medians of interleaved tries)', async () => {
    await setLock(locked, 7, new Date(Date.now() + 3_600_000));
    const times: Record<string, number[]> = { locked: [], unknown: [], known: [] };
    const tryOnce = async (kind: string, email: string) => {
      const started = performance.now();
      const answer = await t.client().login(email, 'wrong password!');
      times[kind]!.push(performance.now() - started);
      expect(answer.statusCode).toBe(401);
    };
    // One warm-up round, not measured (the first unknown email pays for the dummy hash once).
    await t.client().login(unknown, 'wrong password!');
    for (let round = 0; round < 9; round++) {
      await setLock(known, 0, null);
      await tryOnce('locked', locked);
      await tryOnce('unknown', unknown);
      await tryOnce('known', known);
    }
    const medians = Object.values(times).map(median);
    // The password hash dominates (tens of ms); before, a locked account answered without hashing, >10× faster.
    expect(Math.max(...medians) / Math.min(...medians), JSON.stringify(medians)).toBeLessThan(2);
  });
});
