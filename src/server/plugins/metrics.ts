import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/client.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { operationalCounts } from '../repositories/metrics.repository.ts';

/** Who may read `/metrics` (ADR 0040). */
export type MetricsAccess = 'loopback' | 'off';

/**
 * Public-response cache lookups, by cache and result. Module-wide (not per app) so the cache
 * code can count without being handed the app: every app's registry exposes this one counter.
 * Hit rate = rate(…{result="hit"}) / rate(…) over the cache's label (docs/operations.md).
 */
const cacheRequests = new Counter({
  name: 'oversight_cache_requests_total',
  help: 'Lookups in an in-process response cache, by cache and result (hit or miss).',
  labelNames: ['cache', 'result'] as const,
  registers: [],
});

/** Counts one lookup in the in-process cache named `cache` (e.g. `public_case`). */
export function recordCacheHit(cache: string, hit: boolean): void {
  cacheRequests.inc({ cache, result: hit ? 'hit' : 'miss' });
}

/** The route a request matched, as its pattern: a log number in a URL never becomes a label. */
function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? '(unmatched)';
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Whether a request comes straight from this machine. A reverse proxy on the same host also
 * connects from loopback, so a request a proxy forwarded (it says so in `Forwarded` or
 * `X-Forwarded-For`, as nginx, Caddy and HAProxy configurations do) is not a local one.
 */
function fromLoopback(request: FastifyRequest): boolean {
  return (
    LOOPBACK.has(request.socket.remoteAddress ?? '') &&
    request.headers['x-forwarded-for'] === undefined &&
    request.headers.forwarded === undefined
  );
}

/**
 * Prometheus metrics (prom-client) for one app: request rate and latency by route pattern, the
 * database pool, and, read at each scrape, import progress, overdue deadlines and the audit chain
 * length; the process's own (CPU, memory, event-loop delay) beside them. `GET /metrics` serves
 * them in the Prometheus text format to the clients `access` allows.
 */
export function registerMetrics(
  app: FastifyInstance,
  opts: { db: Db; jurisdiction: string; now: () => Date; access: MetricsAccess },
): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registry.registerMetric(cacheRequests);
  const requests = new Counter({
    name: 'oversight_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'oversight_http_request_duration_seconds',
    help: 'Time from request received to response sent, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'oversight_db_pool_connections',
    help: 'Database connections by state: total, idle, waiting (callers queued for one). PGlite: one connection; waiting is the queue behind it.',
    labelNames: ['engine', 'state'] as const,
    registers: [registry],
    collect() {
      const s = opts.db.poolStats();
      for (const state of ['total', 'idle', 'waiting'] as const) {
        this.set({ engine: opts.db.engine, state }, s[state]);
      }
    },
  });
  /** A gauge of this app's registry, set from the database's counts at each scrape. */
  const scraped = <L extends string = never>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
  ): Gauge<L> => new Gauge<L>({ name, help, labelNames, registers: [registry] });
  const overdue = scraped(
    'oversight_deadlines_overdue',
    'Running deadlines (not met, not superseded) past their due time, by kind.',
    ['kind'],
  );
  const auditLength = scraped(
    'oversight_audit_chain_length',
    'Events in the audit hash chain (its last sequence number).',
  );
  const importFiles = scraped(
    'oversight_import_files',
    'Release files imported (completed import runs).',
  );
  const importRows = scraped(
    'oversight_import_rows',
    'Rows of the imported release files, by outcome (read, inserted, updated, rejected).',
    ['outcome'],
  );
  const importLast = scraped(
    'oversight_import_last_finished_timestamp_seconds',
    'When the latest import file run finished (Unix time; 0 before any).',
  );

  app.addHook('onResponse', (request, reply, done) => {
    const route = routeLabel(request);
    requests.inc({ method: request.method, route, status_code: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (opts.access === 'off') {
      throw new NotFoundError('The metrics endpoint', 'route_not_found');
    }
    if (!fromLoopback(request)) {
      throw new ForbiddenError(
        'metrics_loopback_only',
        'Metrics are served only to a scraper on this machine (OVERSIGHT_METRICS=loopback).',
      );
    }
    const counts = await operationalCounts(opts.db, opts.jurisdiction, opts.now());
    overdue.reset();
    for (const { kind, n } of counts.overdueDeadlines) {
      overdue.set({ kind }, n);
    }
    auditLength.set(counts.auditChainLength);
    importFiles.set(counts.imports.files);
    for (const outcome of ['read', 'inserted', 'updated', 'rejected'] as const) {
      importRows.set({ outcome }, counts.imports[outcome]);
    }
    importLast.set(
      counts.imports.lastFinishedAt ? counts.imports.lastFinishedAt.getTime() / 1000 : 0,
    );
    return reply
      .header('cache-control', 'no-store')
      .type(registry.contentType)
      .send(await registry.metrics());
  });
}
