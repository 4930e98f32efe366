import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { CsvSyntaxError, csvRecords, type ParsedRecord } from './csv-parse.ts';

/** One row the importer refused, with where and why (written to the rejected-rows report). */
export interface Rejection {
  file: string;
  /** 1-based physical line where the record starts; 0 for problems with the whole file. */
  line: number;
  column: string;
  reason: string;
}

/** A CSV record with the physical line it starts on; its fields in header order. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** An open file: its header, and its records as a stream (rejections collect as it is read). */
export interface OpenCsv {
  ok: true;
  name: string;
  sha256: string;
  header: string[];
  /** A fresh pass over the records; rejections are collected only when `collect` is true. */
  records(collect?: boolean): Generator<CsvRecord>;
  /** A record's values by header name (for readers that need no mapping). */
  valuesOf(record: CsvRecord): Record<string, string>;
  /** Physical lines after the header: an upper bound of the records, for progress. */
  estimatedRecords: number;
  /** Rows refused while reading (wrong field count, bytes that are not UTF-8, a truncated end). */
  rejected: Rejection[];
}

export type CsvFile = OpenCsv | { ok: false; name: string; sha256: string; reason: string };

/** Raised mid-stream when the rest of the file cannot be read (an unbalanced quote). */
export class UnreadableCsvError extends Error {}

/**
 * The first `limit` records' fields, for recognizing a file by its head, and why the file could
 * not be read further when it stops before them (an unbalanced quote).
 */
export function headOf(csv: OpenCsv, limit: number): { rows: string[][]; error: string | null } {
  const rows: string[][] = [];
  try {
    for (const record of csv.records(false)) {
      rows.push(record.fields);
      if (rows.length >= limit) {
        break;
      }
    }
  } catch (err) {
    if (!(err instanceof UnreadableCsvError)) {
      throw err;
    }
    return { rows, error: err.message };
  }
  return { rows, error: null };
}

const REPLACEMENT = '\uFFFD';

/**
 * Opens a `.csv` or `.csv.gz` (detected by its magic bytes) as UTF-8 RFC 4180 CSV with a header.
 * A truncated gzip keeps what decompressed and rejects the cut-off last record; a record with a
 * byte that is not UTF-8 is rejected on its own; a broken quote that makes the rest of the file
 * unreadable stops the stream with UnreadableCsvError naming the line.
 */
export function openCsvFile(filePath: string): CsvFile {
  const name = path.basename(filePath);
  const raw = fs.readFileSync(filePath);
  const sha256 = crypto.createHash('sha256').update(raw).digest('hex');
  let bytes: Buffer = raw;
  let truncated = false;
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(raw);
    } catch (err) {
      // salvage what decompresses: every record before the cut is intact
      try {
        bytes = zlib.gunzipSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
        truncated = true;
      } catch {
        return {
          ok: false,
          name,
          sha256,
          reason: `not a readable gzip file (${(err as Error).message})`,
        };
      }
    }
  }
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (truncated) {
    text = text.slice(0, text.lastIndexOf('\n') + 1);
  }
  if (text.trim() === '') {
    return { ok: false, name, sha256, reason: 'the file is empty (no header row)' };
  }
  const headStream = csvRecords(text);
  let first: IteratorResult<ParsedRecord>;
  try {
    first = headStream.next();
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      return {
        ok: false,
        name,
        sha256,
        reason: `unreadable CSV from line ${err.line}: ${err.message}`,
      };
    }
    throw err;
  }
  if (first.done) {
    return { ok: false, name, sha256, reason: 'the file is empty (no header row)' };
  }
  const header = first.value.fields.map((h) => h.trim());
  const rejected: Rejection[] = [];
  // a byte that is not UTF-8 decodes to U+FFFD: when the text has none, no field needs the scan
  const mayHaveBadBytes = text.includes(REPLACEMENT);
  function* records(collect = true): Generator<CsvRecord> {
    const stream = csvRecords(text);
    stream.next(); // the header
    let lastLine = first.done ? 0 : first.value.line;
    for (;;) {
      let next;
      try {
        next = stream.next();
      } catch (err) {
        if (err instanceof CsvSyntaxError) {
          throw new UnreadableCsvError(`unreadable CSV from line ${err.line}: ${err.message}`);
        }
        throw err;
      }
      if (next.done) {
        break;
      }
      const { fields, line } = next.value;
      lastLine = line;
      if (fields.length !== header.length) {
        if (collect) {
          rejected.push({
            file: name,
            line,
            column: '',
            reason: `has ${fields.length} fields, the header has ${header.length}`,
          });
        }
        continue;
      }
      const bad = mayHaveBadBytes ? fields.findIndex((v) => v.includes(REPLACEMENT)) : -1;
      if (bad >= 0) {
        if (collect) {
          rejected.push({
            file: name,
            line,
            column: header[bad]!,
            reason: 'contains a byte sequence that is not UTF-8',
          });
        }
        continue;
      }
      yield { line, fields };
    }
    if (truncated && collect) {
      rejected.push({
        file: name,
        line: lastLine + 1,
        column: '',
        reason: 'gzip stream is truncated: the file ends inside a record, which is lost',
      });
    }
  }
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines++;
  }
  return {
    ok: true,
    name,
    sha256,
    header,
    records,
    valuesOf(record) {
      const values: Record<string, string> = {};
      for (let j = 0; j < header.length; j++) {
        values[header[j]!] = record.fields[j]!;
      }
      return values;
    },
    estimatedRecords: Math.max(0, lines - 1),
    rejected,
  };
}
