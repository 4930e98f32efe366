import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBody } from '../../bench/intake-bodies.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import {
  halfWritten,
  restartAndInspect,
  run,
  serve,
  sigkill,
  staffToken,
  start,
  tally,
  targets,
  type Engine,
  type Found,
} from './kill-harness.ts';

/**
 * Issue 21 item 3: a crash at any moment loses nothing committed. The real server (`oversight
 * serve`) and the real importer (`oversight import chicago`) are killed with SIGKILL at seeded
 * random moments while they work; after each kill a restarted process opens the database and
 * every request answered 2xx must be there exactly once, nothing half-written may be visible, the
 * audit chain must verify, and the interrupted import, run again, must end where an uninterrupted
 * import of the same files ends.
 *
 * KILL_POINTS (default 10, so CI's run stays short) is the number of kills per engine, split
 * 10 : 10 : 6 between intake, updates and the import; `KILL_POINTS=26` gives the 52 kills of
 * docs/operations.md. KILL_SEED (default 21) picks the moments; KILL_ENGINES (default
 * `pglite,postgres`) the engines. The server engine uses a fresh database on TEST_DATABASE_URL's
 * server, or a throwaway PostgreSQL 15 started here.
 */
const KILL_POINTS = Number(process.env.KILL_POINTS ?? 10);
const SEED = Number(process.env.KILL_SEED ?? 21);
const ENGINES = (process.env.KILL_ENGINES ?? 'pglite,postgres').split(',') as Engine[];
const SPLIT = {
  intake: Math.round((KILL_POINTS * 10) / 26),
  updates: Math.round((KILL_POINTS * 10) / 26),
  import: KILL_POINTS - 2 * Math.round((KILL_POINTS * 10) / 26),
};
/** Requests in flight at once against the server. */
const CONCURRENCY = 4;
/** The year every intake is received in: its log numbers must be 1..N with no gap. */
const YEAR = 2025;
const DATA = path.resolve(import.meta.dirname, '../../../shared/data/chicago');
/** A few real files: COPA's whole CMS case file (8,483 rows) and 200-row samples of two more. */
const IMPORT_FILES = [
  path.join(DATA, 'complaints-complaints-cms_2019-2022_2022-09_p031093.csv.gz'),
  path.join(DATA, 'sample/complaints-accused-cms_2019-2022_2022-09_p031093.csv'),
  path.join(DATA, 'sample/complaints-complainants-cms_2019-2022_2022-09_p031093.csv'),
];
const IMPORT = ['import', 'chicago', ...IMPORT_FILES, '--no-network'];

/** What the server answered 2xx: each must be found exactly once after every restart. */
interface Acknowledged {
  /** Log number → id of its acknowledgement-letter deadline ('' when it is not to be updated). */
  cases: Map<string, string>;
  transitions: string[];
  allegations: string[];
  metDeadlines: string[];
}

/** Kill points survived, by workload: the numbers the report and docs/operations.md give. */
const survived: Record<string, Record<string, number>> = {};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Keeps CONCURRENCY requests in flight until the server dies; `next` gives the next request and
 * what to record when it is answered 2xx. A request cut off by the kill is neither; any other
 * answer is a failure of the server (it was alive) and is collected in `refused`. `answered`
 * resolves at the first answer: the kill comes a random time after it, so that on a loaded
 * machine it still falls among requests in flight rather than in the server's start.
 */
