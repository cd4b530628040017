import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';

// The structure of a graph, computed with graphology and its metrics, community and
// component packages rather than by hand. Pure: it takes concept keys and links as
// integers and never sees a label, so no user text can become a key of the objects
// these libraries index nodes with. See docs/architecture.md, "Structure".

/** The graph as the measures see it: concept keys, and each link's two ends as keys. */
export interface StructureInput {
  keys: Int32Array;
  sources: Int32Array;
  targets: Int32Array;
}

/** Each measure per concept, in the order of `keys`. */
export interface Measures {
  keys: Int32Array;
  /** Links ending at the concept, and starting from it (multi-links and self-links included). */
  inDegree: Int32Array;
  outDegree: Int32Array;
  /** PageRank over the links' directions (damping 0.85), summing to 1. */
  pagerank: Float64Array;
  /** Betweenness ignoring direction, normalised as networkx does: 2·B / ((n−1)(n−2)). */
  betweenness: Float64Array;
  /** Connected component (ignoring direction), numbered by size: 0 is the largest. */
  component: Int32Array;
  /** Louvain community, numbered by size: 0 is the largest. */
  community: Int32Array;
  /** How many concepts betweenness was measured from: all of them, or a sample. */
  betweennessSources: number;
  modularity: number;
}

/** Above this many concepts betweenness is estimated from a sample of sources. */
export const EXACT_BETWEENNESS_LIMIT = 10_000;
/** How many sources the estimate walks from (networkx's `k`). */
export const BETWEENNESS_SAMPLE = 500;

/** A small seeded generator (mulberry32), so communities and samples are the same each run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Called now and then during the long part (betweenness): how many of its walks are done. */
export type MeasureProgress = (done: number, total: number) => void;

export interface MeasureOptions {
  onProgress?: MeasureProgress;
  /** Tests lower these to reach the sampled estimate on a small graph. */
  exactBetweennessLimit?: number;
  betweennessSample?: number;
  /** Filled with each step's milliseconds (build, pagerank, betweenness, components, communities), for the bench. */
  timings?: Record<string, number>;
}

export function computeMeasures(input: StructureInput, options: MeasureOptions = {}): Measures {
  const { keys, sources, targets } = input;
  const n = keys.length;
  let started = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    if (options.timings) options.timings[name] = now - started;
    started = now;
  };
  const indexOf = new Map<number, number>();
  keys.forEach((key, i) => indexOf.set(key, i));

  const inDegree = new Int32Array(n);
  const outDegree = new Int32Array(n);
  // Simple graphs: two links between the same concepts are one connection here, and a
  // concept's link to itself connects it to nothing.
  const directed = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  const undirected = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const names = Array.from(keys, String);
  for (const name of names) {
    directed.addNode(name);
    undirected.addNode(name);
  }
  const seenDirected = new Set<number>();
  const seenUndirected = new Set<number>();
  for (let i = 0; i < sources.length; i++) {
    const from = indexOf.get(sources[i]!);
    const to = indexOf.get(targets[i]!);
    if (from === undefined || to === undefined) continue;
    outDegree[from]! += 1;
    inDegree[to]! += 1;
    if (from === to) continue;
    // Pairs as one number (n² stays below 2^53 for any graph that fits in memory).
    const pair = from * n + to;
    if (seenDirected.has(pair)) continue;
    seenDirected.add(pair);
    directed.addEdge(names[from], names[to]);
    const unordered = Math.min(from, to) * n + Math.max(from, to);
    if (seenUndirected.has(unordered)) continue;
    seenUndirected.add(unordered);
    undirected.addEdge(names[from], names[to]);
  }

  const measures: Measures = {
    keys,
    inDegree,
    outDegree,
    pagerank: new Float64Array(n),
    betweenness: new Float64Array(n),
    component: new Int32Array(n),
    community: new Int32Array(n),
    betweennessSources: 0,
    modularity: 0,
  };
  if (n === 0) return measures;
  step('build');

  const ranks = pagerank(directed, { getEdgeWeight: null, maxIterations: 200 });
  keys.forEach((key, i) => (measures.pagerank[i] = ranks[key] ?? 0));
  step('pagerank');

  const between = betweenness(undirected, indexOf, options);
  measures.betweenness.set(between.values);
  measures.betweennessSources = between.sources;
  step('betweenness');

  numberBySize(
    connectedComponents(undirected).map((members) => members.map(Number)),
    indexOf,
    measures.component,
  );
  step('components');

  if (undirected.size === 0) {
    // No links: each concept is a community of its own, as Louvain would leave it.
    numberBySize(
      Array.from(keys, (key) => [key]),
      indexOf,
      measures.community,
    );
  } else {
    const detailed = louvain.detailed(undirected, { getEdgeWeight: null, rng: seededRandom(1) });
    const groups = new Map<number, number[]>();
    for (const key of keys) {
      const community = detailed.communities[key]!;
      const members = groups.get(community);
      if (members) members.push(key);
      else groups.set(community, [key]);
    }
    numberBySize([...groups.values()], indexOf, measures.community);
    measures.modularity = detailed.modularity;
  }
  step('communities');
  return measures;
}

