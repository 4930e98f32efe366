import type { Queryable } from '../db/client.ts';
import type { CaseScope } from '../policies/case.policy.ts';
import { scopeCondition } from './case-list.repository.ts';
import { insertRows, firstRow, listReader, lockedRowByKey, type Read } from './sql.ts';

/** A press inquiry with its answer and the cases it is about (migration 0031). */
export interface PressInquiryRow {
  id: string;
  outlet: string;
  reporter: string | null;
  question: string;
  received_at: Date;
  respond_by: Date | null;
  statement_id: string | null;
  answer_text: string | null;
  answer_written_by: { id: string; name: string } | null;
  answer_written_at: Date | null;
  reviewed_by: { id: string; name: string } | null;
  reviewed_at: Date | null;
  answered_by: { id: string; name: string } | null;
  answered_at: Date | null;
  /** Unanswered and past the deadline the office committed to, at the reader's `now`. */
  overdue: boolean;
  /** The linked cases the reader may see, by log number. */
  log_numbers: string[];
  /** Linked cases the reader may not see: counted, never named. */
  other_cases: number;
}

const user = (column: string) =>
  `(SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = p.${column})`;

/**
 * The inquiry columns as `reader` sees them at `now` ($1 and the scope's parameters from $2).
 * Linked cases outside the reader's scope are counted, not named: a question may be about a
 * case this officer's agency does not work.
 */
function selectFor(scope: CaseScope, now: Date): { sql: string; params: unknown[] } {
  const scoped = scopeCondition(scope, 1);
  return {
    sql: `SELECT p.id, p.outlet, p.reporter, p.question, p.received_at, p.respond_by, p.statement_id,
                 p.answer_text, ${user('answer_written_by')} AS answer_written_by, p.answer_written_at,
                 ${user('reviewed_by')} AS reviewed_by, p.reviewed_at,
                 ${user('answered_by')} AS answered_by, p.answered_at,
                 (p.answered_at IS NULL AND p.respond_by IS NOT NULL AND p.respond_by < $1) AS overdue,
                 coalesce((SELECT array_agg(c.log_number ORDER BY c.log_number)
                             FROM press_inquiry_cases pc JOIN cases c ON c.id = pc.case_id
                            WHERE pc.press_inquiry_id = p.id AND ${scoped.sql}), '{}') AS log_numbers,
                 (SELECT count(*)::int FROM press_inquiry_cases pc JOIN cases c ON c.id = pc.case_id
                   WHERE pc.press_inquiry_id = p.id AND NOT (${scoped.sql})) AS other_cases
            FROM press_inquiries p`,
    params: [now, ...scoped.params],
  };
}

export async function insertPressInquiry(
  tx: Queryable,
  p: {
    id: string;
    jurisdiction: string;
    caseIds: readonly string[];
    outlet: string;
    reporter: string | null;
    question: string;
    receivedAt: Date;
    respondBy: Date | null;
    loggedAt: Date;
    loggedBy: string;
  },
): Promise<void> {
  await insertRows(
    tx,
    'press_inquiries',
    [
      'id',
      'jurisdiction',
      'outlet',
      'reporter',
      'question',
      'received_at',
      'respond_by',
      'logged_at',
      'logged_by',
    ],
    [
      [
        p.id,
        p.jurisdiction,
        p.outlet,
        p.reporter,
        p.question,
        p.receivedAt,
        p.respondBy,
        p.loggedAt,
        p.loggedBy,
      ],
    ],
  );
  if (p.caseIds.length > 0) {
    await insertRows(
      tx,
      'press_inquiry_cases',
      ['press_inquiry_id', 'case_id'],
      p.caseIds.map((caseId) => [p.id, caseId]),
    );
  }
}

/** What a command needs of an inquiry: its answer state and every linked case, locked. */
export interface PressInquiryState {
  id: string;
  statement_id: string | null;
  answer_text: string | null;
  answer_written_by: string | null;
  answered_at: Date | null;
  case_ids: string[];
}

export const lockPressInquiry = lockedRowByKey<
  PressInquiryState,
  [jurisdiction: string, id: string]
>(
  `SELECT p.id, p.statement_id, p.answer_text, p.answer_written_by, p.answered_at,
            coalesce((SELECT array_agg(pc.case_id ORDER BY pc.case_id) FROM press_inquiry_cases pc
                       WHERE pc.press_inquiry_id = p.id), '{}') AS case_ids
       FROM press_inquiries p`,
  ['p.jurisdiction', 'p.id'],
  'p',
);

