import { Table } from '@trussworks/react-uswds';
import { Children } from 'react';
import type { ReactNode } from 'react';
import { TableHead } from './TableHead.tsx';

/**
 * The staff pages' data table: a wrapper that scrolls sideways on a narrow screen, a striped
 * USWDS table with its caption (for screen readers only unless `captionShown`), one column
 * header per title, and the rows given as children; with no rows and an `empty` sentence, that
 * sentence instead.
 */
export function DataTable({
  caption,
  columns,
  children,
  empty,
  captionShown = false,
  fullWidth = true,
  testId,
  bodyTestId,
}: {
  caption: string;
  columns: readonly string[];
  children: ReactNode;
  /** What to say instead of an empty table. */
  empty?: string;
  captionShown?: boolean;
  fullWidth?: boolean;
  /** A `data-testid` on the wrapper. */
  testId?: string;
  /** A `data-testid` on the table body. */
  bodyTestId?: string;
}) {
  if (empty !== undefined && Children.count(children) === 0) {
    return <p>{empty}</p>;
  }
  return (
    <div className="ovs-table-wrap" data-testid={testId}>
      <Table fullWidth={fullWidth} striped>
        <caption className={captionShown ? undefined : 'usa-sr-only'}>{caption}</caption>
        <TableHead columns={columns} />
        <tbody data-testid={bodyTestId}>{children}</tbody>
      </Table>
    </div>
  );
}
