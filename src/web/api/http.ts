import {
  pathOf,
  type Endpoint,
  type EndpointParts,
  type InputOf,
  type OutputOf,
} from '../../shared/api/endpoint.ts';
import type { Problem } from '../../shared/schemas/common.ts';

/** One field's problem, keyed by its dotted path (`parties.0.language`). */
export interface FieldError {
  field: string;
  message: string;
}

/** A failed API call: the problem+json body's status, stable code and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fields: FieldError[] = [],
  ) {
    super(detail);
  }
}

/** How one door of the API is called: the staff door with its cookie, the public door without. */
export interface Door {
  credentials: RequestCredentials;
  /** Extra headers for a call (the staff door's CSRF token on a change). */
  headers?: (method: string) => Record<string, string>;
  /** Told of every refusal before it is thrown (the staff door watches for a lost session). */
  onProblem?: (status: number, url: string) => void;
}

/**
 * The one fetch of the web app: JSON in and out, a 204 as undefined, a refusal as an ApiError
 * carrying the problem+json body's code, detail and field errors, an unreachable server as status 0.
 */
export async function request<T>(
  door: Door,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...door.headers?.(method),
  };
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: door.credentials,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  if (res.status === 204) {
    return undefined as T;
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = (data ?? {}) as Partial<Problem>;
    door.onProblem?.(res.status, url);
    throw new ApiError(res.status, p.code ?? 'error', p.detail ?? res.statusText, p.errors ?? []);
  }
  return data as T;
}

/** A query string of the given parameters, empty ones left out (`?a=1&b=x`, or ''). */
export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '') {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The call of an endpoint: `input` omitted when the endpoint takes no path parameter or body. */
export type Call = <P extends EndpointParts>(
  endpoint: Endpoint<P>,
  ...input: object extends InputOf<P> ? [InputOf<P>?] : [InputOf<P>]
) => Promise<OutputOf<P>>;

/**
 * Calls the endpoints of the shared contract (`shared/api/`; ADR 0054) through one door below its
 * `base`: the URL is built from the endpoint's path and query, and the answer is typed by the
 * same declaration the server serves it from.
 */
export function caller(door: Door, base: string): Call {
  return (endpoint, ...[input]) => {
    const {
      params,
      query: q,
      body,
    } = (input ?? {}) as {
      params?: Record<string, unknown>;
      query?: Record<string, string | number | undefined>;
      body?: unknown;
    };
    const url = `${base}${pathOf(endpoint.path, params)}${query(q ?? {})}`;
    return request(door, endpoint.method, url, body);
  };
}
