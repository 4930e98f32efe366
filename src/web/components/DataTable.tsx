import { Table } from '@trussworks/react-uswds';
import type { Key, ReactNode } from 'react';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The `data-*` attributes a row or a cell carries (a test id, a state the styles or tests read). */
export type DataAttributes = { [name: `data-${string}`]: string | undefined };

/**
 * One column of a table: its heading, what a row shows in it, and how its cell is marked. The
 * heading is a message key (so both languages have it), or `title` where the heading is itself
 * data: a value's label, a share such as "5%".
 */
export type Column<Row> = ({ header: MessageKey } | { title: string }) & {
  cell: (row: Row) => ReactNode;
  /**
   * This column's cell names its row (`<th scope="row">`) wherever the column stands; in a table
   * with no column so marked, the first column names the row.
   */
  rowHeader?: true;
  className?: string;
  data?: (row: Row) => DataAttributes;
};

/** A table's content: its columns in order, its rows, and how a row is keyed and marked. */
export interface TableContent<Row> {
  // the rows alone say what a row is; the columns (and their helpers) are typed by them
  columns: ReadonlyArray<Column<NoInfer<Row>>>;
  rows: readonly Row[];
  /** How React tells rows apart; by default the row's `id`, else its place in the list. */
  rowKey?: (row: Row, index: number) => Key;
  rowData?: (row: Row) => DataAttributes;
  /** A `data-testid` on the table body. */
  bodyTestId?: string;
}

const byId = (row: unknown, index: number): Key => (row as { id?: Key }).id ?? index;

/**
 * The one place a table's header row and body are written: a column header per column, and per
 * row a cell per column, the cell of the column that names the row as `<th scope="row">`. `labelled` gives each cell
 * its column's heading as `data-label`, which a USWDS stacked table shows on a phone.
 */
export function TableRows<Row>({
  columns,
  rows,
  rowKey,
  rowData,
  bodyTestId,
  labelled = false,
}: TableContent<Row> & { labelled?: boolean }) {
  const { t } = useI18n();
  const headers = columns.map((c) => ('header' in c ? t(c.header) : c.title));
  const namesRow = Math.max(
    0,
    columns.findIndex((c) => c.rowHeader),
  );
  return (
    <>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody data-testid={bodyTestId}>
        {rows.map((row, i) => (
          <tr key={(rowKey ?? byId)(row, i)} {...rowData?.(row)}>
            {columns.map((c, j) => {
              const Cell = j === namesRow ? 'th' : 'td';
              return (
                <Cell
                  key={j}
                  scope={j === namesRow ? 'row' : undefined}
                  className={c.className}
                  data-label={labelled ? headers[j] : undefined}
                  {...c.data?.(row)}
                >
                  {c.cell(row)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </>
  );
}

/**
 * The staff pages' data table: a wrapper that scrolls sideways on a narrow screen, a striped
 * USWDS table with its caption (for screen readers only unless `captionShown`) and its columns;
 * with no rows and an `empty` sentence, that sentence instead.
 */
export function DataTable<Row>({
  caption,
  empty,
  captionShown = false,
  fullWidth = true,
  testId,
  ...content
}: TableContent<Row> & {
  caption: string;
  /** What to say instead of an empty table. */
  empty?: string;
  captionShown?: boolean;
  fullWidth?: boolean;
  /** A `data-testid` on the wrapper. */
  testId?: string;
}) {
  if (empty !== undefined && content.rows.length === 0) {
    return <p>{empty}</p>;
  }
  return (
    <div className="ovs-table-wrap" data-testid={testId}>
      <Table fullWidth={fullWidth} striped>
        <caption className={captionShown ? undefined : 'usa-sr-only'}>{caption}</caption>
        <TableRows {...content} />
      </Table>
    </div>
  );
}
