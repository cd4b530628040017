import { describe, expect, it } from 'vitest';
import { boundedScale } from './image-scale';

describe('image scale', () => {
  it('means pixels per screen pixel, whatever the screen’s pixel ratio', () => {
    expect(boundedScale(2, 1, { w: 800, h: 600 })).toBe(2);
    expect(boundedScale(2, 2, { w: 800, h: 600 })).toBe(1);
  });

  it('shrinks to keep the image within 16,000 pixels a side', () => {
    const scale = boundedScale(4, 1, { w: 10_000, h: 2_000 });
    expect(10_000 * scale).toBeCloseTo(16_000, 6);
  });
});