/** Writes each group's number into `into`: 0 for the largest, ties by the smallest key. */
function numberBySize(groups: number[][], indexOf: Map<number, number>, into: Int32Array): void {
  const ordered = groups
    .map((members) => ({ members, first: members.reduce((a, b) => Math.min(a, b)) }))
    .sort((a, b) => b.members.length - a.members.length || a.first - b.first);
  ordered.forEach(({ members }, number) => {
    for (const key of members) into[indexOf.get(key)!] = number;
  });
}

/**
 * Brandes' betweenness over the links as a compressed adjacency (typed arrays, nothing
 * allocated per source). Exact up to EXACT_BETWEENNESS_LIMIT concepts; above it the
 * estimate networkx makes with `k`: the same accumulation from a random sample of
 * sources, scaled by n/k. Why not graphology-metrics' own: it allocates an array of
 * predecessors per concept for every source, 14.6 s for an exact 10,000 and 127 ms per
 * source at 100,000 (docs/benchmarks.md); the unit test checks this one against it.
 */
function betweenness(
  graph: Graph,
  indexOf: Map<number, number>,
  {
    onProgress,
    exactBetweennessLimit = EXACT_BETWEENNESS_LIMIT,
    betweennessSample = BETWEENNESS_SAMPLE,
  }: MeasureOptions,
): { values: Float64Array; sources: number } {
  const n = graph.order;
  const { starts, neighbours } = adjacency(graph, indexOf);
  const sample =
    n <= exactBetweennessLimit
      ? Array.from({ length: n }, (_, i) => i)
      : sampleIndexes(n, betweennessSample, seededRandom(7));
  const values = new Float64Array(n);
  const order = new Int32Array(n);
  const distance = new Int32Array(n);
  const paths = new Float64Array(n);
  const delta = new Float64Array(n);
  const every = Math.max(1, Math.ceil(sample.length / 50));
  for (const [walk, source] of sample.entries()) {
    if (walk % every === 0) onProgress?.(walk, sample.length);
    distance.fill(-1);
    paths.fill(0);
    distance[source] = 0;
    paths[source] = 1;
    // Breadth-first from the source; `order` is the visit order, so read backwards it
    // gives concepts farthest first, as the accumulation needs.
    let head = 0;
    let tail = 0;
    order[tail++] = source;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = starts[v]!; e < starts[v + 1]!; e++) {
        const w = neighbours[e]!;
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          order[tail++] = w;
        }
        if (distance[w] === distance[v]! + 1) paths[w]! += paths[v]!;
      }
    }
    for (let i = 0; i < tail; i++) delta[order[i]!] = 0;
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      const share = (1 + delta[w]!) / paths[w]!;
      for (let e = starts[w]!; e < starts[w + 1]!; e++) {
        const v = neighbours[e]!;
        if (distance[v] === distance[w]! - 1) delta[v]! += paths[v]! * share;
      }
      values[w]! += delta[w]!;
    }
  }
  // Each pair is counted from both ends; normalised as networkx does, 2·B / ((n−1)(n−2)),
  // and scaled from the sample to all n sources.
  const scale = n <= 2 || sample.length === 0 ? 0 : n / sample.length / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) values[i]! *= scale;
  return { values, sources: sample.length };
}

/** The undirected graph as compressed rows: the neighbours of i are neighbours[starts[i]..starts[i+1]). */
function adjacency(graph: Graph, indexOf: Map<number, number>) {
  const n = graph.order;
  const starts = new Int32Array(n + 1);
  const neighbours = new Int32Array(graph.size * 2);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    starts[indexOf.get(Number(source))! + 1]! += 1;
    starts[indexOf.get(Number(target))! + 1]! += 1;
  });
  for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;
  const next = starts.slice(0, n);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const a = indexOf.get(Number(source))!;
    const b = indexOf.get(Number(target))!;
    neighbours[next[a]!++] = b;
    neighbours[next[b]!++] = a;
  });
  return { starts, neighbours };
}

/** `k` distinct indexes below `n`, drawn by a partial Fisher–Yates shuffle. */
function sampleIndexes(n: number, k: number, random: () => number): number[] {
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const count = Math.min(n, k);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return Array.from(pool.subarray(0, count));
}
