import { z } from 'zod';
import {
  ActivityRequest,
  AssignmentRequest,
  CaseCorrectionRequest,
  CaseCorrectionResponse,
  CaseIntakeRequest,
  CaseIntakeResponse,
  CaseListQuery,
  CaseListResponse,
  CaseOut,
  TransitionRequest,
} from '../../shared/schemas/cases.ts';
import { AllegationRequest, FindingRequest } from '../../shared/schemas/allegations.ts';
import { DeadlineCompleteRequest, ExtensionRequest } from '../../shared/schemas/deadlines.ts';
import { ReportedOfficerResolutionRequest } from '../../shared/schemas/officers.ts';
import { AddPartyRequest } from '../../shared/schemas/parties.ts';
import { AgencyRequest, RoutingReviewAcceptRequest } from '../../shared/schemas/routing.ts';
import { StatementRequest } from '../../shared/schemas/statements.ts';
import { LogNumber, Uuid } from '../../shared/schemas/common.ts';
import type { RouteContext } from './context.ts';
import { routeGroup } from './group.ts';
import { CaseItemParams, CaseParams, STAFF_PROBLEMS, routeSchemas, onCase } from './schema.ts';
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
const Created = z.object({ id: Uuid });
type CaseRequest = Parameters<RouteContext['deps']>[0] & { params: { logNumber: string } };

