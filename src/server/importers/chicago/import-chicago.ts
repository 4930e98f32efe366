import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import type { JurisdictionProfile } from '../../domain/profiles/profile.ts';
import { localDate } from '../../../shared/dates.ts';
import { AuditAction, recordAudit } from '../../audit/audit.ts';
import {
  advanceLogCounters,
  unchangedSinceRun,
} from '../../repositories/import-cases.repository.ts';
import type { Outcome } from '../../repositories/import-merge.repository.ts';
import {
  insertImportRun,
  kindImportedBefore,
  removeStale,
  vacuumAnalyze,
} from '../../repositories/import.repository.ts';
import { stringify } from 'csv-stringify/sync';
import type { MapOverride } from '../mapping.ts';
import { boundHeap, HEAP_BOUND_BYTES, SERVER_HEAP_BOUND_BYTES } from '../heap.ts';
import { headOf, openCsvFile, UnreadableCsvError, type Rejection } from '../read-csv.ts';
import type { Family } from './entities.ts';
import { CHICAGO_KINDS, IMPORT_ORDER, isComplaintsKind, type FileKind } from './kinds/index.ts';
import { contentHash, type NormalizedFile } from './normalize.ts';
import { normalizeFile, type NormalizeEnd } from './normalize-file.ts';
import { peekFile, recognizeChicago, type MapFile } from './recognize.ts';
import { CaseIdCache, loadContext, writeEntities, type StaleTracker } from './write-entities.ts';
import { systemAuditContext } from '../../commands/context.ts';

/** Where progress goes: a bar on a terminal, plain lines otherwise (the CLI decides). */
export interface ProgressSink {
  start(file: string, total: number): void;
  tick(done: number): void;
  finish(): void;
}

/** What happened to one file: read = inserted + updated + unchanged + rejected. */
export interface FileSummary {
  file: string;
  kind: FileKind | null;
  label: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows counted as unchanged because they carry no data or repeat an earlier row. */
  noData: number;
  duplicates: number;
  /** How well the header fits its kind (share of columns explained), and the runner-up kind. */
  score: number | null;
  runnerUp: string | null;
  /** Child rows whose id names no case (rejected, and listed in the report). */
  unmatched: number;
  /** Cases whose complaints file gave no status that took this file's. */
  statusesFilled?: number;
  /** Not read: the same file was imported before and nothing it depends on changed since. */
  skipped?: boolean;
  /** Allegations kept without an identified member (no star, or no single accused with it). */
  allegationsWithoutMember: number;
  /** Imported rows a newer release no longer lists (removed). */
  removed: number;
  members: { inserted: number; updated: number };
  unknownColumns: string[];
  notes: string[];
  seconds: number;
  /** Set when the file could not be read at all (nothing of it was written). */
  error?: string;
}

export interface ImportResult {
  files: FileSummary[];
  dryRun: boolean;
  /** Seconds spent refreshing planner statistics and the visibility map after the files. */
  maintenanceSeconds: number;
  reportPath: string | null;
  membersReportPath: string | null;
}

export interface ImportDeps {
  db: Db;
  profile: JurisdictionProfile;
  jurisdiction: string;
  now: () => Date;
}

class DryRunRollback extends Error {}

/** A file refused as a whole inside its transaction: nothing of it is written. */
class FileRefused extends Error {}

