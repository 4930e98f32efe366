import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem } from '../../shared/schemas/common.ts';
import { SubjectAccessExport, SubjectAccessRequest } from '../../shared/schemas/privacy.ts';
import type { RouteContext } from './context.ts';
import { exportSubjectAccess } from '../commands/subject-access.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** Personal-data rights (ADR 0017): the subject-access export. */
export const privacyRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (app, { ctx }) => {
  app.post(
    '/privacy/subject-access',
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Export everything held about one person (their party ids in the body), decrypted; others appear only by role. Audited.',
        body: SubjectAccessRequest,
        response: { 200: SubjectAccessExport, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await exportSubjectAccess(ctx.deps(request), request.body.partyIds)),
  );
};
