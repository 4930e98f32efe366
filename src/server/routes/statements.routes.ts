import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  OfficeStatementRequest,
  OfficeStatementsResponse,
} from '../../shared/schemas/statements.ts';
import { Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from './context.ts';
import { IdParams } from '../../shared/api/params.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import {
  draftStatement,
  publishStatement,
  readOfficeStatements,
  reviewStatement,
} from '../commands/statements.ts';
import { presentStatement } from '../presenters/staff/case.presenter.ts';

const spec = routeSchemas(['statements'], STAFF_PROBLEMS);

/** Drafting, reviewing and publishing statements. */
export const statementRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/statements',
    spec("The office's statements, newest first", {
      response: { 200: OfficeStatementsResponse },
    }),
    async (request) => ({
      items: (await readOfficeStatements(ctx.deps(request))).map(presentStatement),
    }),
  );

  app.post(
    '/statements',
    spec('Draft a statement about any number of cases, or office-wide, or a translation', {
      body: OfficeStatementRequest,
      response: { 201: z.object({ id: Uuid, status: z.literal('draft') }) },
    }),
    async (request, reply) => {
      const r = await draftStatement(ctx.deps(request), request.body);
      return reply.status(201).send({ id: r.statementId, status: 'draft' as const });
    },
  );

  app.post(
    '/statements/:id/review',
    spec('Review one language version of a statement (a person other than its author)', {
      params: IdParams,
      response: { 200: z.object({ id: Uuid, status: z.literal('reviewed') }) },
    }),
    async (request) => {
      const r = await reviewStatement(ctx.deps(request), request.params.id);
      return { id: r.statementId, status: 'reviewed' as const };
    },
  );

  app.post(
    '/statements/:id/publish',
    spec('Publish (approve) a statement with its translation, together', {
      params: IdParams,
      response: {
        200: z.object({ id: Uuid, status: z.literal('published'), published: z.array(Uuid) }),
      },
    }),
    async (request) => {
      const r = await publishStatement(ctx.deps(request), request.params.id);
      return { id: r.statementId, status: 'published' as const, published: r.published };
    },
  );
};
