// Which labels to draw: only those that fit without overlapping, the most important
// first, as sigma.js's label grid does. A zoomed-out map then names its hubs instead of
// smearing every label over every other.

export interface LabelCandidate {
  id: string;
  /** The node's centre on screen, in pixels. */
  x: number;
  y: number;
  /** Half the node's size on screen: the label sits below it. */
  radius: number;
  /** The label's box on screen. */
  width: number;
  height: number;
  /** Drawn first: more linked concepts, and any the user is looking at. */
  importance: number;
}

/** The grid the screen is cut into to find free room, in pixels. */
const CELL = 8;
/** Space kept between two labels, in pixels. */
const GAP = 2;

/** The ids whose labels fit, given the screen's size. Labels off screen never fit. */
export function labelsThatFit(
  candidates: readonly LabelCandidate[],
  screen: { width: number; height: number },
): Set<string> {
  const columns = Math.ceil(screen.width / CELL) + 1;
  const rows = Math.ceil(screen.height / CELL) + 1;
  const taken = new Uint8Array(columns * rows);
  const fits = new Set<string>();
  const order = [...candidates].sort((a, b) => b.importance - a.importance);
  for (const c of order) {
    const left = c.x - c.width / 2 - GAP;
    const top = c.y + c.radius + 2 - GAP;
    const right = c.x + c.width / 2 + GAP;
    const bottom = top + c.height + 2 * GAP;
    if (right < 0 || bottom < 0 || left > screen.width || top > screen.height) continue;
    const c0 = Math.max(0, Math.floor(left / CELL));
    const c1 = Math.min(columns - 1, Math.floor(right / CELL));
    const r0 = Math.max(0, Math.floor(top / CELL));
    const r1 = Math.min(rows - 1, Math.floor(bottom / CELL));
    let free = true;
    for (let r = r0; r <= r1 && free; r++) {
      for (let col = c0; col <= c1; col++) {
        if (taken[r * columns + col]) {
          free = false;
          break;
        }
      }
    }
    if (!free) continue;
    for (let r = r0; r <= r1; r++) taken.fill(1, r * columns + c0, r * columns + c1 + 1);
    fits.add(c.id);
  }
  return fits;
}

/** About how wide a label is on screen: wrapped at `maxWidth`, at `fontSize` pixels. */
export function labelBox(
  label: string,
  fontSize: number,
  maxWidth: number,
): { width: number; height: number } {
  const width = label.length * fontSize * 0.55;
  const lines = Math.min(3, Math.max(1, Math.ceil(width / maxWidth)));
  return { width: Math.min(width, maxWidth), height: lines * fontSize * 1.25 };
}
