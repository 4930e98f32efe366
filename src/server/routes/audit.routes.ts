import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../shared/schemas/common.ts';
import type { RouteContext } from '../app.ts';
import { verifyAuditChain } from '../audit/audit.ts';
import { actorOf } from '../plugins/auth.ts';
import { allowedGlobally, GlobalAction } from '../policies/authorization.ts';
import { ForbiddenError } from '../errors.ts';

const VerifyOut = z.object({
  /** True only when every link of the chain holds. */
  ok: z.boolean(),
  jurisdiction: z.string(),
  /** Rows checked. */
  checked: z.number().int(),
  lastSeq: z.number().int(),
  problems: z.array(z.object({ seq: z.number().int(), problem: z.string(), detail: z.string() })),
});

/** The auditor's view of the audit log. */
export const auditRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (app, { ctx }) => {
  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit hash chain (auditor)',
        response: { 200: VerifyOut, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      if (!allowedGlobally(actorOf(request).roles, GlobalAction.verifyAudit)) {
        throw new ForbiddenError('forbidden', 'Only the auditor verifies the audit chain.');
      }
      return verifyAuditChain(ctx.db, ctx.jurisdiction);
    },
  );
};
