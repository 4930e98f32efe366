import { describe, expect, it } from 'vitest';
import { reviewRefusal } from './review.ts';

describe('reviewRefusal', () => {
  it('refuses the author reviewing their own text', () => {
    expect(reviewRefusal('u1', 'u1')).toMatch(/different person/);
  });
  it('lets a second person review', () => {
    expect(reviewRefusal('u1', 'u2')).toBeNull();
  });
});
