import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DutyStatusOut } from '../../shared/schemas/allegations.ts';
import { Problem, Uuid } from '../../shared/schemas/common.ts';
import {
  DutyStatusRequest,
  MemberDetailOut,
  MemberListResponse,
  MemberOut,
  MemberRequest,
  MemberSearchQuery,
} from '../../shared/schemas/members.ts';
import type { RouteContext } from '../app.ts';
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

const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};
const tags = ['members'];

/** The roster and the duty-status ledger. */
export const memberRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (app, { ctx }) => {
  app.post(
    '/members',
    {
      schema: {
        tags,
        summary: 'Add a member to the roster',
        body: MemberRequest,
        response: { 201: MemberOut, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentMember(await addMember(ctx.deps(request), request.body))),
  );

  app.get(
    '/members',
    {
      schema: {
        tags,
        summary: 'Search the roster by star or name',
        querystring: MemberSearchQuery,
        response: { 200: MemberListResponse, ...problems },
      },
    },
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

  app.get(
    '/members/:id',
    {
      schema: {
        tags,
        summary: 'A member with allegation history and duty-status ledger',
        params: z.strictObject({ id: Uuid }),
        response: { 200: MemberDetailOut, ...problems },
      },
    },
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

  app.post(
    '/members/:id/duty-status',
    {
      schema: {
        tags,
        summary: 'Record a duty-status recommendation or decision',
        params: z.strictObject({ id: Uuid }),
        body: DutyStatusRequest,
        response: { 201: DutyStatusOut, ...problems },
      },
    },
    async (request, reply) => {
      const { id } = await recordDutyStatus(ctx.deps(request), {
        memberId: request.params.id,
        ...request.body,
      });
      const row = await findDutyStatus(ctx.db, id);
      return reply.status(201).send(presentDutyStatus(row!));
    },
  );
};
