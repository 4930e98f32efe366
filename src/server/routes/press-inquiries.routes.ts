import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  OfficePressInquiryRequest,
  PressAnswerRequest,
  PressInquiryListOut,
  PressInquiryListQuery,
  PressInquiryRequest,
  PRESS_INQUIRY_STATES,
} from '../../shared/schemas/press-inquiries.ts';
import { Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from './context.ts';
import { CaseParams, IdParams } from '../../shared/api/params.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import {
  answerPressInquiry,
  logPressInquiry,
  readPressInquiryLog,
  reviewPressAnswer,
} from '../commands/press-inquiries.ts';
import { presentPressInquiry } from '../presenters/staff/press-inquiry.presenter.ts';

const spec = routeSchemas(['press'], STAFF_PROBLEMS);
const Created = z.object({ id: Uuid });
const Answered = z.object({ id: Uuid, state: z.enum(PRESS_INQUIRY_STATES) });

/** The office's press-inquiry log: logging, answering, reviewing (issue 22 item 3, ADR 0047). */
export const pressInquiryRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/press-inquiries',
    spec('The press-inquiry log: open inquiries oldest first, or the latest answered', {
      querystring: PressInquiryListQuery,
      response: {
        200: PressInquiryListOut.extend({
          can: z.object({ log: z.boolean(), answer: z.boolean(), review: z.boolean() }),
        }),
      },
    }),
    async (request) => {
      const r = await readPressInquiryLog(ctx.deps(request), request.query.state);
      return { items: r.rows.map(presentPressInquiry), can: r.can };
    },
  );

  app.post(
    '/press-inquiries',
    spec('Log a press inquiry about no case, one or several', {
      body: OfficePressInquiryRequest,
      response: { 201: Created },
    }),
    async (request, reply) => {
      const r = await logPressInquiry(ctx.deps(request), request.body);
      return reply.status(201).send({ id: r.pressInquiryId });
    },
  );

  app.post(
    '/cases/:logNumber/press-inquiries',
    spec('Log a press inquiry about this case', {
      params: CaseParams,
      body: PressInquiryRequest,
      response: { 201: Created },
    }),
    async (request, reply) => {
      const r = await logPressInquiry(ctx.deps(request), {
        ...request.body,
        logNumbers: [request.params.logNumber],
      });
      return reply.status(201).send({ id: r.pressInquiryId });
    },
  );

  app.post(
    '/press-inquiries/:id/answer',
    spec(
      'Answer a press inquiry: with a published statement (answered at once) or free text (answered once a second person reviews it); an answer quoting a linked case’s restricted details is refused',
      {
        params: IdParams,
        body: PressAnswerRequest,
        response: { 200: Answered },
      },
    ),
    async (request) => {
      const r = await answerPressInquiry(ctx.deps(request), {
        pressInquiryId: request.params.id,
        ...request.body,
      });
      return { id: request.params.id, state: r.state };
    },
  );

  app.post(
    '/press-inquiries/:id/review',
    spec('Approve a free-text answer someone else wrote: from then it is the office’s answer', {
      params: IdParams,
      response: { 200: Answered },
    }),
    async (request) => {
      await reviewPressAnswer(ctx.deps(request), request.params.id);
      return { id: request.params.id, state: 'answered' as const };
    },
  );
};
