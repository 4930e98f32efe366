import { Table } from '@trussworks/react-uswds';
import { TableRows, type TableContent } from './DataTable.tsx';

/**
 * The public pages' table: bordered, and stacked on a phone, where each cell shows its column's
 * heading (USWDS `data-label`); `compact` for a short list of codes.
 */
export function StackedTable<Row>({
  compact,
  ...content
}: TableContent<Row> & { compact?: boolean }) {
  return (
    <Table bordered fullWidth compact={compact} stackedStyle="default">
      <TableRows {...content} labelled />
    </Table>
  );
}
