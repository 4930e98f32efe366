import type { z } from 'zod';

/** An HTTP method an endpoint answers. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What an endpoint takes and answers: the zod schemas of its path parameters, query string and
 * body, and its success answer by status (`{ 201: CaseOut }`). The problem+json answers are the
 * server's (each route group adds its own); `description` and `security` reach the OpenAPI
 * document as they are.
 */
export interface EndpointParts {
  description?: string;
  security?: Array<Record<string, string[]>>;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Record<number, z.ZodType>;
}

/**
 * One endpoint of the API, declared once for both sides (issue 20 item 4; ADR 0054): the server
 * registers its route from it (`routeGroup`'s `route.serve`), and the web client builds the URL
 * and types the answer from it (`web/api/http.ts` `caller`). `path` is relative to its door
 * (`/api/v1` for staff, `/api/public/v1` for the public), `:name` marking a path parameter.
 */
export interface Endpoint<P extends EndpointParts = EndpointParts> {
  method: Method;
  path: string;
  summary: string;
  parts: P;
}

const declare =
  (method: Method) =>
  <const P extends EndpointParts>(path: string, summary: string, parts: P): Endpoint<P> => ({
    method,
    path,
    summary,
    parts,
  });

export const get = declare('GET');
export const post = declare('POST');
export const patch = declare('PATCH');
export const del = declare('DELETE');

type Given<S> = S extends z.ZodType ? z.input<S> : never;

/**
 * What a caller gives an endpoint: its path parameters and body when it declares them, and any
 * of its query parameters (a query is always optional: empty ones are left out of the URL).
 */
export type InputOf<P extends EndpointParts> = (P['params'] extends z.ZodType
  ? { params: Given<P['params']> }
  : { params?: undefined }) &
  (P['querystring'] extends z.ZodType
    ? { query?: Partial<Given<P['querystring']>> }
    : { query?: undefined }) &
  (P['body'] extends z.ZodType ? { body: Given<P['body']> } : { body?: undefined });

/** The success statuses an endpoint may declare (its other answers are problems). */
type Success = 200 | 201 | 202 | 204;

/**
 * What an endpoint answers on success, as the caller reads it (the output of its schema; nothing
 * for a 204, which has no body).
 */
export type OutputOf<P extends EndpointParts> = 204 extends keyof P['response']
  ? undefined
  : z.output<P['response'][Extract<keyof P['response'], Success>]>;

/** The URL of an endpoint below its door: each `:name` replaced by its encoded parameter. */
export function pathOf(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params?.[name])));
}

/** What an endpoint answers on success (`AnswerOf<typeof caseApi.get>`: a case). */
export type AnswerOf<E> = E extends Endpoint<infer P> ? OutputOf<P> : never;
/** The body an endpoint takes. */
export type BodyOf<E> = E extends Endpoint<infer P> ? InputOf<P>['body'] : never;
/** The query an endpoint takes, any of its parameters. */
export type QueryOf<E> = E extends Endpoint<infer P> ? NonNullable<InputOf<P>['query']> : never;
