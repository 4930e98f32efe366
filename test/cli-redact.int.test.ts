import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactNarrative } from '../src/server/redaction/engine.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs the real `oversight redact` with `input` on standard input. */
function redact(
  args: string[],
  input: string | Buffer,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'redact', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, TZ: 'UTC' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const NARRATIVE =
  'Officer John Smith called Ms. Peña at (312) 555-0100 from 1234 W Main St; DOB 01/02/1990.';

// issue 17 item 6: one narrative on standard input, the text as the portal would publish it
describe('oversight redact', () => {
  it('prints the narrative as the portal would publish it', async () => {
    const out = await redact([], `${NARRATIVE}\n`);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      'Officer [name] called Ms. [name] at [phone] from 1200 block of W Main St; DOB [date of birth].\n',
    );
    expect(out.stdout).toBe(`${redactNarrative(NARRATIVE).text}\n`);
  });

  it('prints with --json every span with its kind, recognizer and basis, in Spanish with --lang es', async () => {
    const en = JSON.parse((await redact(['--json'], NARRATIVE)).stdout);
    expect(en.text).toBe(redactNarrative(NARRATIVE).text);
    expect(
      en.redactions.map((r: { kind: string; recognizer: string }) => [r.kind, r.recognizer]),
    ).toEqual([
      ['person_name', 'person-names'],
      ['person_name', 'person-names'],
      ['phone', 'phone'],
      ['street_address', 'street-address'],
      ['date_of_birth', 'date-of-birth'],
    ]);
    expect(en.redactions[2]).toMatchObject({
      start: 38,
      end: 52,
      original: '(312) 555-0100',
      replacement: '[phone]',
      basis: expect.stringContaining('5 ILCS 140/7(1)(b)'),
    });
    const es = JSON.parse((await redact(['--json', '--lang', 'es'], NARRATIVE)).stdout);
    expect(es.redactions[2].basis).toContain('Información privada (número de teléfono personal)');
  });

  it('answers bad input without a crash and without publishing what it hides', async () => {
    expect(await redact([], '')).toMatchObject({ code: 0, stdout: '\n' });
    const binary = Buffer.concat([
      Buffer.from([0x00, 0xff, 0xfe, 0x1b]),
      Buffer.from(' \u202eMs. Peña\u202c at 312-555-0100'),
    ]);
    const out = await redact([], binary);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('[phone]');
    expect(out.stdout).not.toContain('555-0100');
    expect(out.stdout).not.toContain('Peña');
  });

  it('refuses a language it does not have', async () => {
    const out = await redact(['--lang', 'fr'], NARRATIVE);
    expect(out.code).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('Allowed choices are en, es');
  });
});
