import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer.ts';

const Party = z.strictObject({
  id: z.uuid(),
  role: z.enum(['complainant', 'witness']),
  name: z.string().nullable(),
  addedAt: z.iso.datetime({ offset: true }),
  phones: z.array(z.string()),
  note: z.string().optional(),
});
const CaseOut = z.strictObject({
  logNumber: z.string(),
  count: z.number().int(),
  parties: z.array(Party),
  decision: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('routed'), agency: z.string() }),
    z.strictObject({ kind: z.literal('held'), reason: z.string(), until: z.string().nullable() }),
  ]),
  extra: z.record(z.string(), z.number()),
});

const party = {
  id: '7b0c8a53-5a3e-4c43-9b70-6b1f6a3e1d2a',
  role: 'complainant',
  name: 'Ana "la" Ruiz\n',
  addedAt: '2026-12-06T06:00:00.000Z',
  phones: ['+1 312 555 0100'],
};
const answer = {
  logNumber: '2026-0000001',
  count: 3,
  parties: [party, { ...party, role: 'witness', name: null, note: 'seen <b>' }],
  decision: { kind: 'held', reason: 'joint determination', until: null },
  extra: { a: 1, 'b c': 2 },
};

const compile = (check: boolean) =>
  responseSerializerCompiler(check)({ schema: CaseOut, method: 'GET', url: '/cases/:logNumber' });

describe('the response writer (ADR 0061)', () => {
  it.each([false, true])('writes the declared answer as JSON (check %s)', (check) => {
    expect(JSON.parse(compile(check)(answer))).toEqual(answer);
  });

  it('writes only the declared fields, at every depth', () => {
    const leaky = {
      ...answer,
      identityEnc: 'secret',
      parties: [{ ...party, address: '1 Main St' }],
    };
    const written = compile(false)(leaky);
    expect(written).not.toMatch(/identityEnc|address|1 Main St/);
    expect(JSON.parse(written)).toEqual({ ...answer, parties: [party] });
  });

  it('refuses a union member with an undeclared field rather than write it', () => {
    const decision = { kind: 'routed', agency: 'COPA', internalNote: 'x' };
    expect(() => compile(false)({ ...answer, decision })).toThrow();
  });

  it('in tests, a field the schema does not declare fails the response, as zod did', () => {
    expect(() => compile(true)({ ...answer, identityEnc: 'secret' })).toThrow();
  });

  it('in tests, a value that breaks the contract fails the response', () => {
    expect(() =>
      compile(true)({ ...answer, parties: [{ ...party, addedAt: 'yesterday' }] }),
    ).toThrow();
    expect(() => compile(true)({ ...answer, count: 'three' })).toThrow();
  });

  it('in tests, a writer JSON that differs from zod’s encoding fails the response', () => {
    // a codec changes the value as zod encodes it; the writer, which follows the JSON Schema of
    // the output, does not: the check sees two different answers
    const Coded = z.strictObject({
      n: z.codec(z.string(), z.number(), { decode: Number, encode: String }),
    });
    const write = (check: boolean) =>
      responseSerializerCompiler(check)({ schema: Coded, method: 'GET', url: '/x' });
    expect(write(false)({ n: 5 })).toBe('{"n":5}');
    expect(() => write(true)({ n: 5 })).toThrow(/differs from the schema/);
  });

  it('fails a response that lacks a required field in production too', () => {
    const { logNumber: _, ...missing } = answer;
    expect(() => compile(false)(missing)).toThrow();
  });
});
