import { describe, expect, it } from 'vitest';
import { freeSpot } from './viewport';

describe('a free spot for a new concept', () => {
  it('is the centre when nothing is near', () => {
    expect(freeSpot({ x: 10, y: 20 }, [{ x: 500, y: 500 }])).toEqual({ x: 10, y: 20 });
  });

  it('moves out on a spiral until it is clear of every concept', () => {
    const taken = [
      { x: 0, y: 0 },
      { x: 35, y: 0 },
      { x: -35, y: 0 },
    ];
    const spot = freeSpot({ x: 0, y: 0 }, taken);
    for (const t of taken)
      expect(Math.hypot(t.x - spot.x, t.y - spot.y)).toBeGreaterThanOrEqual(70);
  });
});
