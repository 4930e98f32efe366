import { memberApi } from '../../shared/api/members.ts';
import { routeGroup } from './group.ts';
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
  route.serve(memberApi.add, async (request) =>
    presentMember(await addMember(ctx.deps(request), request.body)),
  );

  route.serve(memberApi.search, async (request) => {
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
  });

  route.serve(memberApi.get, async (request) => {
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
  });

  route.serve(memberApi.recordDutyStatus, async (request) => {
    const { id } = await recordDutyStatus(ctx.deps(request), {
      memberId: request.params.id,
      ...request.body,
    });
    const row = await findDutyStatus(ctx.db, id);
    return presentDutyStatus(row!);
  });
});
