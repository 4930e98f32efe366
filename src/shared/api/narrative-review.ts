import {
  ApproveNarrativeRequest,
  NarrativeQueueOut,
  NarrativeQueueQuery,
  NarrativeReviewOut,
  SpanDecisionRequest,
} from '../schemas/narrative-review.ts';
import { get, post } from './endpoint.ts';
import { CaseParams } from './params.ts';

/** The review of published narratives (issue 17 item 5; docs/public-portal.md). */
export const narrativeReviewApi = {
  queue: get('/narrative-reviews', 'Narratives waiting for review, oldest first', {
    querystring: NarrativeQueueQuery,
    response: { 200: NarrativeQueueOut },
  }),
  open: get(
    '/cases/:logNumber/narrative-review',
    "The review of a case's narrative: the machine's proposed spans (made and audited the first time it is opened), decisions and preview",
    { params: CaseParams, response: { 200: NarrativeReviewOut } },
  ),
  decide: post(
    '/cases/:logNumber/narrative-review/decisions',
    'Keep or remove a proposed span, add a span, or withdraw an added one',
    { params: CaseParams, body: SpanDecisionRequest, response: { 200: NarrativeReviewOut } },
  ),
  approve: post(
    '/cases/:logNumber/narrative-review/approve',
    'Approve the published text of this narrative version',
    { params: CaseParams, body: ApproveNarrativeRequest, response: { 200: NarrativeReviewOut } },
  ),
};
