import type { Queryable } from '../db/client.ts';
import { insertRows, firstRow } from './sql.ts';

export interface StatementRow {
  id: string;
  case_id: string | null;
  log_number: string | null;
  language: string;
  text: string;
  human_reviewed: boolean;
  translation_of: string | null;
  status: 'draft' | 'published';
  created_at: Date;
  published_at: Date | null;
}

const SELECT = `
  SELECT s.id, s.case_id, c.log_number, s.language, s.text, s.human_reviewed, s.translation_of, s.status,
         s.created_at, s.published_at
    FROM statements s LEFT JOIN cases c ON c.id = s.case_id`;

export async function insertStatement(
  tx: Queryable,
  s: {
    id: string;
    jurisdiction: string;
    caseId: string | null;
    language: string;
    text: string;
    humanReviewed: boolean;
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
      'case_id',
      'language',
      'text',
      'human_reviewed',
      'translation_of',
      'status',
      'created_at',
      'created_by',
    ],
    [
      [
        s.id,
        s.jurisdiction,
        s.caseId,
        s.language,
        s.text,
        s.humanReviewed,
        s.translationOf,
        'draft',
        s.createdAt,
        s.createdBy,
      ],
    ],
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

export async function listCaseStatements(db: Queryable, caseId: string): Promise<StatementRow[]> {
  return db.query<StatementRow>(`${SELECT} WHERE s.case_id = $1 ORDER BY s.created_at, s.id`, [
    caseId,
  ]);
}

export async function markPublished(
  tx: Queryable,
  id: string,
  at: Date,
  by: string,
): Promise<void> {
  await tx.query(
    `UPDATE statements SET status = 'published', published_at = $2, published_by = $3 WHERE id = $1`,
    [id, at, by],
  );
}

/** A statement as the public portal shows it: published ones only, never a staff name. */
export interface PublicStatementRow {
  id: string;
  log_number: string | null;
  language: string;
  text: string;
  translation_of: string | null;
  published_at: Date;
}

/** Published statements only (publishing is the approval, PRODUCT.md §3), newest first. */
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
    where.push(`c.log_number = $${params.length}`);
  }
  const from = `FROM statements s LEFT JOIN cases c ON c.id = s.case_id WHERE ${where.join(' AND ')}`;
  const [count, rows] = await Promise.all([
    db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params),
    db.query<PublicStatementRow>(
      `SELECT s.id, c.log_number, s.language, s.text, s.translation_of, s.published_at ${from}
        ORDER BY s.published_at DESC, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    ),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** Published statements of one case. */
export async function casePublishedStatements(
  db: Queryable,
  caseId: string,
): Promise<PublicStatementRow[]> {
  return db.query<PublicStatementRow>(
    `SELECT s.id, c.log_number, s.language, s.text, s.translation_of, s.published_at
       FROM statements s JOIN cases c ON c.id = s.case_id
      WHERE s.case_id = $1 AND s.status = 'published' ORDER BY s.published_at, s.id`,
    [caseId],
  );
}
