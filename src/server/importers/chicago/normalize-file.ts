import type { JurisdictionProfile } from '../../domain/profiles/profile.ts';
import type { ColumnMapping } from '../mapping.ts';
import { openCsvFile, UnreadableCsvError, type Rejection } from '../read-csv.ts';
import { createCaseResolver } from './case-ids.ts';
import type { Family, NormalizedFile } from './entities.ts';
import type { FileKind } from './kinds/index.ts';
import { createNormalizer } from './normalize.ts';

/** What reading and normalizing one file needs. */
export interface NormalizeJob {
  filePath: string;
  kind: FileKind;
  file: string;
  profile: JurisdictionProfile;
  today: string;
  mapping: ColumnMapping;
  /** Log number → case id of the known cases: child ids are resolved against them. */
  caseIds: Map<string, string>;
  /** Records per chunk. */
  chunkRows: number;
}

/** The end of a file: its final chunk and totals. */
export interface NormalizeEnd {
  chunk: NormalizedFile;
  pushed: number;
  families: Record<Family, number>;
  /** Rows refused while reading (field count, bytes that are not UTF-8, a truncated end). */
  rejected: Rejection[];
}

/** Records normalized between two turns of the event loop. */
const RECORDS_PER_TURN = 500;

/**
 * Reads and normalizes one file in this thread, a chunk at a time (ADR 0025, amended). The
 * writer starts writing a chunk and asks for the next one meanwhile; every few hundred records
 * this generator gives the event loop a turn, so the chunk being written goes on sending its
 * statements while the next one is normalized. A worker thread did this on the second core and
 * bought no time on a quiet machine while costing 200–330 MiB (docs/benchmarks.md).
 */
export async function* normalizeFile(
  job: NormalizeJob,
): AsyncGenerator<{ chunk: NormalizedFile; pushed: number }, NormalizeEnd> {
  const csv = openCsvFile(job.filePath);
  if (!csv.ok) {
    throw new UnreadableCsvError(csv.reason);
  }
  const normalizer = createNormalizer({
    kind: job.kind,
    file: job.file,
    profile: job.profile,
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
      yield { chunk: normalizer.drain(), pushed };
    } else if (pushed % RECORDS_PER_TURN === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return {
    chunk: normalizer.finish(),
    pushed,
    families: normalizer.families(),
    rejected: csv.rejected,
  };
}
