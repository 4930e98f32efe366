import {
  ApproveNarrativeRequest,
  NarrativeQueueOut,
  NarrativeQueueQuery,
  NarrativeReviewOut,
  SpanDecisionRequest,
} from '../../shared/schemas/narrative-review.ts';
import { routeGroup } from './group.ts';
import { CaseParams } from '../../shared/api/params.ts';
import { STAFF_PROBLEMS, routeSchemas } from './schema.ts';
import {
  approveNarrative,
  decideNarrativeSpan,
  openNarrativeReview,
  readNarrativeQueue,
} from '../commands/narrative-review.ts';
import {
  presentNarrativeQueue,
  presentNarrativeReview,
} from '../presenters/staff/narrative-review.presenter.ts';

const spec = routeSchemas(['narrative review'], STAFF_PROBLEMS);

/** The review of published narratives (issue 17 item 5; docs/public-portal.md). */
export const narrativeReviewRoutes = routeGroup(spec, (route, { ctx }) => {
  route.get(
    '/narrative-reviews',
    'Narratives waiting for review, oldest first',
    { querystring: NarrativeQueueQuery, response: { 200: NarrativeQueueOut } },
    async (request) =>
      presentNarrativeQueue(
        await readNarrativeQueue(ctx.deps(request), request.query),
        request.query,
      ),
  );

  route.get(
    '/cases/:logNumber/narrative-review',

    "The review of a case's narrative: the machine's proposed spans (made and audited the first time it is opened), decisions and preview",
    { params: CaseParams, response: { 200: NarrativeReviewOut } },
    async (request) =>
      presentNarrativeReview(
        await openNarrativeReview(ctx.deps(request), request.params.logNumber),
      ),
  );

  route.post(
    '/cases/:logNumber/narrative-review/decisions',
    'Keep or remove a proposed span, add a span, or withdraw an added one',
    { params: CaseParams, body: SpanDecisionRequest, response: { 200: NarrativeReviewOut } },
    async (request) => {
      const { version, ...decision } = request.body;
      return presentNarrativeReview(
        await decideNarrativeSpan(ctx.deps(request), request.params.logNumber, version, decision),
      );
    },
  );

  route.post(
    '/cases/:logNumber/narrative-review/approve',
    'Approve the published text of this narrative version',
    { params: CaseParams, body: ApproveNarrativeRequest, response: { 200: NarrativeReviewOut } },
    async (request) =>
      presentNarrativeReview(
        await approveNarrative(ctx.deps(request), request.params.logNumber, request.body.version),
      ),
  );
});
