import { describe, expect, it } from 'vitest';
import type { Link, Position } from '../../../shared/domain';
import { placeMissing, storedLayoutUsable } from './layouts';

const link = (source: string, target: string): Link => ({
  id: 1,
  source,
  target,
  relation: 'r',
  origin: 'seed',
  kind: 'typed',
  note: null,
});

describe('placing concepts that have no stored position', () => {
  const known = new Map<string, Position>([
    ['a', { id: 'a', x: 0, y: 0 }],
    ['b', { id: 'b', x: 1000, y: 0 }],
  ]);

  it('puts a concept beside its placed neighbours', () => {
    const [p] = placeMissing(['a', 'b', 'c'], known, [link('c', 'b')]);
    expect(p!.id).toBe('c');
    expect(Math.hypot(p!.x - 1000, p!.y)).toBeCloseTo(60, 6);
  });

  it('puts a concept with no placed neighbour on a ring outside the drawing, the same each time', () => {
    const first = placeMissing(['lonely'], known, []);
    expect(Math.hypot(first[0]!.x - 500, first[0]!.y)).toBeCloseTo(620, 6);
    expect(placeMissing(['lonely'], known, [])).toEqual(first);
  });

  it('places nothing when every concept has a position', () => {
    expect(placeMissing(['a', 'b'], known, [])).toEqual([]);
  });

  it('keeps a stored layout when at least half the concepts have a position', () => {
    expect(storedLayoutUsable(5, 10)).toBe(true);
    expect(storedLayoutUsable(4, 10)).toBe(false);
    expect(storedLayoutUsable(0, 0)).toBe(false);
  });
});
