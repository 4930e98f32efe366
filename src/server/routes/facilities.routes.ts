import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Text } from '../../shared/schemas/common.ts';
import {
  DailyCountRequest,
  FacilityOut,
  FacilityRequest,
  ShelterPeriodRequest,
} from '../../shared/schemas/facilities.ts';
import type { RouteContext } from './context.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import { addFacility, addShelterPeriod, recordDailyCount } from '../commands/facilities.ts';
import { actorOf } from '../plugins/auth.ts';
import { GlobalAction, requireGlobally } from '../policies/authorization.ts';
import { presentFacility } from '../presenters/staff/facility.presenter.ts';
import {
  dailyCounts,
  facilityCaseCount,
  findFacilityByCode,
  listFacilities,
  shelterPeriods,
} from '../repositories/facilities.repository.ts';
import { NotFoundError } from '../errors.ts';

const spec = routeSchemas(['facilities'], STAFF_PROBLEMS);
const CodeParams = z.strictObject({ code: Text(1, 40) });

/** Stations and other sites, with temporary-shelter periods and daily aggregate counts. */
export const facilityRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (
  app,
  { ctx },
) => {
  const load = async (code: string) => {
    const f = await findFacilityByCode(ctx.db, ctx.jurisdiction, code);
    if (!f) {
      throw new NotFoundError(`Facility ${code}`, 'facility_not_found');
    }
    const [periods, counts, caseCount] = await Promise.all([
      shelterPeriods(ctx.db, f.id),
      dailyCounts(ctx.db, f.id),
      facilityCaseCount(ctx.db, f.id),
    ]);
    return presentFacility(f, periods, counts, caseCount);
  };

  app.get(
    '/facilities',
    spec('All facilities', { response: { 200: z.object({ items: z.array(FacilityOut) }) } }),
    async (request) => {
      requireGlobally(actorOf(request), GlobalAction.readFacilities);
      const rows = await listFacilities(ctx.db, ctx.jurisdiction);
      return { items: await Promise.all(rows.map((f) => load(f.code))) };
    },
  );

  app.get(
    '/facilities/:code',
    spec('One facility', { params: CodeParams, response: { 200: FacilityOut } }),
    async (request) => {
      requireGlobally(actorOf(request), GlobalAction.readFacilities);
      return load(request.params.code);
    },
  );

  app.post(
    '/facilities',
    spec('Register a facility', { body: FacilityRequest, response: { 201: FacilityOut } }),
    async (request, reply) => {
      const f = await addFacility(ctx.deps(request), request.body);
      return reply.status(201).send(await load(f.code));
    },
  );

  app.post(
    '/facilities/:code/shelter-periods',
    spec('Record a temporary shelter-site period', {
      params: CodeParams,
      body: ShelterPeriodRequest,
      response: { 201: FacilityOut },
    }),
    async (request, reply) => {
      await addShelterPeriod(ctx.deps(request), request.params.code, request.body);
      return reply.status(201).send(await load(request.params.code));
    },
  );

  app.post(
    '/facilities/:code/daily-counts',
    spec("Record a day's aggregate resident count", {
      params: CodeParams,
      body: DailyCountRequest,
      response: { 201: FacilityOut },
    }),
    async (request, reply) => {
      await recordDailyCount(ctx.deps(request), request.params.code, request.body);
      return reply.status(201).send(await load(request.params.code));
    },
  );
};
