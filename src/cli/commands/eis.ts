import { InvalidArgumentError, type Command } from 'commander';
import { wholeNumber, withRuntime } from '../runtime.ts';
import { eisBacktest, keepBacktest } from '../../server/commands/eis-backtest.ts';
import { runEis } from '../../server/commands/eis.ts';
import {
  METHODS,
  SHARES,
  type BacktestResult,
  type Share,
} from '../../server/domain/eis/backtest.ts';

const parseYear = wholeNumber(1900, 2100, 'must be a year such as 2008');

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

/** The backtest as the JSON of issue 19 item 5: years, pooled, base_rate, then the fairness table. */
export function backtestJson(r: BacktestResult): unknown {
  return {
    years: r.years,
    pooled: r.pooled,
    base_rate: r.base_rate,
    fairness: r.fairness,
    model_vs_rank_5pct: r.model_vs_rank_5pct,
    settings: r.settings,
  };
}

/** The backtest as text tables (pooled, per year, fairness of the top 5%). */
export function formatBacktest(r: BacktestResult): string {
  const lines: string[] = [];
  lines.push(
    `Early-intervention backtest, prediction years ${r.from}–${r.to}; outcome: a sustained allegation in a complaint received in T+1..T+2`,
  );
  lines.push(`Base rate (pooled): ${pct(r.base_rate)}`, '');
  lines.push(`Pooled recall / precision of the top k% of members active in T`);
  lines.push(['method'.padEnd(20), ...Object.keys(SHARES).map((s) => s.padStart(16))].join(''));
  for (const m of METHODS) {
    lines.push(
      [
        m.padEnd(20),
        ...(Object.keys(SHARES) as Share[]).map((s) =>
          `${pct(r.pooled[s][m].recall)} / ${pct(r.pooled[s][m].precision)}`.padStart(16),
        ),
      ].join(''),
    );
  }
  const v = r.model_vs_rank_5pct;
  lines.push(
    '',
    `Top 5%: model ${pct(v.model)} vs rank by prior complaints ${pct(v.rank)}: ${v.relative >= 0 ? '+' : ''}${pct(v.relative)} relative (95% bootstrap interval ${pct(v.ci95[0])} to ${pct(v.ci95[1])})`,
    '',
    'Per year, top 5% recall (members, outcome rate; model − rank with 95% interval; the 3-in-180 rule as shipped)',
  );
  for (const y of r.years) {
    const t = y.top['5%'];
    lines.push(
      `${y.year}  n=${y.members} base=${pct(y.base_rate)}  model ${pct(t.model.recall)}  rank ${pct(t.rank_by_complaints.recall)}  3-in-180 ${pct(t.threshold_3_in_180.recall)}  cpdp ${pct(t.cpdp_percentile.recall)}  diff ${pct(y.model_minus_rank_5pct.recall)} [${pct(y.model_minus_rank_5pct.ci95[0])}, ${pct(y.model_minus_rank_5pct.ci95[1])}]  rule flags ${pct(y.threshold_rule.share)} recall ${pct(y.threshold_rule.recall)} precision ${pct(y.threshold_rule.precision)}`,
    );
  }
  for (const attr of ['race', 'sex'] as const) {
    lines.push(
      '',
      `Top 5% by ${attr} (pooled): flag rate / outcome rate / recall within the group`,
    );
    const groups = r.fairness[attr].model.map((g) => g.group);
    lines.push(['group'.padEnd(24), ...METHODS.map((m) => m.padStart(24))].join(''));
    for (const g of groups) {
      const cells = METHODS.map((m) => {
        const row = r.fairness[attr][m].find((x) => x.group === g)!;
        return `${pct(row.flag_rate)}/${pct(row.outcome_rate)}/${pct(row.recall)}`.padStart(24);
      });
      const n = r.fairness[attr].model.find((x) => x.group === g)!.members;
      lines.push([`${g} (${n})`.padEnd(24), ...cells].join(''));
    }
  }
  return lines.join('\n');
}

/** `oversight eis backtest|run` (issue 19, docs/early-intervention.md). */
export function registerEisCommands(program: Command): void {
  const eis = program.command('eis').description('early intervention: ranking, rules, backtest');
  eis
    .command('backtest')
    .description(
      'rank members each year with only what was known on Dec 31 and score against a sustained allegation in the next two years',
    )
    .option('--from <year>', 'first prediction year', parseYear, 2008)
    .option('--to <year>', 'last prediction year', parseYear, 2018)
    .option('--json', 'print JSON')
    .option('--no-save', 'do not keep the tables for the Reports page')
    .action(async (opts: { from: number; to: number; json?: boolean; save: boolean }) => {
      if (opts.to < opts.from) {
        throw new InvalidArgumentError('--to must not be before --from');
      }
      const result = await withRuntime('oversight eis backtest', async (rt) => {
        const started = Date.now();
        const r = await eisBacktest(rt.db, rt.jurisdiction, rt.profile.timeZone, {
          from: opts.from,
          to: opts.to,
        });
        if (opts.save) {
          await keepBacktest(rt.db, rt.jurisdiction, r, (Date.now() - started) / 1000, new Date());
        }
        return r;
      });
      console.log(
        opts.json ? JSON.stringify(backtestJson(result), null, 2) : formatBacktest(result),
      );
    });

  eis
    .command('run')
    .description(
      'evaluate the active early-intervention rules and put new alerts in the queue (nightly); alerts are advice for support and training, never discipline',
    )
    .option('--as-of <date>', 'the day to evaluate (YYYY-MM-DD; default today, local time)')
    .action(async (opts: { asOf?: string }) => {
      if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
        throw new InvalidArgumentError('--as-of must be a date YYYY-MM-DD');
      }
      const result = await withRuntime('oversight eis run', (rt) => {
        const asOf =
          opts.asOf ?? new Date().toLocaleDateString('en-CA', { timeZone: rt.profile.timeZone });
        return runEis(rt.db, rt.profile, rt.jurisdiction, asOf, () => new Date());
      });
      console.log(
        `eis run ${result.asOf}: ${result.rules} active rule(s), ${result.raised} new alert(s), ${result.alreadyOpen} already under review`,
      );
    });
}
