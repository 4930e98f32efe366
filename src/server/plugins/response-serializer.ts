import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

/** What Fastify hands a serializer compiler: one route's response schema for one status. */
interface RouteSchema {
  schema: unknown;
  method: string;
  url: string;
  httpStatus?: string;
}

export type Serialize = (data: unknown) => string;

/** The zod schema a route declared (directly, or as fastify-type-provider-zod wraps it). */
function zodSchemaOf(schema: unknown): z.ZodType {
  if (schema instanceof z.ZodType) {
    return schema;
  }
  const wrapped = (schema as { properties?: unknown } | null)?.properties;
  if (wrapped instanceof z.ZodType) {
    return wrapped;
  }
  throw new TypeError(`a response schema must be a zod schema: ${JSON.stringify(schema)}`);
}

/**
 * The serializer of every response (ADR 0061). A route's zod response schema is compiled once
 * into fast-json-stringify's writer of its JSON Schema (the same document the OpenAPI page
 * shows): it writes the properties the schema declares and nothing else, so a field a presenter
 * did not mean to send never leaves the server. It does not re-check each value's format against
 * the schema, which took zod up to a millisecond of a large case read's CPU.
 *
 * With `check` (every test's app), each response is also encoded by zod, as before: a value that
 * breaks the declared contract fails the request, and the written JSON must equal zod's answer
 * value for value, so the tests hold the fast writer to the contract on every response they get.
 */
export function responseSerializerCompiler(check: boolean) {
  return (route: RouteSchema): Serialize => {
    const schema = zodSchemaOf(route.schema);
    // compiled at the first response of its route and status: an app declares hundreds of
    // answers (its problems included) and most processes send few of them
    let fast: Serialize | undefined;
    const write = (data: unknown): string => {
      fast ??= fastJson(
        z.toJSONSchema(schema, {
          io: 'output',
          target: 'draft-7',
          unrepresentable: 'any',
        }) as Parameters<typeof fastJson>[0],
      );
      return fast(data);
    };
    if (!check) {
      return write;
    }
    const contract = zodSerializerCompiler({ ...route, schema }) as Serialize;
    return (data) => {
      const expected = contract(data);
      const written = write(data);
      if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected))) {
        throw new Error(
          `${route.method} ${route.url}: the response writer's JSON differs from the schema's ` +
            `answer:\n${written}\n${expected}`,
        );
      }
      return written;
    };
  };
}
