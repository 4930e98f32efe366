import { z } from 'zod';
import {
  ALERT_STATUSES,
  AlertOut,
  BacktestOut,
  AlertStepRequest,
  RuleOut,
  RuleRequest,
} from '../../shared/schemas/eis.ts';
import { routeGroup } from './group.ts';
import { IdParams } from '../../shared/api/params.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import { nextAlertSteps, runEisNow, saveRule, takeAlertStep } from '../commands/eis.ts';
import { DateOnly } from '../../shared/schemas/common.ts';
import { actorOf } from '../plugins/auth.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { presentAlert, presentRule } from '../presenters/staff/eis.presenter.ts';
import {
  alertSteps,
  findAlert,
  latestBacktestRun,
  listAlerts,
  listRules,
} from '../repositories/eis-alerts.repository.ts';
import { NotFoundError, ValidationError } from '../errors.ts';

const spec = routeSchemas(['early intervention'], STAFF_PROBLEMS);

const CodeParams = z.strictObject({ code: z.string().min(1).max(60) });

/**
 * Early intervention (issue 19 items 3a and 4): the rules an administrator keeps and the queue of
 * alerts supervisors review. An alert is advice for support and training; nothing here records
 * discipline.
 */
export const eisRoutes = routeGroup(spec, (route, { ctx }) => {
  const canRead = (request: Parameters<typeof actorOf>[0]): void => {
    requireGlobally(actorOf(request), GlobalAction.readEis);
  };

  route.get(
    '/eis/rules',
    'Early-intervention rules of this jurisdiction',
    { response: { 200: z.object({ items: z.array(RuleOut) }) } },
    async (request) => {
      canRead(request);
      return { items: (await listRules(ctx.db, ctx.jurisdiction)).map(presentRule) };
    },
  );

  route.post(
    '/eis/rules',
    'Add a rule (administrators)',
    { body: RuleRequest, response: { 201: RuleOut } },
    async (request) => presentRule(await saveRule(ctx.deps(request), request.body, 'create')),
  );

  route.put(
    '/eis/rules/:code',
    'Change a rule (administrators)',
    { params: CodeParams, body: RuleRequest, response: { 200: RuleOut } },
    async (request) => {
      if (request.body.code !== request.params.code) {
        throw new ValidationError('code_mismatch', 'The body names another rule than the path.');
      }
      return presentRule(await saveRule(ctx.deps(request), request.body, 'update'));
    },
  );

  route.get(
    '/eis/alerts',
    'The intervention queue, newest first',
    {
      querystring: z.strictObject({
        status: z.enum(ALERT_STATUSES).optional(),
        open: z.enum(['true', 'false']).optional(),
      }),
      response: { 200: z.object({ items: z.array(AlertOut) }) },
    },
    async (request) => {
      canRead(request);
      const q = request.query;
      const statuses = q.status
        ? [q.status]
        : q.open === 'true'
          ? (['new', 'supervisor_review', 'intervention_planned'] as const)
          : [];
      const rows = await listAlerts(ctx.db, ctx.jurisdiction, statuses, 500);
      const steps = await alertSteps(
        ctx.db,
        rows.map((r) => r.id),
      );
      const actor = actorOf(request);
      return { items: rows.map((r) => presentAlert(r, steps, nextAlertSteps(actor, r.status))) };
    },
  );

  const loadAlert = async (request: Parameters<typeof actorOf>[0], id: string) => {
    const row = await findAlert(ctx.db, ctx.jurisdiction, id);
    if (!row) {
      throw new NotFoundError('Alert', 'alert_not_found');
    }
    return presentAlert(
      row,
      await alertSteps(ctx.db, [id]),
      nextAlertSteps(actorOf(request), row.status),
    );
  };

  route.get(
    '/eis/alerts/:id',
    'One alert with its review steps',
    { params: IdParams, response: { 200: AlertOut } },
    async (request) => {
      canRead(request);
      return loadAlert(request, request.params.id);
    },
  );

  route.post(
    '/eis/alerts/:id/steps',
    'Take a step of the review (supervisors): with a note',
    { params: IdParams, body: AlertStepRequest, response: { 201: AlertOut } },
    async (request) => {
      await takeAlertStep(ctx.deps(request), request.params.id, request.body);
      return loadAlert(request, request.params.id);
    },
  );

  route.post(
    '/eis/runs',
    'Run the active rules now (administrators; the nightly run is `oversight eis run`)',
    {
      body: z.strictObject({ asOf: DateOnly.optional() }),
      response: {
        201: z.object({
          asOf: z.string(),
          rules: z.number(),
          raised: z.number(),
          alreadyOpen: z.number(),
        }),
      },
    },
    async (request) => {
      const asOf =
        request.body.asOf ??
        ctx.now().toLocaleDateString('en-CA', { timeZone: ctx.profile.timeZone });
      return runEisNow(ctx.deps(request), asOf);
    },
  );

  route.get(
    '/eis/backtest',
    'The latest backtest of the ranking (aggregates; run by `oversight eis backtest`)',
    { response: { 200: BacktestOut } },
    async (request) => {
      canRead(request);
      const run = await latestBacktestRun(ctx.db, ctx.jurisdiction);
      if (!run) {
        throw new NotFoundError('A backtest run', 'backtest_not_run');
      }
      return {
        ...BacktestOut.omit({ ranAt: true, seconds: true }).parse(run.result),
        ranAt: run.ranAt.toISOString(),
        seconds: run.seconds,
      };
    },
  );
});
