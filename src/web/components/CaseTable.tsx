import { Tag } from '@trussworks/react-uswds';
import type { CaseList } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from './router.tsx';
import { DataTable } from './DataTable.tsx';

type Item = CaseList['items'][number];

/** A table of cases linking to each case page. */
export function CaseTable({
  items,
  caption,
  empty,
}: {
  items: Item[];
  caption: string;
  /** What to say when there are no cases. */
  empty?: string;
}) {
  const { t, label, date } = useI18n();
  return (
    <DataTable
      caption={caption}
      {...(empty !== undefined ? { empty } : {})}
      columns={[
        t('col.logNumber'),
        t('col.received'),
        t('col.status'),
        t('col.categories'),
        t('col.agency'),
        t('col.facility'),
      ]}
    >
      {items.map((c) => (
        <tr key={c.logNumber}>
          <th scope="row">
            <Link to={`/staff/cases/${c.logNumber}`} className="usa-link text-no-wrap">
              {c.logNumber}
            </Link>
            {c.restricted ? (
              <Tag className="margin-left-1 bg-secondary-dark">{t('case.restricted')}</Tag>
            ) : null}
          </th>
          <td>{date(c.receivedAt)}</td>
          <td>{label('status', c.status)}</td>
          <td>{c.categories.map((x) => label('category', x)).join(', ') || '—'}</td>
          <td>{c.leadAgency}</td>
          <td>{c.facilityCode ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
