import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { openGraph } from '../../src/main/open-graph';
import { exportGraph } from '../../src/main/services/export/export';
import { importGraph, readImport } from '../../src/main/services/import';
import { syntheticGraph } from './synthetic-graph';

// Issue 11: the 100,000-concept, 250,000-link GraphML file written by networkx (31,250
// links called "mentions") must be fully imported by `cairn import` (parse, validate,
// store, full-text index) in whole-process runs measured against networkx's and
// igraph's parse-only readers in the same run: wall time and peak RSS, median of 3.
// Issue 12 (defect 4): JSON import must be linear; GraphML of the same size is the baseline.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-import-bench-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const ROOT = path.resolve(__dirname, '..', '..');
const PYTHON = '/usr/bin/python3';

// ---- whole processes, against networkx and igraph ----

const networkxFile = path.join(dir, 'networkx-100k.graphml');
const written = spawnSync(
  PYTHON,
  [path.join(__dirname, 'write-networkx-graphml.py'), networkxFile, '100000', '250000'],
  { encoding: 'utf8' },
);
if (written.status !== 0) throw new Error(`networkx could not write the file: ${written.stderr}`);

interface Run {
  wall: number;
  rssMiB: number;
}
const runs = new Map<string, Run[]>();

/** Runs a command under /usr/bin/time -v and keeps its wall time and peak RSS. */
function measure(name: string, command: string, args: string[], check: (out: string) => void) {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr.slice(-500)}`);
  check(result.stdout);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const list = runs.get(name) ?? [];
  list.push({ wall, rssMiB: Number(rss?.[1] ?? 0) / 1024 });
  runs.set(name, list);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const expectCounts = (out: string) => {
  if (!/^100000 250000$/m.test(out)) throw new Error(`unexpected counts: ${out.slice(0, 200)}`);
};
let cairnRun = 0;

afterAll(() => {
  const networkx = runs.get('networkx');
  const igraph = runs.get('igraph');
  if (!networkx || !igraph) return;
  const nx = {
    wall: median(networkx.map((r) => r.wall)),
    rss: median(networkx.map((r) => r.rssMiB)),
  };
  const ig = { wall: median(igraph.map((r) => r.wall)), rss: median(igraph.map((r) => r.rssMiB)) };
  const lines = ['', 'Whole process, median of 3 (wall s, peak RSS MiB):'];
  for (const [name, list] of runs) {
    const wall = median(list.map((r) => r.wall));
    const rss = median(list.map((r) => r.rssMiB));
    lines.push(
      `  ${name.padEnd(10)} ${wall.toFixed(2).padStart(7)} s ${rss.toFixed(0).padStart(6)} MiB` +
        `   wall ${(wall / nx.wall).toFixed(2)}× networkx, ${(wall / ig.wall).toFixed(2)}× igraph;` +
        ` RSS ${(rss / ig.rss).toFixed(2)}× igraph`,
    );
  }
  console.log(lines.join('\n'));
});

describe('whole process: the networkx GraphML file, 100,000 concepts and 250,000 links', () => {
  const options = { iterations: 3, warmupIterations: 0, time: 0 };
  bench(
    'networkx read_graphml (parse into memory only)',
    () =>
      measure(
        'networkx',
        PYTHON,
        [
          '-c',
          'import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())',
          networkxFile,
        ],
        expectCounts,
      ),
    options,
  );
  bench(
    'igraph Read_GraphML (C, libxml2; parse only)',
    () =>
      measure(
        'igraph',
        PYTHON,
        [
          '-c',
          'import sys, igraph as ig; g = ig.Graph.Read_GraphML(sys.argv[1]); print(g.vcount(), g.ecount())',
          networkxFile,
        ],
        expectCounts,
      ),
    options,
  );
  bench(
    'cairn import (parse, validate, store, full-text index)',
    () => {
      const db = path.join(dir, `cairn-${cairnRun++}.sqlite`);
      measure(
        'cairn',
        process.execPath,
        [
          path.join(ROOT, 'bin', 'cairn.cjs'),
          'import',
          '--file',
          networkxFile,
          '--db',
          db,
          '--empty',
        ],
        (out) => {
          if (!out.includes('Added 100000 concepts and 250000 links'))
            throw new Error(`cairn did not import everything: ${out.slice(0, 300)}`);
        },
      );
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
    },
    options,
  );
});

// ---- in process: each format, and JSON's line numbers ----

const source = syntheticGraph(100_000, 250_000);
const graphml = path.join(dir, 'big.graphml');
const csv = path.join(dir, 'big-csv');
exportGraph(source.db, 'graphml', graphml);
exportGraph(source.db, 'csv', csv);
source.cleanup();
let run = 0;

async function importInto(file: string, format?: 'json' | 'graphml') {
  const target = path.join(dir, `target-${run++}.sqlite`);
  const { db } = openGraph(target, { empty: true });
  try {
    importGraph(db, await readImport(file, format), path.basename(file));
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  }
}

describe('in process: import of 100,000 concepts and ~240,000 links', () => {
  bench('baseline: read the GraphML file bytes', () => void fs.readFileSync(graphml), {
    iterations: 3,
    warmupIterations: 1,
  });
  bench('GraphML: parse (saxes, streamed) and merge', () => importInto(graphml), {
    iterations: 2,
    warmupIterations: 0,
    time: 0,
  });
  bench('CSV folder: parse (csv-parse, streamed) and merge', () => importInto(csv), {
    iterations: 2,
    warmupIterations: 0,
    time: 0,
  });
});

describe('JSON lines are found once (issue 12, defect 4): read 8,000 and 50,000 concepts', () => {
  const sized = (n: number) => {
    const small = syntheticGraph(n, n);
    const files = { json: path.join(dir, `g${n}.json`), graphml: path.join(dir, `g${n}.graphml`) };
    exportGraph(small.db, 'json', files.json);
    exportGraph(small.db, 'graphml', files.graphml);
    small.cleanup();
    return files;
  };
  const eight = sized(8_000);
  const fifty = sized(50_000);
  const options = { iterations: 3, warmupIterations: 0, time: 0 };
  bench(
    'baseline: read GraphML, 8,000',
    () => readImport(eight.graphml, 'graphml').then(() => undefined),
    options,
  );
  bench('read JSON, 8,000', () => readImport(eight.json, 'json').then(() => undefined), options);
  bench(
    'read GraphML, 50,000',
    () => readImport(fifty.graphml, 'graphml').then(() => undefined),
    options,
  );
  bench('read JSON, 50,000', () => readImport(fifty.json, 'json').then(() => undefined), options);
});