function load(
  baseUrl: string,
  token: string,
  next: () => { path: string; body: unknown; ok: (res: unknown) => void },
  refused: string[],
): { done: Promise<void>; answered: Promise<void> } {
  let dead = false;
  let firstAnswer = (): void => undefined;
  const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
  const worker = async (): Promise<void> => {
    while (!dead) {
      const r = next();
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/api/v1${r.path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(r.body),
        });
      } catch {
        dead = true; // the kill: no answer, so no promise made
        return;
      }
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        dead = true; // killed while the answer was on its way: the status was never final
        return;
      }
      firstAnswer();
      if (res.ok) {
        r.ok(json);
      } else {
        refused.push(`${r.path} ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      }
    }
  };
  const done = Promise.all(Array.from({ length: CONCURRENCY }, worker)).then(() => undefined);
  // a server that dies before its first answer releases the waiter too
  void done.then(firstAnswer);
  return { done, answered };
}

/** SIGKILL at a seeded moment up to 1.5 s after the server's first answer under load. */
async function killAmid(
  server: Parameters<typeof sigkill>[0],
  running: { done: Promise<void>; answered: Promise<void> },
  rand: () => number,
): Promise<void> {
  await running.answered;
  await sleep(rand() * 1500);
  await sigkill(server);
  await running.done;
}

/** Every acknowledged write is found exactly once; nothing half-written is visible. */
function expectIntact(found: Found, ack: Acknowledged, where: string): void {
  expect(halfWritten(found), where).toEqual([]);
  const cases = tally(found.logNumbers);
  const transitions = tally(found.transitions);
  const allegations = tally(found.allegationIds);
  const met = new Set(found.metDeadlines);
  const lost = [
    ...[...ack.cases.keys()].filter((k) => cases.get(k) !== 1).map((k) => `case ${k}`),
    ...ack.transitions.filter((k) => transitions.get(k) !== 1).map((k) => `transition ${k}`),
    ...ack.allegations.filter((k) => allegations.get(k) !== 1).map((k) => `allegation ${k}`),
    ...ack.metDeadlines.filter((k) => !met.has(k)).map((k) => `met deadline ${k}`),
  ];
  expect(lost, where).toEqual([]);
}

/**
 * One engine: intake and updates against `oversight serve` on one database, the import on
 * another (and an uninterrupted import on a third to compare with).
 */
async function killRun(engine: Engine): Promise<void> {
  const rand = seededRandom(SEED + (engine === 'postgres' ? 1 : 0));
  const bodies = seededRandom(SEED * 7);
  const made = await targets(engine);
  const counts: Record<string, number> = { intake: 0, updates: 0, import: 0 };
  survived[engine] = counts;
  const disposers: Array<() => Promise<void>> = [];
  const began = Date.now();
  const phase = (what: string) =>
    console.log(`${engine}: ${what} at ${((Date.now() - began) / 1000).toFixed(1)} s`);
  try {
    const target = await made.make();
    disposers.push(target.dispose);
    const token = await staffToken(target.env);
    const ack: Acknowledged = {
      cases: new Map(),
      transitions: [],
      allegations: [],
      metDeadlines: [],
    };
    const refused: string[] = [];

    // intake: complaints filed over HTTP while the server is killed
    for (let k = 0; k < SPLIT.intake; k++) {
      const server = await serve(target.env);
      const running = load(
        server.baseUrl,
        token,
        () => ({
          path: '/cases',
          body: intakeBody(bodies, YEAR, []),
          ok: (res) => {
            const r = res as {
              logNumber: string;
              restricted: boolean;
              routing: { agency: string };
              deadlines: Array<{ id: string; kind: string }>;
            };
            const ackLetter = r.deadlines.find((d) => d.kind === 'acknowledgement_letter');
            // a restricted case, or one BIA leads, is hidden from the harness's COPA user
            // (ADR 0006, 0007): not updated below
            const updatable = !r.restricted && r.routing.agency === 'COPA';
            ack.cases.set(r.logNumber, updatable ? (ackLetter?.id ?? '') : '');
          },
        }),
        refused,
      );
      await killAmid(server, running, rand);
      expectIntact(await restartAndInspect(target.env), ack, `${engine} intake kill ${k + 1}`);
      counts.intake! += 1;
    }

    phase(`intake done (${ack.cases.size} cases acknowledged)`);
    // updates: stage changes, allegations and met deadlines on the cases filed above
    const pool = [...ack.cases.entries()].filter(([, d]) => d !== '');
    expect(
      pool.length,
      `cases the harness may update; refused: ${refused.slice(0, 3).join('; ')}`,
    ).toBeGreaterThan(0);
    let cursor = 0;
    const nextUpdate = () => {
      const i = cursor++;
      const [logNumber, deadlineId] = pool[Math.floor(i / 3) % pool.length]!;
      const step = i < pool.length * 3 ? i % 3 : 1;
      if (step === 0) {
        return {
          path: `/cases/${logNumber}/transitions`,
          body: { to: 'preliminary', expectedStatus: 'intake', note: 'kill harness' },
          ok: () => ack.transitions.push(`${logNumber}>preliminary`),
        };
      }
      if (step === 2) {
        return {
          path: `/cases/${logNumber}/deadlines/${deadlineId}/complete`,
          body: {},
          ok: () => ack.metDeadlines.push(deadlineId),
        };
      }
      return {
        path: `/cases/${logNumber}/allegations`,
        body: { unknownMember: true, category: 'verbal_abuse', summary: `kill harness ${i}` },
        ok: (res: unknown) => ack.allegations.push((res as { id: string }).id),
      };
    };
    for (let k = 0; k < SPLIT.updates; k++) {
      const server = await serve(target.env);
      await killAmid(server, load(server.baseUrl, token, nextUpdate, refused), rand);
      expectIntact(await restartAndInspect(target.env), ack, `${engine} updates kill ${k + 1}`);
      counts.updates! += 1;
    }
    // a transition cut off by a kill may have committed: its case then answers 409 to nobody,
    // since each case is moved once; any refusal is a server failure while it was alive
    expect(refused).toEqual([]);
    expect(ack.cases.size).toBeGreaterThan(0);
    expect(ack.transitions.length + ack.allegations.length).toBeGreaterThan(0);
    await run(target.env, ['audit', 'verify']);

    phase(
      `updates done (${ack.transitions.length} transitions, ${ack.allegations.length} allegations, ${ack.metDeadlines.length} met deadlines acknowledged)`,
    );
    // the import: killed and run again, it must end where an uninterrupted import ends
    const reference = await made.make();
    disposers.push(reference.dispose);
    const t0 = Date.now();
    await run(reference.env, IMPORT);
    const uninterruptedMs = Date.now() - t0;
    const expected = (await restartAndInspect(reference.env)).fingerprint;
    phase(`uninterrupted import done (${uninterruptedMs} ms)`);
    const killed = await made.make();
    disposers.push(killed.dispose);
    for (let k = 0; k < SPLIT.import; k++) {
      const p = start(killed.env, IMPORT);
      await sleep(rand() * uninterruptedMs);
      await sigkill(p);
      const found = await restartAndInspect(killed.env);
      expect(halfWritten(found, true), `${engine} import kill ${k + 1}`).toEqual([]);
      counts.import! += 1;
    }
    phase('import kills done');
    await run(killed.env, IMPORT);
    await run(killed.env, ['audit', 'verify']);
    const resumed = await restartAndInspect(killed.env);
    expect(halfWritten(resumed, true)).toEqual([]);
    expect(resumed.fingerprint).toEqual(expected);
  } finally {
    for (const d of disposers.reverse()) {
      await d();
    }
    await made.close();
    console.log(`kill points survived on ${engine}: ${JSON.stringify(counts)}`);
  }
}

describe('a crash at any moment loses nothing committed (issue 21 item 3)', () => {
  it('the checks see what a half-written write would leave', () => {
    // the checks themselves, on made-up findings: a harness that cannot fail proves nothing
    const intact: Found = {
      logNumbers: ['2025-0000001', '2025-0000002'],
      counters: [{ year: 2025, lastSeq: 2 }],
      filedAudit: ['2025-0000001', '2025-0000002'],
      allegationIds: ['a1'],
      allegationAudit: ['a1'],
      transitions: ['2025-0000001>preliminary'],
      transitionAudit: ['2025-0000001'],
      metDeadlines: ['d1'],
      metAudit: ['d1'],
      audit: { ok: true, checked: 6, problems: [] },
      fingerprint: {},
    };
    expect(halfWritten(intact)).toEqual([]);
    expect(halfWritten({ ...intact, counters: [{ year: 2025, lastSeq: 3 }] })).toHaveLength(1);
    expect(halfWritten({ ...intact, filedAudit: ['2025-0000001'] })).toEqual([
      'case 2025-0000002: 1 row(s), 0 audit event(s)',
    ]);
    expect(halfWritten({ ...intact, allegationIds: [] })).toEqual([
      'allegation a1: 1 audit event(s) and no row',
    ]);
    expect(halfWritten({ ...intact, transitionAudit: [] })).toHaveLength(1);
    expect(halfWritten({ ...intact, metAudit: ['d1', 'd1'] })).toHaveLength(1);
    // an import moves the counter past every number it brings (ADR 0005)
    expect(halfWritten({ ...intact, counters: [{ year: 2025, lastSeq: 1 }] }, true)).toHaveLength(
      1,
    );
  });

  // the two engines run side by side: the work is in the child processes
  it.concurrent.each(ENGINES)(
    'survives SIGKILL of the server and of an import on %s',
    async (engine) => {
      await killRun(engine);
      const c = survived[engine]!;
      expect(c).toEqual(SPLIT);
    },
    // a limit, not a target: on this 2-core machine under a load average of 18 a kill point on
    // PGlite has taken up to 30 s
    Math.max(600_000, KILL_POINTS * 45_000),
  );
});
