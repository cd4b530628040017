import { describe, expect, it } from 'vitest';
import { freeSpot, viewportFor } from './viewport';

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

describe('fitting a box on screen', () => {
  it('zooms so the box fills the screen less the padding, centred', () => {
    const { zoom, pan } = viewportFor(
      { x1: 0, y1: 0, w: 1000, h: 500 },
      { width: 1040, height: 800 },
      20,
      { min: 0.01, max: 4 },
    );
    expect(zoom).toBeCloseTo(1, 6);
    expect(pan).toEqual({ x: 520 - 500, y: 400 - 250 });
  });

  it('keeps to the zoom limits', () => {
    expect(
      viewportFor({ x1: 0, y1: 0, w: 1, h: 1 }, { width: 800, height: 600 }, 20, {
        min: 0.1,
        max: 1.6,
      }).zoom,
    ).toBe(1.6);
  });
});
