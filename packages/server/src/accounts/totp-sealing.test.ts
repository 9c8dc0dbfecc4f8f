import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../demo/demo-accounts.ts';
import { isSealed } from '../secrets/sealing.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { currentTotp, newTotpSecret } from './totp.ts';

const saved = process.env.SEAL_SECRET;
let t: TestNode;
beforeAll(async () => {
  process.env.SEAL_SECRET = 'operator passphrase for the test';
  t = await startTestNode();
});
afterAll(async () => {
  await t.close();
  if (saved === undefined) delete process.env.SEAL_SECRET;
  else process.env.SEAL_SECRET = saved;
});

/** A code is accepted once, so a second sign-in uses the next step's code (within the one step of drift). */
const nextStep = () => Date.now() + 30_000;

const storedSecret = async (email: string) =>
  (
    await t.node.app.db
      .selectFrom('users')
      .select('totp_secret')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).totp_secret;

describe('TOTP secrets sealed at rest (SEAL_SECRET)', () => {
  it('stores a new enrolment sealed, and signs in with its codes', async () => {
    const client = t.client();
    await client.login('admin@knpa.demo', demoPassword);
    const setup = (await client.post('/api/v1/auth/totp/setup')).json();
    const stored = await storedSecret('admin@knpa.demo');
    expect(isSealed(stored!)).toBe(true);
    expect(stored).not.toContain(setup.secret);
    expect(
      (await client.post('/api/v1/auth/totp/confirm', { code: currentTotp(setup.secret) })).statusCode,
    ).toBe(200);
    expect(
      (await t.client().login('admin@knpa.demo', demoPassword, currentTotp(setup.secret, nextStep())))
        .statusCode,
    ).toBe(200);
  });

  it('seals a secret stored before sealing was configured at its next sign-in', async () => {
    const secret = newTotpSecret();
    await t.node.app.db
      .updateTable('users')
      .set({ totp_secret: secret, totp_enrolled_at: new Date() })
      .where('email', '=', 'liaison@knpa.demo')
      .execute();
    expect((await t.client().login('liaison@knpa.demo', demoPassword, currentTotp(secret))).statusCode).toBe(
      200,
    );
    const stored = await storedSecret('liaison@knpa.demo');
    expect(isSealed(stored!)).toBe(true);
    const nextCode = currentTotp(secret, nextStep());
    expect((await t.client().login('liaison@knpa.demo', demoPassword, nextCode)).statusCode).toBe(200);
  });
});
