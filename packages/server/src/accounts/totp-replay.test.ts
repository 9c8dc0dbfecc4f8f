import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../demo/demo-accounts.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';
import { currentTotp, newTotpSecret } from './totp.ts';

let t: TestNode;
beforeAll(async () => {
  t = await startTestNode();
});
afterAll(() => t.close());

const step = 30_000;

/** Enrols a demo account with a fresh secret, as if it had confirmed it long ago. */
async function enrolled(email: string): Promise<string> {
  const secret = newTotpSecret();
  await t.node.app.db
    .updateTable('users')
    .set({ totp_secret: secret, totp_enrolled_at: new Date() })
    .where('email', '=', email)
    .execute();
  return secret;
}

describe('TOTP codes are single-use', () => {
  it('refuses a code already accepted, and a code of an earlier step, but takes the next one', async () => {
    const secret = await enrolled('liaison@knpa.demo');
    const code = currentTotp(secret);
    expect((await t.client().login('liaison@knpa.demo', demoPassword, code)).statusCode).toBe(200);
    const replay = await t.client().login('liaison@knpa.demo', demoPassword, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid-totp');

    const next = currentTotp(secret, Date.now() + step);
    expect((await t.client().login('liaison@knpa.demo', demoPassword, next)).statusCode).toBe(200);
    const earlier = currentTotp(secret, Date.now() - step);
    expect((await t.client().login('liaison@knpa.demo', demoPassword, earlier)).json().code).toBe(
      'invalid-totp',
    );
  });

  it('lets only one of two concurrent sign-ins with the same code through', async () => {
    const secret = await enrolled('commander@cnp.demo');
    const code = currentTotp(secret);
    const answers = await Promise.all(
      [1, 2].map(() => t.client().login('commander@cnp.demo', demoPassword, code)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
  });

  it('refuses the code that confirmed the enrolment at the next sign-in', async () => {
    const client = t.client();
    await client.login('admin@knpa.demo', demoPassword);
    const setup = (await client.post('/api/v1/auth/totp/setup')).json();
    const code = currentTotp(setup.secret);
    expect((await client.post('/api/v1/auth/totp/confirm', { code })).statusCode).toBe(200);
    expect((await t.client().login('admin@knpa.demo', demoPassword, code)).json().code).toBe('invalid-totp');
  });
});

describe('confirming an enrolment', () => {
  it('is refused while an authenticator is enrolled, and the recovery codes stay as they were', async () => {
    const client = t.client();
    await client.login('investigator@knpa.demo', demoPassword);
    const setup = (await client.post('/api/v1/auth/totp/setup')).json();
    const first = await client.post('/api/v1/auth/totp/confirm', { code: currentTotp(setup.secret) });
    expect(first.statusCode).toBe(200);
    const { recoveryCodes } = first.json();

    const again = await client.post('/api/v1/auth/totp/confirm', {
      code: currentTotp(setup.secret, Date.now() + step),
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'conflict' });
    expect(again.json().recoveryCodes).toBeUndefined();
    expect(
      (await t.client().login('investigator@knpa.demo', demoPassword, recoveryCodes[0])).statusCode,
    ).toBe(200);
  });
});
