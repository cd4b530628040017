import { afterAll, bench, describe } from 'vitest';
import { PathFinder } from '../../src/main/services/paths/find-paths';
import { NO_FILTER, setEntry, withFacet } from '../../src/shared/filters';
import { syntheticGraph } from './synthetic-graph';

// Path finding at 100,000 concepts / 250,000 links (issue 9). The baseline is a plain
// breadth-first search from one end until it reaches the other, over the same two
// link indexes, measured in the same run on the same pairs of concepts. Two random
// concepts of this graph are typically 5 to 7 links apart: with the default limit of 6
// about half the pairs have a path (the others get the sentence saying why), with 12
// all but one do.
const CONCEPTS = 100_000;
const graph = syntheticGraph(CONCEPTS, 250_000);
const finder = new PathFinder(graph.db);

let seed = 7;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
const PAIRS = Array.from({ length: 64 }, () => [
  `c${Math.floor(random() * CONCEPTS)}`,
  `c${Math.floor(random() * CONCEPTS)}`,
]);
const pairCounters = new Map<string, number>();
const nextPair = (bench: string) => {
  const n = pairCounters.get(bench) ?? 0;
  pairCounters.set(bench, n + 1);
  return PAIRS[n % PAIRS.length]!;
};

const keyOf = graph.db.prepare('SELECT key FROM concepts WHERE id = ?').pluck();
const neighbours = graph.db
  .prepare(
    'SELECT target FROM links WHERE source = @key UNION ALL SELECT source FROM links WHERE target = @key',
  )
  .pluck();

/** One shortest path's length the plain way: a breadth-first search from `from` alone. */
function plainBfs(from: string, to: string): number | null {
  const start = keyOf.get(from) as number;
  const end = keyOf.get(to) as number;
  const seen = new Set([start]);
  let frontier = [start];
  for (let depth = 1; frontier.length > 0 && depth <= 6; depth++) {
    const next: number[] = [];
    for (const key of frontier) {
      for (const other of neighbours.iterate({ key }) as IterableIterator<number>) {
        if (other === end) return depth;
        if (seen.has(other)) continue;
        seen.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return null;
}

const hideTwoCategories = withFacet(
  NO_FILTER,
  'categories',
  setEntry(setEntry(NO_FILTER.categories, 'cat-3', 'hidden'), 'cat-7', 'hidden'),
);

afterAll(() => graph.cleanup());

const TIME = { time: 3_000 };

describe('path finding at 100,000 concepts / 250,000 links', () => {
  bench(
    'baseline: plain BFS from one end, first path (max 6 links)',
    () => {
      const [from, to] = nextPair('plain');
      plainBfs(from!, to!);
    },
    TIME,
  );
  bench(
    'findPaths k=1 (bidirectional BFS)',
    () => {
      const [from, to] = nextPair('k1');
      finder.find({ from: from!, to: to!, k: 1 });
    },
    TIME,
  );
  bench(
    'findPaths k=3 (Yen)',
    () => {
      const [from, to] = nextPair('k3');
      finder.find({ from: from!, to: to!, k: 3 });
    },
    TIME,
  );
  bench(
    'findPaths k=10 (Yen)',
    () => {
      const [from, to] = nextPair('k10');
      finder.find({ from: from!, to: to!, k: 10 });
    },
    TIME,
  );
  bench(
    'findPaths k=3, max 12 links',
    () => {
      const [from, to] = nextPair('k3-12');
      finder.find({ from: from!, to: to!, k: 3, maxHops: 12 });
    },
    TIME,
  );
  bench(
    'findPaths k=10, max 12 links',
    () => {
      const [from, to] = nextPair('k10-12');
      finder.find({ from: from!, to: to!, k: 10, maxHops: 12 });
    },
    TIME,
  );
  bench(
    'findPaths k=3 through a filter hiding two categories',
    () => {
      const [from, to] = nextPair('filter');
      finder.find({ from: from!, to: to!, k: 3, filter: hideTwoCategories });
    },
    TIME,
  );
  bench(
    'findPaths k=3 directed, max 3 links (often none: explains why)',
    () => {
      const [from, to] = nextPair('directed');
      finder.find({ from: from!, to: to!, k: 3, directed: true, maxHops: 3 });
    },
    TIME,
  );
});
