import { withinOneEdit } from '../domain/edit-distance.ts';
import { wordsOf } from '../domain/profiles/vocabulary.ts';

/*
 * Mappings as data (ADR 0023): a file kind is a declaration — canonical fields with the header
 * spellings that map to them, which are required, which tell the kind apart — and this module
 * matches a file's header against it on words, scores it against every kind, and says why. Pure:
 * no I/O.
 */

/** One canonical field of a file kind. */
export interface FieldDeclaration {
  /** Other header spellings of the field (matched on words like the canonical name). */
  synonyms?: readonly string[];
  /** A row cannot be read without it: a file lacking it is not of this kind. */
  required?: boolean;
  /** Tells this kind apart from the others (the misclassification test removes these). */
  distinguishing?: boolean;
  /** Only kept verbatim in the row's source, never read by the normalization. */
  keptOnly?: boolean;
  /** The value vocabulary the field's values are checked against (`inspect`). */
  vocabulary?: string;
}

/**
 * When one header fits several fields only after dropping qualifier words (a bare `penalty`
 * next to a recommended and a final penalty), the field it becomes and why. Shown by `inspect`.
 */
export interface TieRule {
  /** The header's words, as a spelling (`penalty`). */
  header: string;
  field: string;
  because: string;
}

/** A file kind, declared once: what `inspect` shows and what the importer maps by. */
export interface KindDeclaration {
  kind: string;
  label: string;
  /** Words of a file name that name this kind (`victims`); a misspelling by one letter still counts. */
  nameWords: readonly string[];
  /** Words that must also appear for the name to count (`cpd` before `witnesses`), if any. */
  nameQualifiers?: readonly string[];
  fields: Readonly<Record<string, FieldDeclaration>>;
  ties?: readonly TieRule[];
}

/** Words a header may carry or lack before a field name and still be that field. */
const QUALIFIER_PREFIXES = new Set([
  'final',
  'recommended',
  'allegation',
  'complaint',
  'current',
  'case',
]);
/** … and after it. */
const QUALIFIER_SUFFIXES = [['to', 'closure'], ['description'], ['desc'], ['use'], ['i'], ['text']];

/** A header column that is the pipeline's per-file person id (`<file name>_ID`): never a field. */
const PIPELINE_ID = /_ID$/;

/** A second copy of a column (`final_finding.1`, as pandas writes a repeated name). */
const DUPLICATE_SUFFIX = /\.(\d+)$/;

/** The words of a name without qualifier words at either end. */
function coreWords(words: readonly string[]): string[] {
  let w = [...words];
  while (w.length > 1 && QUALIFIER_PREFIXES.has(w[0]!)) {
    w = w.slice(1);
  }
  for (let changed = true; changed && w.length > 1;) {
    changed = false;
    for (const suffix of QUALIFIER_SUFFIXES) {
      if (
        w.length > suffix.length &&
        suffix.every((s, i) => w[w.length - suffix.length + i] === s)
      ) {
        w = w.slice(0, w.length - suffix.length);
        changed = true;
      }
    }
  }
  return w;
}

const sorted = (words: readonly string[]): string => [...words].sort().join(' ');

/** How a header came to be a field, best first. */
export type MatchLevel = 'exact' | 'reordered' | 'qualifier' | 'tie' | 'duplicate' | 'map';

/** One header column and what it became. */
export interface MappedColumn {
  header: string;
  index: number;
  field: string | null;
  level: MatchLevel | null;
  /** Why it is unmapped (ambiguous, a pipeline id) or how a tie was broken. */
  note?: string;
}

/** A file's header mapped onto one kind's fields. */
export interface ColumnMapping {
  kind: string;
  columns: MappedColumn[];
  /** Field → column index. */
  fieldIndex: Map<string, number>;
  /** Field → index of a `.1` copy, read when the first copy is blank. */
  copyIndex: Map<string, number>;
  missingRequired: string[];
  missingOptional: string[];
  /** Headers that fit no field (pipeline person ids excepted). */
  unknown: string[];
  /** Headers that fit several fields (or a field that several headers fit), with why. */
  ambiguous: string[];
  /** Share of the header's columns (pipeline ids aside) this kind explains, 0–1. */
  score: number;
}

