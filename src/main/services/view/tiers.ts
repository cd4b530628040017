// Levels of detail for a big graph, as a map has them: each concept gets the zoom tier
// from which it is drawn. Tier 0 covers the whole layout with an 8×8 grid, and each
// tier halves the cells; a cell holds at most PER_CELL concepts of its tier or below,
// the most linked first. So a zoomed-out view shows the hubs spread over the whole map,
// and zooming in reveals more, never more than a few thousand at once.

import { MAX_TIER, TIER_GRID } from '../../../shared/graph-view';

export { MAX_TIER, TIER_GRID };
export const PER_CELL = 6;

export interface TierPoint {
  key: number;
  x: number;
  y: number;
  /** More important concepts take a cell's places first (the number of links). */
  importance: number;
}

export interface TierLayout {
  minX: number;
  minY: number;
  /** The side of the square the layout fits in, in model units. */
  size: number;
}

export function tierLayout(points: readonly TierPoint[]): TierLayout {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  if (!Number.isFinite(minX)) return { minX: 0, minY: 0, size: 1 };
  return { minX, minY, size: Math.max(maxX - minX, maxY - minY, 1) };
}

/** The tier of every point, in the order given. */
export function computeTiers(points: readonly TierPoint[], perCell = PER_CELL): Int32Array {
  const layout = tierLayout(points);
  const order = points.map((_, i) => i);
  order.sort(
    (a, b) => points[b]!.importance - points[a]!.importance || points[a]!.key - points[b]!.key,
  );
  const counts = Array.from({ length: MAX_TIER + 1 }, () => new Map<number, number>());
  const tiers = new Int32Array(points.length);
  for (const i of order) {
    const p = points[i]!;
    const fx = (p.x - layout.minX) / layout.size;
    const fy = (p.y - layout.minY) / layout.size;
    const cell = (tier: number) => {
      const side = TIER_GRID << tier;
      const cx = Math.min(side - 1, Math.floor(fx * side));
      const cy = Math.min(side - 1, Math.floor(fy * side));
      return cy * side + cx;
    };
    let tier = MAX_TIER;
    for (let t = 0; t <= MAX_TIER; t++) {
      if ((counts[t]!.get(cell(t)) ?? 0) < perCell) {
        tier = t;
        break;
      }
    }
    tiers[i] = tier;
    // Drawn from its tier on, it takes a place in its cell at every tier below that too.
    for (let t = tier; t <= MAX_TIER; t++) {
      const c = cell(t);
      counts[t]!.set(c, (counts[t]!.get(c) ?? 0) + 1);
    }
  }
  return tiers;
}
