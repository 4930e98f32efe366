import type { z } from 'zod';
import type { CaseListQuery, CaseListResponse, CaseOut } from '../../shared/schemas/cases.ts';
import { caseApi } from '../../shared/api/cases.ts';
import type { Endpoint, InputOf } from '../../shared/api/endpoint.ts';
import type {
  OfficeStatementRequest,
  OfficeStatementsResponse,
} from '../../shared/schemas/statements.ts';
import type {
  OfficePressInquiryRequest,
  PressAnswerRequest,
  PressInquiryListOut,
  PressInquiryOut,
  PressInquiryRequest,
} from '../../shared/schemas/press-inquiries.ts';
import type {
  DutyStatusRequest,
  MemberDetailOut,
  MemberListResponse,
} from '../../shared/schemas/members.ts';
import type { FacilityOut } from '../../shared/schemas/facilities.ts';
import type { AlertOut, AlertStepRequest, BacktestOut } from '../../shared/schemas/eis.ts';
import type {
  PolicyRecommendationOut,
  PolicyRecommendationRequest,
  PolicyResponseRequest,
  PolicyStatusRequest,
} from '../../shared/schemas/policy-recommendations.ts';
import type { ReportOut } from '../../shared/schemas/reports.ts';
import type {
  RevokedOut,
  SecondFactorRequest,
  SessionListOut,
  SessionOut,
  SignInOut,
  SignInRequest,
} from '../../shared/schemas/session.ts';
import type { DashboardOut, RoutingPreviewOut } from '../../shared/schemas/dashboard.ts';
import type { SignInMethods } from '../../shared/schemas/tokens.ts';
import type { DraftLettersRequest, LetterOut, LettersOut } from '../../shared/schemas/letters.ts';
import type {
  NarrativeQueueOut,
  NarrativeReviewOut,
  SpanDecisionRequest,
} from '../../shared/schemas/narrative-review.ts';
import { caller, query, request, type Door } from './http.ts';

export { ApiError, type FieldError } from './http.ts';

let csrfToken: string | null = null;
const SIGN_IN_URLS = new Set(['/api/v1/session', '/api/v1/session/second-factor']);
const sessionLostListeners = new Set<() => void>();

/** Called whenever an API call answers 401: the session ended under the page. */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** The staff door: the session cookie is sent automatically; a change carries the CSRF token. */
const staffDoor: Door = {
  credentials: 'same-origin',
  // the header proves the page is ours (CSRF)
  headers: (method): Record<string, string> =>
    method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {},
  onProblem: (status, url) => {
    // a refused password or code is not a lost session
    if (status === 401 && !SIGN_IN_URLS.has(url)) {
      sessionLostListeners.forEach((l) => l());
    }
  },
};

const call = <T>(method: string, url: string, body?: unknown): Promise<T> =>
  request<T>(staffDoor, method, url, body);

const staff = caller(staffDoor, '/api/v1');

const enc = encodeURIComponent;
type In<T extends z.ZodType> = z.input<T>;
/** The body an endpoint takes. */
type Body<E> = E extends Endpoint<infer P> ? InputOf<P>['body'] : never;
type Out<T extends z.ZodType> = z.output<T>;
export type Case = Out<typeof CaseOut>;
export type PressInquiry = Out<typeof PressInquiryOut>;
export type PressInquiryLog = Out<typeof PressInquiryListOut> & {
  can: { log: boolean; answer: boolean; review: boolean };
};
export type Report = Out<typeof ReportOut>;
export type PolicyRecommendation = Out<typeof PolicyRecommendationOut>;
export type CaseList = Out<typeof CaseListResponse>;
export type Session = Out<typeof SessionOut>;
export type SignInStep = Out<typeof SignInOut>;
export type MemberDetail = Out<typeof MemberDetailOut>;
export type Facility = Out<typeof FacilityOut>;
/** An early-intervention alert with its review steps (issue 19 item 4). */
export type EisAlert = Out<typeof AlertOut>;
export type Dashboard = Out<typeof DashboardOut>;
export type RoutingPreview = Out<typeof RoutingPreviewOut>;
export type IntakeBody = Body<typeof caseApi.file>;
export type CaseQuery = Partial<In<typeof CaseListQuery>>;

