import { Table } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';
import { TableHead } from './TableHead.tsx';

/**
 * The public pages' table: bordered, and stacked on a phone, where each cell shows its column's
 * title (USWDS `data-label`). Each row is its cells in column order; the first is the row's
 * header.
 */
export function StackedTable({
  columns,
  rows,
}: {
  columns: readonly string[];
  rows: ReadonlyArray<readonly ReactNode[]>;
}) {
  return (
    <Table bordered fullWidth stackedStyle="default">
      <TableHead columns={columns} />
      <tbody>
        {rows.map((cells, i) => (
          <tr key={i}>
            {cells.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row" data-label={columns[j]}>
                  {cell}
                </th>
              ) : (
                <td key={j} data-label={columns[j]}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
