import { describe, expect, it } from 'vitest';
import { clipped, contains, grown, layoutBounds } from './region-bounds';

const square = { x1: 0, y1: 0, x2: 100, y2: 100 };

describe('region bounds', () => {
  it('grows a rectangle by a fraction of its size on every side', () => {
    expect(grown(square, 0.5)).toEqual({ x1: -50, y1: -50, x2: 150, y2: 150 });
  });

  it('tells whether one rectangle holds another', () => {
    expect(contains(square, { x1: 10, y1: 10, x2: 90, y2: 100 })).toBe(true);
    expect(contains(square, { x1: -1, y1: 10, x2: 90, y2: 90 })).toBe(false);
  });

  it('clips the screen to the layout: a wide screen over a square layout', () => {
    // A fit shows the whole layout and empty margins beside it: only the layout's part
    // of the screen can hold concepts, so only it needs to be fetched.
    const screen = { x1: -60, y1: -5, x2: 160, y2: 105 };
    expect(clipped(screen, square)).toEqual(square);
    expect(contains(square, clipped(screen, square)!)).toBe(true);
    expect(clipped({ x1: 200, y1: 0, x2: 300, y2: 50 }, square)).toBeNull();
  });

  it('reads the square of a stored layout', () => {
    expect(layoutBounds({ minX: -10, minY: 5, size: 20 })).toEqual({
      x1: -10,
      y1: 5,
      x2: 10,
      y2: 25,
    });
  });
});
