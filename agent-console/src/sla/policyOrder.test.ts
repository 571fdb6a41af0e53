import { describe, expect, it } from 'vitest';
import { movedOrder } from './policyOrder';

describe('movedOrder', () => {
  it('moves a policy up or down one place in the first-match order', () => {
    expect(movedOrder(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(movedOrder(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the order alone at either end', () => {
    expect(movedOrder(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(movedOrder(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
