import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Form, Table } from '@trussworks/react-uswds';
import { api, type PolicyRecommendation, type Report } from '../../api/client.ts';
import { CATEGORIES } from '../../../shared/enums.ts';
import {
  reportColumnLabel,
  reportRowLabel,
  type ReportLabelKey,
} from '../../../shared/report-labels.ts';
import { POLICY_RECOMMENDATION_STATUSES } from '../../../shared/schemas/policy-recommendations.ts';
import { ActionForm } from '../../components/ActionForm.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import {
  DateField,
  Options,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form/fields.tsx';
import { useFields } from '../../components/form/use-fields.ts';
import { ProblemAlert, fieldErrorsOf } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../components/router.tsx';
import { useSession } from './session.tsx';
import { EIS_READER_ROLES } from './EisAlertsPage.tsx';

const KINDS = ['quarterly', 'annual'] as const;
const VERSIONS = ['staff', 'public'] as const;
type Kind = (typeof KINDS)[number];
type Version = (typeof VERSIONS)[number];
type Table = Report['tables'][number];

/** Figures as shown: a suppressed count “—”, a partial sum “≥ n”, a rate as a percentage. */
function shown(
  table: Table,
  row: string,
  column: string,
  value: number | null,
  lang: string,
): string {
  const col = table.columns.find((c) => c.key === column);
  if (value === null) {
    return col?.kind === 'count' ? '—' : '';
  }
  if (col?.kind === 'rate') {
    return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(
      value,
    );
  }
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
  return table.partialCells?.includes(`${row}.${column}`) ? `≥ ${n}` : n;
}

