import { describe, expect, it } from 'vitest';
import { unkeptEngines } from './check-engines.ts';

const PROMISE = '^20.19.0 || ^22.13.0 || >=24';

describe('unkeptEngines', () => {
  it('keeps the promise when every package covers the whole range', () => {
    const packages = {
      '': { version: '0.1.0', engines: { node: PROMISE } },
      'node_modules/a': { version: '1.0.0', engines: { node: '>=18' } },
      'node_modules/b': { version: '2.0.0', engines: { node: '^20.19.0 || >=22.12.0' } },
      'node_modules/c': { version: '3.0.0' },
      'node_modules/d': { version: '4.0.0', engines: ['node >= 0.8'] },
    };
    expect(unkeptEngines(PROMISE, 'v20.19.0', packages)).toEqual([]);
  });

  it('names a package that needs a newer Node.js than the promise (the cookie@2 case)', () => {
    const packages = {
      'node_modules/x/node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
    };
    expect(unkeptEngines(PROMISE, 'v22.13.0', packages)).toEqual([
      `cookie@2.0.2 requires Node.js >=22, narrower than ${PROMISE}`,
    ]);
  });

  it('refuses a Node.js outside the promise, at the boundary', () => {
    expect(unkeptEngines(PROMISE, 'v20.18.3', {})).toHaveLength(1);
    expect(unkeptEngines(PROMISE, 'v22.12.0', {})).toHaveLength(1);
    expect(unkeptEngines(PROMISE, 'v22.13.0', {})).toEqual([]);
  });
});
