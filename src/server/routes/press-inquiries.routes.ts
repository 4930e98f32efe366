import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PressAnswerRequest, PressInquiryRequest } from '../../shared/schemas/press-inquiries.ts';
import { Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from './context.ts';
import { CaseParams, IdParams, STAFF_PROBLEMS, onCase, routeSchemas } from './schema.ts';
import { answerPressInquiryWithStatement, logPressInquiry } from '../commands/press-inquiries.ts';

const spec = routeSchemas(['statements'], STAFF_PROBLEMS);
const caseSpec = routeSchemas(['cases'], STAFF_PROBLEMS);

/** Logging press inquiries and answering them. */
export const pressInquiryRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/cases/:logNumber/press-inquiries',
    caseSpec('Log a press inquiry', {
      params: CaseParams,
      body: PressInquiryRequest,
      response: { 201: z.object({ id: Uuid }) },
    }),
    async (request, reply) => {
      const r = await logPressInquiry(ctx.deps(request), onCase(request));
      return reply.status(201).send({ id: r.pressInquiryId });
    },
  );

  app.post(
    '/press-inquiries/:id/answer',
    spec('Answer a press inquiry with a published statement', {
      params: IdParams,
      body: PressAnswerRequest,
      response: { 200: z.object({ id: Uuid, statementId: Uuid }) },
    }),
    async (request) => {
      await answerPressInquiryWithStatement(ctx.deps(request), {
        pressInquiryId: request.params.id,
        statementId: request.body.statementId,
      });
      return { id: request.params.id, statementId: request.body.statementId };
    },
  );
};
