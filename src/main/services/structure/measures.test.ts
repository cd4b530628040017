import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { computeMeasures, seededRandom, type StructureInput } from './measures';
import { summariseMeasures } from './structure-report';

/** A graph from links between numbered concepts 1..n. */
function graph(n: number, links: [number, number][]): StructureInput {
  return {
    keys: Int32Array.from({ length: n }, (_, i) => i + 1),
    sources: Int32Array.from(links.map(([s]) => s)),
    targets: Int32Array.from(links.map(([, t]) => t)),
  };
}

const byKey = (values: ArrayLike<number>) =>
  Object.fromEntries(Array.from(values, (v, i) => [i + 1, Number(v.toFixed(6))]));

describe('structure measures', () => {
  it('a star: every leaf points at the hub, which lies between every pair of leaves', () => {
    const m = computeMeasures(
      graph(5, [
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 1],
      ]),
    );
    expect(Array.from(m.inDegree)).toEqual([4, 0, 0, 0, 0]);
    expect(Array.from(m.outDegree)).toEqual([0, 1, 1, 1, 1]);
    expect(byKey(m.betweenness)).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 0 });
    // networkx.pagerank of this star gives the hub 0.523810 and each leaf 0.119047.
    expect(m.pagerank[0]).toBeCloseTo(0.52381, 5);
    expect(m.pagerank[1]).toBeCloseTo(0.119047, 5);
    expect(Array.from(m.pagerank).reduce((a, b) => a + b)).toBeCloseTo(1, 9);
    expect(new Set(m.component)).toEqual(new Set([0]));
  });

  it('a path a–b–c–d–e: the middle lies between the most pairs', () => {
    const m = computeMeasures(
      graph(5, [
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 5],
      ]),
    );
    // b lies between 3 of the 6 pairs that do not involve it, c between 4.
    expect(byKey(m.betweenness)).toEqual({ 1: 0, 2: 0.5, 3: 0.666667, 4: 0.5, 5: 0 });
  });

  it('two cliques joined by a bridge: two communities, one component, the bridge between', () => {
    const clique = (from: number): [number, number][] =>
      [0, 1, 2, 3].flatMap((a) =>
        [0, 1, 2, 3].filter((b) => b > a).map((b): [number, number] => [from + a, from + b]),
      );
    const m = computeMeasures(graph(8, [...clique(1), ...clique(5), [4, 5]]));
    expect(Array.from(m.community)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(m.modularity).toBeCloseTo(0.4231, 4);
    expect(new Set(m.component)).toEqual(new Set([0]));
    const ranked = Array.from(m.betweenness)
      .map((value, i) => ({ key: i + 1, value }))
      .sort((a, b) => b.value - a.value);
    expect(ranked.slice(0, 2).map((r) => r.key)).toEqual([4, 5]);
    // 4 lies between its three clique-mates and the four across: 12 of the 21 pairs (networkx: 0.571429).
    expect(m.betweenness[3]).toBeCloseTo(12 / 21, 9);
  });

  it('components and isolated concepts, numbered by size', () => {
    const m = computeMeasures(
      graph(6, [
        [1, 2],
        [2, 3],
        [5, 6],
        [4, 4],
      ]),
    );
    expect(Array.from(m.component)).toEqual([0, 0, 0, 2, 1, 1]);
    const report = summariseMeasures(m, 10);
    expect(report.components).toEqual({ count: 3, largest: [3, 2, 1] });
    // A self-link is a link: concept 4 is alone in its component but not without links.
    expect(report.isolated).toEqual({ count: 0, keys: [] });
    expect(report.degreeDistribution).toEqual([
      { degree: 1, concepts: 4 },
      // A self-link counts at both of its ends, as in networkx.
      { degree: 2, concepts: 2 },
    ]);
  });

  it('multi-links count in degrees but once in the other measures', () => {
    const once = computeMeasures(
      graph(3, [
        [1, 2],
        [2, 3],
      ]),
    );
    const twice = computeMeasures(
      graph(3, [
        [1, 2],
        [1, 2],
        [2, 3],
        [3, 2],
      ]),
    );
    expect(Array.from(twice.outDegree)).toEqual([2, 1, 1]);
    expect(Array.from(twice.betweenness)).toEqual(Array.from(once.betweenness));
  });

  it('an empty graph and one without links', () => {
    expect(computeMeasures(graph(0, [])).keys.length).toBe(0);
    const m = computeMeasures(graph(3, []));
    expect(Array.from(m.community)).toEqual([0, 1, 2]);
    expect(summariseMeasures(m, 2).isolated).toEqual({ count: 3, keys: [1, 2] });
  });

  it('betweenness agrees with graphology-metrics on random graphs, and the estimate from every source is exact', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 5; round++) {
      const n = 30 + Math.floor(random() * 40);
      const links: [number, number][] = Array.from({ length: n * 2 }, () => [
        1 + Math.floor(random() * n),
        1 + Math.floor(random() * n),
      ]);
      const ours = computeMeasures(graph(n, links));
      const reference = new Graph({ type: 'undirected', allowSelfLoops: false });
      for (let i = 1; i <= n; i++) reference.addNode(String(i));
      for (const [s, t] of links) if (s !== t) reference.mergeEdge(String(s), String(t));
      const expected = betweennessCentrality(reference, { getEdgeWeight: null });
      for (let i = 1; i <= n; i++) expect(ours.betweenness[i - 1]).toBeCloseTo(expected[i]!, 9);

      const sampledFromAll = computeMeasures(graph(n, links), {
        exactBetweennessLimit: 1,
        betweennessSample: n,
      });
      expect(sampledFromAll.betweennessSources).toBe(n);
      for (let i = 0; i < n; i++)
        expect(sampledFromAll.betweenness[i]).toBeCloseTo(ours.betweenness[i]!, 9);
      const sampled = computeMeasures(graph(n, links), {
        exactBetweennessLimit: 1,
        betweennessSample: 10,
      });
      expect(sampled.betweennessSources).toBe(10);
    }
  });

  it('the report ranks each measure, highest first, ties by key', () => {
    const m = computeMeasures(
      graph(5, [
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 4],
      ]),
    );
    const report = summariseMeasures(m, 3);
    const top = Object.fromEntries(report.top.map((t) => [t.measure, t.entries.map((e) => e.key)]));
    expect(top.degree).toEqual([1, 4, 2]);
    expect(top.inDegree).toEqual([1, 4, 2]);
    expect(top.outDegree).toEqual([2, 3, 4]);
    expect(top.pagerank![0]).toBe(1);
    expect(report.maxima.degree).toBe(3);
    expect(report.communities.largest[0]!.members[0]).toBe(1);
  });
});
