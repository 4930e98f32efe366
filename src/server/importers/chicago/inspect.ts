import path from 'node:path';
import { findingFromText } from '../../domain/findings.ts';
import {
  CASE_TYPES,
  COPA_CATEGORIES,
  isKnownSourceStatus,
  penaltyFromOutcome,
} from '../../domain/profiles/chicago-legacy.ts';
import { penaltyCodeFromText } from '../../domain/findings.ts';
import { rowReader, type MappedColumn, type TieRule } from '../mapping.ts';
import { headOf, openCsvFile } from '../read-csv.ts';
import { createCaseResolver } from './case-ids.ts';
import { expandInputs } from './import-chicago.ts';
import { CHICAGO_KINDS, IMPORT_ORDER, isComplaintsKind, type FileKind } from './kinds/index.ts';
import { recognizeChicago, type MapFile } from './recognize.ts';
import { clean, LEGACY_LOG, MODERN_LOG } from './values.ts';

/** Whether a value belongs to a vocabulary (what `inspect` counts as mapped). */
const VOCABULARIES: Record<string, (text: string) => boolean> = {
  finding: (t) => findingFromText(t) !== null,
  penalty: (t) => penaltyCodeFromText(t) !== null,
  outcome: (t) => penaltyFromOutcome(t) !== null,
  case_type: (t) => CASE_TYPES.has(t),
  case_status: (t) => isKnownSourceStatus(t),
  copa_category: (t) => COPA_CATEGORIES.has(t),
};

/** What `oversight import inspect` says about one file, without writing anything. */
export interface FileInspection {
  file: string;
  /** The kind chosen, or null when the file would be refused. */
  kind: FileKind | null;
  label: string | null;
  score: number | null;
  /** How the kind was decided (header; header and name; mapping file). */
  how: string | null;
  /** The best other kind with its score, and why it lost or was set aside. */
  runnerUp: string | null;
  refusal: string | null;
  columns: MappedColumn[];
  missingRequired: string[];
  missingOptional: string[];
  unknown: string[];
  ties: readonly TieRule[];
  rows: number;
  /** Rows per id shape (`YYYY-NNNNNNN`, `6-7 digits`, other). */
  idShapes: Record<string, number>;
  /** Child kinds: rows whose id names a case (exactly, or by normalized id), and the rest. */
  joined: { exact: number; reshaped: number; none: number } | null;
  /** Per field with a vocabulary: distinct values outside it (first few). */
  unmapped: Record<string, string[]>;
  /** What an import would do. */
  plan: string;
}

/**
 * Reads files the way an import would and says, per file: the kind chosen with its score and the
 * runner-up, the columns mapped (how), unknown and missing, the id shapes, the share of child
 * rows that join a case (of the complaints files given and the cases `known`), values outside a
 * vocabulary, and what an import would do. Writes nothing.
 */
