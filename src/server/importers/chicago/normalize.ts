import type { JurisdictionProfile } from '../../domain/profiles/profile.ts';
import { rowReader, type ColumnMapping } from '../mapping.ts';
import type { CsvRecord } from '../read-csv.ts';
import type { CaseMatch } from './case-ids.ts';
import type { Family, NormalizedFile, Normalizer } from './entities.ts';
import { sha1 } from './hash.ts';
import { CHICAGO_KINDS, type FileKind } from './kinds/index.ts';
import type { RowContext, RowValues } from './kinds/kind.ts';
import { clean, familyOf, RowError } from './values.ts';

export { contentHash, importCanonicalJson } from './hash.ts';
export { clean } from './values.ts';
export type * from './entities.ts';

/** What a file's normalization needs besides its rows. */
export interface NormalizeOptions {
  kind: FileKind;
  file: string;
  profile: JurisdictionProfile;
  today: string;
  /** The file's header mapped onto the kind's fields. */
  mapping: ColumnMapping;
  /** The known case a row's id names (exactly or by normalized id); null = none known. */
  resolveCase: ((id: string) => CaseMatch) | null;
}

/**
 * Maps one file's records to entities with its kind's module: the pipeline every kind shares
 * (duplicate rows, grouping pre-pass, chunks, rejected rows) around the kind's own mapping.
 * Pure: no database.
 */
