/**
 * Rows in PostgreSQL's COPY text format (tab-separated, `\N` for NULL, backslash escapes), typed
 * by the column they go into: what `Queryable.copyFrom` loads. The same JavaScript values the
 * importer used to send as one jsonb array (read back by `jsonb_to_recordset`) arrive as the same
 * column values: a `jsonb` column takes the value's JSON text, a `text[]` column an array literal,
 * every other column the value's text.
 */
export interface CopyColumn {
  name: string;
  /** The SQL type, as written in a column definition (`text`, `uuid`, `jsonb`, `text[]`, …). */
  type: string;
}

/**
 * A `jsonb` value already serialized: its JSON text is written as is. The importer hashes each
 * row's verbatim source as canonical JSON anyway, and jsonb keeps no key order, so that text
 * serves the column too instead of a second serialization of every source.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

const NEEDS_ESCAPE = /[\\\n\r\t]/;
const ESCAPED = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A field's text with COPY's escapes for backslash, line breaks and tabs. */
function escapeField(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => ESCAPES[c]!) : text;
}

/** An array literal (`{"a","b"}`): each element quoted, its `"` and `\` escaped. */
function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) {
      out += ',';
    }
    out +=
      v === null || v === undefined
        ? 'NULL'
        : `"${(typeof v === 'string' ? v : JSON.stringify(v)).replace(/["\\]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}

function fieldText(value: unknown, type: string): string {
  if (value === null || value === undefined) {
    return '\\N';
  }
  if (value instanceof JsonText) {
    return escapeField(value.text);
  }
  if (type === 'jsonb' || type === 'json') {
    return escapeField(JSON.stringify(value));
  }
  if (type.endsWith('[]')) {
    return escapeField(arrayLiteral(value as readonly unknown[]));
  }
  switch (typeof value) {
    case 'string':
      return escapeField(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
    case 'bigint':
      return String(value);
    case 'object':
      return value instanceof Date ? value.toISOString() : escapeField(JSON.stringify(value));
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  throw new TypeError(`a ${typeof value} is not a column value`);
}

/** The rows, one line each, fields in the order of `columns` (read by name from each row). */
export function copyText(
  columns: readonly CopyColumn[],
  rows: ReadonlyArray<Record<string, unknown>>,
): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      out += (i === 0 ? '' : '\t') + fieldText(row[c.name], c.type);
    }
    out += '\n';
  }
  return out;
}
