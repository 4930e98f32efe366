import { vocabulariesOf } from '../../domain/profiles/profile.ts';
import { MAX_ATTACHMENTS_TOTAL_BYTES } from '../../domain/attachments.ts';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  PublicCaseListResponse,
  PublicCaseOut,
  PublicStatementsFeedQuery,
  PublicStatementsResponse,
  PublicStatsResponse,
  ExportQuery,
} from '../../../shared/schemas/public.ts';
import { Problem } from '../../../shared/schemas/common.ts';
import type { Endpoint } from '../../../shared/api/endpoint.ts';
import { publicApi } from '../../../shared/api/public.ts';
import type { RouteContext } from '../context.ts';
import type { RequestOf } from '../group.ts';
import { routeOf, type RouteParts } from '../schema.ts';
import {
  exportCsv,
  exportDictionary,
  exportJson,
  exportOpenData,
} from '../../commands/export-open-data.ts';
import {
  addComplaintInformation,
  filePublicComplaint,
  lookupComplaint,
  type PublicDeps,
} from '../../commands/public-complaints.ts';
import {
  createPortalList,
  createRosterLexicon,
  readPortalCase,
  type PublicReadDeps,
} from '../../commands/read-public.ts';
import { createPublicStats, statsFromGrids } from '../../commands/read-public-stats.ts';
import { presentPublicStatement } from '../../presenters/public/case.presenter.ts';
import { presentOffice } from '../../presenters/public/office.presenter.ts';
import { statementsFeed } from '../../presenters/public/statements-feed.ts';
import { listPublishedStatements } from '../../repositories/statements.repository.ts';
import { TooManyRequestsError } from '../../errors.ts';
import { loggableError } from '../../plugins/error-handler.ts';
import type { Serialize } from '../../plugins/response-serializer.ts';
import { Readable } from 'node:stream';
import { localDate } from '../../../shared/dates.ts';
import {
  sendAnswer,
  type HttpCachePolicy,
  type PublicationCache,
} from '../../plugins/public-cache.ts';

/** A limit: at most `max` requests per `windowMs`. */
/** The complaint form's body limit: 10 MiB of files as base64 plus the text fields. */
const COMPLAINT_BODY_LIMIT = Math.ceil((MAX_ATTACHMENTS_TOTAL_BYTES * 4) / 3) + 1024 * 1024;

export interface Limit {
  max: number;
  windowMs: number;
}

/** Settings of the public door (config → buildApp; tests pass their own). */
export interface PublicPortalOptions {
  /** Statistics cells under this are suppressed (PRODUCT.md §4: 5). */
  suppressionThreshold: number;
  /** How long a computed statistics grid is served (0: recompute each request). */
  statsTtlMs: number;
  /** Complaint filing per IP (spam floods). */
  fileLimit: Limit;
  /** Lookups and additions per IP. */
  lookupPerIp: Limit;
  /** Lookups and additions per confirmation number, whoever asks. */
  lookupPerNumber: Limit;
  /** Page, list, search, statistics and statements reads per IP (their own bucket). */
  readPerIp: Limit;
  /** Open-data exports per IP (each streams the whole history). */
  exportPerIp: Limit;
  /** Freshness a browser or CDN is allowed for the case page, list, statistics (ADR 0037). */
  httpCache: HttpCachePolicy;
  /** Public answers kept in memory per app server (each a few kilobytes). */
  cacheEntries: number;
}

export const DEFAULT_PUBLIC_OPTIONS: PublicPortalOptions = {
  suppressionThreshold: 5,
  statsTtlMs: 300_000,
  fileLimit: { max: 10, windowMs: 15 * 60_000 },
  lookupPerIp: { max: 30, windowMs: 15 * 60_000 },
  lookupPerNumber: { max: 10, windowMs: 15 * 60_000 },
  // a shelter's or a library's shared address: dozens of people reading pages stay far under
  // 20 a second, one client taking the door for itself does not (ADR 0037)
  readPerIp: { max: 1200, windowMs: 60_000 },
  exportPerIp: { max: 30, windowMs: 15 * 60_000 },
  // ADR 0037: a change reaches every reader within 30 s; a CDN asks at most every 10 s per page
  httpCache: { maxAgeSeconds: 10, staleWhileRevalidateSeconds: 20 },
  cacheEntries: 20_000,
};

