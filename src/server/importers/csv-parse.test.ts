import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv-parse.ts';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks, and tracks physical lines', () => {
    const records = parseCsv('a,b,c\n1,"x, ""y""",3\n2,"multi\nline",4\r\n\n5,,\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"', '3'] },
      { line: 3, fields: ['2', 'multi\nline', '4'] },
      { line: 6, fields: ['5', '', ''] },
    ]);
  });

  it('handles a last record without a newline and a BOM', () => {
    expect(parseCsv('\uFEFFh\nv')).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['v'] },
    ]);
  });

  it('names the line of a quote that never closes', () => {
    expect(() => parseCsv('h1,h2\n1,2\n3,"broken\n4,5\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('h1,h2\n1,2\n3,"broken\n4,5\n');
    } catch (err) {
      expect((err as CsvSyntaxError).line).toBe(3);
    }
  });

  it('refuses text after a closing quote', () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/unbalanced quote/);
  });
});