export function createNormalizer(opts: NormalizeOptions): Normalizer {
  const { kind, file, mapping } = opts;
  const module = CHICAGO_KINDS[kind];
  const header = mapping.columns.map((c) => c.header);
  const read = rowReader(mapping);
  const fresh = (): NormalizedFile => ({
    kind,
    cases: [],
    caseMembers: [],
    allegations: [],
    parties: [],
    investigators: [],
    rowsPerKey: new Map(),
    noData: 0,
    duplicates: 0,
    rejected: [],
    notes: [],
    caseStatuses: new Map(),
  });
  let out = fresh();
  const ordinals = new Map<string, number>();
  let currentLine = 0;
  let currentFields: readonly string[] = [];
  // the source keeps every column verbatim but the row counter and the pipeline's person ids
  const rowIdIndex = mapping.fieldIndex.get('row_id') ?? -1;
  const kept = header.map((h, i) => i !== rowIdIndex && !h.endsWith('_ID'));
  const noted = new Map<string, Set<string>>();
  const families: Record<Family, number> = { cms: 0, clear: 0 };
  let reshaped = 0;
  let reshapedExample = '';
  const ctx: RowContext = {
    file,
    profile: opts.profile,
    today: opts.today,
    get out() {
      return out;
    },
    count(key) {
      const lines = out.rowsPerKey.get(key);
      if (lines) {
        lines.push(currentLine);
      } else {
        out.rowsPerKey.set(key, [currentLine]);
      }
    },
    ordinalKey(prefix) {
      const n = (ordinals.get(prefix) ?? 0) + 1;
      ordinals.set(prefix, n);
      return `${prefix}#${n}`;
    },
    caseOf(values) {
      const raw = clean(values['cr_id']);
      let match = raw === null || !opts.resolveCase ? null : opts.resolveCase(raw);
      if (match && module.family && familyOf(match.log) !== module.family) {
        // a number shared by cases of the other family is not this release's case
        match = null;
      }
      const log = match?.log ?? raw;
      const family = log === null ? null : familyOf(log);
      if (log === null || family === null) {
        throw new RowError(
          'cr_id',
          `"${raw ?? ''}" is not a log number (YYYY-NNNNNNN or 6-7 digits)`,
        );
      }
      if (module.family && family !== module.family) {
        throw new RowError(
          'cr_id',
          `"${raw}" is a ${family.toUpperCase()} log number in a ${module.family.toUpperCase()} file`,
        );
      }
      families[family]++;
      if (match?.reshaped) {
        reshaped++;
        reshapedExample ||= `${raw} for ${log}`;
      }
      return { log, family: family };
    },
    noteValue(topic, value) {
      const values = noted.get(topic) ?? new Set<string>();
      values.add(value);
      noted.set(topic, values);
    },
    source() {
      const source: Record<string, unknown> = { _kind: kind };
      for (let i = 0; i < header.length; i++) {
        const v = currentFields[i];
        if (v !== undefined && v !== '' && kept[i]) {
          source[header[i]!] = v;
        }
      }
      return source;
    },
  };

  /** A digest of a row without its row counter, to recognize exact duplicates. */
  const fingerprintOf = (fields: readonly string[]): string => {
    let fingerprint = '';
    for (let i = 0; i < fields.length; i++) {
      if (i !== rowIdIndex) {
        fingerprint += `${fields[i]}\u0001`;
      }
    }
    return sha1(fingerprint, 'base64');
  };

  const grouping = module.grouping;
  // a child file with a status column: what it says fills cases whose release gave none
  const carriesStatus = mapping.fieldIndex.has('current_status');
  const dedupe = module.dedupe;
  const seenRows = new Set<string>();
  // grouped kinds: a pre-pass over the file collects each group (small aggregates, not rows)
  const groups = new Map<string, unknown>();
  const emitted = new Set<string>();
  const prepassSeen = new Set<string>();
  // the main pass sees the same records again: their digests are computed once, here
  const prepassDigests = new Map<number, string>();
  // … and their validation: the key a row checked to in the pre-pass, or why it was refused
  const prepassChecks = new Map<number, string | RowError>();

  const prepare = (rec: CsvRecord): void => {
    if (dedupe) {
      const digest = fingerprintOf(rec.fields);
      prepassDigests.set(rec.line, digest);
      if (prepassSeen.has(digest)) {
        return;
      }
      prepassSeen.add(digest);
    }
    const v = read(rec.fields);
    currentFields = rec.fields;
    try {
      const key = grouping!.check(v, ctx);
      prepassChecks.set(rec.line, key);
      let group = groups.get(key);
      if (group === undefined) {
        group = grouping!.create();
        groups.set(key, group);
      }
      grouping!.add(group, v, rec.line);
    } catch (err) {
      if (!(err instanceof RowError)) {
        throw err;
      }
      // rejected in the main pass, with its reason
      prepassChecks.set(rec.line, err);
    }
  };

  const push = (rec: CsvRecord): void => {
    currentLine = rec.line;
    currentFields = rec.fields;
    if (dedupe) {
      // a digest, not the row, is remembered: files run to 200,000+ rows
      let digest = prepassDigests.get(rec.line);
      if (digest === undefined) {
        digest = fingerprintOf(rec.fields);
      } else {
        prepassDigests.delete(rec.line);
      }
      if (seenRows.has(digest)) {
        out.duplicates++;
        return;
      }
      seenRows.add(digest);
    }
    const v: RowValues = read(rec.fields);
    try {
      if (grouping) {
        const known = prepassChecks.get(rec.line);
        prepassChecks.delete(rec.line);
        const key = known === undefined ? grouping.check(v, ctx) : known;
        if (key instanceof RowError) {
          throw key;
        }
        if (!emitted.has(key)) {
          // the first row of a group carries its fields; the pre-pass gathered the rest
          emitted.add(key);
          grouping.emit(key, v, groups.get(key), ctx);
        }
      } else {
        module.normalize!(v, ctx);
        const status = carriesStatus ? clean(v['current_status']) : null;
        if (status !== null) {
          out.caseStatuses.set(ctx.caseOf(v).log, status);
        }
      }
    } catch (err) {
      if (err instanceof RowError) {
        // named as the file names the column
        const index = mapping.fieldIndex.get(err.column);
        out.rejected.push({
          file,
          line: rec.line,
          column: index === undefined ? err.column : header[index]!,
          reason: err.message,
        });
      } else {
        throw err;
      }
    }
  };

  const drain = (): NormalizedFile => {
    const chunk = out;
    out = fresh();
    return chunk;
  };

  const finish = (): NormalizedFile => {
    for (const [topic, values] of noted) {
      out.notes.push(`${topic}: ${[...values].join('; ')}`);
    }
    if (reshaped > 0) {
      out.notes.push(
        `${reshaped.toLocaleString('en-US')} rows name their case in another shape (e.g. ${reshapedExample}); joined by number`,
      );
    }
    return drain();
  };

  return {
    prepass: grouping ? prepare : null,
    push,
    drain,
    finish,
    families: () => (module.family ? { ...families, [module.family]: 1 } : { ...families }),
  };
}
