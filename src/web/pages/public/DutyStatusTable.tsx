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
  const { t, label, date, bilingual } = useI18n();
  return (
    <StackedTable
      columns={[
        t('pub.case.dutyStatus.action'),
        t('pub.case.dutyStatus.members'),
        t('pub.case.dutyStatus.date'),
        t('pub.case.dutyStatus.decidedBy'),
      ]}
      rows={actions.map((d) => [
        label('dutyAction', d.action),
        d.members,
        date(d.effectiveDate),
        bilingual(d.decidedBy, d.decidedByEs),
      ])}
    />
  );
}
