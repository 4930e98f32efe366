import type { Queryable } from '../db/client.ts';
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
