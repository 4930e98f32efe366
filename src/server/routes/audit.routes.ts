import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from './context.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { verifyAuditTrail } from '../audit/checkpoints.ts';
import { actorOf } from '../plugins/auth.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { listAuditEvents } from '../repositories/audit.repository.ts';

const VerifyOut = z.object({
  /** True only when every link of the chain and every signed checkpoint holds. */
  ok: z.boolean(),
  jurisdiction: z.string(),
  /** Rows checked. */
  checked: z.number().int(),
  lastSeq: z.number().int(),
  problems: z.array(z.object({ seq: z.number().int(), problem: z.string(), detail: z.string() })),
  /** Signed checkpoints checked (ADR 0014); keyId null when the server has no key to check with. */
  checkpoints: z.object({
    checked: z.number().int(),
    latestSeq: z.number().int(),
    keyId: z.string().nullable(),
  }),
});

const EventsQuery = z.strictObject({
  /** Events after this sequence number (the cursor: the last `seq` of the previous page). */
  afterSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only this action (`case.read_restricted`, `case.break_glass`…). */
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional(),
  /** Only events about this case. */
  caseId: Uuid.optional(),
  /** Only events by this staff member. */
  actorId: Uuid.optional(),
});

const EventOut = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorRoles: z.array(z.string()),
  actorAgency: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  caseId: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

const EventsOut = z.object({
  items: z.array(EventOut),
  /** Pass as afterSeq for the next page; null at the end of the log. */
  nextAfterSeq: z.number().int().nullable(),
});

/** The auditor's view of the audit log (PRODUCT.md §2: the Inspector General). */
export const auditRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (app, { ctx }) => {
  const authorize = (action: GlobalAction, request: Parameters<typeof actorOf>[0]) => {
    requireGlobally(actorOf(request), action, 'Only the auditor reads and verifies the audit log.');
  };

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit hash chain and its signed checkpoints (auditor)',
        response: { 200: VerifyOut, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(GlobalAction.verifyAudit, request);
      return verifyAuditTrail(ctx.db, ctx.jurisdiction, ctx.auditKey?.publicKey ?? null);
    },
  );

  app.get(
    '/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log, oldest first, a page at a time (auditor)',
        querystring: EventsQuery,
        response: { 200: EventsOut, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(GlobalAction.readAudit, request);
      const q = request.query;
      const rows = await listAuditEvents(ctx.db, ctx.jurisdiction, q);
      // reading the log is itself on the record; the row lands after the page it read
      await ctx.db.transaction((tx) =>
        recordAudit(
          tx,
          {
            jurisdiction: ctx.jurisdiction,
            actor: actorOf(request),
            ip: request.ip,
            at: ctx.now(),
          },
          {
            action: AuditAction.audit_read,
            entityType: 'audit_log',
            entityId: ctx.jurisdiction,
            changes: { afterSeq: q.afterSeq, count: rows.length },
          },
        ),
      );
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRoles: r.actor_roles,
          actorAgency: r.actor_agency,
          ip: r.ip,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          caseId: r.case_id,
          reason: r.reason,
          changes: r.changes,
          prevHash: r.prev_hash,
          hash: r.hash,
        })),
        nextAfterSeq: rows.length === q.limit ? rows.at(-1)!.seq : null,
      };
    },
  );
};
