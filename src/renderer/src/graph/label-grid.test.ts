import { describe, expect, it } from 'vitest';
import { labelBox, labelsThatFit, type LabelCandidate } from './label-grid';

const at = (id: string, x: number, y: number, importance: number): LabelCandidate => ({
  id,
  x,
  y,
  radius: 8,
  width: 60,
  height: 16,
  importance,
});
const screen = { width: 800, height: 600 };

describe('the label grid', () => {
  it('keeps the most important of two overlapping labels', () => {
    const fits = labelsThatFit([at('leaf', 100, 100, 1), at('hub', 110, 104, 30)], screen);
    expect([...fits]).toEqual(['hub']);
  });

  it('keeps every label that has room, and none off screen', () => {
    const fits = labelsThatFit(
      [at('a', 100, 100, 1), at('b', 300, 100, 1), at('c', 100, 300, 1), at('off', -200, 50, 99)],
      screen,
    );
    expect([...fits].sort()).toEqual(['a', 'b', 'c']);
  });

  it('shows at most as many labels as the screen holds, however many concepts there are', () => {
    const crowd = Array.from({ length: 10_000 }, (_, i) =>
      at(`c${i}`, (i * 37) % 800, (i * 91) % 600, i % 17),
    );
    const fits = labelsThatFit(crowd, screen);
    // A 60×16 label with its gap takes at least 64×20 pixels: the screen has room for 375.
    expect(fits.size).toBeLessThanOrEqual(375);
    expect(fits.size).toBeGreaterThan(100);
  });

  it('estimates a label’s box, wrapping long ones', () => {
    expect(labelBox('etcd', 13, 110).width).toBeCloseTo(4 * 13 * 0.55, 5);
    expect(labelBox('A'.repeat(60), 13, 110)).toEqual({ width: 110, height: 3 * 13 * 1.25 });
  });
});
