import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../shared/schemas/common.ts';
import {
  DraftLettersRequest,
  LetterOut,
  LettersOut,
  PrintBatchQuery,
} from '../../shared/schemas/letters.ts';
import { routeGroup, type RequestOf } from './group.ts';
import { CaseParams } from '../../shared/api/params.ts';
import { STAFF_PROBLEMS, routeSchemas, onCase, type RouteParts } from './schema.ts';
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
/** A PDF's answer: the bytes, sent as they are (never through a serializer). */
const PDF = { response: { 200: z.any().describe('application/pdf') } };
type PdfResponse = typeof PDF;
const present = (v: LetterView): LetterOut => presentLetter(v.letter, v.recipient, v.masked);

/** Letters and notices (issue 18; ADR 0033): the case's letters, the outbox, the PDFs. */
export const letterRoutes = routeGroup(spec, (route, { ctx }) => {
  /** A PDF download: the file `name` of the request, written by `make`. */
  const pdfRoute = <const S extends Omit<RouteParts, 'response'>>(
    url: string,
    summary: string,
    parts: S,
    make: (request: RequestOf<S & PdfResponse>) => Promise<{ name: string; bytes: Buffer }>,
  ): void => {
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const { name, bytes } = await make(request as RequestOf<S & PdfResponse>);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    };
    // typed where the route is declared (`make`): here the request is only passed through
    const schema: FastifySchema = spec(summary, { ...parts, ...PDF }).schema;
    (route.app as unknown as FastifyInstance).route({ method: 'GET', url, schema, handler });
  };

  route.get(
    '/cases/:logNumber/letters',
    'The case’s letters and notices, oldest first',
    { params: CaseParams, response: { 200: LettersOut } },
    async (request) => ({
      items: (await readCaseLetters(ctx.deps(request), request.params.logNumber)).map(present),
    }),
  );

  route.post(
    '/cases/:logNumber/letters',
    'Write a letter of one kind to everyone it goes to, each in their language (queued for approval)',
    { params: CaseParams, body: DraftLettersRequest, response: { 201: LettersOut } },
    async (request) => {
      const deps = ctx.deps(request);
      const { ids } = await draftLetters(deps, onCase(request));
      const all = await readCaseLetters(deps, request.params.logNumber);
      return { items: all.filter((v) => ids.includes(v.letter.id)).map(present) };
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
    route.post(
      `/letters/:letterId/${path}`,
      summary,
      { params: LetterParams, response: { 200: LetterOut } },
      async (request) => {
        const deps = ctx.deps(request);
        await run({ ...deps, mailer: ctx.mailer }, { letterId: request.params.letterId });
        return present(await readLetter(deps, request.params.letterId));
      },
    );
  }

  pdfRoute(
    '/letters/:letterId/pdf',
    'The letter as printed: letterhead, address, text (fonts embedded)',
    { params: LetterParams },
    async (request) => ({
      name: `letter-${request.params.letterId}.pdf`,
      bytes: await letterPdf(ctx.deps(request), request.params.letterId),
    }),
  );

  route.get(
    '/outbox',
    'Letters across the cases the caller may read: failures first, then the queue',
    { response: { 200: LettersOut } },
    async (request) => ({ items: (await readOutbox(ctx.deps(request))).map(present) }),
  );

  pdfRoute(
    '/outbox/print.pdf',
    'The day’s mail: every print letter approved on the date, as one PDF',
    { querystring: PrintBatchQuery },
    async (request) => ({
      name: `mail-${request.query.date}.pdf`,
      bytes: await printBatchPdf(ctx.deps(request), request.query.date),
    }),
  );
});
