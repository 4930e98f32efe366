import { describe, it, expect } from 'vitest';
import { serverUrls } from './hosts.ts';

describe('serverUrls (libpq multi-host URLs, ADR 0040)', () => {
  it('splits a host list into one URL per server, in order, without target_session_attrs', () => {
    expect(
      serverUrls(
        'postgres://app:secret@10.0.0.1:5432,10.0.0.2:5433/oversight?target_session_attrs=read-write&sslmode=require',
      ),
    ).toEqual([
      'postgres://app:secret@10.0.0.1:5432/oversight?sslmode=require',
      'postgres://app:secret@10.0.0.2:5433/oversight?sslmode=require',
    ]);
  });

  it('leaves a single-host URL as it is', () => {
    expect(serverUrls('postgresql://app@db.example.gov/oversight')).toEqual([
      'postgresql://app@db.example.gov/oversight',
    ]);
  });
});
