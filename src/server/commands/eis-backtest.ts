import crypto from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import { saveBacktestRun } from '../repositories/eis-alerts.repository.ts';
import { runBacktest, type BacktestResult } from '../domain/eis/backtest.ts';
import { loadEisHistory } from '../repositories/eis.repository.ts';

/**
 * `oversight eis backtest` (issue 19 item 5): loads the jurisdiction's member history once and
 * scores every method for each prediction year (docs/early-intervention.md). Reads only.
 */
export async function eisBacktest(
  db: Queryable,
  jurisdiction: string,
  timeZone: string,
  opts: { from: number; to: number; resamples?: number },
): Promise<BacktestResult> {
  const history = await loadEisHistory(db, jurisdiction, timeZone);
  return runBacktest(history, opts);
}

/**
 * Keeps the run's tables for the Reports page (aggregates only: rates per year, method and group,
 * no member). Reads only the result; a CLI run is not a staff action, so there is no audit row.
 */
export async function keepBacktest(
  db: Queryable,
  jurisdiction: string,
  result: BacktestResult,
  seconds: number,
  at: Date,
): Promise<void> {
  await saveBacktestRun(db, {
    id: crypto.randomUUID(),
    jurisdiction,
    from: result.from,
    to: result.to,
    result,
    seconds,
    at,
  });
}
