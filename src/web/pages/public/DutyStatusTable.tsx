import type { z } from 'zod';
import type { PublicDutyActionOut } from '../../../shared/schemas/public.ts';
import { StackedTable } from '../../components/StackedTable.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** One disclosed duty-status action, as the public answer gives it. */
export type PublicDutyAction = z.output<typeof PublicDutyActionOut>;

/**
 * The disclosed duty-status actions of a case as the public reads them: the action, how many
 * members, the date and the deciding office, never who (issue 22 item 1). The public case page
 * and the staff's preview of it render this one table, so the preview looks as the page does.
 */
export function DutyStatusTable({ actions }: { actions: readonly PublicDutyAction[] }) {
  const { label, date, bilingual } = useI18n();
  return (
    <StackedTable
      rows={actions}
      columns={[
        { header: 'pub.case.dutyStatus.action', cell: (d) => label('dutyAction', d.action) },
        { header: 'pub.case.dutyStatus.members', cell: (d) => d.members },
        { header: 'pub.case.dutyStatus.date', cell: (d) => date(d.effectiveDate) },
        {
          header: 'pub.case.dutyStatus.decidedBy',
          cell: (d) => bilingual(d.decidedBy, d.decidedByEs),
        },
      ]}
    />
  );
}
