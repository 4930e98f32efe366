import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Form } from '@trussworks/react-uswds';
import { api, type MemberDetail } from '../../api/client.ts';
import { ProblemAlert, fieldErrorsOf } from '../../components/problems.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { navigate } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { MemberLink, caseColumn } from '../../components/columns.tsx';

/** Roster search by star or name. */
export function MembersPage({ search }: { search: string }) {
  const { t } = useI18n();
  usePageTitle(t('member.search'));
  const q = new URLSearchParams(search).get('q') ?? '';
  const [text, setText] = useState(q);
  const { data, error } = useLoad(() => api.searchMembers(q), [q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/staff/members${text.trim() ? `?q=${encodeURIComponent(text.trim())}` : ''}`);
  };
  const fields = fieldErrorsOf(error, 'querystring.');
  return (
    <>
      <h1>{t('member.search')}</h1>
      <Form onSubmit={submit} role="search" aria-label={t('member.search')}>
        <TextField
          id="members-q"
          label={t('intake.memberSearch')}
          error={fields.q}
          name="q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit">{t('common.search')}</Button>
      </Form>
      <ProblemAlert error={error} />
      {data ? (
        <>
          <p className="margin-top-3">{t('member.results', { n: data.total.toLocaleString() })}</p>
          <DataTable
            caption={t('member.search')}
            rows={data.items}
            columns={[
              {
                header: 'col.name',
                cell: (m) => <MemberLink id={m.id}>{`${m.firstName} ${m.lastName}`}</MemberLink>,
              },
              { header: 'col.star', cell: (m) => m.star ?? '—' },
              { header: 'col.rank', cell: (m) => m.rank ?? '—' },
              { header: 'col.unit', cell: (m) => m.unit ?? '—' },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

/** Allegations per year received, as a plain SVG bar chart with a table fallback. */
function PerYearChart({ member }: { member: MemberDetail }) {
  const { t } = useI18n();
  const counts = new Map<number, number>();
  for (const a of member.allegations) {
    const y = Number(a.receivedAt.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (counts.size === 0) {
    return null;
  }
  const years = [...counts.keys()].sort();
  const last = years[years.length - 1]!;
  // at least five years on the axis, so one busy year reads as one year among others
  const first = Math.min(years[0]!, last - 4);
  const all = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(...counts.values());
  const barW = 32;
  const h = 160;
  const width = all.length * (barW + 8) + 40;
  return (
    <figure className="margin-x-0" data-testid="per-year-chart">
      <svg
        className="ovs-chart"
        width={width}
        height={h + 40}
        viewBox={`0 0 ${width} ${h + 40}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
      >
        <title id="chart-title">{t('member.chart')}</title>
        <desc id="chart-desc">
          {t('member.chartDesc')} {all.map((y) => `${y}: ${counts.get(y) ?? 0}`).join(', ')}
        </desc>
        {all.map((y, i) => {
          const n = counts.get(y) ?? 0;
          const bh = max === 0 ? 0 : Math.round((n / max) * (h - 20));
          const x = 20 + i * (barW + 8);
          return (
            <g key={y}>
              <rect className="bar" x={x} y={h - bh} width={barW} height={bh} />
              <text x={x + barW / 2} y={h - bh - 4} textAnchor="middle" fontSize="12">
                {n}
              </text>
              <text x={x + barW / 2} y={h + 16} textAnchor="middle" fontSize="11">
                {y}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

type Comparison = NonNullable<MemberDetail['comparison']>;

/** Allegations counted by year and by category and finding (the viewer's own view). */
function HistoryTables({ member }: { member: MemberDetail }) {
  const { t, label } = useI18n();
  if (member.allegations.length === 0) {
    return null;
  }
  return (
    <>
      <h3>{t('member.byYear')}</h3>
      <DataTable
        caption={t('member.byYear')}
        fullWidth={false}
        testId="history-by-year"
        rows={member.history.byYear}
        rowKey={(y) => y.year}
        columns={[
          { header: 'member.year', cell: (y) => y.year },
          { header: 'member.allegations', cell: (y) => y.allegations },
          { header: 'member.sustainedCount', cell: (y) => y.sustained },
        ]}
      />
      <h3>{t('member.byCategoryFinding')}</h3>
      <DataTable
        caption={t('member.byCategoryFinding')}
        fullWidth={false}
        testId="history-by-category"
        rows={member.history.byCategoryFinding}
        rowKey={(c) => `${c.category} ${c.finding ?? ''}`}
        columns={[
          { header: 'col.category', cell: (c) => label('category', c.category) },
          {
            header: 'col.finding',
            cell: (c) => (c.finding ? label('finding', c.finding) : t('member.pending')),
          },
          { header: 'member.allegations', cell: (c) => c.count },
        ]}
      />
    </>
  );
}

/** Percentiles among all members and among peers, and the co-accusal network. */
function ComparisonSection({ c }: { c: Comparison }) {
  const { t, date, dateTime } = useI18n();
  const pct = (p: number | null) =>
    p === null ? t('member.notRated') : t('member.percentileValue', { p: p.toLocaleString() });
  const num = (x: number | null) => (x === null ? '—' : x.toLocaleString());
  const kinds = [
    ['civilian', c.civilian, c.peers?.civilian],
    ['department', c.department, c.peers?.department],
  ] as const;
  // shown only when the member has peers, so each row has its peer figures
  const peerColumns: Array<Column<(typeof kinds)[number]>> = [
    { header: 'member.peerMedian', cell: ([, , peer]) => num(peer?.median ?? null) },
    { header: 'member.peerPercentile', cell: ([, , peer]) => pct(peer?.percentile ?? null) },
  ];
  return (
    <>
      <PageSection id="m-comparison" title={t('member.comparison')} testId="comparison">
        <p>
          {t('member.comparisonNote', {
            start: date(c.windowStart),
            end: date(c.windowEnd),
            n: c.populationSize.toLocaleString(),
            at: dateTime(c.computedAt),
          })}
        </p>
        <p>
          {t('member.serviceYears')}: {num(c.serviceYears)}
        </p>
        <DataTable
          caption={t('member.comparison')}
          fullWidth={false}
          rows={kinds}
          rowKey={([kind]) => kind}
          rowData={([kind]) => ({ 'data-testid': `rate-${kind}` })}
          columns={[
            { header: 'member.kind', cell: ([kind]) => t(`member.${kind}`) },
            { header: 'member.complaints', cell: ([, r]) => r.complaints },
            { header: 'member.perServiceYear', cell: ([, r]) => num(r.perServiceYear) },
            { header: 'member.percentile', cell: ([, r]) => pct(r.percentile) },
            ...(c.peers ? peerColumns : []),
          ]}
        />
        <h3>{t('member.peers')}</h3>
        <p>
          {c.peers
            ? t('member.peersNote', { n: c.peers.size.toLocaleString() })
            : t('member.noPeers')}
        </p>
      </PageSection>

      <PageSection id="m-network" title={t('member.network')} testId="network">
        <p>{t('member.networkNote')}</p>
        {c.coAccused.length === 0 ? (
          <p>{t('member.noCoAccused')}</p>
        ) : (
          <>
            <dl className="ovs-dl">
              <dt>{t('member.degree')}</dt>
              <dd data-testid="network-degree">{c.coAccused.length}</dd>
              <dt>{t('member.betweenness')}</dt>
              <dd data-testid="network-betweenness">{num(c.network?.betweenness ?? null)}</dd>
              <dt>{t('member.componentSize')}</dt>
              <dd>{num(c.network?.componentSize ?? null)}</dd>
            </dl>
            <DataTable
              caption={t('member.coAccused')}
              testId="co-accused"
              rows={c.coAccused}
              columns={[
                {
                  header: 'col.name',
                  cell: (o) => (
                    <MemberLink id={o.id}>
                      {[o.firstName, o.lastName].filter(Boolean).join(' ') || '—'}
                    </MemberLink>
                  ),
                },
                { header: 'col.star', cell: (o) => o.star ?? '—' },
                { header: 'col.rank', cell: (o) => o.rank ?? '—' },
                { header: 'member.sharedComplaints', cell: (o) => o.complaints },
                { header: 'member.lastShared', cell: (o) => date(o.lastReceivedOn) },
                { header: 'member.linkWeight', cell: (o) => o.weight.toLocaleString() },
              ]}
            />
          </>
        )}
      </PageSection>
    </>
  );
}

/** A member's profile: details, allegation history with findings, duty-status ledger, chart. */
export function MemberPage({ id }: { id: string }) {
  const { t, label, date, dateTime } = useI18n();
  const { data: m, error } = useLoad(() => api.getMember(id), [id]);
  const name = m ? `${m.firstName} ${m.lastName}` : '';
  usePageTitle(m ? t('member.title', { name }) : t('member.details'));
  if (!m) {
    return (
      <>
        <h1>{t('member.details')}</h1>
        {error ? <ProblemAlert error={error} /> : <p>{t('app.loading')}</p>}
      </>
    );
  }
  return (
    <>
      <h1>{t('member.title', { name })}</h1>
      <dl className="ovs-dl">
        <dt>{t('member.star')}</dt>
        <dd>{m.star ?? '—'}</dd>
        <dt>{t('member.rank')}</dt>
        <dd>{m.rank ?? '—'}</dd>
        <dt>{t('member.unit')}</dt>
        <dd>{m.unit ?? '—'}</dd>
        <dt>{t('member.appointed')}</dt>
        <dd>{date(m.appointedDate)}</dd>
        <dt>{t('member.currentDuty')}</dt>
        <dd data-testid="current-duty">
          {m.currentDutyStatus ? label('dutyAction', m.currentDutyStatus) : t('member.fullDuty')}
        </dd>
      </dl>

      <PageSection id="m-chart" title={t('member.chart')}>
        <PerYearChart member={m} />
      </PageSection>

      <PageSection id="m-allegations" title={t('member.allegations')}>
        <DataTable
          empty={t('member.noAllegations')}
          caption={t('member.allegations')}
          rows={m.allegations}
          columns={[
            caseColumn(),
            { header: 'col.received', cell: (a) => date(a.receivedAt) },
            { header: 'col.category', cell: (a) => label('category', a.category) },
            { header: 'case.recommended', cell: (a) => label('finding', a.recommendedFinding) },
            { header: 'case.final', cell: (a) => label('finding', a.finalFinding) },
            { header: 'col.penalty', cell: (a) => a.finalPenalty ?? '—' },
          ]}
        />
        <HistoryTables member={m} />
      </PageSection>

      {m.comparison ? (
        <ComparisonSection c={m.comparison} />
      ) : (
        <PageSection id="m-comparison" title={t('member.comparison')}>
          <p>{t('member.noComparison')}</p>
        </PageSection>
      )}

      <PageSection id="m-duty" title={t('member.dutyLedger')}>
        <DataTable
          empty={t('member.noDuty')}
          caption={t('member.dutyLedger')}
          rows={m.dutyStatus}
          columns={[
            { header: 'col.date', cell: (d) => dateTime(d.effectiveAt) },
            { header: 'col.action', cell: (d) => label('dutyAction', d.action) },
            { header: 'col.stage', cell: (d) => label('dutyStage', d.stage) },
            { header: 'col.decidedBy', cell: (d) => d.decidedBy ?? d.agency },
            caseColumn(),
            { header: 'col.reason', cell: (d) => d.reason },
          ]}
        />
      </PageSection>
    </>
  );
}
