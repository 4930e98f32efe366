import type { z } from 'zod';
import type { PressInquiryOut } from '../../../shared/schemas/press-inquiries.ts';
import type { PressInquiryRow } from '../../repositories/press-inquiries.repository.ts';
import { iso, isoRequired } from '../../repositories/sql.ts';

/** Where an inquiry stands: answered once its answer counts, awaiting review while written. */
function stateOf(p: PressInquiryRow): z.output<typeof PressInquiryOut>['state'] {
  if (p.answered_at) {
    return 'answered';
  }
  return p.answer_text !== null ? 'awaiting_review' : 'open';
}

/** A press inquiry as staff see it, on the press page and on a case it is about. */
export function presentPressInquiry(p: PressInquiryRow): z.output<typeof PressInquiryOut> {
  return {
    id: p.id,
    outlet: p.outlet,
    reporter: p.reporter,
    question: p.question,
    receivedAt: isoRequired(p.received_at),
    respondBy: iso(p.respond_by),
    overdue: p.overdue,
    state: stateOf(p),
    logNumbers: p.log_numbers,
    otherCases: p.other_cases,
    statementId: p.statement_id,
    answerText: p.answer_text,
    answerWrittenBy: p.answer_written_by,
    answerWrittenAt: iso(p.answer_written_at),
    reviewedBy: p.reviewed_by,
    reviewedAt: iso(p.reviewed_at),
    answeredBy: p.answered_by,
    answeredAt: iso(p.answered_at),
  };
}