const problems = { 400: Problem, 404: Problem, 413: Problem, 422: Problem, 429: Problem };
const tags = ['public'];
/** Public routes take no credentials (overrides the document's default bearer requirement). */
const security: Array<Record<string, string[]>> = [];

/** The schema of a public route: no credentials, and `answers` besides its own (the door's). */
const door =
  <A extends Record<number, z.ZodType>>(answers: A) =>
  <S extends RouteParts>(summary: string, { response, ...parts }: S) => ({
    schema: { tags, security, summary, ...parts, response: { ...response, ...answers } },
  });
/** A public route that answers the door's problems; `bare`, one that declares only its own. */
const spec = door(problems);
const bare = door({});

/**
 * The public door (PRODUCT.md §5 public paths): no staff session or token is read here; every
 * response goes through an allowlist schema in shared/schemas/public.ts. Rate limits are
 * registered inside this plugin only.
 */
export const publicRoutes: FastifyPluginAsyncZod<{
  ctx: RouteContext;
  options: PublicPortalOptions;
  /** The answers kept per change of what is public (buildApp opens it). */
  published: PublicationCache;
  /** The app's response writer (ADR 0061), for the answers written once and kept. */
  serializerCompiler: (route: { schema: z.ZodType; method: string; url: string }) => Serialize;
}> = async (app, { ctx, options, published, serializerCompiler }) => {
  /** The JSON of a public answer, through the route's own allowlist schema. */
  const serializer = (schema: z.ZodType, url: string): Serialize =>
    serializerCompiler({ schema, method: 'GET', url });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) =>
      new TooManyRequestsError(
        `Too many requests. Try again in ${Math.ceil(c.ttl / 1000)} seconds.`,
        Math.ceil(c.ttl / 1000),
      ),
  });
  const perNumber = app.createRateLimit({
    max: options.lookupPerNumber.max,
    timeWindow: options.lookupPerNumber.windowMs,
    keyGenerator: (req) =>
      `confirmation:${(req.body as { confirmationNumber?: string } | undefined)?.confirmationNumber ?? ''}`,
  });
  /** Per-number limit, after the body is validated (the number is normalized by then). */
  const limitPerNumber = async (request: FastifyRequest): Promise<void> => {
    const r = await perNumber(request);
    if (!r.isAllowed && r.isExceeded) {
      throw new TooManyRequestsError(
        'Too many attempts for this confirmation number. Try again later.',
        r.ttlInSeconds,
      );
    }
  };

  /** A per-address bucket of its own, checked before the route does any work. */
  const bucket = (
    name: string,
    limit: Limit,
  ): ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) => {
    const check = app.createRateLimit({
      max: limit.max,
      timeWindow: limit.windowMs,
      keyGenerator: (req) => `${name}:${req.ip}`,
    });
    return async (request, reply) => {
      const r = await check(request);
      if (!r.isAllowed && r.isExceeded) {
        void reply.header('retry-after', String(r.ttlInSeconds));
        throw new TooManyRequestsError(
          `Too many requests from this address. Try again in ${r.ttlInSeconds} seconds.`,
          r.ttlInSeconds,
        );
      }
    };
  };
  // reads and writes count apart: people reading pages behind one shared address never use up
  // the address's complaint filing, and a flood of filings never locks the pages
  const readLimit = bucket('read', options.readPerIp);
  const exportLimit = bucket('export', options.exportPerIp);

  // no actor: ctx.deps() would demand a staff token, and this door never reads one
  const publicDeps = (request: FastifyRequest): PublicDeps => ({
    db: ctx.db,
    now: ctx.now,
    ip: request.ip,
    cipher: ctx.cipher,
    profile: ctx.profile,
    jurisdiction: ctx.jurisdiction,
  });
  const readDeps = (request: FastifyRequest): PublicReadDeps => ({
    ...publicDeps(request),
    timeZone: ctx.profile.timeZone,
  });
  /** The statistics filter's agency choices: the profile's, computed once. */
  const investigatingAgencies = [...vocabulariesOf(ctx.profile).investigatingAgencies];
  const portalList = createPortalList(options.statsTtlMs);
  const roster = createRosterLexicon(options.statsTtlMs);
  const stats = createPublicStats({
    // aggregates recomputed every few minutes anyway: a standby's lag is within that (ADR 0040)
    db: ctx.db.reader,
    jurisdiction: ctx.jurisdiction,
    timeZone: ctx.profile.timeZone,
    threshold: options.suppressionThreshold,
    ttlMs: options.statsTtlMs,
    agencies: investigatingAgencies,
    dutyStatusDisclosure: ctx.profile.dutyStatusDisclosure,
    now: ctx.now,
  });
  // answers computed once per change of what is public, on every app server (ADR 0037)
  published.onChange(() => {
    portalList.clear();
    roster.forget();
    stats.changed();
  });
  const asCaseJson = serializer(PublicCaseOut, '/cases/:logNumber');
  // the local date, worked out at most once a second (time-zone arithmetic per request would
  // cost the spike more than the stored answer does)
  let day = { second: NaN, date: '' };
  const localDay = (): string => {
    const now = ctx.now();
    const second = Math.floor(now.getTime() / 1000);
    if (second !== day.second) {
      day = { second, date: localDate(now, ctx.profile.timeZone) };
    }
    return day.date;
  };
  // the door's cached reads are logged only when something goes wrong: at a spike two lines per
  // request would cost more than answering it (a CDN or proxy keeps access logs; ADR 0037)
  const quiet = 'warn' as const;
  const asListJson = serializer(PublicCaseListResponse, '/cases');
  const asStatsJson = serializer(PublicStatsResponse, '/stats');
  const asStatementsJson = serializer(PublicStatementsResponse, '/statements');

  app.route({
    ...routeOf(spec, publicApi.fileComplaint),
    // up to 10 MiB of files in base64 (×4/3) plus the form; every other route keeps the global
    // limit (1 MiB by default), and this one is rate-limited per address like the form itself
    bodyLimit: COMPLAINT_BODY_LIMIT,
    config: {
      rateLimit: { max: options.fileLimit.max, timeWindow: options.fileLimit.windowMs },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await filePublicComplaint(publicDeps(request), request.body)),
  });

  const lookupLimit = {
    rateLimit: { max: options.lookupPerIp.max, timeWindow: options.lookupPerIp.windowMs },
  };

  app.route({
    ...routeOf(spec, publicApi.lookup),
    config: lookupLimit,
    preHandler: limitPerNumber,
    handler: async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await lookupComplaint(publicDeps(request), request.body)),
  });

  app.route({
    ...routeOf(spec, publicApi.addInformation),
    config: lookupLimit,
    preHandler: limitPerNumber,
    handler: async (request, reply) => {
      const r = await addComplaintInformation(publicDeps(request), request.body);
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ received: true as const, receivedAt: r.receivedAt });
    },
  });

  app.route({
    ...routeOf(bare, publicApi.office),
    onRequest: readLimit,
    handler: () => presentOffice(ctx.profile.office),
  });

  /**
   * A read of the door answered from the answers kept per change of what is public (ADR 0037):
   * `answer` names the request's answer (`key`) and says how to make it (`make`, as JSON).
   */
  const publishedRead = <S extends RouteParts>(
    endpoint: Endpoint<S>,
    answer: (request: RequestOf<S>) => Promise<[key: string, make: () => Promise<string>]>,
  ): void => {
    // typed where the read is declared (`answer`): here the request is only passed through
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const [key, make] = await answer(request as RequestOf<S>);
      return sendAnswer(request, reply, await published.answer(key, make), options.httpCache);
    };
    const { method, url, schema } = routeOf(spec, endpoint);
    const route = { method, url, schema: schema as FastifySchema, onRequest: readLimit };
    (app as unknown as FastifyInstance).route({ ...route, logLevel: quiet, handler });
  };

  publishedRead(publicApi.cases, async (request) => [
    `list:${JSON.stringify(request.query)}`,
    async () => asListJson(await portalList.list(readDeps(request), request.query)),
  ]);

  publishedRead(publicApi.getCase, async (request) => {
    const { logNumber } = request.params;
    // the page shows how long an open case has run: an answer is for one local day
    return [
      `case:${logNumber}:${localDay()}`,
      async () => asCaseJson(await readPortalCase(readDeps(request), logNumber, roster)),
    ];
  });

  publishedRead(publicApi.stats, async (request) => {
    const { grids, version } = await stats.grids();
    return [
      `stats:${version}:${JSON.stringify(request.query)}`,
      () =>
        Promise.resolve(
          asStatsJson(
            statsFromGrids(
              grids,
              options.suppressionThreshold,
              request.query,
              investigatingAgencies,
            ),
          ),
        ),
    ];
  });

  publishedRead(publicApi.statements, async (request) => [
    `statements:${JSON.stringify(request.query)}`,
    async () => {
      const { rows, total } = await listPublishedStatements(
        ctx.db,
        ctx.jurisdiction,
        request.query,
      );
      return asStatementsJson({ items: rows.map(presentPublicStatement), total });
    },
  ]);

  // the latest statements as Atom 1.0, filtered as the list is; its links are absolute on the
  // host the reader asked (part of the stored answer's key, so one host's answer is never
  // another's)
  app.get(
    '/statements.atom',
    {
      onRequest: readLimit,
      logLevel: quiet,
      schema: {
        tags,
        security,
        summary: 'Published public statements as an Atom 1.0 feed',
        querystring: PublicStatementsFeedQuery,
        produces: ['application/atom+xml'],
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const query = new URLSearchParams(
        Object.entries(request.query).filter((e): e is [string, string] => e[1] !== undefined),
      ).toString();
      const qs = query ? `?${query}` : '';
      const answer = await published.answer(`statements-feed:${origin}${qs}`, async () => {
        const { rows } = await listPublishedStatements(ctx.db, ctx.jurisdiction, {
          ...request.query,
          page: 1,
          pageSize: 50,
        });
        const language = request.query.language ?? 'en';
        return statementsFeed(rows, {
          selfUrl: `${origin}/api/public/v1/statements.atom${qs}`,
          pageUrl: `${origin}/statements${qs}`,
          title: ctx.profile.office.name[language],
          language: request.query.language,
          epoch: new Date(0),
        });
      });
      return sendAnswer(
        request,
        reply,
        answer,
        options.httpCache,
        'application/atom+xml; charset=utf-8',
      );
    },
  );

  app.route({
    ...routeOf(bare, publicApi.dictionary),
    onRequest: readLimit,
    handler: () => exportDictionary(),
  });

  for (const format of ['csv', 'json'] as const) {
    app.get(
      `/export.${format}`,
      {
        onRequest: exportLimit,
        schema: {
          tags,
          security,
          summary: `Open data, streamed ${format.toUpperCase()}: one row per case and one per allegation (see /export/dictionary)`,
          querystring: ExportQuery,
        },
      },
      (request, reply) => {
        const rows = exportOpenData({ ...readDeps(request), year: request.query.year });
        const chunks = format === 'csv' ? exportCsv(rows) : exportJson(rows);
        const stream = Readable.from(chunks);
        stream.on('error', (err) => {
          // headers are gone: the client sees a truncated body; the log says why
          request.log.error({ err: loggableError(err) }, 'export stream failed');
        });
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="oversight-open-data${request.query.year ? `-${request.query.year}` : ''}.${format}"`,
          )
          .send(stream);
      },
    );
  }
};
