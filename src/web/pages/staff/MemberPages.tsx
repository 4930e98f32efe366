import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Form, Table, TextInput } from '@trussworks/react-uswds';
import { api, type MemberDetail } from '../../api/client.ts';
import { Field, ProblemAlert, fieldErrorsOf } from '../../components/problems.tsx';
import { Link, navigate } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

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
        <Field id="members-q" label={t('intake.memberSearch')} error={fields.q}>
          <TextInput
            id="members-q"
            name="q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <Button type="submit">{t('common.search')}</Button>
      </Form>
      <ProblemAlert error={error} />
      {data ? (
        <>
          <p className="margin-top-3">{t('member.results', { n: data.total.toLocaleString() })}</p>
          <div className="ovs-table-wrap">
            <Table fullWidth striped>
              <caption className="usa-sr-only">{t('member.search')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.name')}</th>
                  <th scope="col">{t('col.star')}</th>
                  <th scope="col">{t('col.rank')}</th>
                  <th scope="col">{t('col.unit')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/staff/members/${m.id}`}>
                        {m.firstName} {m.lastName}
                      </Link>
                    </th>
                    <td>{m.star ?? '—'}</td>
                    <td>{m.rank ?? '—'}</td>
                    <td>{m.unit ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
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

      <section className="ovs-section" aria-labelledby="m-chart">
        <h2 id="m-chart">{t('member.chart')}</h2>
        <PerYearChart member={m} />
      </section>

      <section className="ovs-section" aria-labelledby="m-allegations">
        <h2 id="m-allegations">{t('member.allegations')}</h2>
        {m.allegations.length === 0 ? (
          <p>{t('member.noAllegations')}</p>
        ) : (
          <div className="ovs-table-wrap">
            <Table fullWidth striped>
              <caption className="usa-sr-only">{t('member.allegations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.case')}</th>
                  <th scope="col">{t('col.received')}</th>
                  <th scope="col">{t('col.category')}</th>
                  <th scope="col">{t('case.recommended')}</th>
                  <th scope="col">{t('case.final')}</th>
                  <th scope="col">{t('col.penalty')}</th>
                </tr>
              </thead>
              <tbody>
                {m.allegations.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/staff/cases/${a.logNumber}`}>{a.logNumber}</Link>
                    </th>
                    <td>{date(a.receivedAt)}</td>
                    <td>{label('category', a.category)}</td>
                    <td>{label('finding', a.recommendedFinding)}</td>
                    <td>{label('finding', a.finalFinding)}</td>
                    <td>{a.finalPenalty ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>

      <section className="ovs-section" aria-labelledby="m-duty">
        <h2 id="m-duty">{t('member.dutyLedger')}</h2>
        {m.dutyStatus.length === 0 ? (
          <p>{t('member.noDuty')}</p>
        ) : (
          <div className="ovs-table-wrap">
            <Table fullWidth striped>
              <caption className="usa-sr-only">{t('member.dutyLedger')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.date')}</th>
                  <th scope="col">{t('col.action')}</th>
                  <th scope="col">{t('col.stage')}</th>
                  <th scope="col">{t('col.decidedBy')}</th>
                  <th scope="col">{t('col.case')}</th>
                  <th scope="col">{t('col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {m.dutyStatus.map((d) => (
                  <tr key={d.id}>
                    <td>{dateTime(d.effectiveAt)}</td>
                    <td>{label('dutyAction', d.action)}</td>
                    <td>{label('dutyStage', d.stage)}</td>
                    <td>{d.decidedBy ?? d.agency}</td>
                    <th scope="row">
                      <Link to={`/staff/cases/${d.logNumber}`}>{d.logNumber}</Link>
                    </th>
                    <td>{d.reason}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
