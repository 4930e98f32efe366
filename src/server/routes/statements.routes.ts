import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PressAnswerRequest } from '../../shared/schemas/statements.ts';
import { Problem, Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from '../app.ts';
import { answerPressInquiryWithStatement, publishStatement } from '../commands/statements.ts';

const problems = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
};

/** Publishing statements and answering the press. */
export const statementRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/statements/:id/publish',
    {
      schema: {
        tags: ['statements'],
        summary: 'Publish (approve) a statement',
        params: z.strictObject({ id: Uuid }),
        response: { 200: z.object({ id: Uuid, status: z.literal('published') }), ...problems },
      },
    },
    async (request) => {
      const r = await publishStatement(ctx.deps(request), request.params.id);
      return { id: r.statementId, status: 'published' as const };
    },
  );

  app.post(
    '/press-inquiries/:id/answer',
    {
      schema: {
        tags: ['statements'],
        summary: 'Answer a press inquiry with a published statement',
        params: z.strictObject({ id: Uuid }),
        body: PressAnswerRequest,
        response: { 200: z.object({ id: Uuid, statementId: Uuid }), ...problems },
      },
    },
    async (request) => {
      await answerPressInquiryWithStatement(ctx.deps(request), {
        pressInquiryId: request.params.id,
        statementId: request.body.statementId,
      });
      return { id: request.params.id, statementId: request.body.statementId };
    },
  );
};
