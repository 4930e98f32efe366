import { Alert, Tag } from '@trussworks/react-uswds';
import { api } from '../../api/client.ts';
import { CaseTable } from '../../components/CaseTable.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { Link } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from './session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { caseColumn } from '../../components/columns.tsx';

/**
 * My cases, deadlines due and overdue with their clause, press inquiries past their committed
 * deadline (to those who answer the press), new intakes, restricted cases.
 */
export function DashboardPage() {
  const { t, label, date } = useI18n();
  const session = useSession();
  usePageTitle(t('dash.title'));
  const { data, error } = useLoad(() => api.dashboard(), []);
  return (
    <>
      <h1>{t('dash.title')}</h1>
      <p className="usa-intro">{t('dash.welcome', { name: session.user.displayName })}</p>
      <ProblemAlert error={error} />
      {!data ? (
        error ? null : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <>
          <PageSection id="dash-my" title={t('dash.myCases')}>
            <CaseTable
              empty={t('dash.noMyCases')}
              items={data.myCases}
              caption={t('dash.myCases')}
            />
          </PageSection>

          <PageSection id="dash-deadlines" title={t('dash.deadlines')}>
            <p>{t('dash.deadlinesIntro')}</p>
            <DataTable
              empty={t('dash.noDeadlines')}
              caption={t('dash.deadlines')}
              testId="dash-deadlines"
              rows={data.deadlines}
              rowKey={(d) => `${d.logNumber}-${d.kind}-${d.sequence}`}
              columns={[
                {
                  header: 'col.due',
                  cell: (d) => (
                    <>
                      {date(d.dueDate)}{' '}
                      {d.overdue ? (
                        <Tag className="bg-secondary-dark">{t('dash.overdue')}</Tag>
                      ) : (
                        <Tag className="bg-accent-warm-dark">{t('dash.dueSoon')}</Tag>
                      )}
                    </>
                  ),
                },
                caseColumn('text-no-wrap'),
                {
                  header: 'col.kind',
                  cell: (d) => (
                    <>
                      {label('deadlineKind', d.kind)}
                      {d.letterProblem ? (
                        <>
                          <br />
                          <span className="text-secondary-dark" data-testid="dash-letter-problem">
                            {t('dash.letterProblem', {
                              why: label('letterFailure', d.letterProblem.failure),
                            })}
                          </span>
                        </>
                      ) : null}
                    </>
                  ),
                },
                { header: 'col.clause', cell: (d) => d.clause },
              ]}
            />
          </PageSection>

          {data.press ? (
            <PageSection id="dash-press" title={t('dash.press')}>
              <p data-testid="dash-press">
                {t('dash.pressCounts', { open: data.press.open, overdue: data.press.overdue })}{' '}
                {data.press.overdue > 0 ? (
                  <Tag className="bg-secondary-dark">{t('dash.overdue')}</Tag>
                ) : null}
              </p>
              <Link to="/staff/press">{t('dash.pressOpen')}</Link>
            </PageSection>
          ) : null}

          <PageSection id="dash-intake" title={t('dash.newIntakes')}>
            <CaseTable
              empty={t('dash.noNewIntakes')}
              items={data.newIntakes}
              caption={t('dash.newIntakes')}
            />
          </PageSection>

          <PageSection id="dash-restricted" title={t('dash.restricted')}>
            {data.restricted.length === 0 ? (
              <p>{t('dash.noRestricted')}</p>
            ) : (
              <>
                <Alert type="warning" headingLevel="h3" slim>
                  {t('dash.restrictedNotice')}
                </Alert>
                <CaseTable items={data.restricted} caption={t('dash.restricted')} />
              </>
            )}
          </PageSection>
        </>
      )}
    </>
  );
}
