import { DutyStatusOut } from '../schemas/allegations.ts';
import {
  DutyStatusRequest,
  MemberDetailOut,
  MemberListResponse,
  MemberOut,
  MemberRequest,
  MemberSearchQuery,
} from '../schemas/members.ts';
import { get, post } from './endpoint.ts';
import { IdParams } from './params.ts';

/** The roster and the duty-status ledger. */
export const memberApi = {
  add: post('/members', 'Add a member to the roster', {
    body: MemberRequest,
    response: { 201: MemberOut },
  }),
  search: get('/members', 'Search the roster by star or name', {
    querystring: MemberSearchQuery,
    response: { 200: MemberListResponse },
  }),
  get: get('/members/:id', 'A member with allegation history and duty-status ledger', {
    params: IdParams,
    response: { 200: MemberDetailOut },
  }),
  recordDutyStatus: post(
    '/members/:id/duty-status',
    'Record a duty-status recommendation or decision',
    { params: IdParams, body: DutyStatusRequest, response: { 201: DutyStatusOut } },
  ),
};