/** Staff case routes (PRODUCT.md §5). Each: parse, authorize (in the command), run, present. */
export const caseRoutes = routeGroup(spec, (route, { ctx }) => {
  /** The case as the caller may see it, after `change` if any: the answer of most writes. */
  const theCase = async (request: CaseRequest, change?: Promise<unknown>) => {
    await change;
    return presentCase(await readCase(ctx.deps(request), request.params.logNumber), ctx.profile);
  };

  route.post(
    '/cases',
    'Intake: register a complaint, notification or miscellaneous matter',
    { body: CaseIntakeRequest, response: { 201: CaseIntakeResponse } },
    async (request) => presentFiledCase(await fileCase(ctx.deps(request), request.body)),
  );

  route.get(
    '/cases',
    'List and search the cases you may see',
    { querystring: CaseListQuery, response: { 200: CaseListResponse } },
    async (request) => {
      const q = request.query;
      const { rows, total, totalExact } = await listCases(
        ctx.db,
        ctx.jurisdiction,
        caseScope(actorOf(request)),
        { ...q, timeZone: ctx.profile.timeZone },
      );
      return { items: rows.map(presentCaseListItem), total, totalExact };
    },
  );

  route.get(
    '/cases/:logNumber',
    'One case, shaped by your permissions, with abilities',
    { params: CaseParams, response: { 200: CaseOut } },
    async (request) => theCase(request),
  );

  route.patch(
    '/cases/:logNumber',
    'Correct intake facts (incident time and place, categories, channel) with a reason; clocks counted from a corrected date are recomputed',
    { params: CaseParams, body: CaseCorrectionRequest, response: { 200: CaseCorrectionResponse } },
    async (request) => {
      const r = await correctCaseFacts(ctx.deps(request), onCase(request));
      return {
        logNumber: request.params.logNumber,
        corrected: r.corrected,
        restricted: r.restricted,
        deadlines: r.deadlines.map((d) => presentDeadline(d, ctx.profile)),
      };
    },
  );

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

  route.post(
    '/cases/:logNumber/transitions',
    'Move the case to another stage',
    { params: CaseParams, body: TransitionRequest, response: { 200: CaseOut } },
    async (request) => theCase(request, transitionCase(ctx.deps(request), onCase(request))),
  );

  route.post(
    '/cases/:logNumber/parties',
    'Add a complainant, victim, witness, reporting party or intermediary',
    {
      params: CaseParams,
      body: AddPartyRequest,
      response: { 201: Created.extend({ restricted: z.boolean() }) },
    },
    async (request) => {
      const r = await addParty(ctx.deps(request), request.params.logNumber, request.body);
      return { id: r.partyId, restricted: r.restricted };
    },
  );

  route.post(
    '/cases/:logNumber/assignments',
    'Assign an investigator or supervisor',
    {
      params: CaseParams,
      body: AssignmentRequest,
      response: { 201: Created.extend({ userId: Uuid, created: z.boolean() }) },
    },
    async (request) => {
      const r = await assignCase(ctx.deps(request), onCase(request));
      return { id: r.assignmentId, userId: r.userId, created: r.created };
    },
  );

  route.post(
    '/cases/:logNumber/agencies',
    'Add a parallel or referral track, or record a joint determination',
    { params: CaseParams, body: AgencyRequest, response: { 201: CaseOut } },
    async (request) => theCase(request, addCaseAgency(ctx.deps(request), onCase(request))),
  );

  route.post(
    '/cases/:logNumber/routing-review',
    'Accept the re-routing offered on the case (MCC 2-78-120(b-5))',
    { params: CaseParams, body: RoutingReviewAcceptRequest, response: { 200: CaseOut } },
    async (request) => theCase(request, acceptRoutingReview(ctx.deps(request), onCase(request))),
  );

  route.post(
    '/cases/:logNumber/allegations',
    'Add an allegation against one member',
    {
      params: CaseParams,
      body: AllegationRequest,
      response: {
        201: Created.extend({
          memberId: Uuid.nullable(),
          /** The lead agency after the allegation: re-routing may have moved the case. */
          leadAgency: z.string(),
        }),
      },
    },
    async (request) => {
      const r = await addAllegation(ctx.deps(request), onCase(request));
      return { id: r.allegationId, memberId: r.memberId, leadAgency: r.leadAgency };
    },
  );

  route.post(
    '/cases/:logNumber/reported-officers/:id/resolution',
    'Confirm an officer named at intake into an allegation, or dismiss it',
    { params: CaseItemParams, body: ReportedOfficerResolutionRequest, response: { 200: CaseOut } },
    async (request) =>
      theCase(
        request,
        resolveReportedOfficer(ctx.deps(request), onCase(request, { id: request.params.id })),
      ),
  );

  route.patch(
    '/cases/:logNumber/allegations/:id',
    'Record recommended or final findings and penalties',
    { params: CaseItemParams, body: FindingRequest, response: { 200: CaseOut } },
    async (request) =>
      theCase(
        request,
        recordAllegationFinding(
          ctx.deps(request),
          onCase(request, { allegationId: request.params.id }),
        ),
      ),
  );

  route.post(
    '/cases/:logNumber/activities',
    'Log a canvass, interview, note or evidence request',
    { params: CaseParams, body: ActivityRequest, response: { 201: Created } },
    async (request) => {
      const r = await logActivity(ctx.deps(request), onCase(request));
      return { id: r.activityId };
    },
  );

  route.post(
    '/cases/:logNumber/statements',
    'Draft a public statement',
    {
      params: CaseParams,
      body: StatementRequest,
      response: { 201: Created.extend({ status: z.literal('draft') }) },
    },
    async (request) => {
      const { logNumber, ...body } = onCase(request);
      const r = await draftStatement(ctx.deps(request), { ...body, logNumbers: [logNumber] });
      return { id: r.statementId, status: 'draft' as const };
    },
  );

  route.post(
    '/cases/:logNumber/deadlines/:id/extensions',
    'Grant a deadline extension',
    {
      params: CaseItemParams,
      body: ExtensionRequest,
      response: { 201: z.object({ dueDate: z.string(), dueAt: z.string() }) },
    },
    async (request) =>
      grantDeadlineExtension(ctx.deps(request), onCase(request, { deadlineId: request.params.id })),
  );

  route.post(
    '/cases/:logNumber/deadlines/:id/complete',
    'Record that a deadline was met (schedules the next six-month notice)',
    {
      params: CaseItemParams,
      body: DeadlineCompleteRequest,
      response: { 200: z.object({ nextDeadlineId: Uuid.nullable() }) },
    },
    async (request) => {
      const r = await completeDeadline(ctx.deps(request), {
        logNumber: request.params.logNumber,
        deadlineId: request.params.id,
        metAt: request.body.metAt,
      });
      return { nextDeadlineId: r.next };
    },
  );
});
