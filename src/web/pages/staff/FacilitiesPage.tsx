import { Tag } from '@trussworks/react-uswds';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { Link } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DataTable } from '../../components/DataTable.tsx';

/** Stations and other sites: shelter-site periods with aggregate daily counts, cases per site. */
export function FacilitiesPage() {
  const { t, label, date } = useI18n();
  const { data, error } = useLoad(() => api.facilities(), []);
  const shelters = (data?.items ?? []).filter((f) => f.shelterPeriods.length > 0);
  return (
    <>
      <PageHeading title={t('facilities.title')} intro={t('facilities.intro')} />
      <ProblemAlert error={error} />
      {shelters.map((f) => (
        <section key={f.code} className="ovs-section" aria-labelledby={`fac-${f.code}`}>
          <h2 id={`fac-${f.code}`}>
            {f.name} <Tag className="bg-accent-warm-dark">{t('intake.facility.shelter')}</Tag>
          </h2>
          <h3>{t('facility.shelterPeriods')}</h3>
          <ul className="usa-list">
            {f.shelterPeriods.map((p) => (
              <li key={p.startsOn}>
                {date(p.startsOn)} – {p.endsOn ? date(p.endsOn) : t('facility.ongoing')}
                {p.note ? ` · ${p.note}` : ''}
              </li>
            ))}
          </ul>
          {f.dailyCounts.length > 0 ? (
            <DataTable
              caption={t('facility.dailyCounts')}
              captionShown
              fullWidth={false}
              rows={f.dailyCounts}
              rowKey={(d) => d.day}
              columns={[
                { header: 'col.date', cell: (d) => date(d.day) },
                { header: 'col.residents', cell: (d) => d.residents },
              ]}
            />
          ) : null}
        </section>
      ))}
      {data ? (
        <PageSection id="fac-all" title={t('facilities.title')}>
          <DataTable
            caption={t('facilities.title')}
            rows={data.items}
            rowKey={(f) => f.code}
            columns={[
              { header: 'col.name', cell: (f) => f.name },
              { header: 'facility.code', cell: (f) => f.code },
              { header: 'facility.kind', cell: (f) => label('facility.kind', f.kind) },
              { header: 'facility.address', cell: (f) => f.address ?? '—' },
              {
                header: 'facility.cases',
                cell: (f) =>
                  f.caseCount > 0 ? (
                    <Link to={`/staff/cases?facility=${encodeURIComponent(f.code)}`}>
                      {t('facility.casesLink', { n: f.caseCount })}
                    </Link>
                  ) : (
                    0
                  ),
              },
            ]}
          />
        </PageSection>
      ) : null}
    </>
  );
}
