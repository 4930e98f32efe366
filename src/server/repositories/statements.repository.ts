import type { Queryable } from '../db/client.ts';
import { insertRows, firstRow, rowsOf } from './sql.ts';

/** One language version of a statement, with its cases, author and review, for staff. */
export interface StatementRow {
  id: string;
  /** The cases it is about, by id and log number (same order); none: an office-wide statement. */
  case_ids: string[];
  log_numbers: string[];
  language: string;
  text: string;
  translation_of: string | null;
  /** The other language version of the pair (its original or its translation), if drafted. */
  translation_id: string | null;
  status: 'draft' | 'reviewed' | 'published';
  created_at: Date;
  created_by: string | null;
  author_name: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  reviewer_name: string | null;
  published_at: Date | null;
}

/** The statement's cases, ordered by log number, as `case_ids`/`log_numbers` of alias `s`. */
const CASES_OF = (column: 'id' | 'log_number') => `
  COALESCE((SELECT array_agg(c.${column}::text ORDER BY c.log_number)
              FROM statement_cases sc JOIN cases c ON c.id = sc.case_id
             WHERE sc.statement_id = s.id), '{}')`;

/** The other version of the pair: the original of a translation, or an original's translation. */
const TRANSLATION_OF_PAIR = `
  COALESCE(s.translation_of,
           (SELECT t.id FROM statements t WHERE t.translation_of = s.id ORDER BY t.created_at, t.id LIMIT 1))`;

const SELECT = `
  SELECT s.id, ${CASES_OF('id')} AS case_ids, ${CASES_OF('log_number')} AS log_numbers,
         s.language, s.text, s.translation_of, ${TRANSLATION_OF_PAIR} AS translation_id, s.status,
         s.created_at, s.created_by, a.display_name AS author_name,
         s.reviewed_at, s.reviewed_by, r.display_name AS reviewer_name, s.published_at
    FROM statements s
    LEFT JOIN users a ON a.id = s.created_by
    LEFT JOIN users r ON r.id = s.reviewed_by`;

export async function insertStatement(
  tx: Queryable,
  s: {
    id: string;
    jurisdiction: string;
    caseIds: readonly string[];
    language: string;
    text: string;
    translationOf: string | null;
    createdAt: Date;
    createdBy: string;
  },
): Promise<void> {
  await insertRows(
    tx,
    'statements',
    [
      'id',
      'jurisdiction',
      'language',
      'text',
      'translation_of',
      'status',
      'created_at',
      'created_by',
    ],
    [
      [
        s.id,
        s.jurisdiction,
        s.language,
        s.text,
        s.translationOf,
        'draft',
        s.createdAt,
        s.createdBy,
      ],
    ],
  );
  await insertRows(
    tx,
    'statement_cases',
    ['statement_id', 'case_id'],
    s.caseIds.map((caseId) => [s.id, caseId]),
  );
}

export async function findStatement(
  db: Queryable,
  jurisdiction: string,
  id: string,
  lock = false,
): Promise<StatementRow | undefined> {
  return firstRow<StatementRow>(
    db,
    `${SELECT} WHERE s.jurisdiction = $1 AND s.id = $2${lock ? ' FOR UPDATE OF s' : ''}`,
    [jurisdiction, id],
  );
}

/** The statements about one case, oldest first. */
export const listCaseStatements = rowsOf<StatementRow, [caseId: string]>(
  `${SELECT} WHERE s.id IN (SELECT statement_id FROM statement_cases WHERE case_id = $1)
    ORDER BY s.created_at, s.id`,
  ['created_at', 'reviewed_at', 'published_at'],
);

/** The office's statements, newest first (the public-information officer's page). */
export async function listOfficeStatements(
  db: Queryable,
  jurisdiction: string,
  limit: number,
): Promise<StatementRow[]> {
  return db.query<StatementRow>(
    `${SELECT} WHERE s.jurisdiction = $1 ORDER BY s.created_at DESC, s.id LIMIT $2`,
    [jurisdiction, limit],
  );
}

export async function markReviewed(tx: Queryable, id: string, at: Date, by: string): Promise<void> {
  await tx.query(
    `UPDATE statements SET status = 'reviewed', reviewed_at = $2, reviewed_by = $3 WHERE id = $1`,
    [id, at, by],
  );
}

/** Publishes the given versions together, at one time. */
export async function markPublished(
  tx: Queryable,
  ids: readonly string[],
  at: Date,
  by: string,
): Promise<void> {
  await tx.query(
    `UPDATE statements SET status = 'published', published_at = $2, published_by = $3
      WHERE id = ANY($1::uuid[])`,
    [ids, at, by],
  );
}

/** A statement as the public portal shows it: published ones only, never a staff name. */
export interface PublicStatementRow {
  id: string;
  log_numbers: string[];
  language: string;
  text: string;
  translation_of: string | null;
  translation_id: string | null;
  published_at: Date;
}

const PUBLIC_SELECT = `
  SELECT s.id, ${CASES_OF('log_number')} AS log_numbers, s.language, s.text, s.translation_of,
         ${TRANSLATION_OF_PAIR} AS translation_id, s.published_at
    FROM statements s`;

/**
 * Published statements only (publishing is the approval after a second person's review,
 * PRODUCT.md §3, ADR 0046), newest first; by language, by one case.
 */
export async function listPublishedStatements(
  db: Queryable,
  jurisdiction: string,
  f: {
    language?: string | undefined;
    logNumber?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: PublicStatementRow[]; total: number }> {
  const params: unknown[] = [jurisdiction];
  const where = [`s.jurisdiction = $1`, `s.status = 'published'`];
  if (f.language) {
    params.push(f.language);
    where.push(`s.language = $${params.length}`);
  }
  if (f.logNumber) {
    params.push(f.logNumber);
    where.push(`s.id IN (SELECT sc.statement_id FROM statement_cases sc JOIN cases c ON c.id = sc.case_id
                          WHERE c.jurisdiction = $1 AND c.log_number = $${params.length})`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const [count, rows] = await Promise.all([
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM statements s ${filter}`, params),
    db.query<PublicStatementRow>(
      `${PUBLIC_SELECT} ${filter}
        ORDER BY s.published_at DESC, s.language, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    ),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** Published statements about one case, newest first. */
export async function casePublishedStatements(
  db: Queryable,
  caseId: string,
): Promise<PublicStatementRow[]> {
  return db.query<PublicStatementRow>(
    `${PUBLIC_SELECT}
      WHERE s.status = 'published' AND s.id IN (SELECT statement_id FROM statement_cases WHERE case_id = $1)
      ORDER BY s.published_at DESC, s.language, s.id`,
    [caseId],
  );
}
