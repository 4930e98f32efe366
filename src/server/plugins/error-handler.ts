import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodFastifySchemaValidationError,
} from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.ts';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
}

function send(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.status(body.status).type('application/problem+json').send(body);
}

function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: FieldError[],
): ProblemBody {
  return {
    type: `https://oversight.example/problems/${code}`,
    title,
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

const FASTIFY_CODES: Record<string, { code: string; title: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', title: 'Malformed JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'empty_body', title: 'Empty JSON body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', title: 'Request body too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    title: 'Unsupported media type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_content_length',
    title: 'Invalid content length',
  },
};

/**
 * What of an error may reach the log: its kind, message, code and stack, and the same of its
 * cause. Never the whole object: a PGlite/pg error carries the statement's `query`, `params` and
 * `queryOptions`, i.e. the narratives, names and phone numbers being written.
 */
export function loggableError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) {
    return { type: typeof err };
  }
  const { code } = err as { code?: unknown };
  return {
    type: err.constructor.name,
    message: err.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(err.stack ? { stack: err.stack } : {}),
    ...(err.cause !== undefined && depth < 2 ? { cause: loggableError(err.cause, depth + 1) } : {}),
  };
}

/**
 * The field errors of a zod validation failure, as dotted paths (`parties.0.language`). An
 * unknown key is named itself (`immigrationStatus`), not the object that holds it.
 */
function fieldErrors(
  issues: readonly ZodFastifySchemaValidationError[],
  where: string,
): FieldError[] {
  const prefix = where === 'body' ? [] : [where];
  const name = (path: string[]): string => [...prefix, ...path].join('.') || where;
  return issues.flatMap((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const keys = v.keyword === 'unrecognized_keys' ? v.params.keys : undefined;
    if (Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({
        field: name([...path, String(key)]),
        message: 'is not a recognized field',
      }));
    }
    return [{ field: name(path), message: v.message ?? 'is invalid' }];
  });
}

/** A 500: the cause stays in the log, the answer says only what kind of failure it was. */
function internalError(detail = 'An unexpected error occurred. It has been logged.'): ProblemBody {
  return problem(500, 'internal_error', 'Internal error', detail);
}

/** Errors Fastify's router raises before any hook or the error handler runs. */
const FRAMEWORK_CODES: Record<
  string,
  { status: number; code: string; title: string; detail: string }
> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad_url',
    title: 'Malformed URL',
    detail: 'The URL path holds a malformed percent-encoding.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'url_too_long',
    title: 'URL too long',
    detail: 'A path parameter of the URL is too long.',
  },
};

/**
 * Fastify's `frameworkErrors` option: answers router-level failures (a malformed
 * percent-encoding, an over-long path parameter) with the same problem+json as the error handler.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (
  err,
  request,
  reply,
) => {
  const known = err.code ? FRAMEWORK_CODES[err.code] : undefined;
  if (known) {
    send(reply, problem(known.status, known.code, known.title, known.detail));
    return;
  }
  request.log.error({ err: loggableError(err) }, 'framework error');
  send(reply, internalError());
};

/**
 * The one error handler: every error leaves as RFC 9457 problem+json with a stable `code`.
 * Validation problems list their fields; 5xx details stay in the log, never in the response.
 */
export function registerErrorHandler(
  app: FastifyInstance,
  opts: { webRoot?: string | undefined } = {},
): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return send(reply, problem(err.status, err.code, err.title, err.message, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const errors = fieldErrors(err.validation, where);
      return send(
        reply,
        problem(
          400,
          'validation_failed',
          'Invalid request',
          `The request ${where} has ${errors.length} invalid field(s).`,
          errors,
        ),
      );
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err: loggableError(err) }, 'response did not match its schema');
      return send(reply, internalError('The server failed to produce a valid response.'));
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known && err.statusCode) {
      return send(reply, problem(err.statusCode, known.code, known.title, err.message));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(
        reply,
        problem(
          err.statusCode,
          (err.code ?? 'bad_request').toLowerCase(),
          'Bad request',
          err.message,
        ),
      );
    }
    const pgCode = (err as { code?: string }).code;
    if (pgCode === '40001' || pgCode === '40P01' || pgCode === '23505') {
      // a concurrent command won a race the command's own checks could not see; nothing was written
      return send(
        reply,
        problem(
          409,
          'concurrent_update',
          'Conflict',
          'Another change happened at the same time; reload and try again.',
        ),
      );
    }
    request.log.error({ err: loggableError(err) }, 'unhandled error');
    return send(reply, internalError());
  });

  app.setNotFoundHandler((request, reply) => {
    const page = opts.webRoot ? spaPage(request) : undefined;
    if (page) {
      // the browser app routes this path itself: hand it the app's HTML
      return reply.header('cache-control', 'no-cache').sendFile(page);
    }
    return send(
      reply,
      problem(
        404,
        'route_not_found',
        'Not found',
        `No route ${request.method} ${request.url.split('?')[0]}.`,
      ),
    );
  });
}

/**
 * The HTML entry for a page path: `/staff/...` is the staff app, any other GET outside the API
 * and the health check is the public portal. API paths stay problem+json 404s.
 */
function spaPage(request: FastifyRequest): string | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return undefined;
  }
  const pathname = request.url.split('?')[0]!;
  if (/^\/(api|health)(\/|$)/.test(pathname)) {
    return undefined;
  }
  return /^\/staff(\/|$)/.test(pathname) ? 'staff/index.html' : 'index.html';
}
