import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { RequestLogController } from './request-logging.ts';

/** A Fastify app logging at `level` into an array, with one route that logs and one that fails. */
async function appLoggingAt(level: string) {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const fastify = Fastify({ logger: { level, stream }, logController: new RequestLogController() });
  fastify.get('/cases', async (request) => {
    request.log.info('listing cases');
    return [];
  });
  fastify.get('/broken', async () => {
    throw new Error('database gone');
  });
  await fastify.ready();
  return { fastify, messages: () => lines.map((l) => l.msg) };
}

describe('request logging', () => {
  it('keeps the per-request lines out of the info log, and the lines code writes in it', async () => {
    const { fastify, messages } = await appLoggingAt('info');
    await fastify.inject({ url: '/cases?q=Kim' });
    await fastify.inject({ url: '/nowhere?phone=010' });
    expect(messages()).toEqual(['listing cases']);
  });

  it('shows them at LOG_LEVEL=debug, an unknown route by its path only', async () => {
    const { fastify, messages } = await appLoggingAt('debug');
    await fastify.inject({ url: '/cases?q=Kim' });
    await fastify.inject({ url: '/nowhere?phone=010' });
    expect(messages()).toEqual([
      'incoming request',
      'listing cases',
      'request completed',
      'incoming request',
      'Route GET:/nowhere not found',
      'request completed',
    ]);
  });

  it('still logs a failing request at error, at the info level', async () => {
    const { fastify, messages } = await appLoggingAt('info');
    await fastify.inject({ url: '/broken' });
    expect(messages()).toContain('database gone');
  });
});
