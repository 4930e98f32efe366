import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../shared/schemas/common.ts';
import {
  DraftLettersRequest,
  LetterOut,
  LettersOut,
  PrintBatchQuery,
} from '../../shared/schemas/letters.ts';
import type { RouteContext } from './context.ts';
import { CaseParams, STAFF_PROBLEMS, routeSchemas, onCase } from './schema.ts';
import { approveLetter } from '../commands/approve-letter.ts';
import { draftLetters } from '../commands/draft-letters.ts';
import {
  letterPdf,
  printBatchPdf,
  readCaseLetters,
  readLetter,
  readOutbox,
  type LetterView,
} from '../commands/read-letters.ts';
import { retryLetter } from '../commands/retry-letter.ts';
import { sendLetter } from '../commands/send-letter.ts';
import { presentLetter } from '../presenters/staff/letter.presenter.ts';

const spec = routeSchemas(['letters'], STAFF_PROBLEMS);
const LetterParams = z.strictObject({ letterId: Uuid });
const present = (v: LetterView): LetterOut => presentLetter(v.letter, v.recipient, v.masked);

/** Letters and notices (issue 18; ADR 0033): the case's letters, the outbox, the PDFs. */
export const letterRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (app, { ctx }) => {
  const pdf = (reply: { header: (k: string, v: string) => unknown }, name: string): void => {
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `attachment; filename="${name}"`);
    reply.header('cache-control', 'no-store');
  };

  app.get(
    '/cases/:logNumber/letters',
    spec('The case’s letters and notices, oldest first', {
      params: CaseParams,
      response: { 200: LettersOut },
    }),
    async (request) => ({
      items: (await readCaseLetters(ctx.deps(request), request.params.logNumber)).map(present),
    }),
  );

  app.post(
    '/cases/:logNumber/letters',
    spec(
      'Write a letter of one kind to everyone it goes to, each in their language (queued for approval)',
      { params: CaseParams, body: DraftLettersRequest, response: { 201: LettersOut } },
    ),
    async (request, reply) => {
      const deps = ctx.deps(request);
      const { ids } = await draftLetters(deps, onCase(request));
      const all = await readCaseLetters(deps, request.params.logNumber);
      return reply
        .code(201)
        .send({ items: all.filter((v) => ids.includes(v.letter.id)).map(present) });
    },
  );

  for (const [path, summary, run] of [
    ['approve', 'Approve a letter for sending', approveLetter],
    [
      'send',
      'Send an approved letter (email through the mail server; print or portal: record it sent). A refusal or a timeout answers 200 with status failed and the server’s answer.',
      sendLetter,
    ],
    ['retry', 'Put a failed letter back in the queue, its recipient looked up again', retryLetter],
  ] as const) {
    app.post(
      `/letters/:letterId/${path}`,
      spec(summary, { params: LetterParams, response: { 200: LetterOut } }),
      async (request) => {
        const deps = ctx.deps(request);
        await run({ ...deps, mailer: ctx.mailer }, { letterId: request.params.letterId });
        return present(await readLetter(deps, request.params.letterId));
      },
    );
  }

  app.get(
    '/letters/:letterId/pdf',
    spec('The letter as printed: letterhead, address, text (fonts embedded)', {
      params: LetterParams,
      response: { 200: z.any().describe('application/pdf') },
    }),
    async (request, reply) => {
      const bytes = await letterPdf(ctx.deps(request), request.params.letterId);
      pdf(reply, `letter-${request.params.letterId}.pdf`);
      return reply.send(bytes);
    },
  );

  app.get(
    '/outbox',
    spec('Letters across the cases the caller may read: failures first, then the queue', {
      response: { 200: LettersOut },
    }),
    async (request) => ({ items: (await readOutbox(ctx.deps(request))).map(present) }),
  );

  app.get(
    '/outbox/print.pdf',
    spec('The day’s mail: every print letter approved on the date, as one PDF', {
      querystring: PrintBatchQuery,
      response: { 200: z.any().describe('application/pdf') },
    }),
    async (request, reply) => {
      const bytes = await printBatchPdf(ctx.deps(request), request.query.date);
      pdf(reply, `mail-${request.query.date}.pdf`);
      return reply.send(bytes);
    },
  );
};
