import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { recordCacheHit } from './metrics.ts';

/** The channel migration 0028's triggers notify when anything the public door reads changes. */
export const PUBLICATION_CHANNEL = 'oversight_public';

/** What a browser or CDN may do with a public answer (ADR 0037). */
export interface HttpCachePolicy {
  /** Seconds an answer is reused without asking (the staleness bound is this plus the next). */
  maxAgeSeconds: number;
  /** Seconds a stale answer may still be shown while the next one is fetched. */
  staleWhileRevalidateSeconds: number;
}

/** One stored public answer: its JSON bytes and their entity tag. */
export interface CachedAnswer {
  body: Buffer;
  etag: string;
}

/**
 * The public door's answers, each computed once per change of what is public (ADR 0037). Every
 * change committed to the tables the public reads, by this process or any other on the same
 * database, empties it before the next request is answered here; an answer computed while a change
 * committed is returned to its own request but never stored, and no request waits on a
 * computation that began before the last change. While changes cannot be heard (a dropped
 * listening connection) nothing is stored or served from it.
 */
export interface PublicationCache {
  /** The stored answer for `key`, or `compute`'s (callers asking at once share one computation). */
  answer(key: string, compute: () => Promise<string>): Promise<CachedAnswer>;
  /** Called at every change (the statistics and roster keep their own state). */
  onChange(fn: () => void): void;
  /** Resolves at the next change heard (tests wait on it for a second app instance). */
  nextChange(): Promise<void>;
  /** Stored answers and how many were served from the store (metrics). */
  stats(): { entries: number; hits: number; misses: number };
  close(): Promise<void>;
}

export async function watchPublication(db: Db, maxEntries: number): Promise<PublicationCache> {
  const entries = new Map<string, CachedAnswer>();
  let inflight = new Map<string, Promise<CachedAnswer>>();
  let generation = 0;
  let live = true;
  let hits = 0;
  let misses = 0;
  const subscribers: Array<() => void> = [];
  let waiters: Array<() => void> = [];
  const changed = (): void => {
    generation++;
    entries.clear();
    inflight = new Map();
    for (const fn of subscribers) {
      fn();
    }
    const told = waiters;
    waiters = [];
    for (const w of told) {
      w();
    }
  };
  const stop = await db.listen(PUBLICATION_CHANNEL, changed, (isLive) => {
    live = isLive;
    changed();
  });
  return {
    answer(key, compute) {
      // the metric's label is the kind of answer (`case`, `cases`, `statements`…), never the key
      const colon = key.indexOf(':');
      const kind = colon > 0 ? key.slice(0, colon) : 'other';
      const stored = live ? entries.get(key) : undefined;
      if (stored) {
        hits++;
        recordCacheHit(kind, true);
        return Promise.resolve(stored);
      }
      const running = inflight.get(key);
      if (running) {
        recordCacheHit(kind, true);
        return running;
      }
      misses++;
      recordCacheHit(kind, false);
      const started = generation;
      const jobs = inflight;
      const job = compute()
        .then((json) => {
          const body = Buffer.from(json, 'utf8');
          const answer = { body, etag: entityTag(body) };
          if (live && started === generation) {
            if (entries.size >= maxEntries) {
              // the oldest first: a spike asks for a few pages over and over
              entries.delete(entries.keys().next().value as string);
            }
            entries.set(key, answer);
          }
          return answer;
        })
        .finally(() => {
          if (jobs.get(key) === job) {
            jobs.delete(key);
          }
        });
      if (live) {
        jobs.set(key, job);
      }
      return job;
    },
    onChange(fn) {
      subscribers.push(fn);
    },
    nextChange() {
      return new Promise((resolve) => waiters.push(resolve));
    },
    stats: () => ({ entries: entries.size, hits, misses }),
    close: stop,
  };
}

/** A strong entity tag of the bytes (the same answer has the same tag on every app server). */
export function entityTag(body: Buffer): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names `etag` (RFC 9110 §13.1.2: weak comparison). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) {
    return false;
  }
  if (header.trim() === '*') {
    return true;
  }
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** The Cache-Control of every cacheable public answer. */
export function cacheControl(policy: HttpCachePolicy): string {
  return `public, max-age=${policy.maxAgeSeconds}, stale-while-revalidate=${policy.staleWhileRevalidateSeconds}`;
}

/** Sends a stored answer with its tag and freshness, or 304 when the client already holds it. */
export function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
  policy: HttpCachePolicy,
  type = 'application/json; charset=utf-8',
): FastifyReply {
  void reply.header('cache-control', cacheControl(policy)).header('etag', answer.etag);
  if (etagMatches(request.headers['if-none-match'], answer.etag)) {
    return reply.code(304).send();
  }
  return reply.type(type).send(answer.body);
}
