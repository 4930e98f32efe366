import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('splits at semicolons outside comments, quotes and $$ bodies', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE a (x text DEFAULT 'x;y');
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no; way';
END;
$$;
SELECT 1`;
    const parts = splitStatements(sql);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe("CREATE TABLE a (x text DEFAULT 'x;y')");
    expect(parts[1]).toContain("RAISE EXCEPTION 'no; way';\nEND;\n$$");
    expect(parts[2]).toBe('SELECT 1');
  });
});
