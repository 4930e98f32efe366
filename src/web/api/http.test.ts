import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { post } from '../../shared/api/endpoint.ts';
import { ApiError, caller, query, request } from './http.ts';
import { api, onSessionLost } from './client.ts';
import { publicApi } from './public-client.ts';

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/** Stubs the global fetch with one answer and returns the mock to read the request from. */
function answer(res: Response | Error) {
  const f = vi.fn(() => (res instanceof Error ? Promise.reject(res) : Promise.resolve(res)));
  vi.stubGlobal('fetch', f);
  return f;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the fetch-and-problem layer', () => {
  it('turns a problem+json refusal into an ApiError with its code, detail and field errors', async () => {
    answer(
      problem(422, {
        code: 'validation_failed',
        detail: 'The request is invalid.',
        errors: [{ field: 'narrative', message: 'required' }],
      }),
    );
    const err = await request({ credentials: 'omit' }, 'POST', '/x', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 422,
      code: 'validation_failed',
      detail: 'The request is invalid.',
      fields: [{ field: 'narrative', message: 'required' }],
    });
  });

  it('answers a body that is not JSON with the status text and code "error"', async () => {
    answer(new Response('oops', { status: 502, statusText: 'Bad Gateway' }));
    await expect(request({ credentials: 'omit' }, 'GET', '/x')).rejects.toMatchObject({
      status: 502,
      code: 'error',
      detail: 'Bad Gateway',
      fields: [],
    });
  });

  it('says status 0 when the server cannot be reached, and undefined for a 204', async () => {
    answer(new TypeError('Failed to fetch'));
    await expect(request({ credentials: 'omit' }, 'GET', '/x')).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
    answer(new Response(null, { status: 204 }));
    await expect(request({ credentials: 'omit' }, 'DELETE', '/x')).resolves.toBeUndefined();
  });

  it('builds a query string without empty parameters', () => {
    expect(query({ a: 1, b: '', c: undefined, d: 'x y' })).toBe('?a=1&d=x+y');
    expect(query({ a: '' })).toBe('');
  });
});

describe('the two doors', () => {
  it('the public door sends no cookie and no CSRF token, under /api/public/v1', async () => {
    const f = answer(new Response(JSON.stringify({ items: [] }), { status: 200 }));
    await publicApi.cases({ page: 2 });
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/public/v1/cases?page=2');
    expect(init.credentials).toBe('omit');
    expect(init.headers).toEqual({ accept: 'application/json' });
  });

  it('the staff door sends the cookie and, after sign-in, the CSRF token on a change only', async () => {
    answer(new Response(JSON.stringify({ step: 'signed_in', csrfToken: 'tok' }), { status: 200 }));
    await api.signIn({ email: 'u@example.org', password: 'p' });
    const f = answer(new Response(JSON.stringify({ id: '1' }), { status: 200 }));
    await api.publishStatement('s1');
    const [, post] = f.mock.calls[0] as unknown as [string, RequestInit];
    expect(post.credentials).toBe('same-origin');
    expect(post.headers).toMatchObject({ 'x-csrf-token': 'tok' });
    const g = answer(new Response(JSON.stringify({ items: [] }), { status: 200 }));
    await api.facilities();
    const [, get] = g.mock.calls[0] as unknown as [string, RequestInit];
    expect(get.headers).not.toHaveProperty('x-csrf-token');
  });

  it('the staff door tells of a lost session on a 401, but not for a refused password', async () => {
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    answer(problem(401, { code: 'invalid_credentials', detail: 'no' }));
    await api.signIn({ email: 'u@example.org', password: 'p' }).catch(() => undefined);
    expect(lost).not.toHaveBeenCalled();
    answer(problem(401, { code: 'unauthenticated', detail: 'no' }));
    await api.dashboard().catch(() => undefined);
    expect(lost).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('a call from the shared endpoint contract', () => {
  const Thing = post('/cases/:logNumber/things/:id', 'A test endpoint', {
    params: z.object({ logNumber: z.string(), id: z.string() }),
    querystring: z.object({ q: z.string(), page: z.number() }),
    body: z.object({ a: z.number() }),
    response: { 201: z.object({ ok: z.boolean() }) },
  });

  it('builds the URL from the declared path, each parameter encoded, and the non-empty query', async () => {
    const f = answer(new Response('{"ok":true}', { status: 201 }));
    const call = caller({ credentials: 'omit' }, '/base');
    const r = await call(Thing, {
      params: { logNumber: '24/0001', id: 'a b' },
      query: { q: '', page: 2 },
      body: { a: 1 },
    });
    expect(r).toEqual({ ok: true });
    expect(f).toHaveBeenCalledWith(
      '/base/cases/24%2F0001/things/a%20b?page=2',
      expect.objectContaining({ method: 'POST', body: '{"a":1}' }),
    );
  });

  it('sends the staff client’s case calls to the path the server declares', async () => {
    const f = answer(new Response('{"nextDeadlineId":null}', { status: 200 }));
    await api.completeDeadline('2024-0001', 'd1');
    expect(f).toHaveBeenCalledWith(
      '/api/v1/cases/2024-0001/deadlines/d1/complete',
      expect.objectContaining({ method: 'POST', body: '{}' }),
    );
  });
});
