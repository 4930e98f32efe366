import type { z } from 'zod';
import { caseApi } from '../../shared/api/cases.ts';
import type {
  AnswerOf,
  BodyOf,
  Endpoint,
  EndpointParts,
  InputOf,
  OutputOf,
  QueryOf,
} from '../../shared/api/endpoint.ts';
import { sessionApi } from '../../shared/api/session.ts';
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
import type { DashboardOut, RoutingPreviewOut } from '../../shared/schemas/dashboard.ts';
import type { DraftLettersRequest, LetterOut, LettersOut } from '../../shared/schemas/letters.ts';
import type {
  NarrativeQueueOut,
  NarrativeReviewOut,
  SpanDecisionRequest,
} from '../../shared/schemas/narrative-review.ts';
import { caller, query, request, type Door } from './http.ts';

export { ApiError, type FieldError } from './http.ts';

/** The staff door's base: every staff endpoint's path is below it. */
const BASE = '/api/v1';
let csrfToken: string | null = null;
const SIGN_IN_URLS = new Set(
  [sessionApi.signIn, sessionApi.secondFactor].map((e) => `${BASE}${e.path}`),
);
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

/** A call of an endpoint not (yet) in the shared contract: its method and URL spelled here. */
const call = <T>(method: string, url: string, body?: unknown): Promise<T> =>
  request<T>(staffDoor, method, url, body);

/** A call of an endpoint of the shared contract (`shared/api/`, ADR 0054). */
const staff = caller(staffDoor, BASE);

const enc = encodeURIComponent;
type In<T extends z.ZodType> = z.input<T>;
/** The staff door's call of an endpoint, its input as given (typed by the helper that gives it). */
const send = staff as <P extends EndpointParts>(
  e: Endpoint<P>,
  input: object,
) => Promise<OutputOf<P>>;
/** A call about one case (`/cases/:logNumber/…`): the case's log number, then the body. */
const onCase =
  <P extends EndpointParts>(e: Endpoint<P>) =>
  (logNumber: string, body: InputOf<P>['body']) =>
    send(e, { params: { logNumber }, body });
/** A call about one thing of a case (`/cases/:logNumber/…/:id`): the log number, the id, the body. */
const onCaseItem =
  <P extends EndpointParts>(e: Endpoint<P>) =>
  (logNumber: string, id: string, body: InputOf<P>['body']) =>
    send(e, { params: { logNumber, id }, body });
type Out<T extends z.ZodType> = z.output<T>;
export type Case = AnswerOf<typeof caseApi.get>;
export type PressInquiry = Out<typeof PressInquiryOut>;
export type PressInquiryLog = Out<typeof PressInquiryListOut> & {
  can: { log: boolean; answer: boolean; review: boolean };
};
export type Report = Out<typeof ReportOut>;
export type PolicyRecommendation = Out<typeof PolicyRecommendationOut>;
export type CaseList = AnswerOf<typeof caseApi.list>;
export type Session = AnswerOf<typeof sessionApi.current>;
export type SignInStep = AnswerOf<typeof sessionApi.signIn>;
export type MemberDetail = Out<typeof MemberDetailOut>;
export type Facility = Out<typeof FacilityOut>;
/** An early-intervention alert with its review steps (issue 19 item 4). */
export type EisAlert = Out<typeof AlertOut>;
export type Dashboard = Out<typeof DashboardOut>;
export type RoutingPreview = Out<typeof RoutingPreviewOut>;
export type IntakeBody = BodyOf<typeof caseApi.file>;
export type CaseQuery = QueryOf<typeof caseApi.list>;

/**
 * The staff API, typed by the shared zod schemas (the same ones the server validates with); the
 * case and session calls by the endpoints the server serves them from.
 */
export const api = {
  /** The password step: signed in, or the code (or TOTP enrolment) step comes next. */
  async signIn(body: BodyOf<typeof sessionApi.signIn>): Promise<SignInStep> {
    const s = await staff(sessionApi.signIn, { body });
    if (s.step === 'signed_in') {
      csrfToken = s.csrfToken;
    }
    return s;
  },
  /** The code step: the TOTP code for the challenge of the password step. */
  async secondFactor(body: BodyOf<typeof sessionApi.secondFactor>): Promise<Session> {
    const s = await staff(sessionApi.secondFactor, { body });
    csrfToken = s.csrfToken;
    return s;
  },
  async session(): Promise<Session> {
    const s = await staff(sessionApi.current);
    csrfToken = s.csrfToken;
    return s;
  },
  sessions: () => staff(sessionApi.list),
  endSession: (id: string) => staff(sessionApi.end, { params: { sessionId: id } }),
  endOtherSessions: () => staff(sessionApi.endOthers),
  async signOut(): Promise<void> {
    await staff(sessionApi.signOut);
    csrfToken = null;
  },
  dashboard: () => call<Dashboard>('GET', '/api/v1/dashboard'),
  listCases: (q: CaseQuery) => staff(caseApi.list, { query: q }),
  getCase: (logNumber: string) => staff(caseApi.get, { params: { logNumber } }),
  fileCase: (body: IntakeBody) => staff(caseApi.file, { body }),
  previewRouting: (body: IntakeBody) =>
    call<RoutingPreview>('POST', '/api/v1/routing/preview', body),
  correctFacts: onCase(caseApi.correct),
  transition: onCase(caseApi.transition),
  addAgency: onCase(caseApi.addAgency),
  acceptRoutingReview: onCase(caseApi.acceptRoutingReview),
  assign: onCase(caseApi.assign),
  logActivity: onCase(caseApi.logActivity),
  addAllegation: onCase(caseApi.addAllegation),
  resolveReportedOfficer: onCaseItem(caseApi.resolveReportedOfficer),
  recordFinding: onCaseItem(caseApi.recordFinding),
  draftStatement: onCase(caseApi.draftStatement),
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
  extendDeadline: onCaseItem(caseApi.extendDeadline),
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
  signInMethods: () => staff(sessionApi.methods),
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