/** The staff API, typed by the shared zod schemas (the same ones the server validates with). */
export const api = {
  /** The password step: signed in, or the code (or TOTP enrolment) step comes next. */
  async signIn(body: In<typeof SignInRequest>): Promise<SignInStep> {
    const s = await call<SignInStep>('POST', '/api/v1/session', body);
    if (s.step === 'signed_in') {
      csrfToken = s.csrfToken;
    }
    return s;
  },
  /** The code step: the TOTP code for the challenge of the password step. */
  async secondFactor(body: In<typeof SecondFactorRequest>): Promise<Session> {
    const s = await call<Session>('POST', '/api/v1/session/second-factor', body);
    csrfToken = s.csrfToken;
    return s;
  },
  async session(): Promise<Session> {
    const s = await call<Session>('GET', '/api/v1/session');
    csrfToken = s.csrfToken;
    return s;
  },
  sessions: () => call<Out<typeof SessionListOut>>('GET', '/api/v1/sessions'),
  endSession: (id: string) => call<void>('DELETE', `/api/v1/sessions/${enc(id)}`),
  endOtherSessions: () => call<Out<typeof RevokedOut>>('DELETE', '/api/v1/sessions'),
  async signOut(): Promise<void> {
    await call<void>('DELETE', '/api/v1/session');
    csrfToken = null;
  },
  dashboard: () => call<Dashboard>('GET', '/api/v1/dashboard'),
  listCases: (q: CaseQuery) => staff(caseApi.list, { query: q }),
  getCase: (logNumber: string) => staff(caseApi.get, { params: { logNumber } }),
  fileCase: (body: IntakeBody) => staff(caseApi.file, { body }),
  previewRouting: (body: IntakeBody) =>
    call<RoutingPreview>('POST', '/api/v1/routing/preview', body),
  correctFacts: (logNumber: string, body: Body<typeof caseApi.correct>) =>
    staff(caseApi.correct, { params: { logNumber }, body }),
  transition: (logNumber: string, body: Body<typeof caseApi.transition>) =>
    staff(caseApi.transition, { params: { logNumber }, body }),
  addAgency: (logNumber: string, body: Body<typeof caseApi.addAgency>) =>
    staff(caseApi.addAgency, { params: { logNumber }, body }),
  acceptRoutingReview: (logNumber: string, body: Body<typeof caseApi.acceptRoutingReview>) =>
    staff(caseApi.acceptRoutingReview, { params: { logNumber }, body }),
  assign: (logNumber: string, body: Body<typeof caseApi.assign>) =>
    staff(caseApi.assign, { params: { logNumber }, body }),
  logActivity: (logNumber: string, body: Body<typeof caseApi.logActivity>) =>
    staff(caseApi.logActivity, { params: { logNumber }, body }),
  addAllegation: (logNumber: string, body: Body<typeof caseApi.addAllegation>) =>
    staff(caseApi.addAllegation, { params: { logNumber }, body }),
  resolveReportedOfficer: (
    logNumber: string,
    id: string,
    body: Body<typeof caseApi.resolveReportedOfficer>,
  ) => staff(caseApi.resolveReportedOfficer, { params: { logNumber, id }, body }),
  recordFinding: (logNumber: string, id: string, body: Body<typeof caseApi.recordFinding>) =>
    staff(caseApi.recordFinding, { params: { logNumber, id }, body }),
  draftStatement: (logNumber: string, body: Body<typeof caseApi.draftStatement>) =>
    staff(caseApi.draftStatement, { params: { logNumber }, body }),
  publishStatement: (id: string) =>
    call<{ id: string }>('POST', `/api/v1/statements/${enc(id)}/publish`),
  reviewStatement: (id: string) =>
    call<{ id: string }>('POST', `/api/v1/statements/${enc(id)}/review`),
  officeStatements: () => call<Out<typeof OfficeStatementsResponse>>('GET', '/api/v1/statements'),
  draftOfficeStatement: (body: In<typeof OfficeStatementRequest>) =>
    call<{ id: string }>('POST', '/api/v1/statements', body),
  logPressInquiry: (logNumber: string, body: In<typeof PressInquiryRequest>) =>
    call<{ id: string }>('POST', `/api/v1/cases/${enc(logNumber)}/press-inquiries`, body),
  answerPressInquiry: (id: string, body: In<typeof PressAnswerRequest>) =>
    call<{ id: string; state: string }>('POST', `/api/v1/press-inquiries/${enc(id)}/answer`, body),
  reviewPressAnswer: (id: string) =>
    call<{ id: string; state: string }>('POST', `/api/v1/press-inquiries/${enc(id)}/review`),
  pressInquiries: (state: 'open' | 'answered') =>
    call<PressInquiryLog>('GET', `/api/v1/press-inquiries?state=${state}`),
  logOfficePressInquiry: (body: In<typeof OfficePressInquiryRequest>) =>
    call<{ id: string }>('POST', '/api/v1/press-inquiries', body),
  extendDeadline: (logNumber: string, id: string, body: Body<typeof caseApi.extendDeadline>) =>
    staff(caseApi.extendDeadline, { params: { logNumber, id }, body }),
  completeDeadline: (logNumber: string, id: string) =>
    staff(caseApi.completeDeadline, { params: { logNumber, id }, body: {} }),
  recordDutyStatus: (memberId: string, body: In<typeof DutyStatusRequest>) =>
    call<unknown>('POST', `/api/v1/members/${enc(memberId)}/duty-status`, body),
  searchMembers: (q: string, page = 1) =>
    call<Out<typeof MemberListResponse>>('GET', `/api/v1/members${query({ q, page })}`),
  getMember: (id: string) => call<MemberDetail>('GET', `/api/v1/members/${enc(id)}`),
  facilities: () => call<{ items: Facility[] }>('GET', '/api/v1/facilities'),
  eisAlerts: (open: boolean) =>
    call<{ items: EisAlert[] }>('GET', `/api/v1/eis/alerts${open ? '?open=true' : ''}`),
  eisBacktest: () => call<Out<typeof BacktestOut>>('GET', '/api/v1/eis/backtest'),
  eisAlertStep: (id: string, body: In<typeof AlertStepRequest>) =>
    call<EisAlert>('POST', `/api/v1/eis/alerts/${enc(id)}/steps`, body),
  signInMethods: () => call<Out<typeof SignInMethods>>('GET', '/api/v1/session/methods'),
  narrativeQueue: (page = 1) =>
    call<Out<typeof NarrativeQueueOut>>('GET', `/api/v1/narrative-reviews${query({ page })}`),
  narrativeReview: (logNumber: string) =>
    call<NarrativeReview>('GET', `/api/v1/cases/${enc(logNumber)}/narrative-review`),
  decideNarrativeSpan: (logNumber: string, body: In<typeof SpanDecisionRequest>) =>
    call<NarrativeReview>(
      'POST',
      `/api/v1/cases/${enc(logNumber)}/narrative-review/decisions`,
      body,
    ),
  caseLetters: (logNumber: string) =>
    call<LettersOut>('GET', `/api/v1/cases/${enc(logNumber)}/letters`),
  draftLetters: (logNumber: string, body: In<typeof DraftLettersRequest>) =>
    call<LettersOut>('POST', `/api/v1/cases/${enc(logNumber)}/letters`, body),
  letterAction: (id: string, action: 'approve' | 'send' | 'retry') =>
    call<LetterOut>('POST', `/api/v1/letters/${enc(id)}/${action}`),
  outbox: () => call<LettersOut>('GET', '/api/v1/outbox'),
  report: (kind: 'quarterly' | 'annual', period: string, version: 'staff' | 'public') =>
    call<Out<typeof ReportOut>>(
      'GET',
      `/api/v1/reports/${kind}/${enc(period)}${query({ version })}`,
    ),
  policyRecommendations: () =>
    call<{ items: PolicyRecommendation[] }>('GET', '/api/v1/policy-recommendations'),
  createPolicyRecommendation: (body: In<typeof PolicyRecommendationRequest>) =>
    call<PolicyRecommendation>('POST', '/api/v1/policy-recommendations', body),
  recordPolicyResponse: (id: string, body: In<typeof PolicyResponseRequest>) =>
    call<PolicyRecommendation>('POST', `/api/v1/policy-recommendations/${enc(id)}/response`, body),
  setPolicyStatus: (id: string, body: In<typeof PolicyStatusRequest>) =>
    call<PolicyRecommendation>('POST', `/api/v1/policy-recommendations/${enc(id)}/status`, body),
  approveNarrative: (logNumber: string, version: string) =>
    call<NarrativeReview>('POST', `/api/v1/cases/${enc(logNumber)}/narrative-review/approve`, {
      version,
    }),
};

/** The review of one narrative version (issue 17 item 5). */
export type NarrativeReview = Out<typeof NarrativeReviewOut>;
