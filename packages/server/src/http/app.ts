import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { LiaisonError } from '@liaison/core';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sessionCookieName } from '../accounts/session-cookie.ts';
import type { AppContext } from '../context.ts';
// The route config's `access` and the request's actor: a type augmentation of fastify, no code.
import type {} from './access.ts';
import { registerAuthHook } from './auth-hook.ts';
import { registerNoStore } from './no-store.ts';
import { sendProblem } from './problem.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { RequestLogController } from './request-logging.ts';
import { registerResponseContract } from './response-contract.ts';
import { registerTextGuard } from './text-guard.ts';
import { fastifyTrustProxy } from './trust-proxy.ts';

/** Fields that must never reach a log line. */
const redact = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export async function buildHttpApp(
  app: AppContext,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: app.config.logLevel,
            redact,
            // URLs may carry search terms (names, phone numbers): log the path only.
            serializers: {
              req: (req) => ({ method: req.method, path: req.url.split('?')[0], reqId: req.id }),
            },
          },
    // Request/response lines at debug, so the start-up lines stand out at info (request-logging.ts).
    logController: new RequestLogController(),
    bodyLimit: 1_048_576,
    trustProxy: fastifyTrustProxy(app.config.trustProxy),
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);
  fastify.setErrorHandler((error, request, reply) => sendProblem(reply, request, error));

  await fastify.register(cookie);
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await fastify.register(rateLimit, {
    global: false,
    // Counters in the database: processes sharing one PostgreSQL share them, and a restart keeps them.
    store: databaseRateLimitStore(app),
    errorResponseBuilder: (_request, context) =>
      new LiaisonError(
        'rate-limited',
        `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
        {
          extra: { retryAfter: Math.ceil(context.ttl / 1000) },
        },
      ),
  });
  await fastify.register(swagger, {
    openapi: {
      info: {
        title: 'Liaison node API',
        version: '1.0.0',
        description: 'The HTTP API of one Liaison agency node.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(app.config) },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerAuthHook(fastify, app);
  registerResponseContract(fastify);
  registerTextGuard(fastify);
  registerNoStore(fastify);

  // Every feature's routes, from the node's manifests (features.ts).
  for (const register of app.registry.routes) register(fastify, app);
  // Jobs of the `serving` phase (federation's) run while this server listens: a CLI command's node runs none.
  fastify.addHook('onListen', async () => app.jobs.start('serving'));
  fastify.addHook('onClose', async () => app.jobs.stop('serving'));

  await registerWebApp(fastify, app.config.webDist);
  return fastify;
}

/** Serves the built web app, with index.html for client-side routes; /api paths answer problem+json. */
async function registerWebApp(fastify: FastifyInstance, webDist: string): Promise<void> {
  const indexFile = path.join(webDist, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) await fastify.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  fastify.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api') && hasWeb) {
      return reply.type('text/html').send(fs.createReadStream(indexFile));
    }
    return sendProblem(
      reply,
      request,
      new LiaisonError('not-found', `No route ${request.method} ${request.url.split('?')[0]}.`),
    );
  });
}