export function inspectChicago(opts: {
  inputs: string[];
  map?: MapFile;
  /** Log numbers of the cases already in the database. */
  known: Iterable<string>;
}): FileInspection[] {
  const files = expandInputs(opts.inputs);
  const reports: FileInspection[] = [];
  const logs = new Set(opts.known);
  const read = files.map((file) => {
    const name = path.basename(file);
    const csv = openCsvFile(file);
    return { file, name, csv };
  });
  // complaints files first: their ids are what the other files join on
  const inspected = read.map(({ name, csv }) => {
    if (!csv.ok) {
      return { name, csv, recognition: null, error: csv.reason };
    }
    const { rows: head, error } = headOf(csv, 200);
    const recognition = recognizeChicago(
      { header: csv.header, rows: head },
      name,
      opts.map?.[name],
    );
    return { name, csv, recognition, error };
  });
  for (const f of inspected) {
    const r = f.recognition;
    if (f.csv.ok && r?.ok && isComplaintsKind(r.kind as FileKind)) {
      const mapping = r.scores.find((s) => s.kind === r.kind)!.mapping;
      const i = mapping.fieldIndex.get('cr_id')!;
      for (const r of f.csv.records(false)) {
        const id = clean(r.fields[i]);
        if (id) {
          logs.add(id);
        }
      }
    }
  }
  const resolve = createCaseResolver(logs);
  for (const f of inspected) {
    const base: FileInspection = {
      file: f.name,
      kind: null,
      label: null,
      score: null,
      how: null,
      runnerUp: null,
      refusal: null,
      columns: [],
      missingRequired: [],
      missingOptional: [],
      unknown: [],
      ties: [],
      rows: 0,
      idShapes: {},
      joined: null,
      unmapped: {},
      plan: '',
    };
    if (!f.csv.ok || !f.recognition || f.error) {
      reports.push({ ...base, refusal: f.error, plan: `refuse the file: ${f.error}` });
      continue;
    }
    const r = f.recognition;
    const top = [...r.scores].sort((a, b) => b.score - a.score);
    if (!r.ok) {
      const best = top[0]!;
      reports.push({
        ...base,
        refusal: r.reason,
        columns: best.mapping.columns,
        runnerUp: top
          .slice(0, 2)
          .map((s) => `${s.kind} ${Math.round(s.score * 100)}%`)
          .join(', '),
        plan: 'refuse the file: nothing of it would be written',
      });
      continue;
    }
    const kind = r.kind as FileKind;
    const chosen = r.scores.find((s) => s.kind === kind)!;
    const mapping = chosen.mapping;
    // the best other kind that could take the file, else the closest that could not
    const other = r.scores.find((s) => s.kind !== kind);
    const values = rowReader(mapping);
    const idShapes: Record<string, number> = {};
    const joined = { exact: 0, reshaped: 0, none: 0 };
    const unmapped: Record<string, Set<string>> = {};
    const vocabFields = Object.entries(CHICAGO_KINDS[kind].declaration.fields).filter(
      ([field, spec]) => spec.vocabulary && mapping.fieldIndex.has(field),
    );
    let rows = 0;
    const ids = new Set<string>();
    for (const { fields } of f.csv.records(false)) {
      rows++;
      const v = values(fields);
      const id = clean(v['cr_id']) ?? '';
      ids.add(id);
      const shape = MODERN_LOG.test(id)
        ? 'YYYY-NNNNNNN'
        : LEGACY_LOG.test(id)
          ? '6-7 digits'
          : `other (e.g. ${id || 'blank'})`;
      const key = shape.startsWith('other') ? 'other' : shape;
      idShapes[key] = (idShapes[key] ?? 0) + 1;
      if (!isComplaintsKind(kind)) {
        const match = resolve(id);
        joined[match === null ? 'none' : match.reshaped ? 'reshaped' : 'exact']++;
      }
      for (const [field, spec] of vocabFields) {
        const text = clean(v[field]);
        if (text !== null && !VOCABULARIES[spec.vocabulary!]?.(text)) {
          const set = (unmapped[field] ??= new Set());
          if (set.size < 5) {
            set.add(text);
          }
        }
      }
    }
    const pctOf = (n: number): string => `${rows === 0 ? 0 : Math.round((n / rows) * 1000) / 10}%`;
    let plan: string;
    if (isComplaintsKind(kind)) {
      plan = `import ${rows.toLocaleString('en-US')} rows as ${chosen.label}: ${ids.size.toLocaleString('en-US')} cases`;
    } else if (rows > 0 && joined.exact + joined.reshaped === 0) {
      plan = `refuse the file: none of its rows names a known case (import the release's complaints file with it)`;
    } else {
      plan = `import ${rows.toLocaleString('en-US')} rows as ${chosen.label}; ${pctOf(joined.exact + joined.reshaped)} join a case${joined.reshaped > 0 ? ` (${joined.reshaped.toLocaleString('en-US')} by normalized id)` : ''}; ${joined.none.toLocaleString('en-US')} name no case and would be rejected`;
    }
    reports.push({
      ...base,
      kind,
      rows,
      label: chosen.label,
      score: r.score,
      how: r.how,
      runnerUp: other
        ? `${other.kind} ${Math.round(other.score * 100)}%${other.setAside ? ` (set aside: ${other.setAside})` : other.missingRequired.length > 0 ? ` (lacks ${other.missingRequired.join(', ')})` : ''}`
        : null,
      columns: mapping.columns,
      missingRequired: mapping.missingRequired,
      missingOptional: mapping.missingOptional,
      unknown: mapping.unknown,
      ties: CHICAGO_KINDS[kind].declaration.ties ?? [],
      idShapes,
      joined: isComplaintsKind(kind) ? null : joined,
      unmapped: Object.fromEntries(Object.entries(unmapped).map(([k, s]) => [k, [...s]])),
      plan,
    });
  }
  // in the order an import would take them
  return reports.sort(
    (a, b) =>
      (a.kind ? IMPORT_ORDER.indexOf(a.kind) : 99) - (b.kind ? IMPORT_ORDER.indexOf(b.kind) : 99),
  );
}

