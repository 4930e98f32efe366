import { Worker } from 'node:worker_threads';
import type { ColumnMapping } from '../mapping.ts';
import { UnreadableCsvError, type Rejection } from '../read-csv.ts';
import type { Family, NormalizedFile } from './entities.ts';
import type { FileKind } from './kinds/index.ts';

/** What the worker needs to read and normalize one file (all of it structured-cloneable). */
export interface NormalizeJob {
  filePath: string;
  kind: FileKind;
  file: string;
  today: string;
  mapping: ColumnMapping;
  /** Log number → case id of the known cases: child ids are resolved against them. */
  caseIds: Map<string, string>;
  /** Records per chunk. */
  chunkRows: number;
  /** Chunks the worker may post before the writer asks for them. */
  ahead: number;
}

export type ToWorker = { type: 'job'; job: NormalizeJob } | { type: 'more' };

export type FromWorker =
  | { type: 'chunk'; chunk: NormalizedFile; pushed: number }
  | {
      type: 'end';
      chunk: NormalizedFile;
      pushed: number;
      families: Record<Family, number>;
      /** Rows refused while reading (field count, bytes that are not UTF-8, a truncated end). */
      rejected: Rejection[];
    }
  | { type: 'unreadable'; message: string }
  | { type: 'error'; message: string; stack: string };

/** The last message of a file: its final chunk and totals. */
export type NormalizeEnd = Extract<FromWorker, { type: 'end' }>;

// The worker runs the TypeScript sources through tsx's loader, as bin/oversight.js does.
const BOOT = `import('node:worker_threads').then((wt) =>
  import(wt.workerData.tsx).then(({ register }) => { register(); return import(wt.workerData.entry); }))`;

/**
 * A worker thread that reads and normalizes the import's files, one after the other, on the
 * second core while this thread writes (ADR 0025). Loading the sources into a thread takes about
 * a second, so one thread serves every import of the process ({@link normalizingThread}); it is
 * started again only after a file was abandoned mid-way, and keeps the process alive only while
 * it works on a file.
 */
class NormalizingThread {
  private worker: Worker | null = null;
  private inbox: Array<FromWorker | Error> = [];
  private notify: (() => void) | null = null;

  private start(): Worker {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: {
        tsx: import.meta.resolve('tsx/esm/api'),
        entry: new URL('./normalize-worker.ts', import.meta.url).href,
      },
    });
    const deliver = (m: FromWorker | Error): void => {
      this.inbox.push(m);
      this.notify?.();
      this.notify = null;
    };
    worker.on('message', (m: FromWorker) => deliver(m));
    worker.on('error', (err) => deliver(err));
    worker.on('exit', (code) =>
      deliver(new Error(`the normalizing thread stopped (exit ${code})`)),
    );
    return worker;
  }

  /**
   * Yields the file's chunks with the records read so far and returns its end. A file that turns
   * out unreadable mid-stream throws UnreadableCsvError, as reading it here would.
   */
  async *normalize(
    job: NormalizeJob,
  ): AsyncGenerator<{ chunk: NormalizedFile; pushed: number }, NormalizeEnd> {
    const worker = (this.worker ??= this.start());
    this.inbox = [];
    worker.ref();
    worker.postMessage({ type: 'job', job } satisfies ToWorker);
    let finished = false;
    try {
      for (;;) {
        while (this.inbox.length === 0) {
          await new Promise<void>((resolve) => (this.notify = resolve));
        }
        const m = this.inbox.shift()!;
        if (m instanceof Error) {
          throw m;
        }
        switch (m.type) {
          case 'chunk':
            yield { chunk: m.chunk, pushed: m.pushed };
            // the writer wants the next one: the worker may read on
            worker.postMessage({ type: 'more' } satisfies ToWorker);
            break;
          case 'end':
            finished = true;
            return m;
          case 'unreadable':
            finished = true;
            throw new UnreadableCsvError(m.message);
          case 'error': {
            finished = true;
            const err = new Error(m.message);
            err.stack = m.stack;
            throw err;
          }
        }
      }
    } finally {
      if (finished) {
        worker.unref();
      } else {
        // abandoned mid-file (or the thread died): it may still be reading; start afresh next time
        await this.close();
      }
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners();
      await worker.terminate();
    }
  }
}

let shared: NormalizingThread | null = null;

/** The process's normalizing thread (started on first use). */
export function normalizingThread(): NormalizingThread {
  return (shared ??= new NormalizingThread());
}

export type { NormalizingThread };
