import type { z } from 'zod';
import type { Endpoint, EndpointParts } from '../../shared/api/endpoint.ts';
import { Problem } from '../../shared/schemas/common.ts';

type Problems<C extends number> = { [K in C]: typeof Problem };

/** The problem+json (RFC 9457) answers a route declares, by status code. */
export function problemsOf<const C extends number>(...codes: C[]): Problems<C> {
  return Object.fromEntries(codes.map((code) => [code, Problem])) as Problems<C>;
}

/** What a staff route that reads or changes a case's world may answer besides success. */
export const STAFF_PROBLEMS = problemsOf(400, 401, 403, 404, 409, 422);

/** What a route takes and answers, besides its tags, summary and problem answers. */
export type RouteParts = EndpointParts;

/**
 * The route options of one group of routes (issue 20 item 5): `spec(summary, parts)` gives a
 * route's `schema` with the group's tags and the group's problem answers added to its own, so
 * the OpenAPI document says the same of every route of the group and no route spells it out.
 */
export function routeSchemas<P extends Record<number, z.ZodType>>(tags: string[], problems: P) {
  return <S extends RouteParts>(summary: string, { response, ...parts }: S) => ({
    schema: { tags, summary, ...parts, response: { ...response, ...problems } },
  });
}

/**
 * The route options of a route a signed-out browser reaches (sign-in and the provider's flow),
 * as a group's `spec` gives them: the auth plugin reads no credentials (`auth: 'none'`) and the
 * document asks for none.
 */
export function signedOut<S extends RouteParts, R>(
  spec: (summary: string, parts: S & { security: [] }) => R,
) {
  return (summary: string, parts: S) => ({
    config: { auth: 'none' as const },
    ...spec(summary, { security: [], ...parts }),
  });
}

/**
 * The route of an endpoint of the shared contract (`shared/api/`) that writes its own reply (a
 * cookie, a redirect, a cached answer): its method, URL and the options `spec` gives it. Routes
 * that only answer use `routeGroup`'s `route.serve`.
 */
export function routeOf<S extends RouteParts, R extends object>(
  spec: (summary: string, parts: S) => R,
  { method, path, summary, parts }: Endpoint<S>,
) {
  return { method, url: path, ...spec(summary, parts) };
}

/**
 * A case command's input: the case's log number from the path, with `more` (the ids of a thing
 * of the case) and the request body.
 */
export function onCase<B extends object, M extends object = object>(
  request: { params: { logNumber: string }; body: B },
  more?: M,
): { logNumber: string } & M & B {
  return { logNumber: request.params.logNumber, ...(more as M), ...request.body };
}
