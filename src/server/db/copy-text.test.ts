import { describe, expect, it } from 'vitest';
import { copyText } from './copy-text.ts';

describe('copyText', () => {
  it('escapes what COPY text reads specially and types arrays and jsonb by their column', () => {
    const text = copyText(
      [
        { name: 't', type: 'text' },
        { name: 'b', type: 'boolean' },
        { name: 'n', type: 'integer' },
        { name: 'a', type: 'text[]' },
        { name: 'j', type: 'jsonb' },
      ],
      [
        { t: 'a\\b\tc\nd\re', b: true, n: 7, a: ['x "y"', 'z\\', null], j: 'just text' },
        { t: null, b: false, n: null, a: [], j: { k: 'v\tw' } },
      ],
    );
    expect(text).toBe(
      'a\\\\b\\tc\\nd\\re\tt\t7\t{"x \\\\"y\\\\"","z\\\\\\\\",NULL}\t"just text"\n' +
        '\\N\tf\t\\N\t{}\t{"k":"v\\\\tw"}\n',
    );
  });

  it('refuses a value no column can hold', () => {
    expect(() => copyText([{ name: 'f', type: 'text' }], [{ f: () => 1 }])).toThrow(TypeError);
  });
});
