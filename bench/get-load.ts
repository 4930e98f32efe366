/**
 * A read-load generator run as a child process (`fork`), so that sending requests and reading
 * responses does not share the server's event loop, as real clients would not. It receives one
 * job per message over IPC: `concurrency` clients, each sending its next GET as soon as its last
 * answer is read (closed loop, HTTP/1.1 keep-alive), until `n` requests have been answered.
 */
import http from 'node:http';
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

/**
 * GET `url` on a kept-alive connection of `agent`; resolves to the status once the whole body is
 * read. node:http rather than fetch: undici spent about a millisecond of CPU per request here, and
 * this process shares the machine's two cores with the server it measures.
 */
function get(url: URL, headers: http.OutgoingHttpHeaders, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function run(job: GetJob): Promise<GetResult> {
  const headers = { authorization: `Bearer ${job.token}` };
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const urls = job.paths.map((p) => new URL(job.baseUrl + p));
  const latenciesMs: number[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  const client = async (): Promise<void> => {
    for (let i = next++; i < job.n; i = next++) {
      const p = i % job.paths.length;
      const started = performance.now();
      let status = 0;
      try {
        status = await get(urls[p]!, headers, agent);
      } catch {
        status = -1;
      }
      latenciesMs.push(performance.now() - started);
      if (status !== 200) {
        const key = `${job.paths[p]!} → ${status}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: job.concurrency }, client));
  agent.destroy();
  return { elapsedMs: performance.now() - started, latenciesMs, failures };
}

process.on('message', (job: GetJob) => {
  void run(job).then(
    (result) => process.send?.(result),
    (err: unknown) => process.send?.({ error: String(err) }),
  );
});
