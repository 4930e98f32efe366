import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
} from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Endpoint } from '../../shared/api/endpoint.ts';
import type { RouteContext } from './context.ts';
import type { RouteParts } from './schema.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];

/** A request as its route's parts type it: params, querystring and body parsed by their schemas. */
export type RequestOf<S extends RouteParts> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  S,
  ZodTypeProvider
>;

/** What a route's answer may be: the input of one of its declared responses. */
type AnswerOf<S extends RouteParts> = {
  [K in keyof S['response']]: z.input<S['response'][K]>;
}[keyof S['response']];

/** The answer a route gives a parsed request: what one of its declared responses takes. */
type Answer<S extends RouteParts> = (request: RequestOf<S>) => Promise<AnswerOf<S>> | AnswerOf<S>;

/** Declares one route: its path, summary, parts, and the answer it gives a parsed request. */
type Declare = <const S extends RouteParts>(
  url: string,
  summary: string,
  parts: S,
  answer: Answer<S>,
) => void;

/** The routes of one group: a declaration per method, and the group's schema for the others. */
export interface RouteGroup {
  /** Serves an endpoint of the shared contract (`shared/api/`): the route is the declaration. */
  serve: <S extends RouteParts>(endpoint: Endpoint<S>, answer: Answer<S>) => void;
  get: Declare;
  post: Declare;
  put: Declare;
  patch: Declare;
  delete: Declare;
  /** The Fastify instance, for a route that writes its own reply (headers, a download). */
  app: App;
}

/** A group's route options (`routeSchemas`): its tags and problem answers around a route's parts. */
type GroupSpec = (summary: string, parts: RouteParts) => { schema: object };

/** The one success status a route declares (the first below 300 among its responses). */
function successOf(response: Record<number, unknown>): number {
  return Number(Object.keys(response).find((code) => Number(code) < 300));
}

/**
 * A plugin of one group of routes (issue 20 item 4; ADR 0051). Each route is declared once as
 * `route.post(url, summary, parts, answer)`: the group's `spec` (`routeSchemas`) adds its tags and
 * problem answers to the route's schema, and the answer the route returns is sent with the success
 * status the route declares in `response` — so no handler restates that status, and the
 * OpenAPI document and the reply cannot disagree. A route that writes its own reply (a download,
 * a cookie) registers on `route.app` with the group's `spec`.
 */
export function routeGroup<O extends { ctx: RouteContext }>(
  spec: GroupSpec,
  register: (route: RouteGroup, options: O) => void | Promise<void>,
): FastifyPluginAsyncZod<O> {
  return async (app, options) => {
    const serve = <S extends RouteParts>(
      { method, path, summary, parts }: Endpoint<S>,
      answer: Answer<S>,
    ): void => {
      const status = successOf(parts.response);
      // typed where the route is declared: here the request is only passed through
      const { schema } = spec(summary, parts);
      const handler = async (request: FastifyRequest, reply: FastifyReply) =>
        reply.status(status).send(await answer(request as RequestOf<S>));
      (app as unknown as FastifyInstance).route({ method, url: path, schema, handler });
    };
    const declare =
      (method: Endpoint['method']): Declare =>
      (path, summary, parts, answer) =>
        serve({ method, path, summary, parts }, answer);
    await register(
      {
        serve,
        get: declare('GET'),
        post: declare('POST'),
        put: declare('PUT'),
        patch: declare('PATCH'),
        delete: declare('DELETE'),
        app,
      },
      options,
    );
  };
}
