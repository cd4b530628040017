import fs from 'node:fs';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { BackgroundStore } from '../../src/main/services/background/background-store';
import type { StoreJob } from '../../src/main/services/background/store-jobs';
import { Editor } from '../../src/main/services/editing/editor';
import type { ImportedGraph } from '../../src/main/services/import/imported-graph';
import { GraphReader } from '../../src/main/services/graph-reader';
import { syntheticGraph } from './synthetic-graph';

// Long store work (services/background) at 100,000 concepts, run on the thread that
// answers the app (as before issue 10) and on the store worker thread, in the same run.
// The figure that matters is the longest the answering thread goes without running a
// timer: that is how long a search, a menu or an HTTP request would wait.
const WORKER = path.resolve(__dirname, '../../out/main/store-worker.js');
const CONCEPTS = 100_000;
// Keyed by row: tinybench may run a bench more than once; the last run is reported.
const results = new Map<string, string>();

afterAll(() => {
  console.log(
    ['', `Store jobs at ${CONCEPTS.toLocaleString('en')} concepts (wall, longest stall):`]
      .concat([...results.values()])
      .join('\n'),
  );
});

/** Runs `job` and measures its wall time and the answering thread's longest stall. */
async function measure(store: BackgroundStore, job: StoreJob): Promise<[number, number]> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  await store.run(job);
  const wall = performance.now() - start;
  longest = Math.max(longest, performance.now() - last);
  clearInterval(ticker);
  return [wall, longest];
}

/** A file's worth of new concepts and links, as the app's import reads them. */
function importedGraph(concepts: number): ImportedGraph {
  return {
    format: 'graphml',
    categories: [{ id: 'imported', label: 'Imported', color: null }],
    concepts: Array.from({ length: concepts }, (_, i) => ({
      key: `i${i}`,
      label: `imported ${i}`,
      category: 'imported',
      description: '',
      note: '',
      tags: [],
      position: null,
      attributes: [],
      line: i + 2,
    })),
    links: Array.from({ length: concepts * 2.5 }, (_, i) => ({
      source: `i${i % concepts}`,
      target: `i${(i * 7 + 1) % concepts}`,
      relation: 'uses',
      note: null,
      kind: 'typed' as const,
      attributes: [],
      line: concepts + i + 2,
    })),
    warnings: [],
  };
}

const JOBS: [string, StoreJob][] = [
  [
    "preview an app's import of 100,000 more",
    { kind: 'import', graph: importedGraph(CONCEPTS), file: 'big.graphml', dryRun: true },
  ],
  ['place every concept', { kind: 'placeUnplaced' }],
  ['export JSON', { kind: 'export', format: 'json', baseName: 'g' }],
  ['export GraphML', { kind: 'export', format: 'graphml', baseName: 'g' }],
];

describe(`store jobs at ${CONCEPTS.toLocaleString('en')} concepts`, () => {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`);
  const graph = syntheticGraph(CONCEPTS, CONCEPTS * 2.5, { positions: false });
  afterAll(() => graph.cleanup());
  const options = { iterations: 1, warmupIterations: 0, time: 0 };
  // ForceAtlas2 over the whole graph, from the placed graph: on the worker only (on this
  // thread its stall is its whole run, about a minute).
  bench(
    'lay out with ForceAtlas2 on worker thread',
    async () => {
      const editor = new Editor(graph.db, new GraphReader(graph.db));
      editor.placeUnplaced();
      const store = new BackgroundStore(graph.db, WORKER);
      const [wall, stall] = await measure(store, { kind: 'forceLayout' });
      results.set(
        'force',
        `  ${'ForceAtlas2 (30 iterations), worker thread'.padEnd(56)} ${(wall / 1000).toFixed(2).padStart(6)} s   ` +
          `${(stall / 1000).toFixed(3).padStart(6)} s`,
      );
      editor.undo();
      editor.undo();
    },
    options,
  );
  for (const [name, job] of JOBS) {
    for (const where of ['this thread', 'worker thread'] as const) {
      bench(
        `${name} on ${where}`,
        async () => {
          const store = new BackgroundStore(graph.db, where === 'worker thread' ? WORKER : null);
          const [wall, stall] = await measure(store, job);
          results.set(
            `${name}, ${where}`,
            `  ${`${name}, ${where}`.padEnd(56)} ${(wall / 1000).toFixed(2).padStart(6)} s   ` +
              `${(stall / 1000).toFixed(3).padStart(6)} s`,
          );
          // The next run places the same unplaced graph.
          if (job.kind === 'placeUnplaced') new Editor(graph.db, new GraphReader(graph.db)).undo();
        },
        options,
      );
    }
  }
});
