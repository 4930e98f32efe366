import { z } from 'zod';
import { Text } from '../../shared/schemas/common.ts';
import {
  DailyCountRequest,
  FacilityOut,
  FacilityRequest,
  ShelterPeriodRequest,
} from '../../shared/schemas/facilities.ts';
import { routeGroup } from './group.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import type { CommandDeps } from '../commands/context.ts';
import { addFacility, addShelterPeriod, recordDailyCount } from '../commands/facilities.ts';
import { actorOf } from '../plugins/auth.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { presentFacility } from '../presenters/staff/facility.presenter.ts';
import {
  facilityDetails,
  findFacilityByCode,
  listFacilities,
  type FacilityRow,
} from '../repositories/facilities.repository.ts';
import { NotFoundError } from '../errors.ts';

const spec = routeSchemas(['facilities'], STAFF_PROBLEMS);
const CodeParams = z.strictObject({ code: Text(1, 40) });

/** Stations and other sites, with temporary-shelter periods and daily aggregate counts. */
export const facilityRoutes = routeGroup(spec, (route, { ctx }) => {
  /** The facilities with what the page shows of each, in three statements whatever their number. */
  const present = async (rows: FacilityRow[]) => {
    const details = await facilityDetails(
      ctx.db,
      rows.map((f) => f.id),
    );
    return rows.map((f) => {
      const d = details.get(f.id)!;
      return presentFacility(f, d.periods, d.counts, d.caseCount);
    });
  };

  const load = async (code: string) => {
    const f = await findFacilityByCode(ctx.db, ctx.jurisdiction, code);
    if (!f) {
      throw new NotFoundError(`Facility ${code}`, 'facility_not_found');
    }
    return (await present([f]))[0]!;
  };

  route.get(
    '/facilities',
    'All facilities',
    { response: { 200: z.object({ items: z.array(FacilityOut) }) } },
    async (request) => {
      requireGlobally(actorOf(request), GlobalAction.readFacilities);
      return { items: await present(await listFacilities(ctx.db, ctx.jurisdiction)) };
    },
  );

  route.get(
    '/facilities/:code',
    'One facility',
    { params: CodeParams, response: { 200: FacilityOut } },
    async (request) => {
      requireGlobally(actorOf(request), GlobalAction.readFacilities);
      return load(request.params.code);
    },
  );

  route.post(
    '/facilities',
    'Register a facility',
    { body: FacilityRequest, response: { 201: FacilityOut } },
    async (request) => load((await addFacility(ctx.deps(request), request.body)).code),
  );

  /** A record of a facility (a shelter period, a day's count), answered with the facility. */
  const recordOn = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    record: (deps: CommandDeps, code: string, input: z.output<B>) => Promise<void>,
  ) =>
    route.post(
      `/facilities/:code/${path}`,
      summary,
      { params: CodeParams, body, response: { 201: FacilityOut } },
      async (request) => {
        await record(ctx.deps(request), request.params.code, request.body as z.output<B>);
        return load(request.params.code);
      },
    );
  recordOn(
    'shelter-periods',
    'Record a temporary shelter-site period',
    ShelterPeriodRequest,
    addShelterPeriod,
  );
  recordOn(
    'daily-counts',
    "Record a day's aggregate resident count",
    DailyCountRequest,
    recordDailyCount,
  );
});
