import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { csvRecords } from '../src/server/importers/csv-parse.ts';
import { mapHeader } from '../src/server/importers/mapping.ts';
import { CHICAGO_KINDS, isComplaintsKind } from '../src/server/importers/chicago/kinds/index.ts';
import { recognizeChicago } from '../src/server/importers/chicago/recognize.ts';

/*
 * Variants of a release, as the department's next FOIA release might shape it: columns renamed
 * to a declared synonym (and respelled: case, separators, word order), reordered, optional
 * columns dropped, unknown columns added, a column duplicated with a `.1` suffix, child ids
 * reshaped (a plain number zero-padded behind a year, or a year-prefixed id without its zeros),
 * file names misspelled or carrying another release's date. Each variant must import to the
 * same cases, allegations and findings as the files it was derived from.
 */

export { seededRandom as seeded } from '../src/shared/seeded-random.ts';

/** What was done to one file (printed when a variant fails). */
export interface VariantLog {
  from: string;
  to: string;
  changes: string[];
}

const pick = <T>(rand: () => number, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)]!;

/** The same words spelled another way: Title Case, camelCase, kebab-case or words reversed. */
function respell(rand: () => number, name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  switch (Math.floor(rand() * 4)) {
    case 0:
      return words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join(' ');
    case 1:
      return words
        .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
        .join('');
    case 2:
      return words.join('-').toUpperCase();
    default:
      return words.length === 2 ? `${words[1]}_${words[0]}` : words.join('_');
  }
}

/** A deterministic choice by a value's content, so exact duplicate rows stay duplicates. */
function byContent(value: string): boolean {
  let h = 0;
  for (let i = 0; i < value.length; i++) {
    h = (h * 31 + value.charCodeAt(i)) | 0;
  }
  return (h & 1) === 0;
}

/** Child ids in another shape than the complaints file writes them. */
function reshapeId(id: string): string {
  const cms = /^(\d{4})-(\d{7})$/.exec(id);
  if (cms) {
    return `${cms[1]}-${String(Number(cms[2]))}`;
  }
  return /^\d{6,7}$/.test(id) ? `2000-${id.padStart(7, '0')}` : id;
}

/** A file name misspelled (one letter of its kind word dropped) and dated another release. */
function misname(rand: () => number, name: string): string {
  const renamed = name.replace(/_(\d{4})-(\d{2})/, (_m, y: string) => `_${Number(y) + 1}-03`);
  // the kind's word, not the family prefix `complaints-` at the start
  return renamed.replace(
    /(?<=-)(accused|victims|witnesses|complainants|investigators|complaints)/i,
    (w) => {
      const i = 2 + Math.floor(rand() * (w.length - 3));
      return w.slice(0, i) + w.slice(i + 1);
    },
  );
}

/**
 * Writes a variant of every file in `from` into `to`, derived with `rand`, and says what it did.
 */
export function writeVariant(from: string, to: string, rand: () => number): VariantLog[] {
  fs.mkdirSync(to, { recursive: true });
  const logs: VariantLog[] = [];
  for (const name of fs
    .readdirSync(from)
    .filter((n) => n.endsWith('.csv'))
    .sort()) {
    const records = [...csvRecords(fs.readFileSync(path.join(from, name), 'utf8'))].map(
      (r) => r.fields,
    );
    const [header, ...rows] = records;
    const recognized = recognizeChicago({ header: header!, rows: rows.slice(0, 200) }, name);
    if (!recognized.ok) {
      throw new Error(`${name}: ${recognized.reason}`);
    }
    const kind = recognized.kind as keyof typeof CHICAGO_KINDS;
    const decl = CHICAGO_KINDS[kind].declaration;
    const mapping = mapHeader(header!, decl);
    const changes: string[] = [];
    // columns: [header, values per row]
    let columns = header!.map((h, i) => ({
      h,
      field: mapping.columns[i]!.field,
      cells: rows.map((r) => r[i]!),
    }));

    // optional columns the normalization never reads: dropped (about half of them)
    // (not one whose absence would make two rows exact duplicates: that is another release)
    const distinct = (cols: typeof columns): number =>
      new Set(
        rows.map((_, r) =>
          cols
            .filter((c) => c.field !== 'row_id')
            .map((c) => c.cells[r])
            .join('\u0001'),
        ),
      ).size;
    const droppable = columns.filter((c) => c.field && decl.fields[c.field]?.keptOnly);
    const dropped: typeof columns = [];
    for (const c of droppable) {
      const rest = columns.filter((x) => x !== c && !dropped.includes(x));
      if (rand() < 0.5 && distinct(rest) === distinct(columns)) {
        dropped.push(c);
      }
    }
    columns = columns.filter((c) => !dropped.includes(c));
    if (dropped.length > 0) {
      changes.push(`dropped ${dropped.map((c) => c.h).join(', ')}`);
    }
    // renamed to a synonym, or respelled
    for (const c of columns) {
      if (!c.field || rand() < 0.4) {
        continue;
      }
      const synonyms = decl.fields[c.field]?.synonyms ?? [];
      const to = synonyms.length > 0 && rand() < 0.6 ? pick(rand, synonyms) : respell(rand, c.h);
      if (to !== c.h) {
        changes.push(`${c.h} → ${to}`);
        c.h = to;
      }
    }
    // a mapped column duplicated with a `.1` suffix: the first copy blank where the content says
    const candidates = columns.filter(
      (c) => c.field && c.field !== 'cr_id' && c.field !== 'row_id',
    );
    if (candidates.length > 0) {
      const c = pick(rand, candidates);
      const copy = { h: `${c.h}.1`, field: c.field, cells: [...c.cells] };
      c.cells = c.cells.map((v) => (byContent(v) ? '' : v));
      columns.splice(columns.indexOf(c) + 1, 0, copy);
      changes.push(`duplicated ${c.h} as ${copy.h}, first copy blanked on some rows`);
    }
    // unknown columns
    const extra = ['export_batch', 'Record Source'].slice(0, 1 + Math.floor(rand() * 2));
    for (const h of extra) {
      columns.splice(Math.floor(rand() * (columns.length + 1)), 0, {
        h,
        field: null,
        // from the row's content (its row counter aside): exact duplicate rows stay duplicates
        cells: rows.map((r) =>
          byContent(r.filter((_, i) => i !== mapping.fieldIndex.get('row_id')).join(h))
            ? ''
            : `v${r.length}`,
        ),
      });
    }
    changes.push(`added ${extra.join(', ')}`);
    // child ids reshaped
    if (!isComplaintsKind(kind) && rand() < 0.7) {
      const id = columns.find((c) => c.field === 'cr_id')!;
      id.cells = id.cells.map(reshapeId);
      changes.push(
        `ids reshaped (${rows[0]?.[mapping.fieldIndex.get('cr_id')!]} → ${id.cells[0]})`,
      );
    }
    // reordered (the id column stays somewhere in the middle as often as not)
    for (let i = columns.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [columns[i], columns[j]] = [columns[j]!, columns[i]!];
    }
    changes.push('columns reordered');
    const out = rand() < 0.5 ? misname(rand, name) : name;
    fs.writeFileSync(
      path.join(to, out),
      stringify([columns.map((c) => c.h), ...rows.map((_, r) => columns.map((c) => c.cells[r]!))]),
    );
    logs.push({ from: name, to: out, changes });
  }
  return logs;
}
