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
} from '../schemas/cases.ts';
import { AllegationRequest, FindingRequest } from '../schemas/allegations.ts';
import { DeadlineCompleteRequest, ExtensionRequest } from '../schemas/deadlines.ts';
import { ReportedOfficerResolutionRequest } from '../schemas/officers.ts';
import { AddPartyRequest } from '../schemas/parties.ts';
import { AgencyRequest, RoutingReviewAcceptRequest } from '../schemas/routing.ts';
import { StatementRequest } from '../schemas/statements.ts';
import { Uuid } from '../schemas/common.ts';
import { get, patch, post } from './endpoint.ts';
import { CaseItemParams, CaseParams, Created } from './params.ts';

/** The staff case endpoints (PRODUCT.md §5), in the order the server registers them. */
export const caseApi = {
  file: post('/cases', 'Intake: register a complaint, notification or miscellaneous matter', {
    body: CaseIntakeRequest,
    response: { 201: CaseIntakeResponse },
  }),
  list: get('/cases', 'List and search the cases you may see', {
    querystring: CaseListQuery,
    response: { 200: CaseListResponse },
  }),
  get: get('/cases/:logNumber', 'One case, shaped by your permissions, with abilities', {
    params: CaseParams,
    response: { 200: CaseOut },
  }),
  correct: patch(
    '/cases/:logNumber',
    'Correct intake facts (incident time and place, categories, channel) with a reason; clocks counted from a corrected date are recomputed',
    { params: CaseParams, body: CaseCorrectionRequest, response: { 200: CaseCorrectionResponse } },
  ),
  transition: post('/cases/:logNumber/transitions', 'Move the case to another stage', {
    params: CaseParams,
    body: TransitionRequest,
    response: { 200: CaseOut },
  }),
  addParty: post(
    '/cases/:logNumber/parties',
    'Add a complainant, victim, witness, reporting party or intermediary',
    {
      params: CaseParams,
      body: AddPartyRequest,
      response: { 201: Created.extend({ restricted: z.boolean() }) },
    },
  ),
  assign: post('/cases/:logNumber/assignments', 'Assign an investigator or supervisor', {
    params: CaseParams,
    body: AssignmentRequest,
    response: { 201: Created.extend({ userId: Uuid, created: z.boolean() }) },
  }),
  addAgency: post(
    '/cases/:logNumber/agencies',
    'Add a parallel or referral track, or record a joint determination',
    { params: CaseParams, body: AgencyRequest, response: { 201: CaseOut } },
  ),
  acceptRoutingReview: post(
    '/cases/:logNumber/routing-review',
    'Accept the re-routing offered on the case (MCC 2-78-120(b-5))',
    { params: CaseParams, body: RoutingReviewAcceptRequest, response: { 200: CaseOut } },
  ),
  addAllegation: post('/cases/:logNumber/allegations', 'Add an allegation against one member', {
    params: CaseParams,
    body: AllegationRequest,
    response: {
      201: Created.extend({
        memberId: Uuid.nullable(),
        /** The lead agency after the allegation: re-routing may have moved the case. */
        leadAgency: z.string(),
      }),
    },
  }),
  resolveReportedOfficer: post(
    '/cases/:logNumber/reported-officers/:id/resolution',
    'Confirm an officer named at intake into an allegation, or dismiss it',
    { params: CaseItemParams, body: ReportedOfficerResolutionRequest, response: { 200: CaseOut } },
  ),
  recordFinding: patch(
    '/cases/:logNumber/allegations/:id',
    'Record recommended or final findings and penalties',
    { params: CaseItemParams, body: FindingRequest, response: { 200: CaseOut } },
  ),
  logActivity: post(
    '/cases/:logNumber/activities',
    'Log a canvass, interview, note or evidence request',
    { params: CaseParams, body: ActivityRequest, response: { 201: Created } },
  ),
  draftStatement: post('/cases/:logNumber/statements', 'Draft a public statement', {
    params: CaseParams,
    body: StatementRequest,
    response: { 201: Created.extend({ status: z.literal('draft') }) },
  }),
  extendDeadline: post('/cases/:logNumber/deadlines/:id/extensions', 'Grant a deadline extension', {
    params: CaseItemParams,
    body: ExtensionRequest,
    response: { 201: z.object({ dueDate: z.string(), dueAt: z.string() }) },
  }),
  completeDeadline: post(
    '/cases/:logNumber/deadlines/:id/complete',
    'Record that a deadline was met (schedules the next six-month notice)',
    {
      params: CaseItemParams,
      body: DeadlineCompleteRequest,
      response: { 200: z.object({ nextDeadlineId: Uuid.nullable() }) },
    },
  ),
};
