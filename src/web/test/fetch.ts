import { vi } from 'vitest';

/** One stubbed answer: the status and JSON body the server would give. */
export interface Answer {
  status?: number;
  body?: unknown;
}

/**
 * Stubs the browser's global fetch (happy-dom) with answers by `METHOD path` (`'GET
 * /api/v1/facilities'`), the query string left out; an unlisted call answers 404 problem+json.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function stubFetch(answers: Record<string, Answer | ((body: unknown) => Answer)>) {
  const f = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url.split('?')[0]}`;
    const hit = answers[key];
    const body: unknown = init?.body ? JSON.parse(init.body as string) : undefined;
    const a = typeof hit === 'function' ? hit(body) : (hit ?? { status: 404, body: notFound });
    const status = a.status ?? 200;
    return new Response(JSON.stringify(a.body ?? null), {
      status,
      headers: {
        'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      },
    });
  });
  vi.stubGlobal('fetch', f);
  return f;
}

const notFound = { code: 'not_found', detail: 'Not found.' };

/** A problem+json 422 naming the fields the server refused, as the error handler writes it. */
export function unprocessable(errors: Array<{ field: string; message: string }>): Answer {
  return {
    status: 422,
    body: { type: 'about:blank', title: 'Unprocessable', status: 422, code: 'invalid', errors },
  };
}