/** One inquiry as `scope` sees it at `now`. */
export async function findPressInquiry(
  db: Queryable,
  jurisdiction: string,
  id: string,
  scope: CaseScope,
  now: Date,
): Promise<PressInquiryRow | undefined> {
  const s = selectFor(scope, now);
  const n = s.params.length;
  return firstRow<PressInquiryRow>(
    db,
    `${s.sql} WHERE p.jurisdiction = $${n + 1} AND p.id = $${n + 2}`,
    [...s.params, jurisdiction, id],
  );
}

/** The inquiries about one case, oldest first. */
export const listPressInquiries = listReader(
  (caseId: string, scope: CaseScope, now: Date): Read<PressInquiryRow> => {
    const s = selectFor(scope, now);
    return {
      sql: `${s.sql} WHERE p.id IN (SELECT press_inquiry_id FROM press_inquiry_cases WHERE case_id = $${s.params.length + 1})
      ORDER BY p.received_at, p.id`,
      params: [...s.params, caseId],
      times: ['received_at', 'respond_by', 'answer_written_at', 'reviewed_at', 'answered_at'],
    };
  },
);

/**
 * The office's log: open inquiries (an answer awaiting review included) oldest first, so the
 * longest-waiting reporter comes first; or answered ones, the latest answer first.
 */
export async function listOfficePressInquiries(
  db: Queryable,
  jurisdiction: string,
  f: { answered: boolean; limit: number },
  scope: CaseScope,
  now: Date,
): Promise<PressInquiryRow[]> {
  const s = selectFor(scope, now);
  const n = s.params.length;
  return db.query<PressInquiryRow>(
    `${s.sql} WHERE p.jurisdiction = $${n + 1}
        AND p.answered_at IS ${f.answered ? 'NOT NULL' : 'NULL'}
      ORDER BY ${f.answered ? 'p.answered_at DESC' : 'p.received_at'}, p.id LIMIT $${n + 2}`,
    [...s.params, jurisdiction, f.limit],
  );
}

/** Open inquiries and how many of them are past their committed deadline at `now`. */
export async function countOpenPressInquiries(
  db: Queryable,
  jurisdiction: string,
  now: Date,
): Promise<{ open: number; overdue: number }> {
  const [row] = await db.query<{ open: number; overdue: number }>(
    `SELECT count(*)::int AS open, (count(*) FILTER (WHERE respond_by < $2))::int AS overdue
       FROM press_inquiries WHERE jurisdiction = $1 AND answered_at IS NULL`,
    [jurisdiction, now],
  );
  return row ?? { open: 0, overdue: 0 };
}

/** One step of answering: the columns it sets ($2 the time, $3 the person, $4 its value). */
const ANSWER_STEPS = {
  // a published statement counts at once, and replaces a written answer not yet reviewed
  statement: `statement_id = $4, answered_at = $2, answered_by = $3,
              answer_text = NULL, answer_written_by = NULL, answer_written_at = NULL`,
  // free text waits for a second person's review; it replaces an earlier one not yet reviewed
  text: `answer_text = $4, answer_written_at = $2, answer_written_by = $3`,
  // reviewed, the text counts from now, as its author's answer
  review: `reviewed_at = $2, reviewed_by = $3, answered_at = $2, answered_by = answer_written_by`,
} as const;

export type AnswerStep =
  { kind: 'statement'; statementId: string } | { kind: 'text'; text: string } | { kind: 'review' };

/** Records a step of answering an inquiry, at `at`, by `by`. */
export async function recordAnswerStep(
  tx: Queryable,
  id: string,
  step: AnswerStep,
  at: Date,
  by: string,
): Promise<void> {
  const value =
    step.kind === 'statement' ? [step.statementId] : step.kind === 'text' ? [step.text] : [];
  await tx.query(`UPDATE press_inquiries SET ${ANSWER_STEPS[step.kind]} WHERE id = $1`, [
    id,
    at,
    by,
    ...value,
  ]);
}

/** The members a case's allegations name, with their stars: what a restricted case withholds. */
export async function accusedMembers(
  db: Queryable,
  caseId: string,
): Promise<Array<{ first_name: string | null; last_name: string | null; star: string | null }>> {
  return db.query(
    `SELECT DISTINCT m.first_name, m.last_name, m.star
       FROM allegations a JOIN members m ON m.id = a.member_id WHERE a.case_id = $1`,
    [caseId],
  );
}
