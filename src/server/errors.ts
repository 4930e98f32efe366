/**
 * The few kinds of error the server raises on purpose. One Fastify error handler maps them to
 * problem+json (RFC 9457); anything else is a 500 with its detail hidden.
 */

/** A per-field message, keyed by a JSON-pointer-like dotted path (`parties.0.language`). */
export interface FieldError {
  field: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  constructor(
    /** Stable snake_case code clients branch on. */
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The base of one kind of error: its HTTP status and problem title, the same for every raise. */
function errorKind(status: number, title: string) {
  return class extends AppError {
    readonly status = status;
    readonly title = title;
  };
}

export class ValidationError extends errorKind(400, 'Invalid request') {}
export class UnprocessableError extends errorKind(422, 'Request cannot be applied') {}
export class UnauthenticatedError extends errorKind(401, 'Authentication required') {
  constructor(message = 'A valid bearer token is required.', code = 'unauthenticated') {
    super(code, message);
  }
}
export class ForbiddenError extends errorKind(403, 'Not allowed') {
  constructor(code = 'forbidden', message = 'Your role does not allow this action.') {
    super(code, message);
  }
}
/** Also used for records the caller may not see: they are indistinguishable from absent ones. */
export class NotFoundError extends errorKind(404, 'Not found') {
  constructor(what: string, code = 'not_found') {
    super(code, `${what} was not found.`);
  }
}
export class ConflictError extends errorKind(409, 'Conflict') {}

/** This server cannot take requests now (`/ready`: the database is away or behind the code). */
export class ServiceUnavailableError extends errorKind(503, 'Not ready') {}

/** Too many requests from one client or for one key (rate limits on the public forms). */
export class TooManyRequestsError extends errorKind(429, 'Too many requests') {
  constructor(
    message = 'Too many requests. Wait a few minutes and try again.',
    /** Seconds until the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super('rate_limited', message);
  }
}
