import { describe, expect, it } from 'vitest';
import { computeTiers, MAX_TIER, PER_CELL, TIER_GRID, type TierPoint } from './tiers';

describe('zoom tiers', () => {
  it('fills a crowded cell with the most linked concepts first, and pushes the rest deeper', () => {
    // Twenty concepts in one small corner of a big layout, and one far away.
    const crowd: TierPoint[] = Array.from({ length: 20 }, (_, i) => ({
      key: i + 1,
      x: i * 0.01,
      y: 0,
      importance: i,
    }));
    const points = [...crowd, { key: 100, x: 1000, y: 1000, importance: 0 }];
    const tiers = computeTiers(points);
    const tierOf = (key: number) => tiers[points.findIndex((p) => p.key === key)]!;
    const topTier = crowd.filter((p) => tierOf(p.key) === 0).map((p) => p.key);
    // The six most linked are drawn from the start.
    expect(topTier.sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19, 20]);
    expect(crowd.every((p) => tierOf(p.key) >= 0 && tierOf(p.key) <= MAX_TIER)).toBe(true);
    expect(tierOf(100)).toBe(0);
  });

  it('never puts more than PER_CELL concepts of a tier or below in one cell of that tier', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const points: TierPoint[] = Array.from({ length: 5_000 }, (_, i) => ({
      key: i,
      x: random() ** 3 * 1000,
      y: random() * 1000,
      importance: Math.floor(random() * 50),
    }));
    const tiers = computeTiers(points);
    const size = Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x));
    const minX = Math.min(...points.map((p) => p.x));
    const minY = Math.min(...points.map((p) => p.y));
    const sizeAll = Math.max(size, Math.max(...points.map((p) => p.y)) - minY);
    for (const tier of [0, 1, 3]) {
      const cells = new Map<string, number>();
      points.forEach((p, i) => {
        if (tiers[i]! > tier) return;
        const side = TIER_GRID << tier;
        const cx = Math.min(side - 1, Math.floor(((p.x - minX) / sizeAll) * side));
        const cy = Math.min(side - 1, Math.floor(((p.y - minY) / sizeAll) * side));
        const key = `${cx},${cy}`;
        cells.set(key, (cells.get(key) ?? 0) + 1);
      });
      expect(Math.max(...cells.values())).toBeLessThanOrEqual(PER_CELL);
    }
  });
});
