/** An arrow key's direction on the map. */
export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Placed {
  id: string;
  x: number;
  y: number;
}

const VECTORS: Record<Direction, { x: number; y: number }> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The neighbour an arrow key goes to: of those less than 90° off the arrow's direction
 * (screen y grows downwards), the one closest to it in angle, then the nearest. Null when
 * no neighbour lies that way.
 */
export function neighbourInDirection(
  from: Placed,
  neighbours: readonly Placed[],
  direction: Direction,
): string | null {
  const want = VECTORS[direction];
  let best: { id: string; cos: number; distance: number } | null = null;
  for (const n of neighbours) {
    if (n.id === from.id) continue;
    const dx = n.x - from.x;
    const dy = n.y - from.y;
    const distance = Math.hypot(dx, dy);
    // A neighbour drawn on top of the concept lies in every direction.
    const cos = distance === 0 ? 1 : (dx * want.x + dy * want.y) / distance;
    if (cos <= 0) continue;
    if (
      !best ||
      cos > best.cos + 1e-9 ||
      (Math.abs(cos - best.cos) <= 1e-9 && distance < best.distance)
    ) {
      best = { id: n.id, cos, distance };
    }
  }
  return best?.id ?? null;
}
