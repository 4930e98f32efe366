/**
 * A read-load generator run as a child process (`fork`), so that sending requests and reading
 * responses does not share the server's event loop, as real clients would not. It receives one
 * job per message over IPC: `concurrency` clients, each sending its next GET as soon as its last
 * answer is read (closed loop, HTTP/1.1 keep-alive), until `n` requests have been answered.
 */
import { performance } from 'node:perf_hooks';

/** One measurement the parent asks for. */
export interface GetJob {
  /** Base URL of the listening app, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  token: string;
  /** Paths cycled through in order (request i asks for paths[i % length]). */
  paths: string[];
  n: number;
  concurrency: number;
}

/** What one job measured. */
export interface GetResult {
  /** Wall time from the first request sent to the last response read. */
  elapsedMs: number;
  /** Per-request latency, in completion order. */
  latenciesMs: number[];
  /** Answers other than 200, by path and status. */
  failures: Record<string, number>;
}

async function run(job: GetJob): Promise<GetResult> {
  const headers = { authorization: `Bearer ${job.token}` };
  const latenciesMs: number[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  const client = async (): Promise<void> => {
    for (let i = next++; i < job.n; i = next++) {
      const p = job.paths[i % job.paths.length]!;
      const started = performance.now();
      let status = 0;
      try {
        const res = await fetch(job.baseUrl + p, { headers });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = -1;
      }
      latenciesMs.push(performance.now() - started);
      if (status !== 200) {
        const key = `${p} → ${status}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, client));
  return { elapsedMs: performance.now() - started, latenciesMs, failures };
}

process.on('message', (job: GetJob) => {
  void run(job).then(
    (result) => process.send?.(result),
    (err: unknown) => process.send?.({ error: String(err) }),
  );
});