/** The inspection as text, one block per file. */
export function formatInspection(reports: FileInspection[]): string {
  const out: string[] = [];
  for (const r of reports) {
    if (!r.kind) {
      out.push(`✗ ${r.file}`, `    refused: ${r.refusal ?? 'unreadable'}`);
      if (r.runnerUp) {
        out.push(`    best fits: ${r.runnerUp}`);
      }
      out.push(`    would: ${r.plan}`, '');
      continue;
    }
    out.push(
      `${r.file}`,
      `    kind: ${r.kind} (${r.label}), score ${Math.round(r.score! * 100)}% by ${r.how}; runner-up: ${r.runnerUp ?? 'none'}`,
    );
    const byLevel = new Map<string, string[]>();
    for (const c of r.columns) {
      if (c.field) {
        const label = c.header === c.field ? c.header : `${c.header} → ${c.field}`;
        byLevel.set(c.level!, [...(byLevel.get(c.level!) ?? []), label]);
      }
    }
    out.push(
      `    columns mapped: ${r.columns.filter((c) => c.field).length} of ${r.columns.length}${[
        ...byLevel,
      ]
        .filter(([level]) => level !== 'exact')
        .map(([level, cols]) => `; ${level}: ${cols.join(', ')}`)
        .join('')}`,
    );
    for (const c of r.columns.filter((c) => c.note && c.level !== null && c.level !== 'exact')) {
      out.push(`      ${c.header}: ${c.note}`);
    }
    const ignored = r.columns.filter((c) => !c.field && c.note);
    if (ignored.length > 0) {
      out.push(`    ignored: ${ignored.map((c) => `${c.header} (${c.note})`).join(', ')}`);
    }
    out.push(`    unknown: ${r.unknown.length > 0 ? r.unknown.join(', ') : 'none'}`);
    out.push(
      `    missing: required ${r.missingRequired.length > 0 ? r.missingRequired.join(', ') : 'none'}; optional ${r.missingOptional.length > 0 ? r.missingOptional.join(', ') : 'none'}`,
    );
    if (r.ties.length > 0) {
      out.push(
        `    tie rules: ${r.ties.map((t) => `a bare "${t.header}" is ${t.field} (${t.because})`).join('; ')}`,
      );
    }
    out.push(
      `    ids: ${Object.entries(r.idShapes)
        .map(([shape, n]) => `${shape} ${n.toLocaleString('en-US')}`)
        .join(', ')}`,
    );
    for (const [field, values] of Object.entries(r.unmapped)) {
      out.push(`    ${field} values outside the vocabulary (kept verbatim): ${values.join('; ')}`);
    }
    out.push(`    would: ${r.plan}`, '');
  }
  return out.join('\n');
}
