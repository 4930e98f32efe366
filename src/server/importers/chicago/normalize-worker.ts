/**
 * The worker thread's side of {@link NormalizingThread} (normalize-thread.ts): for each file it is
 * given, reads it, normalizes it with the kind's module and posts each chunk of entities back, at
 * most a few chunks ahead of the writes. Pure: no database (ADR 0025).
 */
import { parentPort } from 'node:worker_threads';
import { chicagoProfile } from '../../domain/profiles/chicago.ts';
import { boundHeap } from '../heap.ts';
import { openCsvFile, UnreadableCsvError } from '../read-csv.ts';
import { createCaseResolver } from './case-ids.ts';
import { createNormalizer } from './normalize.ts';
import type { FromWorker, NormalizeJob, ToWorker } from './normalize-thread.ts';

const port = parentPort!;

/** What this thread keeps between chunks is the file's text and the digests of its rows. */
const WORKER_HEAP_BOUND_BYTES = 64 * 1024 ** 2;

// chunks posted and not yet asked for by the writer: bounds what waits in memory
let credit = 0;
let wake: (() => void) | null = null;
port.on('message', (m: ToWorker) => {
  if (m.type === 'job') {
    credit = m.job.ahead;
    void run(m.job).catch(failed);
  } else {
    credit++;
    wake?.();
    wake = null;
  }
});

async function post(message: FromWorker): Promise<void> {
  while (credit <= 0) {
    await new Promise<void>((resolve) => (wake = resolve));
  }
  credit--;
  port.postMessage(message);
  // the chunk is copied to the writer: its rows here are garbage (heap.ts)
  boundHeap(WORKER_HEAP_BOUND_BYTES);
}

async function run(job: NormalizeJob): Promise<void> {
  const csv = openCsvFile(job.filePath);
  if (!csv.ok) {
    throw new UnreadableCsvError(csv.reason);
  }
  const normalizer = createNormalizer({
    kind: job.kind,
    file: job.file,
    profile: chicagoProfile,
    today: job.today,
    mapping: job.mapping,
    resolveCase: createCaseResolver(job.caseIds),
  });
  if (normalizer.prepass) {
    for (const record of csv.records(false)) {
      normalizer.prepass(record);
    }
  }
  let pushed = 0;
  for (const record of csv.records()) {
    normalizer.push(record);
    pushed++;
    if (pushed % job.chunkRows === 0) {
      await post({ type: 'chunk', chunk: normalizer.drain(), pushed });
    }
  }
  const chunk = normalizer.finish();
  await post({
    type: 'end',
    chunk,
    pushed,
    families: normalizer.families(),
    rejected: csv.rejected,
  });
}

function failed(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  port.postMessage(
    err instanceof UnreadableCsvError
      ? ({ type: 'unreadable', message } satisfies FromWorker)
      : ({
          type: 'error',
          message,
          stack: err instanceof Error ? (err.stack ?? '') : '',
        } satisfies FromWorker),
  );
}
