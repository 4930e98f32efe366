import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
});
