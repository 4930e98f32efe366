import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { CsvSyntaxError, parseCsv, type ParsedRecord } from './csv-parse.ts';

/** One row the importer refused, with where and why (written to the rejected-rows report). */
export interface Rejection {
  file: string;
  /** 1-based physical line where the record starts; 0 for problems with the whole file. */
  line: number;
  column: string;
  reason: string;
}

/** A CSV record with the physical line it starts on. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/** A file read into memory, or the reason it could not be read at all. */
export type CsvFile =
  | {
      ok: true;
      name: string;
      sha256: string;
      header: string[];
      records: CsvRecord[];
      rejected: Rejection[];
    }
  | { ok: false; name: string; sha256: string; reason: string };

const REPLACEMENT = '\uFFFD';

/**
 * Reads a `.csv` or `.csv.gz` (detected by its magic bytes) as UTF-8 RFC 4180 CSV with a header.
 * A truncated gzip keeps what decompressed and rejects the cut-off last record; a record with a
 * byte that is not UTF-8 is rejected on its own; a broken quote that makes the rest of the file
 * unreadable rejects the file, naming the line.
 */
export function readCsvFile(filePath: string): CsvFile {
  const name = path.basename(filePath);
  const raw = fs.readFileSync(filePath);
  const sha256 = crypto.createHash('sha256').update(raw).digest('hex');
  const rejected: Rejection[] = [];
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
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  if (text.trim() === '') {
    return { ok: false, name, sha256, reason: 'the file is empty (no header row)' };
  }
  let rows: ParsedRecord[];
  try {
    rows = parseCsv(truncated ? text.slice(0, text.lastIndexOf('\n') + 1) : text);
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
  const first = rows[0];
  if (!first) {
    return { ok: false, name, sha256, reason: 'the file is empty (no header row)' };
  }
  const header = first.fields.map((h) => h.trim());
  const records: CsvRecord[] = [];
  let lastLine = first.line;
  for (let i = 1; i < rows.length; i++) {
    const { fields, line } = rows[i]!;
    lastLine = line;
    if (fields.length !== header.length) {
      rejected.push({
        file: name,
        line,
        column: '',
        reason: `has ${fields.length} fields, the header has ${header.length}`,
      });
      continue;
    }
    const bad = fields.findIndex((v) => v.includes(REPLACEMENT));
    if (bad >= 0) {
      rejected.push({
        file: name,
        line,
        column: header[bad]!,
        reason: 'contains a byte sequence that is not UTF-8',
      });
      continue;
    }
    const values: Record<string, string> = {};
    for (let j = 0; j < header.length; j++) {
      values[header[j]!] = fields[j]!;
    }
    records.push({ line, values });
  }
  if (truncated) {
    rejected.push({
      file: name,
      line: lastLine + 1,
      column: '',
      reason: 'gzip stream is truncated: the file ends inside a record, which is lost',
    });
  }
  return { ok: true, name, sha256, header, records, rejected };
}
