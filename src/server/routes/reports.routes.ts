import { z } from 'zod';
import {
  PolicyRecommendationOut,
  PolicyRecommendationRequest,
  PolicyResponseRequest,
  PolicyStatusRequest,
} from '../../shared/schemas/policy-recommendations.ts';
import { ReportOut, ReportParams, ReportQuery } from '../../shared/schemas/reports.ts';
import type { RouteContext } from './context.ts';
import { routeGroup } from './group.ts';
import { IdParams } from '../../shared/api/params.ts';
import { problemsOf, routeSchemas } from './schema.ts';
import { readReport, reportPeriod } from '../commands/build-report.ts';
import {
  createPolicyRecommendation,
  recordPolicyResponse,
  updatePolicyRecommendationStatus,
} from '../commands/policy-recommendations.ts';
import { actorOf } from '../plugins/auth.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { reportPdf } from '../presenters/reports/report-pdf.ts';
import { tableCsv } from '../presenters/reports/report-text.ts';
import { listPolicyRecommendations } from '../repositories/policy-recommendations.repository.ts';
import { NotFoundError } from '../errors.ts';

const spec = routeSchemas(['reports'], problemsOf(400, 401, 403, 404, 422));

/**
 * The statutory reports (issue 18 items 6 and 8, MCC §2-78-150) and the policy recommendations
 * they list (item 7). Staff only; the public version of a report is its `version=public`.
 */
type Options = { ctx: RouteContext; threshold: number };

export const reportRoutes = routeGroup<Options>(spec, (route, { ctx, threshold }) => {
  const load = async (
    request: Parameters<RouteContext['deps']>[0],
    p: z.infer<typeof ReportParams>,
    version: 'staff' | 'public',
  ) => {
    const deps = ctx.deps(request);
    return readReport(
      deps,
      reportPeriod(p.kind, p.period, deps.now(), ctx.profile.timeZone),
      version,
      threshold,
    );
  };

  route.get(
    '/reports/:kind/:period',
    'Every table of the period’s report, with named rows and columns',
    { params: ReportParams, querystring: ReportQuery, response: { 200: ReportOut } },
    async (request) => load(request, request.params, request.query.version),
  );

  route.app.get(
    '/reports/:kind/:period/report.pdf',
    spec('The report as a PDF (charts and tables)', {
      params: ReportParams,
      querystring: ReportQuery,
      response: { 200: z.any() },
    }),
    async (request, reply) => {
      const report = await load(request, request.params, request.query.version);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="report-${report.period.label}.pdf"`)
        .send(await reportPdf(report, ctx.profile));
    },
  );

  route.app.get(
    '/reports/:kind/:period/tables/:table',
    spec('One table of the report as CSV (`<table id>.csv`)', {
      params: ReportParams.extend({ table: z.string().regex(/^[a-z_]+\.csv$/) }),
      querystring: ReportQuery,
      response: { 200: z.string() },
    }),
    async (request, reply) => {
      const report = await load(request, request.params, request.query.version);
      const id = request.params.table.replace(/\.csv$/, '');
      const table = report.tables.find((t) => t.id === id);
      if (!table) {
        throw new NotFoundError(`Table ${id}`, 'table_not_found');
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${report.period.label}-${id}.csv"`)
        .send(tableCsv(table));
    },
  );

  route.get(
    '/policy-recommendations',
    'Policy recommendations made to the department, oldest first',
    { response: { 200: z.object({ items: z.array(PolicyRecommendationOut) }) } },
    async (request) => {
      requireGlobally(actorOf(request), GlobalAction.readPolicyRecommendations);
      return { items: await listPolicyRecommendations(ctx.db, ctx.jurisdiction) };
    },
  );

  route.post(
    '/policy-recommendations',
    'Record a policy recommendation made to the department',
    { body: PolicyRecommendationRequest, response: { 201: PolicyRecommendationOut } },
    async (request) => createPolicyRecommendation(ctx.deps(request), request.body),
  );

  route.post(
    '/policy-recommendations/:id/response',
    'Record the department’s response and its date',
    { params: IdParams, body: PolicyResponseRequest, response: { 200: PolicyRecommendationOut } },
    async (request) => recordPolicyResponse(ctx.deps(request), request.params.id, request.body),
  );

  route.post(
    '/policy-recommendations/:id/status',
    'Change the implementation status',
    { params: IdParams, body: PolicyStatusRequest, response: { 200: PolicyRecommendationOut } },
    async (request) =>
      updatePolicyRecommendationStatus(ctx.deps(request), request.params.id, request.body.status),
  );
});
