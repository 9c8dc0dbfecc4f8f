import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.ts';
import { seedDemoRescue } from '../rescue/demo-rescue.ts';
import type { TestClient } from '../testing/test-client.ts';
import { startTestNode, type TestNode } from '../testing/test-node.ts';

let t: TestNode;
let consular: TestClient;
let ipCounter = 10;
const newIp = () => `203.0.113.${ipCounter++}`;

const publicReport = (overrides: Record<string, unknown> = {}) => ({
  consentToProcessing: true,
  reporter: { relation: 'sibling', phone: '010-2222-3333', language: 'ko' },
  person: { namesHangul: ['오세훈'], birthDate: '2000-05-05', passportNumber: 'M55554444' },
  location: { province: 'svay_rieng', compoundName: '바벳 카지노 단지' },
  narrative: '동생이 고수익 일자리 광고를 보고 캄보디아에 갔다가 연락이 끊겼습니다.',
  indicators: ['no_contact_over_72h'],
  ...overrides,
});

function post(url: string, payload: unknown, ip: string, headers: Record<string, string> = {}) {
  return t.node.http.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip, headers });
}

// A minimal valid PNG header (signature + IHDR) followed by filler bytes.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.alloc(64, 1),
]);

beforeAll(async () => {
  t = await startTestNode();
  consular = await t.signIn(['consular_officer'], 'MOFA');
});
afterAll(() => t.close());

describe('the public report form', () => {
  it('files a report in Korean without login, returns a reference and a private link, and the case reaches the board', async () => {
    const response = await post('/api/v1/public/reports', publicReport(), newIp());
    expect(response.statusCode).toBe(201);
    const { reference, secret, statusPath } = response.json();
    expect(reference).toMatch(/^LR-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(statusPath).toBe(`/report/status/${reference}#${secret}`);
    const board = (await consular.get('/api/v1/rescue/board')).json();
    expect(
      board.some(
        (b: { channel: string; province: string }) =>
          b.channel === 'public_form' && b.province === 'svay_rieng',
      ),
    ).toBe(true);
    const status = await t.node.http.inject({
      method: 'GET',
      url: `/api/v1/public/reports/${reference}`,
      headers: { 'x-report-secret': secret },
    });
    expect(status.json()).toMatchObject({ reference, status: 'received', additions: 0 });
    expect(status.body).not.toContain('오세훈');
    const added = await post(
      `/api/v1/public/reports/${reference}/additions`,
      { text: '방금 텔레그램으로 연락이 왔습니다: @scamboss77' },
      newIp(),
      { 'x-report-secret': secret },
    );
    expect(added.statusCode).toBe(204);
  });

  it('answers a guessed reference and a wrong secret with the same 404, and audits both', async () => {
    const { reference } = (await post('/api/v1/public/reports', publicReport(), newIp())).json();
    const wrong = await t.node.http.inject({
      method: 'GET',
      url: `/api/v1/public/reports/${reference}`,
      headers: { 'x-report-secret': 'x'.repeat(32) },
    });
    const guessed = await t.node.http.inject({
      method: 'GET',
      url: '/api/v1/public/reports/LR-AAAAA-BBBBB',
      headers: { 'x-report-secret': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(404);
    expect(guessed.statusCode).toBe(404);
    expect(wrong.json().detail).toBe(guessed.json().detail);
    const denied = await t.node.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'public_report.access_denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it('holds back a bot that fills the hidden field, and audits it', async () => {
    const response = await post(
      '/api/v1/public/reports',
      publicReport({ website: 'http://spam.example' }),
      newIp(),
    );
    expect(response.statusCode).toBe(400);
    const audit = await t.node.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'public_report.honeypot')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses malformed and hostile input with clear field errors', async () => {
    const ip = newIp();
    expect(
      (await post('/api/v1/public/reports', publicReport({ consentToProcessing: false }), ip)).statusCode,
    ).toBe(400);
    const noPerson = await post('/api/v1/public/reports', publicReport({ person: {} }), ip);
    expect(noPerson.json().fields[0].path).toContain('/person');
    expect((await post('/api/v1/public/reports', publicReport({ channel: 'police' }), ip)).statusCode).toBe(
      400,
    );
    const huge = await post('/api/v1/public/reports', publicReport({ narrative: 'x'.repeat(70_000) }), ip);
    expect(huge.statusCode).toBe(413);
  });

  it('slows a flood from one address while others still get through', async () => {
    const ip = newIp();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await post('/api/v1/public/reports', { consentToProcessing: true }, ip)).statusCode);
    expect(codes.at(-1)).toBe(429);
    expect((await post('/api/v1/public/reports', publicReport(), newIp())).statusCode).toBe(201);
  });

  it('accepts a real image, refuses a fake one and an oversized one', async () => {
    const { reference, secret } = (await post('/api/v1/public/reports', publicReport(), newIp())).json();
    const upload = (body: Buffer, type: string, kind = 'building_photo') =>
      t.node.http.inject({
        method: 'POST',
        url: `/api/v1/public/reports/${reference}/files?kind=${kind}`,
        payload: body,
        headers: { 'content-type': type, 'x-report-secret': secret },
        remoteAddress: newIp(),
      });
    expect((await upload(png, 'image/png')).statusCode).toBe(201);
    const fake = await upload(Buffer.from('<?php system($_GET["c"]); ?>                '), 'image/jpeg');
    expect(fake.statusCode).toBe(415);
    const big = await upload(
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(9 * 1024 * 1024)]),
      'image/jpeg',
    );
    expect(big.statusCode).toBe(413);
    expect((await upload(png, 'application/x-msdownload')).statusCode).toBe(415);
  });
});

describe('demo data', () => {
  it('seeds compounds and rescue cases once', async () => {
    await seedDemoRescue(systemCtx(t.node.app));
    await seedDemoRescue(systemCtx(t.node.app));
    const compounds = (await consular.get('/api/v1/compounds')).json();
    expect(compounds).toHaveLength(5);
    const board = (await consular.get('/api/v1/rescue/board')).json();
    expect(board.filter((b: { compoundName: string | null }) => b.compoundName).length).toBe(5);
  });
});

describe('map settings and the offline base layer', () => {
  it('serves the provinces and the tile settings without login', async () => {
    const geo = await t.node.http.inject({ method: 'GET', url: '/api/v1/map/provinces' });
    expect(geo.json().features).toHaveLength(25);
    expect((await t.node.http.inject({ method: 'GET', url: '/api/v1/map/settings' })).json()).toHaveProperty(
      'tileUrl',
    );
  });
});
