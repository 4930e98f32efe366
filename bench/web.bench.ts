/**
 * `npm run bench:web`: time to interactive of the staff app's queue, search and case page in
 * Debian Chromium, against a real `oversight demo --serve`.
 *
 * Time to interactive here = from `page.goto()` to the page's data rendered (the queue's total,
 * the case heading), measured in this process: navigation, HTML, scripts, the session check and
 * the API calls all count. The browser context is warm (assets cached, signed in), as for an
 * investigator who works all day. p50/p95 printed per page against the issue's target
 * (p95 < 1 s), never asserted.
 *
 * Data: BENCH_DATA_DIR = a PGlite data directory holding the full imported history (see
 * `npm run bench:import`; the demo users and cases are added on top); otherwise a fresh demo
 * data directory (demo cases + the 200-row real samples). The report says which.
 * Settings: BENCH_SAMPLES (30 per page), BENCH_WARMUP (3).
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { launch, newPage, signIn } from '../e2e/browser.ts';
import { startServer } from '../e2e/server.ts';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const dataDir = process.env.BENCH_DATA_DIR;
const WORDS = ['force', 'search', 'arrest', 'vehicle', 'shelter', 'taser', 'home', 'verbal'];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const server = await startServer(dataDir ? { dataDir } : {});
const browser = await launch();
try {
  const { page } = await newPage(browser, server.baseUrl);
  await signIn(page, 'chief@copa.example');
  const totalRes = await page.request.get('/api/v1/cases?pageSize=1');
  const total = ((await totalRes.json()) as { total: number }).total;
  const pages = Math.max(1, Math.ceil(total / 25));
  const sample = await page.request.get('/api/v1/cases?pageSize=200');
  const logNumbers = ((await sample.json()) as { items: Array<{ logNumber: string }> }).items.map(
    (i) => i.logNumber,
  );

  const measure = async (
    name: string,
    url: (i: number) => string,
    ready: string,
  ): Promise<{ name: string; p50: number; p95: number; max: number }> => {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
      const t0 = performance.now();
      await page.goto(url(i));
      await page.locator(`${ready}, [data-testid=problem]`).first().waitFor();
      if ((await page.locator(ready).count()) === 0) {
        const problem = await page.getByTestId('problem').getAttribute('data-code');
        throw new Error(`${url(i)} answered ${problem ?? 'an error'} instead of the page`);
      }
      const ms = performance.now() - t0;
      if (i >= WARMUP) {
        times.push(ms);
      }
    }
    times.sort((a, b) => a - b);
    return { name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1)! };
  };

  const results = [
    await measure(
      'queue (random page of all cases)',
      (i) => `/staff/cases?page=${1 + ((i * 7919) % Math.min(pages, 4000))}`,
      '[data-testid=queue-total]',
    ),
    await measure(
      'search (one word, full text)',
      (i) => `/staff/cases?q=${WORDS[i % WORDS.length]}`,
      '[data-testid=queue-total]',
    ),
    await measure(
      'case page',
      (i) => `/staff/cases/${logNumbers[i % logNumbers.length]}`,
      '[data-testid=case-title]',
    ),
  ];
  console.log(
    `bench:web — ${dataDir ? `data dir ${dataDir} (imported history + demo)` : 'fresh demo data (demo cases + 200-row real samples)'}: ${total} cases visible to the chief administrator`,
  );
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${SAMPLES} samples per page after ${WARMUP} warm-up`,
  );
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(34)} p50 ${r.p50.toFixed(0).padStart(5)} ms   p95 ${r.p95
        .toFixed(0)
        .padStart(
          5,
        )} ms   max ${r.max.toFixed(0).padStart(5)} ms   ${r.p95 < 1000 ? 'under' : 'OVER'} the 1 s target`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
