import { describe, expect, it } from 'vitest';
import { topWeights } from './backtest.ts';

describe('the top k% with ties', () => {
  it('members tied at the cut share the seats left; the order of the input does not matter', () => {
    expect([...topWeights([3, 2, 2, 2, 1], 2)]).toEqual([1, 1 / 3, 1 / 3, 1 / 3, 0]);
    expect([...topWeights([2, 1, 2, 3, 2], 2)]).toEqual([1 / 3, 0, 1 / 3, 1, 1 / 3]);
    expect([...topWeights([5, 4, 3], 2)]).toEqual([1, 1, 0]);
    expect([...topWeights([0, 0, 0, 0], 1)]).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect([...topWeights([1, 2], 0)]).toEqual([0, 0]);
    // the weights always add up to the seats
    const w = topWeights([7, 7, 7, 5, 5, 1], 4);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(4);
  });
});
