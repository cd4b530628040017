// Shortest paths in an unweighted graph read on demand: a bidirectional breadth-first
// search for one path, and Yen's algorithm over it for the k shortest simple paths.
// Pure: the graph comes in as a `Walk`, so these run the same on SQLite and in tests.

/** One step from a concept to a neighbour. */
export interface Step {
  /** The concept at the other end of the step. */
  node: number;
  link: number;
  relation: string;
  /** Whether the step goes the link's own way (from its source to its target). */
  forward: boolean;
}

/** The graph as the search may walk it: the steps out of a concept, and the steps into one. */
export interface Walk {
  /** Steps `key → node`, at most one per neighbour. */
  out(key: number): readonly Step[];
  /** Steps `node → key`, at most one per neighbour. */
  in(key: number): readonly Step[];
}

/** A path: its concepts, and the step taken from each to the next. */
export interface KeyPath {
  nodes: number[];
  steps: Omit<Step, 'node'>[];
}

interface Blocked {
  /** Concepts the path may not pass through. */
  nodes: ReadonlySet<number>;
  /** Steps `a → b` the path may not take, as `hopKey(a, b)`. */
  hops: ReadonlySet<string>;
}

const NOTHING_BLOCKED: Blocked = { nodes: new Set(), hops: new Set() };

const hopKey = (from: number, to: number) => `${from}>${to}`;

interface Reached {
  /** The concept it was reached from: nearer the start (forward side) or the end (backward side). */
  via: number;
  step: Omit<Step, 'node'>;
}

/**
 * One shortest path from `start` to `end` of at most `maxHops` steps, or null. Searches
 * from both ends at once, always widening the smaller frontier by a whole level, so on
 * a graph whose concepts have d neighbours it reads about d^(L/2) concepts from each
 * end instead of d^L from one. The first time the two searches meet is a shortest
 * path: before that level no path of that length or shorter existed.
 */
export function shortestPath(
  walk: Walk,
  start: number,
  end: number,
  maxHops: number,
  blocked: Blocked = NOTHING_BLOCKED,
): KeyPath | null {
  if (start === end) return { nodes: [start], steps: [] };
  const fromStart = new Map<number, Reached | null>([[start, null]]);
  const fromEnd = new Map<number, Reached | null>([[end, null]]);
  let startFrontier = [start];
  let endFrontier = [end];
  let depth = 0;
  while (startFrontier.length > 0 && endFrontier.length > 0 && depth < maxHops) {
    depth++;
    const forwards = startFrontier.length <= endFrontier.length;
    const frontier = forwards ? startFrontier : endFrontier;
    const mine = forwards ? fromStart : fromEnd;
    const theirs = forwards ? fromEnd : fromStart;
    const next: number[] = [];
    for (const key of frontier) {
      for (const { node, ...step } of forwards ? walk.out(key) : walk.in(key)) {
        if (mine.has(node) || blocked.nodes.has(node)) continue;
        if (blocked.hops.has(forwards ? hopKey(key, node) : hopKey(node, key))) continue;
        mine.set(node, { via: key, step });
        if (theirs.has(node)) return joinHalves(node, fromStart, fromEnd);
        next.push(node);
      }
    }
    if (forwards) startFrontier = next;
    else endFrontier = next;
  }
  return null;
}

function joinHalves(
  meeting: number,
  fromStart: Map<number, Reached | null>,
  fromEnd: Map<number, Reached | null>,
): KeyPath {
  const nodes = [meeting];
  const steps: KeyPath['steps'] = [];
  for (let r = fromStart.get(meeting); r; r = fromStart.get(r.via)) {
    nodes.unshift(r.via);
    steps.unshift(r.step);
  }
  for (let r = fromEnd.get(meeting); r; r = fromEnd.get(r.via)) {
    nodes.push(r.via);
    steps.push(r.step);
  }
  return { nodes, steps };
}

/**
 * The `k` shortest simple paths from `start` to `end` of at most `maxHops` steps,
 * shortest first, by Yen's algorithm (Yen 1971): each next path leaves a path already
 * found at some concept (the spur), with the steps the found paths take from there
 * blocked and the concepts before it excluded. Paths are told apart by their concepts:
 * two links between the same two concepts do not make two paths.
 */
export function kShortestPaths(
  walk: Walk,
  start: number,
  end: number,
  k: number,
  maxHops: number,
): KeyPath[] {
  const first = shortestPath(walk, start, end, maxHops);
  if (!first) return [];
  // With each path, where it left the path it was spun from: spurs before that point
  // would only find candidates already found (Lawler's refinement of Yen's algorithm).
  const found: Spun[] = [{ ...first, deviation: 0 }];
  const candidates: Spun[] = [];
  const known = new Set([first.nodes.join(',')]);
  while (found.length < k) {
    const last = found[found.length - 1]!;
    for (let i = last.deviation; i < last.nodes.length - 1; i++) {
      const spur = last.nodes[i]!;
      const root = last.nodes.slice(0, i + 1);
      const hops = new Set<string>();
      for (const path of found) {
        if (path.nodes.length > i + 1 && root.every((node, j) => path.nodes[j] === node)) {
          hops.add(hopKey(path.nodes[i]!, path.nodes[i + 1]!));
        }
      }
      const spurPath = shortestPath(walk, spur, end, maxHops - i, {
        nodes: new Set(root.slice(0, i)),
        hops,
      });
      if (!spurPath) continue;
      const path = {
        nodes: [...root.slice(0, i), ...spurPath.nodes],
        steps: [...last.steps.slice(0, i), ...spurPath.steps],
        deviation: i,
      };
      const signature = path.nodes.join(',');
      if (known.has(signature)) continue;
      known.add(signature);
      candidates.push(path);
    }
    if (candidates.length === 0) break;
    // The shortest candidate; among equals, the one found first (a stable order).
    let best = 0;
    candidates.forEach((c, i) => {
      if (c.nodes.length < candidates[best]!.nodes.length) best = i;
    });
    found.push(candidates.splice(best, 1)[0]!);
  }
  return found.map(({ nodes, steps }) => ({ nodes, steps }));
}

type Spun = KeyPath & { deviation: number };
