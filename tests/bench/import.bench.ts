import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { openGraph } from '../../src/main/open-graph';
import { exportGraph } from '../../src/main/services/export/export';
import { importGraph, readImport } from '../../src/main/services/import';
import { syntheticGraph } from './synthetic-graph';

// Issue 5: 100,000 concepts with 250,000 links must import in seconds. The files are
// written once by Cairn's own exporters from the synthetic graph; each run imports
// one into a new, empty database. Baseline: reading the same GraphML file's bytes.
const source = syntheticGraph(100_000, 250_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-import-bench-'));
const graphml = path.join(dir, 'big.graphml');
const csv = path.join(dir, 'big-csv');
exportGraph(source.db, 'graphml', graphml);
exportGraph(source.db, 'csv', csv);
source.cleanup();
let run = 0;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function importInto(file: string) {
  const target = path.join(dir, `target-${run++}.sqlite`);
  const { db } = openGraph(target, { empty: true });
  try {
    importGraph(db, await readImport(file, undefined), path.basename(file));
  } finally {
    db.close();
    fs.rmSync(target, { force: true });
    fs.rmSync(`${target}-wal`, { force: true });
    fs.rmSync(`${target}-shm`, { force: true });
  }
}

describe('import of 100,000 concepts and ~240,000 links', () => {
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
