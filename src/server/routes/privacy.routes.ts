import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SubjectAccessExport, SubjectAccessRequest } from '../../shared/schemas/privacy.ts';
import type { RouteContext } from './context.ts';
import { problemsOf, routeSchemas } from './schema.ts';
import { exportSubjectAccess } from '../commands/subject-access.ts';

const spec = routeSchemas(['privacy'], problemsOf(400, 401, 403, 404));

/** Personal-data rights (ADR 0017): the subject-access export. */
export const privacyRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (app, { ctx }) => {
  app.post(
    '/privacy/subject-access',
    spec(
      'Export everything held about one person (their party ids in the body), decrypted; others appear only by role. Audited.',
      { body: SubjectAccessRequest, response: { 200: SubjectAccessExport } },
    ),
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await exportSubjectAccess(ctx.deps(request), request.body.partyIds)),
  );
};
