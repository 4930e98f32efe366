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
      rows={items}
      rowKey={(c) => c.logNumber}
      columns={[
        {
          header: 'col.logNumber',
          rowHeader: true,
          cell: (c) => (
            <>
              <Link to={`/staff/cases/${c.logNumber}`} className="usa-link text-no-wrap">
                {c.logNumber}
              </Link>
              {c.restricted ? (
                <Tag className="margin-left-1 bg-secondary-dark">{t('case.restricted')}</Tag>
              ) : null}
            </>
          ),
        },
        { header: 'col.received', cell: (c) => date(c.receivedAt) },
        { header: 'col.status', cell: (c) => label('status', c.status) },
        {
          header: 'col.categories',
          cell: (c) => c.categories.map((x) => label('category', x)).join(', ') || '—',
        },
        { header: 'col.agency', cell: (c) => c.leadAgency },
        { header: 'col.facility', cell: (c) => c.facilityCode ?? '—' },
      ]}
    />
  );
}
