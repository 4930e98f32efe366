import { DutyStatusOut } from '../../shared/schemas/allegations.ts';
import {
  DutyStatusRequest,
  MemberDetailOut,
  MemberListResponse,
  MemberOut,
  MemberRequest,
  MemberSearchQuery,
} from '../../shared/schemas/members.ts';
import { routeGroup } from './group.ts';
import { IdParams } from '../../shared/api/params.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import { addMember } from '../commands/add-member.ts';
import { recordDutyStatus } from '../commands/record-duty-status.ts';
import { historySummary, readMemberComparison } from '../commands/read-member-history.ts';
import { actorOf } from '../plugins/auth.ts';
import { caseScope } from '../policies/case.policy.ts';
import { canReadRoster } from '../policies/member.policy.ts';
import { presentDutyStatus } from '../presenters/staff/case.presenter.ts';
import { presentMember, presentMemberDetail } from '../presenters/staff/member.presenter.ts';
import {
  findDutyStatus,
  findMember,
  memberAllegations,
  memberDutyStatus,
  searchMembers,
} from '../repositories/members.repository.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

const spec = routeSchemas(['members'], STAFF_PROBLEMS);

/** The roster and the duty-status ledger. */
export const memberRoutes = routeGroup(spec, (route, { ctx }) => {
  route.post(
    '/members',
    'Add a member to the roster',
    { body: MemberRequest, response: { 201: MemberOut } },
    async (request) => presentMember(await addMember(ctx.deps(request), request.body)),
  );

  route.get(
    '/members',
    'Search the roster by star or name',
    { querystring: MemberSearchQuery, response: { 200: MemberListResponse } },
    async (request) => {
      if (!canReadRoster(actorOf(request))) {
        throw new ForbiddenError();
      }
      const { rows, total } = await searchMembers(
        ctx.db,
        ctx.jurisdiction,
        request.query.q,
        request.query.page,
        request.query.pageSize,
      );
      return { items: rows.map(presentMember), total };
    },
  );

  route.get(
    '/members/:id',
    'A member with allegation history and duty-status ledger',
    { params: IdParams, response: { 200: MemberDetailOut } },
    async (request) => {
      const actor = actorOf(request);
      if (!canReadRoster(actor)) {
        throw new ForbiddenError();
      }
      const member = await findMember(ctx.db, ctx.jurisdiction, request.params.id);
      if (!member) {
        throw new NotFoundError('Member', 'member_not_found');
      }
      // allegations and duty-status entries are case content: not of cases seen as public fields
      const scope = caseScope(actor, { content: true });
      const [allegations, duty] = await Promise.all([
        memberAllegations(ctx.db, member.id, scope),
        memberDutyStatus(ctx.db, member.id, scope),
      ]);
      const comparison = await readMemberComparison(ctx.db, {
        jurisdiction: ctx.jurisdiction,
        timeZone: ctx.profile.timeZone,
        member,
        readerId: actor.id,
        scope,
      });
      return presentMemberDetail(member, allegations, duty, {
        history: historySummary(allegations, ctx.profile.timeZone),
        comparison,
      });
    },
  );

  route.post(
    '/members/:id/duty-status',
    'Record a duty-status recommendation or decision',
    { params: IdParams, body: DutyStatusRequest, response: { 201: DutyStatusOut } },
    async (request) => {
      const { id } = await recordDutyStatus(ctx.deps(request), {
        memberId: request.params.id,
        ...request.body,
      });
      const row = await findDutyStatus(ctx.db, id);
      return presentDutyStatus(row!);
    },
  );
});