/** Lists the `.csv` / `.csv.gz` files named, or directly inside the folders named. */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (!stat) {
      throw new Error(`${input}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(input).sort()) {
        if (/\.csv(\.gz)?$/i.test(name)) {
          files.push(path.join(input, name));
        }
      }
    } else {
      files.push(input);
    }
  }
  return files;
}

/**
 * Imports a family of Chicago complaint releases: cases first, then the roster, then what hangs
 * off them. Each file commits atomically (one transaction with its audit event and run record),
 * so an interrupted import re-run completes with the same result; the same files imported twice
 * change nothing.
 */
export async function importChicago(
  deps: ImportDeps,
  opts: {
    inputs: string[];
    dryRun: boolean;
    reportDir: string;
    progress: ProgressSink;
    /** Kinds and columns set by a `--map` file, per file name. */
    map?: MapFile;
    /** Read every file, even one imported before unchanged (after an upgrade of the mapping). */
    force?: boolean;
  },
): Promise<ImportResult> {
  const files = expandInputs(opts.inputs);
  const planned = files.map((file) => {
    const head = peekFile(file);
    const recognized = head
      ? recognizeChicago(head, path.basename(file), opts.map?.[path.basename(file)])
      : null;
    return { file, kind: recognized?.ok ? (recognized.kind as FileKind) : null };
  });
  planned.sort(
    (a, b) =>
      (a.kind ? IMPORT_ORDER.indexOf(a.kind) : 99) - (b.kind ? IMPORT_ORDER.indexOf(b.kind) : 99),
  );
  const summaries: FileSummary[] = [];
  const rejections: Rejection[] = [];
  const memberNotes: Array<{ file: string; line: number; what: string }> = [];
  const caseIds = new CaseIdCache();
  const releases = new Map<string, string>();
  for (const { file } of planned) {
    const fileRejections: Rejection[] = [];
    const fileMemberNotes: Array<{ file: string; line: number; what: string }> = [];
    const summary = await importFile(
      deps,
      file,
      opts,
      caseIds,
      releases,
      fileRejections,
      fileMemberNotes,
    );
    // What outlives the file is copied: strings cut from a file's text (header names, log
    // numbers) keep the whole decoded file alive in V8, and the report of every file is written
    // at the end (measured: ~0.5 GB of heap held by a full run's rejected-row reasons).
    summaries.push(detached(summary));
    rejections.push(...detached(fileRejections));
    memberNotes.push(...detached(fileMemberNotes));
  }
  // A bulk load leaves the planner without statistics and the visibility map empty; the embedded
  // database has no autovacuum to catch up, and list totals rely on index-only scans (ADR 0009).
  const m0 = performance.now();
  if (!opts.dryRun && summaries.some((s) => s.inserted + s.updated + s.removed > 0)) {
    await vacuumAnalyze(deps.db);
  }
  const maintenanceSeconds = (performance.now() - m0) / 1000;
  const stamp = deps.now().toISOString().replace(/[:.]/g, '-');
  /** Writes one report of the run as CSV and returns its path. */
  const writeReport = (what: string, header: string[], rows: string[][]): string => {
    fs.mkdirSync(opts.reportDir, { recursive: true });
    const file = path.join(opts.reportDir, `chicago-${stamp}-${what}.csv`);
    fs.writeFileSync(file, toCsv(header, rows));
    return file;
  };
  const reportPath =
    rejections.length > 0
      ? writeReport(
          'rejected',
          ['file', 'line', 'column', 'reason'],
          rejections.map((r) => [r.file, String(r.line), r.column, r.reason]),
        )
      : null;
  const membersReportPath =
    memberNotes.length > 0
      ? writeReport(
          'members',
          ['file', 'line', 'note'],
          memberNotes.map((m) => [m.file, String(m.line), m.what]),
        )
      : null;
  return {
    files: summaries,
    dryRun: opts.dryRun,
    maintenanceSeconds,
    reportPath,
    membersReportPath,
  };
}

/** A deep copy with fresh strings, sharing no memory with the file text they were cut from. */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A report as RFC 4180 CSV (csv-stringify), header first, LF line ends. */
function toCsv(header: string[], rows: string[][]): string {
  return stringify([header, ...rows]);
}

/**
 * The importer's output format: part of every run's mapping digest, so a file imported by an
 * older normalization is read again. Bump it when a kind's normalization changes what it writes.
 */
const IMPORT_FORMAT = 1;

/** Rows normalized and written per step: bounds memory on files of 200,000+ rows. */
const CHUNK_ROWS = 10_000;

/** Normalized chunks that may wait for their write on a server (ADR 0032). */
const WRITES_AHEAD_ON_A_SERVER = 3;

async function importFile(
  deps: ImportDeps,
  filePath: string,
  opts: { dryRun: boolean; progress: ProgressSink; map?: MapFile; force?: boolean },
  caseIds: CaseIdCache,
  releases: Map<string, string>,
  rejections: Rejection[],
  memberNotes: Array<{ file: string; line: number; what: string }>,
): Promise<FileSummary> {
  const started = deps.now();
  const t0 = performance.now();
  const name = path.basename(filePath);
  const summary: FileSummary = {
    file: name,
    kind: null,
    label: '',
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    noData: 0,
    duplicates: 0,
    score: null,
    runnerUp: null,
    unmatched: 0,
    allegationsWithoutMember: 0,
    removed: 0,
    members: { inserted: 0, updated: 0 },
    unknownColumns: [],
    notes: [],
    seconds: 0,
  };
  const done = (): FileSummary => {
    if (summary.kind && isComplaintsKind(summary.kind)) {
      // the ids it read before its own cases were written are stale now
      caseIds.invalidate();
    }
    summary.seconds = (performance.now() - t0) / 1000;
    return summary;
  };
  const csv = openCsvFile(filePath);
  if (!csv.ok) {
    summary.error = csv.reason;
    rejections.push({ file: name, line: 0, column: '', reason: csv.reason });
    return done();
  }
  const override: MapOverride | undefined = opts.map?.[name];
  const headRows = headOf(csv, 200).rows;
  const detected = recognizeChicago({ header: csv.header, rows: headRows }, name, override);
  if (!detected.ok) {
    try {
      for (const _record of csv.records()) {
        summary.read++;
      }
    } catch (err) {
      if (!(err instanceof UnreadableCsvError)) {
        throw err;
      }
    }
    summary.read += csv.rejected.length;
    summary.error = detected.reason;
    summary.rejected = summary.read;
    rejections.push({ file: name, line: 0, column: '', reason: detected.reason });
    return done();
  }
  const kind = detected.kind as FileKind;
  const mapping = detected.scores.find((s) => s.kind === kind)!.mapping;
  if (isComplaintsKind(kind)) {
    caseIds.invalidate();
  }
  summary.kind = kind;
  summary.label = CHICAGO_KINDS[kind].declaration.label;
  summary.unknownColumns = mapping.unknown;
  summary.score = detected.score;
  summary.runnerUp = detected.runnerUp
    ? `${detected.runnerUp.kind} ${Math.round(detected.runnerUp.score * 100)}%`
    : null;
  const today = localDate(deps.now(), deps.profile.timeZone);
  const mappingDigest = contentHash({
    format: IMPORT_FORMAT,
    kind,
    columns: mapping.columns.map((c) => [c.header, c.field]),
  });
  if (!opts.force) {
    const earlier = await unchangedSinceRun(deps.db, deps.jurisdiction, {
      sha256: csv.sha256,
      kind,
      mapping: mappingDigest,
      definesCases: isComplaintsKind(kind),
    });
    if (earlier) {
      // the same bytes, read the same way, onto the same cases: importing it again writes nothing
      summary.read = earlier.read;
      summary.rejected = earlier.rejected;
      summary.unchanged = earlier.read - earlier.rejected;
      summary.skipped = true;
      summary.notes.push(
        `unchanged since it was imported${earlier.file_name === name ? '' : ` as ${earlier.file_name}`} on ${new Date(earlier.finished_at).toISOString().slice(0, 10)} (same content, mapping and cases): not read again${earlier.rejected > 0 ? "; its rejected rows are in that run's report" : ''} (--force reads it)`,
      );
      return done();
    }
  }
  const fileRejected: Rejection[] = [];
  const runId = crypto.randomUUID();
  // normalizeFile reads the file again as it goes: none of its text is kept while it is written
  const { sha256, estimatedRecords } = csv;
  opts.progress.start(name, estimatedRecords);
  try {
    await deps.db.transaction(async (tx) => {
      if (isComplaintsKind(kind)) {
        // New narratives queue in the search index's pending list and are merged into it in big
        // sorted batches (here, or by the VACUUM after the files) instead of every 4 MB: the
        // cases file of the full history went from 18.8 to 12.1 s of server time (measured).
        await tx.query(`SET LOCAL gin_pending_list_limit = '64MB'`);
      }
      const context = await loadContext(tx, deps, kind, caseIds);
      const importedBefore = await kindImportedBefore(tx, deps.jurisdiction, kind);
      // On the embedded database a COPY into the indexed tables was 2–3× slower than COPY
      // into staging and one INSERT … SELECT (cases of the full history: 22–30 s against
      // 10–15 s, measured); there the merge stays the one path (ADR 0032).
      context.fresh = !importedBefore && deps.db.engine === 'postgres';
      const stale: StaleTracker = new Map();
      const write = async (chunk: NormalizedFile): Promise<void> => {
        const outcomes = new Map<string, Outcome>();
        const chunkRejected: Rejection[] = [...chunk.rejected];
        await writeEntities(
          tx,
          deps,
          runId,
          kind,
          name,
          chunk,
          context,
          outcomes,
          chunkRejected,
          summary,
          memberNotes,
          stale,
        );
        summary.noData += chunk.noData;
        summary.duplicates += chunk.duplicates;
        summary.unchanged += chunk.noData + chunk.duplicates;
        for (const [key, lines] of chunk.rowsPerKey) {
          summary[outcomes.get(key) ?? 'unchanged'] += lines.length;
        }
        summary.notes.push(...chunk.notes);
        fileRejected.push(...chunkRejected);
      };
      // The next chunk is read and normalized while the one before is written (normalize-file.ts,
      // ADR 0025); chunks are still written one after the other, in file order.
      const chunks = normalizeFile({
        filePath,
        kind,
        file: name,
        profile: deps.profile,
        today,
        mapping,
        caseIds: await caseIds.get(tx, deps.jurisdiction),
        chunkRows: CHUNK_ROWS,
      });
      // Writes run one after the other, in file order, each chained to the one before; the reader
      // waits only when more than `ahead` chunks are queued. On a server the writes run in
      // another process, so reading on while they queue keeps both busy (the import is bound
      // by this thread's work: waiting for each write left it idle 10–20 s of a full import);
      // the embedded database runs in this thread, where a queue would only hold memory.
      const ahead = deps.db.engine === 'postgres' ? WRITES_AHEAD_ON_A_SERVER : 1;
      let writing: Promise<void> = Promise.resolve();
      const queued: Array<Promise<void>> = [];
      const writeNext = async (chunk: NormalizedFile): Promise<void> => {
        writing = writing.then(() => {
          boundHeap(deps.db.engine === 'postgres' ? SERVER_HEAP_BOUND_BYTES : HEAP_BOUND_BYTES);
          return write(chunk);
        });
        // a failure surfaces where `writing` is awaited; until then it must not count as unhandled
        writing.catch(() => undefined);
        queued.push(writing);
        while (queued.length > ahead) {
          await queued.shift();
        }
      };
      let end: NormalizeEnd;
      try {
        for (;;) {
          const next = await chunks.next();
          if (next.done) {
            end = next.value;
            break;
          }
          await writeNext(next.value.chunk);
          opts.progress.tick(next.value.pushed);
        }
        await writeNext(end.chunk);
        await writing;
      } catch (err) {
        // never leave the transaction while a write is still sending statements
        await writing.catch(() => undefined);
        await chunks.return(undefined as never).catch(() => undefined);
        throw err;
      }
      const pushed = end.pushed;
      opts.progress.tick(pushed);
      fileRejected.push(...end.rejected);
      summary.read = pushed + end.rejected.length;
      summary.rejected = fileRejected.length;
      const release = releaseOf(end.families);
      const entities =
        summary.inserted +
        summary.updated +
        summary.unchanged -
        summary.noData -
        summary.duplicates;
      if (!isComplaintsKind(kind) && summary.unmatched > 0 && entities === 0) {
        throw new FileRefused(
          `none of its ${summary.unmatched.toLocaleString('en-US')} rows names a case in the database: import the release's complaints file first (in the same run or before), or check that the file's ids are the release's log numbers`,
        );
      }
      const releaseKey = `${kind}:${release ?? '?'}`;
      const earlier = releases.get(releaseKey);
      if (earlier !== undefined && earlier !== name) {
        throw new FileRefused(
          `a second ${CHICAGO_KINDS[kind].declaration.label} file for the ${release?.toUpperCase() ?? 'same'} release (the first was ${earlier}): import one file per kind and release in a run (the newer release alone updates the older)`,
        );
      }
      releases.set(releaseKey, name);
      for (const [table, { keys, cases }] of stale) {
        if (!importedBefore) {
          continue; // nothing of this kind was there before the file: nothing can be stale
        }
        summary.removed += await removeStale(tx, table, deps.jurisdiction, kind, [...cases], keys);
      }
      if (isComplaintsKind(kind)) {
        // once per file, after its last chunk: the counters' row stays locked until commit
        await advanceLogCounters(tx, deps.jurisdiction);
      }
      const sum = summary.inserted + summary.updated + summary.unchanged + summary.rejected;
      if (sum !== summary.read) {
        throw new Error(
          `import accounting error in ${name}: read ${summary.read} but inserted+updated+unchanged+rejected = ${sum}`,
        );
      }
      // what the run did, as its row and its audit event both record it
      const counts = {
        read: summary.read,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
      };
      await insertImportRun(tx, {
        id: runId,
        jurisdiction: deps.jurisdiction,
        fileName: name,
        sha256,
        kind,
        ...counts,
        startedAt: started,
        finishedAt: deps.now(),
        release,
        mapping: mappingDigest,
      });
      await recordAudit(tx, systemAuditContext(deps.jurisdiction, deps.now()), {
        action: AuditAction.import_file,
        entityType: 'import_run',
        entityId: runId,
        changes: { file: name, sha256, kind, ...counts, removed: summary.removed },
      });
      if (opts.dryRun) {
        throw new DryRunRollback();
      }
    });
  } catch (err) {
    if (err instanceof FileRefused) {
      // the transaction rolled back: nothing of this file was written; its rows are reported
      summary.error = err.message;
      summary.inserted = summary.updated = summary.removed = summary.unchanged = 0;
      summary.members = { inserted: 0, updated: 0 };
      summary.rejected = summary.read;
      rejections.push({ file: name, line: 0, column: '', reason: err.message });
      rejections.push(...fileRejected);
      opts.progress.finish();
      return done();
    }
    if (err instanceof UnreadableCsvError) {
      // the transaction rolled back: nothing of this file was written
      summary.error = err.message;
      summary.inserted =
        summary.updated =
        summary.unchanged =
        summary.removed =
        summary.rejected =
        summary.read =
          0;
      rejections.push({ file: name, line: 0, column: '', reason: err.message });
      opts.progress.finish();
      return done();
    }
    if (!(err instanceof DryRunRollback)) {
      throw err;
    }
  }
  opts.progress.finish();
  rejections.push(...fileRejected);
  if (summary.allegationsWithoutMember > 0) {
    // one total per file (counted per chunk while writing)
    summary.notes.push(
      `${summary.allegationsWithoutMember.toLocaleString('en-US')} allegations without an identified member (no star, or no single accused with that star on the case)`,
    );
  }
  if (summary.statusesFilled) {
    summary.notes.push(
      `${summary.statusesFilled.toLocaleString('en-US')} cases without a status in their complaints file took this file's`,
    );
  }
  if (summary.unmatched > 0) {
    summary.notes.push(
      `${summary.unmatched.toLocaleString('en-US')} rows name no case in the database (rejected; listed in the report)`,
    );
  }
  summary.notes = [...new Set(summary.notes)];
  return done();
}

/** The release family most of a file's rows belong to (by the cases they name). */
function releaseOf(families: Record<Family, number>): Family | null {
  if (families.cms === 0 && families.clear === 0) {
    return null;
  }
  return families.cms >= families.clear ? 'cms' : 'clear';
}
