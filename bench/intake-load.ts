/**
 * The load generator of the intake benchmark, run as a child process (`fork`) so that building
 * requests and parsing responses does not share the server's event loop, as real clients would
 * not. It receives one job per message over IPC and answers with the raw latencies.
 */
import { performance } from 'node:perf_hooks';
import { intakeBody, prng } from './intake-bodies.ts';

/** One measurement the parent asks for. */
export interface LoadJob {
  /** Base URL of the listening app, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  token: string;
  n: number;
  concurrency: number;
  seed: number;
  /** Year every `receivedAt` falls in. */
  year: number;
  facilityCodes: string[];
}

/** What one job measured. */
export interface LoadResult {
  /** Wall time from the first request sent to the last response read. */
  elapsedMs: number;
  /** Per-request latency, in completion order. */
  latenciesMs: number[];
  /** The log numbers the API returned. */
  logNumbers: string[];
  failures: number;
  /** Up to five failed responses, for the report. */
  failureSamples: string[];
}

async function run(job: LoadJob): Promise<LoadResult> {
  const rand = prng(job.seed);
  // bodies are built before the clock starts
  const bodies = Array.from({ length: job.n }, () =>
    JSON.stringify(intakeBody(rand, job.year, job.facilityCodes)),
  );
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${job.token}`,
  };
  const latenciesMs: number[] = [];
  const logNumbers: string[] = [];
  const failureSamples: string[] = [];
  let failures = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < job.n; i = next++) {
      const started = performance.now();
      try {
        const res = await fetch(`${job.baseUrl}/api/v1/cases`, {
          method: 'POST',
          headers,
          body: bodies[i]!,
        });
        const text = await res.text();
        latenciesMs.push(performance.now() - started);
        if (res.status === 201) {
          logNumbers.push((JSON.parse(text) as { logNumber: string }).logNumber);
        } else {
          failures++;
          if (failureSamples.length < 5) {
            failureSamples.push(`${res.status} ${text.slice(0, 300)}`);
          }
        }
      } catch (err) {
        failures++;
        if (failureSamples.length < 5) {
          failureSamples.push(String(err));
        }
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return {
    elapsedMs: performance.now() - started,
    latenciesMs,
    logNumbers,
    failures,
    failureSamples,
  };
}

process.on('message', (job: LoadJob) => {
  void run(job).then(
    (result) => process.send?.(result),
    (err: unknown) => process.send?.({ error: String(err) }),
  );
});
