import type { ReactNode } from 'react';
import type { Column } from './DataTable.tsx';
import { Link } from './router.tsx';

/**
 * The column that names each row's case by its log number, linked to the staff case page; the
 * row's header, since a staff list of letters, deadlines or allegations is read case by case.
 */
export function caseColumn(className?: string): Column<{ logNumber: string }> {
  return {
    header: 'col.case',
    rowHeader: true,
    className,
    cell: (row) => (
      <Link to={`/staff/cases/${encodeURIComponent(row.logNumber)}`}>{row.logNumber}</Link>
    ),
  };
}

/** A member's name, linked to the member's page when the roster knows the member (`id`). */
export function MemberLink({ id, children }: { id: string | undefined; children: ReactNode }) {
  return id ? <Link to={`/staff/members/${id}`}>{children}</Link> : children;
}
