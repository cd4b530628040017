import type { Database } from 'better-sqlite3';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Position } from '../../../shared/domain';

// ForceAtlas2 with Barnes-Hut (graphology-layout-forceatlas2, Gephi's layout) over the
// whole graph, for a graph too big to lay out in the window: the map draws it by region,
// so the window never holds it all. It runs on the store worker (background-store.ts),
// from the positions the concepts have, and keeps the layout's extent, so the zoom tiers
// and the camera's range stay as they were.

/** The graph as the layout reads it: concepts by index, so no id is ever an object key. */
export interface ForceInput {
  ids: string[];
  x: Float64Array;
  y: Float64Array;
  /** 1 for a concept that stays: pinned, or placed by hand. */
  fixed: Uint8Array;
  /** 1 for a concept that had a stored position when read (the others got a random one). */
  placed: Uint8Array;
  /** Each link's two ends, as indexes into `ids`. */
  sources: Uint32Array;
  targets: Uint32Array;
}

/**
 * Reads every concept with its position (one without is placed at random) and every
 * link. Pinned concepts and those placed by hand stay where they are: a whole graph's
 * layout does not ask about each, so it keeps what a person chose.
 */
export function readForceInput(db: Database): ForceInput {
  return db.transaction(() => {
    const concepts = db
      .prepare(
        `SELECT c.key, c.id, p.x, p.y, coalesce(p.pinned, 0) | coalesce(p.manual, 0) FROM concepts c
         LEFT JOIN positions p ON p.concept = c.key ORDER BY c.key`,
      )
      .raw()
      .all() as [number, string, number | null, number | null, number][];
    const indexOf = new Map<number, number>();
    const n = concepts.length;
    const input: ForceInput = {
      ids: new Array<string>(n),
      x: new Float64Array(n),
      y: new Float64Array(n),
      fixed: new Uint8Array(n),
      placed: new Uint8Array(n),
      sources: new Uint32Array(0),
      targets: new Uint32Array(0),
    };
    // Where a concept has no place yet: somewhere in the layout's square, deterministically.
    let seed = 1;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    const side = Math.sqrt(n) * 90;
    concepts.forEach(([key, id, x, y, fixed], i) => {
      indexOf.set(key, i);
      input.ids[i] = id;
      input.x[i] = x ?? random() * side;
      input.y[i] = y ?? random() * side;
      input.fixed[i] = fixed;
      input.placed[i] = x === null ? 0 : 1;
    });
    const links = db.prepare('SELECT source, target FROM links').raw().all() as [number, number][];
    input.sources = new Uint32Array(links.length);
    input.targets = new Uint32Array(links.length);
    links.forEach(([source, target], i) => {
      input.sources[i] = indexOf.get(source)!;
      input.targets[i] = indexOf.get(target)!;
    });
    return input;
  })();
}

/**
 * How many iterations a graph of `concepts` gets. Measured on the 2-core machine, an
 * iteration takes 80 ms at 10,000 concepts and about 1.5 s at 100,000: 150 and 30 of
 * them, 12 s and 55 s with the writing (docs/benchmarks.md).
 */
export function iterationsFor(concepts: number): number {
  return Math.min(200, Math.max(30, Math.round(1_500_000 / Math.max(1, concepts))));
}

/** Iterations between two progress reports. */
const CHUNK = 5;

/**
 * Lays `input` out with ForceAtlas2; `progress` hears after each few iterations. The
 * result is scaled back to the extent the concepts had; fixed concepts keep their own
 * places (so their neighbours gather where the scaled layout put them).
 */
export function forceLayout(
  input: ForceInput,
  iterations: number,
  progress: (done: number, total: number) => void = () => undefined,
): Position[] {
  const n = input.ids.length;
  if (n === 0) return [];
  // Undirected and simple: a link and its reverse pull the same, self-links not at all.
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++)
    graph.addNode(String(i), { x: input.x[i], y: input.y[i], fixed: input.fixed[i] === 1 });
  for (let l = 0; l < input.sources.length; l++) {
    const a = String(input.sources[l]);
    const b = String(input.targets[l]);
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b);
  }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 2_000 };
  for (let done = 0; done < iterations;) {
    const step = Math.min(CHUNK, iterations - done);
    forceAtlas2.assign(graph, { iterations: step, settings });
    done += step;
    progress(done, iterations);
  }
  const before = extent(input.x, input.y);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = graph.getNodeAttribute(String(i), 'x') as number;
    y[i] = graph.getNodeAttribute(String(i), 'y') as number;
  }
  const after = extent(x, y);
  const scale = after.size > 0 ? before.size / after.size : 1;
  return input.ids.map((id, i) =>
    input.fixed[i]
      ? { id, x: input.x[i]!, y: input.y[i]! }
      : {
          id,
          x: before.cx + (x[i]! - after.cx) * scale,
          y: before.cy + (y[i]! - after.cy) * scale,
        },
  );
}

/**
 * What the layout may write: not the fixed concepts, nor those moved (dragged, laid out
 * in a local view) while it computed, which keep the place they were given meanwhile.
 */
export function positionsToWrite(db: Database, input: ForceInput, laidOut: Position[]): Position[] {
  const now = new Map(
    (
      db
        .prepare('SELECT c.id, p.x, p.y FROM concepts c JOIN positions p ON p.concept = c.key')
        .raw()
        .all() as [string, number, number][]
    ).map(([id, x, y]) => [id, { x, y }]),
  );
  return laidOut.filter((position, i) => {
    if (input.fixed[i]) return false;
    const at = now.get(position.id);
    // Still without a place: it gets this one. Placed meanwhile: that place stays.
    if (!at) return true;
    if (!input.placed[i]) return false;
    return at.x === input.x[i] && at.y === input.y[i];
  });
}

/** The centre and the larger side of the box around these points. */
function extent(x: Float64Array, y: Float64Array): { cx: number; cy: number; size: number } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, size: Math.max(maxX - minX, maxY - minY) };
}