/** Overrides from a `--map` file for one file: a kind, and header → field (or null: ignore). */
export interface MapOverride {
  kind?: string;
  columns?: Record<string, string | null>;
}

interface Spelling {
  field: string;
  exact: string;
  reordered: string;
  core: string;
}

function spellingsOf(decl: KindDeclaration): Spelling[] {
  const out: Spelling[] = [];
  for (const [field, spec] of Object.entries(decl.fields)) {
    for (const name of [field, ...(spec.synonyms ?? [])]) {
      const w = wordsOf(name);
      out.push({ field, exact: w.join(' '), reordered: sorted(w), core: sorted(coreWords(w)) });
    }
  }
  return out;
}

const spellingCache = new WeakMap<KindDeclaration, Spelling[]>();

/**
 * Maps a header onto a kind: exact spellings first, then the same words in another order, then
 * the same words once qualifier words are dropped. A header fitting several free fields at its
 * best level takes the declaration's tie rule, or stays unmapped as ambiguous; a field several
 * headers fit at the same level is left unmapped as ambiguous (never guessed).
 */
export function mapHeader(
  header: readonly string[],
  decl: KindDeclaration,
  override: MapOverride = {},
): ColumnMapping {
  let spellings = spellingCache.get(decl);
  if (!spellings) {
    spellings = spellingsOf(decl);
    spellingCache.set(decl, spellings);
  }
  const columns: MappedColumn[] = header.map((h, index) => ({
    header: h,
    index,
    field: null,
    level: null,
  }));
  const fieldIndex = new Map<string, number>();
  const copyIndex = new Map<string, number>();
  const ambiguous: string[] = [];
  const present = new Set(header);
  const pending: MappedColumn[] = [];
  for (const col of columns) {
    const forced = override.columns && col.header in override.columns;
    if (forced) {
      const field = override.columns![col.header]!;
      if (field !== null) {
        col.field = field;
        col.level = 'map';
        fieldIndex.set(field, col.index);
      } else {
        col.note = 'ignored by the mapping file';
      }
      continue;
    }
    if (PIPELINE_ID.test(col.header)) {
      col.note = 'pipeline person id (ignored)';
      continue;
    }
    pending.push(col);
  }
  // a `.1` copy of a present column is that column's second copy, not a field of its own
  const copies: MappedColumn[] = [];
  const candidates = pending.filter((col) => {
    const m = DUPLICATE_SUFFIX.exec(col.header);
    if (m && present.has(col.header.slice(0, m.index))) {
      copies.push(col);
      return false;
    }
    return true;
  });
  const wordsByCol = new Map<MappedColumn, string[]>();
  for (const col of candidates) {
    const m = DUPLICATE_SUFFIX.exec(col.header);
    wordsByCol.set(col, wordsOf(m ? col.header.slice(0, m.index) : col.header));
  }
  const levels: Array<
    ['exact' | 'reordered' | 'qualifier', (w: string[], s: Spelling) => boolean]
  > = [
    ['exact', (w, s) => w.join(' ') === s.exact],
    ['reordered', (w, s) => sorted(w) === s.reordered],
    ['qualifier', (w, s) => sorted(coreWords(w)) === s.core],
  ];
  for (const [level, fits] of levels) {
    const claims = new Map<string, MappedColumn[]>();
    for (const col of candidates) {
      if (col.field !== null || col.note) {
        continue;
      }
      const w = wordsByCol.get(col)!;
      const fields = [
        ...new Set(
          spellings.filter((s) => !fieldIndex.has(s.field) && fits(w, s)).map((s) => s.field),
        ),
      ];
      if (fields.length === 0) {
        continue;
      }
      let field = fields[0]!;
      if (fields.length > 1) {
        const rule = decl.ties?.find(
          (t) => wordsOf(t.header).join(' ') === w.join(' ') && fields.includes(t.field),
        );
        if (!rule) {
          col.note = `ambiguous: fits ${fields.join(', ')}; choose one with --map`;
          ambiguous.push(`${col.header} fits ${fields.join(' and ')}`);
          continue;
        }
        field = rule.field;
        col.note = `tie rule: ${rule.because}`;
      }
      claims.set(field, [...(claims.get(field) ?? []), col]);
    }
    for (const [field, cols] of claims) {
      if (cols.length > 1) {
        for (const col of cols) {
          col.note = `ambiguous: ${cols.map((c) => c.header).join(' and ')} all fit ${field}; choose one with --map`;
        }
        ambiguous.push(`${cols.map((c) => c.header).join(' and ')} all fit ${field}`);
        continue;
      }
      const col = cols[0]!;
      col.field = field;
      col.level = col.note?.startsWith('tie rule') ? 'tie' : level;
      fieldIndex.set(field, col.index);
    }
  }
  for (const col of copies) {
    const base = columns.find((c) => c.header === col.header.replace(DUPLICATE_SUFFIX, ''))!;
    if (base.field !== null && !copyIndex.has(base.field)) {
      col.field = base.field;
      col.level = 'duplicate';
      col.note = `second copy of ${base.header}: read where ${base.header} is blank`;
      copyIndex.set(base.field, col.index);
    }
  }
  const fields = Object.entries(decl.fields);
  const missingRequired = fields
    .filter(([f, s]) => s.required && !fieldIndex.has(f))
    .map(([f]) => f);
  const missingOptional = fields
    .filter(([f, s]) => !s.required && !fieldIndex.has(f))
    .map(([f]) => f);
  const counted = columns.filter((c) => !(c.note === 'pipeline person id (ignored)'));
  const unknown = counted.filter((c) => c.field === null && !c.note).map((c) => c.header);
  const explained = counted.filter((c) => c.field !== null).length;
  return {
    kind: decl.kind,
    columns,
    fieldIndex,
    copyIndex,
    missingRequired,
    missingOptional,
    unknown,
    ambiguous,
    score: counted.length === 0 ? 0 : explained / counted.length,
  };
}

