import { Table } from '@trussworks/react-uswds';
import type { z } from 'zod';
import type { PublicDutyActionOut } from '../../../shared/schemas/public.ts';
import { TableHead } from '../../components/TableHead.tsx';
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
    <Table bordered fullWidth stackedStyle="default">
      <TableHead
        columns={[
          t('pub.case.dutyStatus.action'),
          t('pub.case.dutyStatus.members'),
          t('pub.case.dutyStatus.date'),
          t('pub.case.dutyStatus.decidedBy'),
        ]}
      />
      <tbody>
        {actions.map((d, i) => (
          <tr key={i}>
            <th scope="row" data-label={t('pub.case.dutyStatus.action')}>
              {label('dutyAction', d.action)}
            </th>
            <td data-label={t('pub.case.dutyStatus.members')}>{d.members}</td>
            <td data-label={t('pub.case.dutyStatus.date')}>{date(d.effectiveDate)}</td>
            <td data-label={t('pub.case.dutyStatus.decidedBy')}>
              {bilingual(d.decidedBy, d.decidedByEs)}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
