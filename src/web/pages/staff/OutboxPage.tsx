import { localDate } from '../../../shared/dates.ts';
import { useState } from 'react';
import { DateInput } from '../../components/LetterText.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TIME_ZONE, useI18n } from '../../i18n/i18n.tsx';
import { LetterFailure, LetterStatusTag } from './case/letters/CaseLetters.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { caseColumn } from '../../components/columns.tsx';

/** Today in the jurisdiction's zone, 'YYYY-MM-DD' (the print batch's default day). */
function today(): string {
  return localDate(new Date(), TIME_ZONE);
}

/**
 * The outbox (issue 18 item 5): letters on the cases the viewer may read, failures first, and the
 * day's mail as one PDF to print.
 */
export function OutboxPage() {
  const { t, label, dateTime } = useI18n();
  const { data, error } = useLoad(() => api.outbox(), []);
  const [day, setDay] = useState(today());
  return (
    <>
      <PageHeading title={t('outbox.title')} intro={t('outbox.intro')} />
      <ProblemAlert error={error} />
      <PageSection id="outbox-print" title={t('outbox.print')}>
        <DateInput id="print-day" label={t('outbox.printDate')} value={day} onChange={setDay} />
        <p>
          <a
            className="usa-button usa-button--outline margin-top-1"
            href={`/api/v1/outbox/print.pdf?date=${encodeURIComponent(day)}`}
          >
            {t('outbox.printOpen')}
          </a>
        </p>
      </PageSection>
      {data ? (
        <DataTable
          empty={t('outbox.empty')}
          caption={t('outbox.title')}
          testId="outbox"
          rows={data.items}
          rowData={() => ({ 'data-testid': 'outbox-letter' })}
          columns={[
            caseColumn('text-no-wrap'),
            { header: 'letters.kind', cell: (l) => label('letterKind', l.kind) },
            {
              header: 'letters.to',
              cell: (l) => (
                <>
                  {label('letterRecipient', l.recipientKind)} · {label('language', l.language)}
                </>
              ),
            },
            {
              header: 'letters.channel',
              cell: (l) => (l.channel ? label('letterChannel', l.channel) : '—'),
            },
            {
              header: 'letters.status',
              cell: (l) => (
                <>
                  <LetterStatusTag letter={l} />
                  <LetterFailure letter={l} />
                  {l.sentAt ? <span className="usa-hint">{dateTime(l.sentAt)}</span> : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