/** One report table: named rows and columns, the CSV link, what the records cannot support. */
function ReportTableView({
  table,
  kind,
  period,
  version,
}: {
  table: Table;
  kind: Kind;
  period: string;
  version: Version;
}) {
  const { t, lang, label } = useI18n();
  const names = Object.fromEntries(CATEGORIES.map((c) => [c, label('category', c)]));
  const dims = table.rows.find((r) => r.dims)?.dims;
  const heads = dims ? Object.keys(dims) : ['row'];
  const title = t(`report.table.${table.id}` as ReportLabelKey);
  return (
    <section
      className="ovs-section"
      aria-labelledby={`rt-${table.id}`}
      data-testid={`report-${table.id}`}
    >
      <h2 id={`rt-${table.id}`}>{title}</h2>
      {/* a wide table scrolls: the region takes keyboard focus so it can be scrolled (WCAG 2.1.1) */}
      <div className="ovs-table-wrap" tabIndex={0} role="region" aria-labelledby={`rt-${table.id}`}>
        <Table striped>
          <caption className="usa-sr-only">{title}</caption>
          <thead>
            <tr>
              {heads.map((h) => (
                <th key={h} scope="col">
                  {reportColumnLabel(lang, h)}
                </th>
              ))}
              {table.columns.map((c) => (
                <th key={c.key} scope="col">
                  {reportColumnLabel(lang, c.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key}>
                {heads.map((h, i) => {
                  const key = r.dims ? (r.dims[h] ?? '') : i === 0 ? r.key : '';
                  const text = key ? reportRowLabel(lang, table.id, key, names) : '';
                  return i === 0 ? (
                    <th key={h} scope="row">
                      {text}
                    </th>
                  ) : (
                    <td key={h}>{text}</td>
                  );
                })}
                {table.columns.map((c) => (
                  <td key={c.key}>{shown(table, r.key, c.key, r.cells[c.key] ?? null, lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <a
        className="usa-link"
        href={`/api/v1/reports/${kind}/${encodeURIComponent(period)}/tables/${table.id}.csv?version=${version}`}
        download
      >
        {t('reports.downloadCsv')}
      </a>
      <details>
        <summary>{t('report.limits')}</summary>
        <ul className="usa-list">
          {table.limits.map((l) => (
            <li key={l.code}>{t(`report.note.${l.code}` as ReportLabelKey, l.vars)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** The statutory reports: choose a finished period, read the tables, download CSV and PDF. */
export function ReportsPage() {
  const { t, lang } = useI18n();
  // the early-warning backtest is listed with the reports for those who may read it (issue 19)
  const canReadEis = useSession().user.roles.some((r) => EIS_READER_ROLES.includes(r));
  const {
    values: { kind, period, version },
    bind,
  } = useFields<{ kind: Kind; period: string; version: Version }>(
    { kind: 'quarterly', period: '', version: 'staff' },
    'report',
  );
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      setReport(await api.report(kind, period.trim(), version));
      setError(null);
    } catch (err) {
      setReport(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const errors = fieldErrorsOf(error);
  return (
    <>
      <PageHeading title={t('reports.title')} intro={t('reports.intro')} />
      {canReadEis ? (
        <p>
          <Link to="/staff/alerts/backtest">{t('eis.backtest.title')}</Link>
        </p>
      ) : null}
      <ProblemAlert error={error} />
      <Form onSubmit={(e) => void submit(e)} className="maxw-full" data-testid="report-form">
        <SelectField {...bind('kind')} label={t('reports.kind')}>
          <Options values={KINDS} labelOf={(k) => t(`reports.kind.${k}`)} />
        </SelectField>
        <TextField
          {...bind('period')}
          label={t('reports.period')}
          hint={t('reports.periodHint')}
          error={errors['period']}
        />
        <SelectField {...bind('version')} label={t('reports.version')}>
          <Options values={VERSIONS} labelOf={(v) => t(`reports.version.${v}`)} />
        </SelectField>
        <Button type="submit" disabled={busy}>
          {t('reports.show')}
        </Button>
      </Form>
      {report ? (
        <div data-testid="report">
          <h2>
            {t(
              report.period.kind === 'quarterly' ? 'report.title.quarterly' : 'report.title.annual',
              {
                period: report.period.label,
              },
            )}
          </h2>
          <p>{t('report.citation')}</p>
          <p>
            {t('report.period', {
              from: report.period.from,
              to: report.period.to,
              timeZone: report.timeZone,
            })}
          </p>
          <p>
            {report.lastImportAt
              ? t('report.lastImport', { at: report.lastImportAt })
              : t('report.noImport')}
          </p>
          <p>
            {report.version === 'public'
              ? t('report.publicVersion', { threshold: report.threshold ?? 0 })
              : t('report.staffVersion')}
          </p>
          <a
            className="usa-button"
            href={`/api/v1/reports/${report.period.kind}/${encodeURIComponent(report.period.label)}/report.pdf?version=${report.version}`}
            download
          >
            {t('reports.downloadPdf')}
          </a>
          {report.tables.map((tb) => (
            <ReportTableView
              key={tb.id}
              table={tb}
              kind={report.period.kind}
              period={report.period.label}
              version={report.version}
            />
          ))}
          <PageSection id="rt-recommendations" title={t('report.recommendations')}>
            {report.policyRecommendations.length === 0 ? (
              <p>{t('report.noRecommendations')}</p>
            ) : null}
            <ul className="usa-list">
              {report.policyRecommendations.map((r) => (
                <li key={`${r.madeOn}-${r.topic}`} lang={lang}>
                  <strong>
                    {r.madeOn} — {r.topic}
                  </strong>{' '}
                  ({reportRowLabel(lang, 'policy_recommendations', r.status)}): {r.text}{' '}
                  {r.response ? `${r.respondedOn}: ${r.response}` : t('report.noResponse')}
                </li>
              ))}
            </ul>
          </PageSection>
        </div>
      ) : null}
    </>
  );
}

/** One recommendation's response and status forms (the server decides who may use them). */
function RecommendationActions({
  r,
  reload,
}: {
  r: PolicyRecommendation;
  reload: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const { values, field } = useFields(
    { response: r.response ?? '', respondedOn: r.respondedOn ?? '', status: r.status },
    'pr',
  );
  // both forms save, then show the recommendation as it now stands
  const saved = { submitLabel: t('policy.save'), onReload: () => void reload(), onDone: reload };
  return (
    <>
      <ActionForm
        id={`policy-respond-${r.id}`}
        title={t('policy.respond')}
        {...saved}
        onSubmit={() =>
          api.recordPolicyResponse(r.id, {
            response: values.response,
            respondedOn: values.respondedOn,
          })
        }
      >
        {(e) => (
          <>
            <TextArea
              label={t('policy.col.response')}
              {...field(e, 'response', `pr-response-${r.id}`)}
            />
            <DateField
              label={t('policy.respondedOn')}
              {...field(e, 'respondedOn', `pr-date-${r.id}`)}
            />
          </>
        )}
      </ActionForm>
      <ActionForm
        id={`policy-status-${r.id}`}
        title={t('policy.setStatus')}
        {...saved}
        onSubmit={() => api.setPolicyStatus(r.id, { status: values.status })}
      >
        {(e) => (
          <SelectField label={t('policy.col.status')} {...field(e, 'status', `pr-status-${r.id}`)}>
            <Options
              values={POLICY_RECOMMENDATION_STATUSES}
              labelOf={(s) => reportRowLabel(lang, 'policy_recommendations', s)}
            />
          </SelectField>
        )}
      </ActionForm>
    </>
  );
}

/** Policy recommendations made to the department: the list, a new one, responses, status. */
export function PolicyRecommendationsPage({ canManage }: { canManage: boolean }) {
  const { t, lang, date } = useI18n();
  const { data, error, reload } = useLoad(() => api.policyRecommendations(), []);
  const {
    values: form,
    field,
    reset,
  } = useFields({ madeOn: '', topic: '', text: '', recipient: '' }, 'pn');
  return (
    <>
      <PageHeading title={t('policy.title')} intro={t('policy.intro')} />
      <ProblemAlert error={error} />
      {data && data.items.length === 0 ? <p>{t('policy.none')}</p> : null}
      {data?.items.map((r) => (
        <section
          key={r.id}
          className="ovs-section"
          aria-labelledby={`pr-${r.id}`}
          data-testid="policy-recommendation"
        >
          <h2 id={`pr-${r.id}`}>
            {date(r.madeOn)} — {r.topic}
          </h2>
          <dl>
            <dt>{t('policy.col.recipient')}</dt>
            <dd>{r.recipient}</dd>
            <dt>{t('policy.col.text')}</dt>
            <dd>{r.text}</dd>
            <dt>{t('policy.col.response')}</dt>
            <dd>{r.response ? `${date(r.respondedOn)}: ${r.response}` : t('report.noResponse')}</dd>
            <dt>{t('policy.col.status')}</dt>
            <dd>{reportRowLabel(lang, 'policy_recommendations', r.status)}</dd>
          </dl>
          {canManage ? <RecommendationActions r={r} reload={reload} /> : null}
        </section>
      ))}
      {canManage ? (
        <ActionForm
          id="policy-new"
          title={t('policy.new')}
          submitLabel={t('policy.save')}
          onReload={() => void reload()}
          onSubmit={() => api.createPolicyRecommendation(form)}
          onDone={async () => {
            reset();
            await reload();
          }}
        >
          {(e) => (
            <>
              <DateField label={t('policy.col.madeOn')} {...field(e, 'madeOn', 'pn-date')} />
              <TextField label={t('policy.col.topic')} {...field(e, 'topic')} />
              <TextField label={t('policy.col.recipient')} {...field(e, 'recipient')} />
              <TextArea label={t('policy.col.text')} {...field(e, 'text')} />
            </>
          )}
        </ActionForm>
      ) : null}
    </>
  );
}
