import type { PressInquiry } from '../../../api/client.ts';

/** A press inquiry as the API answers it, open and overdue unless `over` says otherwise (tests). */
export function pressInquiryFixture(over: Partial<PressInquiry> = {}): PressInquiry {
  return {
    id: '00000000-0000-4000-8000-000000000060',
    outlet: 'Chicago Tribune',
    reporter: 'A. Reporter',
    question: 'Were police powers revoked?',
    receivedAt: '2026-03-04T10:00:00Z',
    respondBy: '2026-03-04T22:00:00Z',
    overdue: true,
    state: 'open',
    logNumbers: ['2023-0000001'],
    otherCases: 1,
    statementId: null,
    answerText: null,
    answerWrittenBy: null,
    answerWrittenAt: null,
    reviewedBy: null,
    reviewedAt: null,
    answeredBy: null,
    answeredAt: null,
    ...over,
  };
}
