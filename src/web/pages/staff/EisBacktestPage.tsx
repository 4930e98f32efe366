import { DataTable } from '../../components/DataTable.tsx';
import { api, ApiError } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/en.ts';

const METHODS = ['model', 'rank_by_complaints', 'threshold_3_in_180', 'cpdp_percentile'] as const;
const SHARES = ['1%', '2%', '5%'] as const;

/**
 * The latest backtest of the early-warning ranking (issue 19 item 5), beside the simpler
 * methods, with the fairness table; aggregates only (docs/early-intervention.md).
 */
export function EisBacktestPage() {
  const { t, dateTime } = useI18n();
  usePageTitle(t('eis.backtest.title'));
  const { data, error } = useLoad(() => api.eisBacktest(), []);
  const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
  const method = (m: (typeof METHODS)[number]): string => t(`eis.method.${m}` as MessageKey);
  const notRun = error instanceof ApiError && error.code === 'backtest_not_run';
  return (
    <>
      <h1>{t('eis.backtest.title')}</h1>
      {notRun ? <p data-testid="backtest-none">{t('eis.backtest.none')}</p> : null}
      {!notRun ? <ProblemAlert error={error} /> : null}
      {data ? (
        <>
          <p className="usa-intro">
            {t('eis.backtest.intro', {
              from: data.from,
              to: data.to,
              ranAt: dateTime(data.ranAt),
              seconds: Math.round(data.seconds),
            })}
          </p>
          <p>{t('eis.backtest.baseRate', { rate: pct(data.base_rate) })}</p>
          <p data-testid="backtest-gain">
            {t('eis.backtest.gain', {
              model: pct(data.model_vs_rank_5pct.model),
              rank: pct(data.model_vs_rank_5pct.rank),
              relative: `${data.model_vs_rank_5pct.relative >= 0 ? '+' : ''}${pct(data.model_vs_rank_5pct.relative)}`,
              lo: pct(data.model_vs_rank_5pct.ci95[0]),
              hi: pct(data.model_vs_rank_5pct.ci95[1]),
            })}
          </p>
          <DataTable
            caption={t('eis.backtest.pooled')}
            columns={[t('eis.backtest.col.method'), ...SHARES]}
            captionShown
            fullWidth={false}
          >
            {METHODS.map((m) => (
              <tr key={m}>
                <th scope="row">{method(m)}</th>
                {SHARES.map((s) => (
                  <td key={s}>
                    {pct(data.pooled[s][m].recall)} / {pct(data.pooled[s][m].precision)}
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
          <DataTable
            caption={t('eis.backtest.years')}
            captionShown
            fullWidth={false}
            columns={[
              t('eis.backtest.col.year'),
              t('eis.backtest.col.members'),
              t('eis.backtest.col.baseRate'),
              ...METHODS.map(method),
              t('eis.backtest.col.diff'),
            ]}
          >
            {data.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>{y.members}</td>
                <td>{pct(y.base_rate)}</td>
                {METHODS.map((m) => (
                  <td key={m}>{pct(y.top['5%'][m].recall)}</td>
                ))}
                <td>
                  {pct(y.model_minus_rank_5pct.recall)} ({pct(y.model_minus_rank_5pct.ci95[0])} –{' '}
                  {pct(y.model_minus_rank_5pct.ci95[1])})
                </td>
              </tr>
            ))}
          </DataTable>
          {(['race', 'sex'] as const).map((attr) => (
            <DataTable
              key={attr}
              caption={t('eis.backtest.fairness', { attr: t(`eis.backtest.attr.${attr}`) })}
              captionShown
              fullWidth={false}
              columns={[t('eis.backtest.col.group'), ...METHODS.map(method)]}
            >
              {data.fairness[attr].model.map((g) => (
                <tr key={g.group}>
                  <th scope="row">
                    {g.group === 'unknown' ? t('eis.backtest.unknown') : g.group} ({g.members})
                  </th>
                  {METHODS.map((m) => {
                    const row = data.fairness[attr][m].find((x) => x.group === g.group);
                    return (
                      <td key={m}>
                        {row
                          ? `${pct(row.flag_rate)} / ${pct(row.outcome_rate)} / ${pct(row.recall)}`
                          : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </DataTable>
          ))}
        </>
      ) : null}
    </>
  );
}
