import fs from 'node:fs';
import zlib from 'node:zlib';
import { z } from 'zod';
import { mapHeader, recognize, type MapOverride, type Recognition } from '../mapping.ts';
import { csvRecords } from '../csv-parse.ts';
import { CHICAGO_DECLARATIONS, CHICAGO_KINDS, isFileKind, type FileKind } from './kinds/index.ts';
import { complaintsCms } from './kinds/complaints-cms.ts';
import { LEGACY_LOG, MODERN_LOG } from './values.ts';
import type { Family } from './entities.ts';

/** The head of a file: its header and the first records, read without reading all of it. */
export interface FileHead {
  header: string[];
  rows: string[][];
}

/** Reads a file's header and first records from its first 256 KiB (gzip decompressed as far as that goes). */
export function peekFile(file: string): FileHead | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    let head = buf.subarray(0, n);
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      try {
        head = zlib.gunzipSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      } catch {
        return null;
      }
    }
    let text = head.toString('utf8');
    // the last line may be cut: keep whole lines only (a record cut inside quotes fails below)
    if (n === buf.length) {
      text = text.slice(0, text.lastIndexOf('\n') + 1);
    }
    const records: string[][] = [];
    try {
      for (const r of csvRecords(text)) {
        records.push(r.fields);
        if (records.length > 200) {
          break;
        }
      }
    } catch {
      // a quote opened in the cut-off part: the records before it are enough
    }
    const [header, ...rows] = records;
    if (!header || header.every((h) => h.trim() === '')) {
      return null;
    }
    return { header: header.map((h) => h.trim()), rows };
  } finally {
    fs.closeSync(fd);
  }
}

/** The family a release's complaints ids are shaped as, learned from the file's first rows. */
export function idShape(head: FileHead): { family: Family | null; example: string } {
  const index = mapHeader(head.header, complaintsCms.declaration).fieldIndex.get('cr_id');
  if (index === undefined) {
    return { family: null, example: '' };
  }
  const ids = head.rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
  const cms = ids.filter((v) => MODERN_LOG.test(v)).length;
  const clear = ids.filter((v) => LEGACY_LOG.test(v)).length;
  const family = cms > 0.8 * ids.length ? 'cms' : clear > 0.8 * ids.length ? 'clear' : null;
  return { family: ids.length === 0 ? null : family, example: ids[0] ?? '' };
}

/**
 * A Chicago file's kind: its header scored against every kind; the complaints kind of the other
 * family set aside when the ids are shaped as one family's (`2019-0000001` is COPA's CMS,
 * `258959` CPD's CLEAR).
 */
export function recognizeChicago(
  head: FileHead,
  fileName: string,
  override?: MapOverride,
): Recognition {
  const shape = idShape(head);
  return recognize(head.header, fileName, CHICAGO_DECLARATIONS, {
    ...(override ? { override } : {}),
    familyName: 'the Chicago complaint family',
    exclude: (kind) => {
      const family = isFileKind(kind) ? CHICAGO_KINDS[kind].family : null;
      if (kind !== 'complaints_cms' && kind !== 'complaints_clear') {
        return null;
      }
      return shape.family !== null && family !== shape.family
        ? `its ids are ${shape.family.toUpperCase()}-shaped (${shape.example})`
        : null;
    },
  });
}

const mapFileSchema = z.record(
  z.string(),
  z.strictObject({
    kind: z.string().optional(),
    columns: z.record(z.string(), z.string().nullable()).optional(),
  }),
);

/** Per file name: the kind and columns a mapping file sets for one import. */
export type MapFile = Record<string, MapOverride>;

/** Raised for a mapping file that cannot be used: nothing is imported. */
export class MapFileError extends Error {}

/**
 * Reads and checks a `--map` file: `{"<file name>": {"kind": "<kind>", "columns": {"<header>":
 * "<field>" | null}}}`. Unknown kinds and fields are refused with the names that would do.
 */
export function loadMapFile(path: string): MapFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path, 'utf8'));
  } catch (err) {
    throw new MapFileError(`${path}: not a readable JSON file (${(err as Error).message})`);
  }
  const parsed = mapFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MapFileError(
      `${path}: expected {"<file name>": {"kind": "<kind>", "columns": {"<header>": "<field>" or null}}} (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
    );
  }
  const problems: string[] = [];
  for (const [file, entry] of Object.entries(parsed.data)) {
    if (entry.kind !== undefined && !isFileKind(entry.kind)) {
      problems.push(
        `${file}: unknown kind "${entry.kind}" (known: ${Object.keys(CHICAGO_KINDS).join(', ')})`,
      );
      continue;
    }
    const kinds: FileKind[] = entry.kind
      ? [entry.kind]
      : (Object.keys(CHICAGO_KINDS) as FileKind[]);
    for (const [header, field] of Object.entries(entry.columns ?? {})) {
      if (field !== null && !kinds.some((k) => field in CHICAGO_KINDS[k].declaration.fields)) {
        const fields = entry.kind ? Object.keys(CHICAGO_KINDS[entry.kind].declaration.fields) : [];
        problems.push(
          `${file}: column "${header}" is mapped to unknown field "${field}"${entry.kind ? ` (fields of ${entry.kind}: ${fields.join(', ')})` : ' (no kind declares it)'}`,
        );
      }
    }
  }
  if (problems.length > 0) {
    throw new MapFileError(`${path}: ${problems.join('; ')}; nothing was imported`);
  }
  return parsed.data;
}
