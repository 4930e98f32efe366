/** A parsed record: its fields and the physical line it starts on (1-based). */
export interface ParsedRecord {
  line: number;
  fields: string[];
}

/** Raised when a quoted field never closes: the rest of the file cannot be read reliably. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * RFC 4180 parser over a whole string: quoted fields may hold commas, doubled quotes and line
 * breaks; CRLF and LF both end records; empty lines are skipped. Tracks the physical line each
 * record starts on, so rejections name the line a person finds in an editor.
 */
export function parseCsv(text: string): ParsedRecord[] {
  return [...csvRecords(text)];
}

/** The records of a CSV text one at a time, so a large file is never held as rows all at once. */
export function* csvRecords(text: string): Generator<ParsedRecord> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Without carriage returns an unquoted field ends at the next comma or the next line feed, both
  // found with indexOf (native, faster than a loop over char codes); the next comma and line feed
  // are remembered until passed, so the text is searched once, not once per field.
  const lfOnly = !text.includes('\r');
  let nextLf = -2;
  let nextComma = -2;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let atRecordEnd = false;
    let openLine = line;
    while (!atRecordEnd) {
      if (text.charCodeAt(i) === 34 /* " */) {
        openLine = line;
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            throw new CsvSyntaxError(
              openLine,
              `a quoted field opened on line ${openLine} never closes`,
            );
          }
          const chunk = text.slice(j, q);
          value += chunk;
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) {
            line++;
          }
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        fields.push(value);
        const c = text.charCodeAt(i);
        if (c === 44 /* , */) {
          i++;
        } else if (c === 10 || c === 13 || i >= n) {
          i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
          line++;
          atRecordEnd = true;
        } else {
          throw new CsvSyntaxError(
            openLine,
            `a quoted field opened on line ${openLine} closes on line ${line} followed by more text (a stray or unbalanced quote)`,
          );
        }
      } else {
        let j = i;
        if (lfOnly) {
          if (nextLf !== -1 && nextLf < i) {
            nextLf = text.indexOf('\n', i);
          }
          if (nextComma !== -1 && nextComma < i) {
            nextComma = text.indexOf(',', i);
          }
          const lf = nextLf === -1 ? n : nextLf;
          j = nextComma !== -1 && nextComma < lf ? nextComma : lf;
        } else {
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === 44 || c === 10 || c === 13) {
              break;
            }
            j++;
          }
        }
        fields.push(text.slice(i, j));
        const c = text.charCodeAt(j);
        if (c === 44) {
          i = j + 1;
          if (i >= n) {
            fields.push('');
            atRecordEnd = true;
          }
        } else {
          i = j + (c === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1);
          line++;
          atRecordEnd = true;
        }
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) {
      yield { line: startLine, fields };
    }
  }
}