/**
 * A row's values by canonical field, from its fields in header order: what the normalization
 * reads (a `.1` copy stands in where the first copy is blank). Unmapped fields are absent.
 */
export function rowReader(
  mapping: ColumnMapping,
): (fields: readonly string[]) => Record<string, string> {
  const pairs = [...mapping.fieldIndex];
  const copies = [...mapping.copyIndex];
  return (fields) => {
    const values: Record<string, string> = {};
    for (const [field, i] of pairs) {
      values[field] = fields[i]!;
    }
    for (const [field, i] of copies) {
      if (values[field] === '' && fields[i] !== undefined) {
        values[field] = fields[i];
      }
    }
    return values;
  };
}

/**
 * The kinds a file name names, from its words (a leading `complaints-` family prefix aside, as
 * in `complaints-victims-…`); words of five letters or more match with one letter wrong.
 */
export function kindsNamedBy(fileName: string, decls: readonly KindDeclaration[]): string[] {
  let words = wordsOf(fileName.replace(/\.csv(\.gz)?$/i, ''));
  if (words.length > 1 && words[0] === 'complaints') {
    words = words.slice(1);
  }
  const has = (w: string): boolean =>
    words.some((x) => x === w || (w.length >= 5 && x.length >= 5 && withinOneEdit(x, w)));
  return decls
    .filter(
      (d) =>
        d.nameWords.some(has) && (d.nameQualifiers === undefined || d.nameQualifiers.some(has)),
    )
    .map((d) => d.kind);
}

/** A kind's score on a file, for `inspect` and for refusals. */
export interface KindScore {
  kind: string;
  label: string;
  score: number;
  eligible: boolean;
  missingRequired: string[];
  mapping: ColumnMapping;
  /** Why the kind was set aside although its columns fit (the ids' shape, the file name). */
  setAside?: string;
}

/** The kind chosen for a file, or why none was. */
export type Recognition =
  | {
      ok: true;
      kind: string;
      score: number;
      runnerUp: KindScore | null;
      scores: KindScore[];
      how: string;
    }
  | { ok: false; reason: string; scores: KindScore[] };

/** Below this share of its columns explained, a file's best kind is too weak to import. */
export const WEAK_SCORE = 0.5;
/** A runner-up this close to the best, explaining columns the best does not, is a tie. */
export const CLOSE_MARGIN = 0.15;

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Decides a file's kind by scoring its header against every kind. Refused, never guessed: when
 * no kind has its required columns, when the best explains under half the header, when the file
 * name names another kind, or when a runner-up is close and explains columns the best does not.
 * `exclude` sets kinds aside with a reason (a complaints kind whose family the ids contradict).
 */
