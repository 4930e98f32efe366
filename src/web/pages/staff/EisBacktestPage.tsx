import { DataTable, type Column } from '../../components/DataTable.tsx';
import { api, ApiError } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/en.ts';

const METHODS = ['model', 'rank_by_complaints', 'threshold_3_in_180', 'cpdp_percentile'] as const;
const SHARES = ['1%', '2%', '5%'] as const;
type Method = (typeof METHODS)[number];
/** A method's name: its own column heading, and its row's heading in the pooled table. */
const methodKey = (m: Method) => `eis.method.${m}` as MessageKey;

/**
 * The latest backtest of the early-warning ranking (issue 19 item 5), beside the simpler
 * methods, with the fairness table; aggregates only (docs/early-intervention.md).
 */
export function EisBacktestPage() {
  const { t, dateTime } = useI18n();
  usePageTitle(t('eis.backtest.title'));
  const { data, error } = useLoad(() => api.eisBacktest(), []);
  const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
  const method = (m: Method): string => t(methodKey(m));
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
            captionShown
            fullWidth={false}
            rows={METHODS}
            rowKey={(m) => m}
            columns={[
              { header: 'eis.backtest.col.method', cell: method },
              ...SHARES.map((s): Column<Method> => ({
                title: s,
                cell: (m) =>
                  `${pct(data.pooled[s][m].recall)} / ${pct(data.pooled[s][m].precision)}`,
              })),
            ]}
          />
          <DataTable
            caption={t('eis.backtest.years')}
            captionShown
            fullWidth={false}
            rows={data.years}
            rowKey={(y) => y.year}
            columns={[
              { header: 'eis.backtest.col.year', cell: (y) => y.year },
              { header: 'eis.backtest.col.members', cell: (y) => y.members },
              { header: 'eis.backtest.col.baseRate', cell: (y) => pct(y.base_rate) },
              ...METHODS.map((m): Column<(typeof data.years)[number]> => ({
                header: methodKey(m),
                cell: (y) => pct(y.top['5%'][m].recall),
              })),
              {
                header: 'eis.backtest.col.diff',
                cell: (y) => (
                  <>
                    {pct(y.model_minus_rank_5pct.recall)} ({pct(y.model_minus_rank_5pct.ci95[0])} –{' '}
                    {pct(y.model_minus_rank_5pct.ci95[1])})
                  </>
                ),
              },
            ]}
          />
          {(['race', 'sex'] as const).map((attr) => (
            <DataTable
              key={attr}
              caption={t('eis.backtest.fairness', { attr: t(`eis.backtest.attr.${attr}`) })}
              captionShown
              fullWidth={false}
              rows={data.fairness[attr].model}
              rowKey={(g) => g.group}
              columns={[
                {
                  header: 'eis.backtest.col.group',
                  cell: (g) => (
                    <>
                      {g.group === 'unknown' ? t('eis.backtest.unknown') : g.group} ({g.members})
                    </>
                  ),
                },
                ...METHODS.map(
                  (m): Column<(typeof data.fairness)[typeof attr]['model'][number]> => ({
                    header: methodKey(m),
                    cell: (g) => {
                      const row = data.fairness[attr][m].find((x) => x.group === g.group);
                      return row
                        ? `${pct(row.flag_rate)} / ${pct(row.outcome_rate)} / ${pct(row.recall)}`
                        : '—';
                    },
                  }),
                ),
              ]}
            />
          ))}
        </>
      ) : null}
    </>
  );
}
