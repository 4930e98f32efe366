import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseIntakeRequest } from '../../shared/schemas/cases.ts';
import { DashboardOut, RoutingPreviewOut } from '../../shared/schemas/dashboard.ts';
import type { RouteContext } from './context.ts';
import { problemsOf, routeSchemas } from './schema.ts';
import { previewRouting } from '../commands/preview-routing.ts';
import { caseScope } from '../policies/case.policy.ts';
import { presentCaseListItem } from '../presenters/staff/case.presenter.ts';
import { presentDueDeadline } from '../presenters/staff/dashboard.presenter.ts';
import { dueDeadlines, myOpenCases, recentCases } from '../repositories/dashboard.repository.ts';
import { countOpenPressInquiries } from '../repositories/press-inquiries.repository.ts';
import { GlobalAction, mayGlobally } from '../policies/global-grants.ts';
import { actorOf } from '../plugins/auth.ts';

const problems = problemsOf(400, 401, 403);
const spec = routeSchemas(['dashboard'], problems);
/** The routing preview is documented with the case routes (it is intake's second step). */
const caseSpec = routeSchemas(['cases'], problems);
/** Deadlines due within this many days appear on the dashboard. */
const HORIZON_DAYS = 14;

/** The staff dashboard and the intake wizard's routing preview (issue 4). */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/dashboard',
    spec(
      'My cases, deadlines due and overdue, new intakes, restricted cases, press inquiries overdue',
      {
        response: { 200: DashboardOut },
      },
    ),
    async (request) => {
      const actor = actorOf(request);
      const now = ctx.now();
      // clocks and restricted-case lists are case content: public-fields viewers do not get them
      const content = caseScope(actor, { content: true });
      const [mine, deadlines, intakes, restricted, press] = await Promise.all([
        myOpenCases(ctx.db, ctx.jurisdiction, actor.id, 25),
        dueDeadlines(
          ctx.db,
          ctx.jurisdiction,
          content,
          new Date(now.getTime() + HORIZON_DAYS * 86_400_000),
          30,
        ),
        recentCases(ctx.db, ctx.jurisdiction, caseScope(actor), { status: 'intake', limit: 10 }),
        recentCases(ctx.db, ctx.jurisdiction, content, { restricted: true, limit: 10 }),
        mayGlobally(actor, GlobalAction.readPressInquiries)
          ? countOpenPressInquiries(ctx.db, ctx.jurisdiction, now)
          : null,
      ]);
      return {
        myCases: mine.map(presentCaseListItem),
        deadlines: deadlines.map((d) => presentDueDeadline(d, now, ctx.profile)),
        horizonDays: HORIZON_DAYS,
        newIntakes: intakes.map(presentCaseListItem),
        restricted: restricted.map(presentCaseListItem),
        press,
      };
    },
  );

  app.post(
    '/routing/preview',
    caseSpec('Where intake would route this case and why (nothing is written)', {
      body: CaseIntakeRequest,
      response: { 200: RoutingPreviewOut },
    }),
    async (request) => {
      const p = previewRouting(ctx.deps(request), request.body);
      return {
        routing: {
          agency: p.routing.agency,
          clause: p.routing.clause,
          rule: p.routing.rule,
          explanation: p.routing.explanation,
          explanationEs: p.routing.explanationEs,
        },
        restricted: p.restricted,
        restrictionReasons: p.restrictionReasons,
      };
    },
  );
};
