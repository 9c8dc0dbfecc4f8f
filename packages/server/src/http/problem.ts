import {
  errorCatalogue,
  type FieldProblem,
  fieldProblemOf,
  LiaisonError,
  problemTypeBase,
} from '@liaison/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** Fastify's own error codes, mapped onto our catalogue. */
const fastifyCodes: Record<string, LiaisonError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-input',
};

/** What the failed schema validated, so that a value absent from it reads `required`. */
function validatedInput(request: FastifyRequest, where: string): unknown {
  const parts: Record<string, unknown> = {
    body: request.body,
    querystring: request.query,
    params: request.params,
    headers: request.headers,
  };
  return parts[where] ?? {};
}

function toLiaisonError(error: unknown, request?: FastifyRequest): LiaisonError {
  if (error instanceof LiaisonError) return error;
  const e = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? 'body';
    const input = request ? validatedInput(request, where) : undefined;
    const fields: FieldProblem[] = e.validation.map((v) => {
      // The plugin keeps a zod issue as keyword (its code), instancePath (its path) and params (the rest).
      const path = v.instancePath === '/' ? [] : v.instancePath.slice(1).split('/');
      const problem = fieldProblemOf(
        { ...v.params, code: v.keyword, path, message: v.message ?? 'Invalid value' },
        input,
      );
      return { ...problem, path: `/${where}${v.instancePath}`.replace(/\/body(?=\/|$)/, '') || '/' };
    });
    return new LiaisonError('invalid-input', `Check ${fields.map((f) => f.path).join(', ')}.`, { fields });
  }
  if (e.code && fastifyCodes[e.code]) return new LiaisonError(fastifyCodes[e.code]!, e.message);
  if (e instanceof SyntaxError || e.statusCode === 400) return new LiaisonError('malformed-json', e.message);
  if (e.statusCode === 429) return new LiaisonError('rate-limited', e.message);
  if (e.statusCode === 413) return new LiaisonError('payload-too-large');
  if (e.statusCode === 415) return new LiaisonError('unsupported-media-type');
  if (e.statusCode === 404) return new LiaisonError('not-found');
  return new LiaisonError('internal');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown): FastifyReply {
  const problem = toLiaisonError(error, request);
  if (problem.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  const { status, title } = errorCatalogue[problem.code];
  if (problem.code === 'rate-limited') {
    const retryAfter = problem.extra?.retryAfter;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  }
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `${problemTypeBase}${problem.code}`,
      code: problem.code,
      title,
      status,
      ...(problem.detail && { detail: problem.detail }),
      ...(problem.fields && { fields: problem.fields }),
      ...(problem.extra && { ...problem.extra }),
      instance: request.url.split('?')[0],
    });
}
