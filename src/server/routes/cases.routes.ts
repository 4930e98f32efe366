import { z } from 'zod';
import { caseApi } from '../../shared/api/cases.ts';
import { LogNumber, Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from './context.ts';
import { routeGroup } from './group.ts';
import { STAFF_PROBLEMS, routeSchemas, onCase } from './schema.ts';
import { addAllegation } from '../commands/add-allegation.ts';
import { addCaseAgency } from '../commands/add-case-agency.ts';
import { addParty } from '../commands/add-party.ts';
import { assignCase } from '../commands/assign-case.ts';
import { grantDeadlineExtension } from '../commands/extend-deadline.ts';
import { completeDeadline } from '../commands/complete-deadline.ts';
import { correctCaseFacts } from '../commands/correct-case-facts.ts';
import { fileCase } from '../commands/file-case.ts';
import { logActivity } from '../commands/log-activity.ts';
import { readCase } from '../commands/read-case.ts';
import { resolveReportedOfficer } from '../commands/resolve-reported-officer.ts';
import { acceptRoutingReview } from '../commands/reroute-case.ts';
import { readAttachment } from '../commands/attachments.ts';
import { recordAllegationFinding } from '../commands/record-finding.ts';
import { draftStatement } from '../commands/statements.ts';
import { transitionCase } from '../commands/transition-case.ts';
import { caseScope } from '../policies/case.policy.ts';
import {
  presentCase,
  presentCaseListItem,
  presentDeadline,
  presentFiledCase,
} from '../presenters/staff/case.presenter.ts';
import { listCases } from '../repositories/case-list.repository.ts';
import { actorOf } from '../plugins/auth.ts';

const spec = routeSchemas(['cases'], STAFF_PROBLEMS);
type CaseRequest = Parameters<RouteContext['deps']>[0] & { params: { logNumber: string } };

/** Staff case routes (PRODUCT.md §5). Each: parse, authorize (in the command), run, present. */
export const caseRoutes = routeGroup(spec, (route, { ctx }) => {
  /** The case as the caller may see it, after `change` if any: the answer of most writes. */
  const theCase = async (request: CaseRequest, change?: Promise<unknown>) => {
    await change;
    return presentCase(await readCase(ctx.deps(request), request.params.logNumber), ctx.profile);
  };

  route.serve(caseApi.file, async (request) =>
    presentFiledCase(await fileCase(ctx.deps(request), request.body)),
  );

  route.serve(caseApi.list, async (request) => {
    const q = request.query;
    const { rows, total, totalExact, order } = await listCases(
      ctx.db,
      ctx.jurisdiction,
      caseScope(actorOf(request)),
      { ...q, timeZone: ctx.profile.timeZone },
    );
    return { items: rows.map(presentCaseListItem), total, totalExact, order };
  });

  route.serve(caseApi.get, async (request) => theCase(request));

  route.serve(caseApi.correct, async (request) => {
    const r = await correctCaseFacts(ctx.deps(request), onCase(request));
    return {
      logNumber: request.params.logNumber,
      corrected: r.corrected,
      restricted: r.restricted,
      deadlines: r.deadlines.map((d) => presentDeadline(d, ctx.profile)),
    };
  });

  route.app.get(
    '/cases/:logNumber/attachments/:attachmentId',
    spec('Download a file from the complaint form (readers of civilian identities only; audited)', {
      params: z.strictObject({ logNumber: LogNumber, attachmentId: Uuid }),
      response: {
        // a Buffer is sent as it is, never through a serializer
        200: z.any().describe('The file, as received (type proved by its bytes)'),
      },
    }),
    async (request, reply) => {
      const file = await readAttachment(
        ctx.deps(request),
        request.params.logNumber,
        request.params.attachmentId,
      );
      // RFC 6266: always a download, never rendered in the app's origin; the name is
      // percent-encoded (RFC 8187) and the ASCII fallback keeps only safe characters
      const ascii = file.fileName.replace(/[^A-Za-z0-9._ -]/g, '_');
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'no-store')
        .header('x-content-sha256', file.sha256)
        .send(file.bytes);
    },
  );

  route.serve(caseApi.transition, async (request) =>
    theCase(request, transitionCase(ctx.deps(request), onCase(request))),
  );

  route.serve(caseApi.addParty, async (request) => {
    const r = await addParty(ctx.deps(request), request.params.logNumber, request.body);
    return { id: r.partyId, restricted: r.restricted };
  });

  route.serve(caseApi.assign, async (request) => {
    const r = await assignCase(ctx.deps(request), onCase(request));
    return { id: r.assignmentId, userId: r.userId, created: r.created };
  });

  route.serve(caseApi.addAgency, async (request) =>
    theCase(request, addCaseAgency(ctx.deps(request), onCase(request))),
  );

  route.serve(caseApi.acceptRoutingReview, async (request) =>
    theCase(request, acceptRoutingReview(ctx.deps(request), onCase(request))),
  );

  route.serve(caseApi.addAllegation, async (request) => {
    const r = await addAllegation(ctx.deps(request), onCase(request));
    return { id: r.allegationId, memberId: r.memberId, leadAgency: r.leadAgency };
  });

  route.serve(caseApi.resolveReportedOfficer, async (request) =>
    theCase(
      request,
      resolveReportedOfficer(ctx.deps(request), onCase(request, { id: request.params.id })),
    ),
  );

  route.serve(caseApi.recordFinding, async (request) =>
    theCase(
      request,
      recordAllegationFinding(
        ctx.deps(request),
        onCase(request, { allegationId: request.params.id }),
      ),
    ),
  );

  route.serve(caseApi.logActivity, async (request) => {
    const r = await logActivity(ctx.deps(request), onCase(request));
    return { id: r.activityId };
  });

  route.serve(caseApi.draftStatement, async (request) => {
    const { logNumber, ...body } = onCase(request);
    const r = await draftStatement(ctx.deps(request), { ...body, logNumbers: [logNumber] });
    return { id: r.statementId, status: 'draft' as const };
  });

  route.serve(caseApi.extendDeadline, async (request) =>
    grantDeadlineExtension(ctx.deps(request), onCase(request, { deadlineId: request.params.id })),
  );

  route.serve(caseApi.completeDeadline, async (request) => {
    const r = await completeDeadline(ctx.deps(request), {
      logNumber: request.params.logNumber,
      deadlineId: request.params.id,
      metAt: request.body.metAt,
    });
    return { nextDeadlineId: r.next };
  });
});
