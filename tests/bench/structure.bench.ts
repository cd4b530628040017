import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { computeMeasures } from '../../src/main/services/structure/measures';
import { readStructureInput } from '../../src/main/services/structure/structure-store';
import { syntheticGraph } from './synthetic-graph';

// Cairn's structure measures (graphology, and the typed-array Brandes) against igraph
// (C) and networkx measuring the same graphs in the same run, step by step. Each tool
// reads the graph first and is timed from then on. Betweenness is exact at 10,000 for
// all; at 100,000 Cairn estimates it from 500 sources, which igraph 0.10 cannot, so
// that row has Cairn alone. networkx runs at 10,000 only: at 100,000 its PageRank,
// components and Louvain had not finished after 6 minutes.
const PYTHON = '/usr/bin/python3';
const SIZES = [10_000, 100_000] as const;
const STEPS = ['pagerank', 'betweenness', 'components', 'communities'] as const;
const results = new Map<string, Record<string, number>>();

const PEER = String.raw`
import json, sys, time
tool, file, exact = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
edges = [tuple(map(int, line.split())) for line in open(file)]
nodes = sorted({v for e in edges for v in e} | set(range(int(sys.argv[4]))))
out = {}
def timed(name, run):
    start = time.perf_counter(); run(); out[name] = (time.perf_counter() - start) * 1000
if tool == "igraph":
    import igraph as ig
    d = ig.Graph(n=len(nodes), edges=edges, directed=True).simplify()
    u = d.as_undirected().simplify()
    timed("pagerank", lambda: d.pagerank())
    if exact: timed("betweenness", lambda: u.betweenness())
    timed("components", lambda: u.connected_components())
    timed("communities", lambda: u.community_multilevel())
else:
    import networkx as nx
    d = nx.DiGraph(); d.add_nodes_from(nodes); d.add_edges_from(e for e in edges if e[0] != e[1])
    u = d.to_undirected()
    timed("pagerank", lambda: nx.pagerank(d))
    timed("components", lambda: list(nx.connected_components(u)))
    timed("communities", lambda: nx.community.louvain_communities(u, seed=1))
print(json.dumps(out))
`;

afterAll(() => {
  const lines = ['', 'Structure measures, ms per step (ratio: Cairn ÷ peer):'];
  for (const n of SIZES) {
    const cairn = results.get(`cairn ${n}`);
    if (!cairn) continue;
    lines.push(`  ${n.toLocaleString('en')} concepts, ${(n * 2.5).toLocaleString('en')} links`);
    for (const step of ['build', ...STEPS]) {
      const row = [`    ${step.padEnd(12)} cairn ${cairn[step]!.toFixed(0).padStart(7)}`];
      for (const peer of n <= 10_000 ? ['igraph', 'networkx'] : ['igraph']) {
        const theirs = results.get(`${peer} ${n}`)?.[step];
        if (theirs !== undefined)
          row.push(
            `${peer} ${theirs.toFixed(0).padStart(7)} (${(cairn[step]! / theirs).toFixed(2)}×)`,
          );
      }
      lines.push(row.join('   '));
    }
  }
  console.log(lines.join('\n'));
});

for (const n of SIZES) {
  describe(`structure of ${n.toLocaleString('en')} concepts and ${(n * 2.5).toLocaleString('en')} links`, () => {
    const graph = syntheticGraph(n, n * 2.5);
    const { input } = readStructureInput(graph.db);
    const edges = path.join(path.dirname(graph.file), 'edges.txt');
    // Keys as 0-based vertex numbers, for the peers.
    const lines: string[] = [];
    for (let i = 0; i < input.sources.length; i++)
      lines.push(`${input.sources[i]! - 1} ${input.targets[i]! - 1}`);
    fs.writeFileSync(edges, lines.join('\n') + '\n');
    afterAll(() => graph.cleanup());
    const options = { iterations: 1, warmupIterations: 0, time: 0 };
    bench(
      'cairn (graphology, typed-array Brandes)',
      () => {
        const timings: Record<string, number> = {};
        computeMeasures(input, { timings });
        results.set(`cairn ${n}`, timings);
      },
      options,
    );
    for (const peer of n <= 10_000 ? ['igraph', 'networkx'] : ['igraph']) {
      bench(
        peer,
        () => {
          const out = execFileSync(
            PYTHON,
            ['-c', PEER, peer, edges, n <= 10_000 ? '1' : '0', String(n)],
            { encoding: 'utf8', maxBuffer: 1 << 24 },
          );
          results.set(`${peer} ${n}`, JSON.parse(out) as Record<string, number>);
        },
        options,
      );
    }
  });
}
