import { z } from 'zod';
import {
  BreakGlassList,
  BreakGlassListQuery,
  BreakGlassOut,
  BreakGlassRequest,
  BreakGlassReviewRequest,
  ConflictOut,
  ConflictRequest,
} from '../../shared/schemas/access.ts';
import { Uuid } from '../../shared/schemas/common.ts';
import { routeGroup } from './group.ts';
import { CaseParams, IdParams } from '../../shared/api/params.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import { breakGlass, recordConflict, reviewBreakGlass } from '../commands/access.ts';
import { actorOf } from '../plugins/auth.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { hasRole } from '../policies/actor.ts';
import { listBreakGlass } from '../repositories/access.repository.ts';

const spec = routeSchemas(['access'], STAFF_PROBLEMS);

/** Conflicts of interest and break-the-glass access (ADR 0013). */
export const accessRoutes = routeGroup(spec, (route, { ctx }) => {
  route.post(
    '/conflicts',
    'Record a conflict of interest (admin, chief administrator)',
    { body: ConflictRequest, response: { 201: ConflictOut } },
    async (request) => {
      const r = await recordConflict(ctx.deps(request), request.body);
      return { id: r.conflictId, userId: r.userId, memberId: r.memberId };
    },
  );

  route.post(
    '/cases/:logNumber/break-glass',
    'Emergency read access to a restricted case, with a typed reason (audited)',
    { params: CaseParams, body: BreakGlassRequest, response: { 201: BreakGlassOut } },
    async (request) => {
      const r = await breakGlass(ctx.deps(request), request.params.logNumber, request.body.reason);
      return {
        id: r.grantId,
        logNumber: request.params.logNumber,
        expiresAt: r.expiresAt.toISOString(),
      };
    },
  );

  route.get(
    '/break-glass',
    'Break-the-glass grants flagged for review (supervisors, chiefs, auditor)',
    { querystring: BreakGlassListQuery, response: { 200: BreakGlassList } },
    async (request) => {
      const actor = actorOf(request);
      requireGlobally(actor, GlobalAction.reviewBreakGlass);
      const { rows, total } = await listBreakGlass(ctx.db, ctx.jurisdiction, {
        // supervisors and chiefs: grants on their agencies' cases; the auditor: all
        agency: hasRole(actor, 'auditor') ? null : actor.agency,
        openOnly: request.query.open,
        page: request.query.page,
        pageSize: request.query.pageSize,
      });
      return {
        items: rows.map((g) => ({
          id: g.id,
          logNumber: g.log_number,
          userId: g.user_id,
          userEmail: g.user_email,
          agency: g.agency,
          reason: g.reason,
          grantedAt: g.granted_at.toISOString(),
          expiresAt: g.expires_at.toISOString(),
          reviewedAt: g.reviewed_at?.toISOString() ?? null,
          reviewNote: g.review_note,
        })),
        total,
      };
    },
  );

  route.post(
    '/break-glass/:id/review',
    'Mark a break-the-glass grant reviewed',
    {
      params: IdParams,
      body: BreakGlassReviewRequest,
      response: { 200: z.object({ id: Uuid, reviewed: z.literal(true) }) },
    },
    async (request) => {
      await reviewBreakGlass(ctx.deps(request), request.params.id, request.body.note);
      return { id: request.params.id, reviewed: true as const };
    },
  );
});
