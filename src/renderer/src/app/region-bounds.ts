// Rectangles of the map in model units, as the region views of a big graph need them:
// what was fetched, what is on screen, and the part of the screen the layout covers.
import type { Bounds } from '../../../shared/graph-view';

export function contains(outer: Bounds, inner: Bounds): boolean {
  return (
    inner.x1 >= outer.x1 && inner.y1 >= outer.y1 && inner.x2 <= outer.x2 && inner.y2 <= outer.y2
  );
}

/** The rectangle grown by this fraction of its width and height on every side. */
export function grown(bounds: Bounds, by: number): Bounds {
  const w = (bounds.x2 - bounds.x1) * by;
  const h = (bounds.y2 - bounds.y1) * by;
  return { x1: bounds.x1 - w, y1: bounds.y1 - h, x2: bounds.x2 + w, y2: bounds.y2 + h };
}

/** The part of `bounds` inside `within`, or null when they do not meet. */
export function clipped(bounds: Bounds, within: Bounds): Bounds | null {
  const x1 = Math.max(bounds.x1, within.x1);
  const y1 = Math.max(bounds.y1, within.y1);
  const x2 = Math.min(bounds.x2, within.x2);
  const y2 = Math.min(bounds.y2, within.y2);
  return x1 <= x2 && y1 <= y2 ? { x1, y1, x2, y2 } : null;
}

/** The square a stored layout fits in (GraphSummary.layout). */
export function layoutBounds(layout: { minX: number; minY: number; size: number }): Bounds {
  return {
    x1: layout.minX,
    y1: layout.minY,
    x2: layout.minX + layout.size,
    y2: layout.minY + layout.size,
  };
}
