import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, EXPORT_COLUMNS } from './export-open-data.ts';

describe('open-data export', () => {
  it('documents every column in docs/public-portal.md, in order', () => {
    const doc = fs.readFileSync(
      path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/public-portal.md'),
      'utf8',
    );
    const section = doc.slice(doc.indexOf('## Open data'));
    const documented = [...section.matchAll(/^\| `([a-z_]+)` +\| /gm)].map((m) => m[1]);
    expect(documented).toEqual(EXPORT_COLUMNS.map((c) => c.name));
  });

  it('writes RFC 4180 fields and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe('-5');
    expect(csvField('2023-0000001')).toBe('2023-0000001');
  });

  it('quotes a field with a lone line feed or carriage return, as RFC 4180 readers need', () => {
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rx')).toBe('"cr\rx"');
  });

  it('writes every text as the RFC 4180 rule says (quote when , " CR or LF; quotes doubled)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '1') }),
        (v) => {
          const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
          const expected = /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
          expect(csvField(v)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