export function recognize(
  header: readonly string[],
  fileName: string,
  decls: readonly KindDeclaration[],
  opts: {
    override?: MapOverride;
    exclude?: (kind: string) => string | null;
    /** How refusals name the set of kinds (`the Chicago complaint family`). */
    familyName?: string;
  } = {},
): Recognition {
  const scores: KindScore[] = decls.map((d) => {
    const mapping = mapHeader(header, d, opts.override);
    const setAside = opts.exclude?.(d.kind) ?? undefined;
    return {
      kind: d.kind,
      label: d.label,
      score: mapping.score,
      eligible: mapping.missingRequired.length === 0 && mapping.ambiguous.length === 0 && !setAside,
      missingRequired: mapping.missingRequired,
      mapping,
      ...(setAside ? { setAside } : {}),
    };
  });
  scores.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score);
  const how = `choose the kind with --map (e.g. {"${fileName}": {"kind": "${scores[0]?.kind ?? 'complaints_cms'}"}})`;
  if (opts.override?.kind) {
    const forced = scores.find((s) => s.kind === opts.override!.kind);
    if (!forced) {
      return {
        ok: false,
        reason: `the mapping file names an unknown kind "${opts.override.kind}" (known: ${decls.map((d) => d.kind).join(', ')})`,
        scores,
      };
    }
    if (forced.missingRequired.length > 0 || forced.mapping.ambiguous.length > 0) {
      return {
        ok: false,
        reason: `the mapping file makes it ${forced.kind}, but ${[
          ...forced.missingRequired.map((f) => `required field ${f} has no column`),
          ...forced.mapping.ambiguous,
        ].join('; ')}: map those columns in the mapping file`,
        scores,
      };
    }
    return {
      ok: true,
      kind: forced.kind,
      score: forced.score,
      runnerUp: null,
      scores,
      how: 'mapping file',
    };
  }
  const [best, second] = scores;
  const describe = (s: KindScore): string =>
    `${s.kind} ${pct(s.score)}${s.missingRequired.length > 0 ? ` (lacks ${s.missingRequired.join(', ')})` : ''}${s.mapping.ambiguous.length > 0 ? ` (ambiguous: ${s.mapping.ambiguous.join('; ')})` : ''}${s.setAside ? ` (${s.setAside})` : ''}`;
  const candidates = [...scores]
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(describe)
    .join(', ');
  if (!best || !best.eligible) {
    return {
      ok: false,
      reason: `not a file of ${opts.familyName ?? 'a known kind'}: no kind finds its required columns in the header (${header.slice(0, 6).join(', ')}${header.length > 6 ? ', …' : ''}); closest: ${candidates}; ${how}`,
      scores,
    };
  }
  if (best.score < WEAK_SCORE) {
    return {
      ok: false,
      reason: `too weak a match: the best kind, ${describe(best)}, explains under ${pct(WEAK_SCORE)} of the columns; candidates: ${candidates}; ${how}`,
      scores,
    };
  }
  const named = kindsNamedBy(fileName, decls);
  if (named.length > 0 && !named.includes(best.kind)) {
    return {
      ok: false,
      reason: `the header reads as ${describe(best)} but the file name names ${named.join(' or ')}; candidates: ${candidates}; rename the file or ${how}`,
      scores,
    };
  }
  const runnerUp = second && second.eligible ? second : null;
  if (runnerUp && runnerUp.score >= best.score - CLOSE_MARGIN) {
    const bestCols = new Set(best.mapping.columns.filter((c) => c.field).map((c) => c.index));
    const dominated = runnerUp.mapping.columns
      .filter((c) => c.field)
      .every((c) => bestCols.has(c.index));
    const nameDecides = named.includes(best.kind) && !named.includes(runnerUp.kind);
    if (!dominated && !nameDecides) {
      return {
        ok: false,
        reason: `two kinds fit closely: ${describe(best)} and ${describe(runnerUp)}; ${how}`,
        scores,
      };
    }
  }
  return {
    ok: true,
    kind: best.kind,
    score: best.score,
    runnerUp: second ?? null,
    scores,
    how: named.includes(best.kind) ? 'header, and the file name agrees' : 'header',
  };
}
