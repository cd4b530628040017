import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundStore, CANCELLED } from '../../src/main/services/background/background-store';
import { Editor } from '../../src/main/services/editing/editor';
import { exportForDownload } from '../../src/main/services/export/download';
import { GraphReader } from '../../src/main/services/graph-reader';
import { importGraph } from '../../src/main/services/import/apply-import';
import type { ImportedGraph } from '../../src/main/services/import/imported-graph';
import { WholeLayout } from '../../src/main/services/layout/whole-layout';
import type { ExportFile } from '../../src/shared/domain';
import { syntheticGraph } from '../bench/synthetic-graph';
import { REPO_ROOT } from './helpers';

// The real worker thread, as built by `npm run build` (npm test builds before it tests).
const WORKER = path.join(REPO_ROOT, 'out', 'main', 'store-worker.js');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function unplacedGraph(concepts: number) {
  const graph = syntheticGraph(concepts, concepts * 2, { positions: false });
  cleanups.push(() => graph.cleanup());
  return graph;
}

const countPositions = (graph: ReturnType<typeof unplacedGraph>) =>
  graph.db.prepare('SELECT count(*) FROM positions').pluck().get() as number;

describe('long store work on a worker thread', () => {
  it('places a big graph on its own connection while this thread answers, and changes wait for it', async () => {
    expect(fs.existsSync(WORKER), `${WORKER} is missing: run npm run build first`).toBe(true);
    const graph = unplacedGraph(20_000);
    const store = new BackgroundStore(graph.db, WORKER);
    const events: string[] = [];
    const placing = store.run({ kind: 'placeUnplaced' }).then((placed) => {
      events.push('placed');
      return placed;
    });
    // A timer of this thread fires while the worker places: the thread is free. (Run on
    // this thread, the placing would end in the same turn, before any timer.)
    const readMeanwhile = new Promise<number>((resolve) =>
      setTimeout(() => {
        events.push('read');
        resolve(countPositions(graph));
      }, 10),
    );
    // A change asked for meanwhile starts only once the placing has committed.
    const change = store.beforeWrite().then(() => {
      events.push('change');
      graph.db.prepare("UPDATE concepts SET label = 'Renamed' WHERE id = 'c1'").run();
    });
    const placed = await placing;
    await change;
    expect(events).toEqual(['read', 'placed', 'change']);
    // The read saw the graph as it was; now every concept has its place, in one undoable step.
    expect(await readMeanwhile).toBe(0);
    expect(placed.value.moved).toBe(20_000);
    expect(countPositions(graph)).toBe(20_000);
    expect(placed.history.undoSummary).toBe('Placed 20,000 concepts by category');
    expect(placed.patch.positions).toHaveLength(20_000);
    new Editor(graph.db, new GraphReader(graph.db)).undo();
    expect(countPositions(graph)).toBe(0);
  });

  it('exports from the worker exactly what this thread would, and brings its errors back', async () => {
    const graph = unplacedGraph(2_000);
    const store = new BackgroundStore(graph.db, WORKER);
    const scope = { conceptIds: ['c1', 'c2', 'c3'] };
    // Cairn JSON says when it was written, and a zip's entries carry the time they were
    // zipped: the two exports may differ only there.
    const sameMoment = (file: ExportFile) => {
      const bytes = Buffer.from(file.base64, 'base64');
      const content = file.fileName.endsWith('.zip')
        ? Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)])
        : bytes.toString('utf8').replace(/"exportedAt": "[^"]+"/, '"exportedAt": "then"');
      return { ...file, base64: JSON.stringify(content) };
    };
    for (const format of ['json', 'graphml', 'csv'] as const) {
      expect(sameMoment(await store.run({ kind: 'export', format, baseName: 'g' }))).toEqual(
        sameMoment(exportForDownload(graph.db, format, 'g')),
      );
    }
    expect(await store.run({ kind: 'export', format: 'gexf', baseName: 'g', scope })).toEqual(
      exportForDownload(graph.db, 'gexf', 'g', scope),
    );
    const refused = store.run({ kind: 'export', format: 'nope' as 'json', baseName: 'g' });
    await expect(refused).rejects.toThrow();
    // The store goes on after a failed job.
    expect((await store.run({ kind: 'export', format: 'dot', baseName: 'g' })).concepts).toBe(
      2_000,
    );
  });

  it('lays the whole graph out with ForceAtlas2: progress, changes meanwhile, what a person placed kept, one undo step, and a cancel that moves nothing', async () => {
    const graph = unplacedGraph(1_500);
    const editor = new Editor(graph.db, new GraphReader(graph.db));
    editor.placeUnplaced();
    // Placed by hand, and pinned: a whole graph's layout keeps both.
    editor.moveConcepts([{ id: 'c3', x: 1, y: 2 }]);
    editor.setPinned(['c4'], true);
    const positions = () =>
      graph.db.prepare('SELECT concept, x, y FROM positions ORDER BY concept').all();
    const at = (id: string) =>
      graph.db
        .prepare(
          'SELECT p.x, p.y FROM positions p JOIN concepts c ON c.key = p.concept WHERE c.id = ?',
        )
        .get(id);
    const placed = positions();
    const pinnedAt = at('c4');
    const store = new BackgroundStore(graph.db, WORKER);

    // Cancelled while it computes: the thread stops, nothing moved.
    const abort = new AbortController();
    const cancelled = store.run(
      { kind: 'forceLayout' },
      { signal: abort.signal, onProgress: () => abort.abort() },
    );
    await expect(cancelled).rejects.toThrow(CANCELLED);
    expect(positions()).toEqual(placed);

    // Run to the end: changes made while it computes go through at once, and a concept
    // dragged meanwhile keeps the place it was dragged to.
    const progress: number[] = [];
    const writing: string[] = [];
    const laidOut = store.run(
      { kind: 'forceLayout' },
      { onProgress: (p) => progress.push(p.done), onWriting: () => writing.push('writing') },
    );
    const events: string[] = [];
    void laidOut.then(() => events.push('laid out'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await store.beforeWrite();
    events.push('change');
    editor.updateConcept({ id: 'c7', label: 'Renamed meanwhile' });
    editor.moveConcepts([{ id: 'c5', x: 7, y: 8 }]);
    const beforeTheLayout = positions();
    const result = await laidOut;
    expect(events).toEqual(['change', 'laid out']);
    expect(writing).toEqual(['writing']);
    expect(progress.at(-1)).toBe(200);
    expect(result.value.moved).toBe(1_497);
    expect(result.history.undoSummary).toBe('Laid out 1,497 concepts (Force-directed)');
    expect(positions()).not.toEqual(beforeTheLayout);
    expect(at('c3')).toEqual({ x: 1, y: 2 });
    expect(at('c4')).toEqual(pinnedAt);
    expect(at('c5')).toEqual({ x: 7, y: 8 });
    expect(graph.db.prepare("SELECT label FROM concepts WHERE id = 'c7'").pluck().get()).toBe(
      'Renamed meanwhile',
    );
    // Undo takes back the layout alone; the drag made meanwhile stays.
    new Editor(graph.db, new GraphReader(graph.db)).undo();
    expect(positions()).toEqual(beforeTheLayout);
  });

  it('runs one whole-graph layout at a time, says how far it has come, and cancels it', async () => {
    const graph = unplacedGraph(1_500);
    new Editor(graph.db, new GraphReader(graph.db)).placeUnplaced();
    const layout = new WholeLayout(graph.db, new BackgroundStore(graph.db, WORKER));
    expect(layout.progress()).toBeNull();
    expect(layout.cancel()).toEqual({ cancelled: false });
    const running = layout.run();
    await expect(layout.run()).rejects.toThrow('The whole graph is already being laid out.');
    await expect.poll(() => layout.progress()?.done ?? 0).toBeGreaterThan(0);
    expect(layout.progress()).toMatchObject({ total: 200, concepts: 1_500 });
    expect(layout.cancel()).toEqual({ cancelled: true });
    await expect(running).rejects.toThrow(CANCELLED);
    expect(layout.progress()).toBeNull();
  });

  it("previews and merges an app's import on the worker: the same report as here, nothing kept by the preview, one undo", async () => {
    const graph = unplacedGraph(1_000);
    const imported: ImportedGraph = {
      format: 'graphml',
      categories: [{ id: 'new', label: 'New things', color: null }],
      concepts: Array.from({ length: 6_000 }, (_, i) => ({
        key: `n${i}`,
        label: `Imported ${i}`,
        category: 'new',
        description: i === 0 ? 'constructor __proto__' : '',
        note: '',
        tags: [],
        position: null,
        attributes: [{ name: 'weight', type: 'double' as const, value: String(i) }],
        line: i + 2,
      })),
      links: Array.from({ length: 5_999 }, (_, i) => ({
        source: `n${i}`,
        target: `n${i + 1}`,
        relation: 'mentions',
        note: null,
        kind: 'typed' as const,
        attributes: [],
        line: 6_002 + i,
      })),
      warnings: [],
    };
    const count = () => graph.db.prepare('SELECT count(*) FROM concepts').pluck().get() as number;
    const store = new BackgroundStore(graph.db, WORKER);
    const preview = await store.run({
      kind: 'import',
      graph: imported,
      file: 'g.graphml',
      dryRun: true,
    });
    expect(count()).toBe(1_000);
    expect(preview).toEqual(importGraph(graph.db, imported, 'g.graphml', { dryRun: true }));
    expect(count()).toBe(1_000);
    const merged = await store.run({
      kind: 'import',
      graph: imported,
      file: 'g.graphml',
      dryRun: false,
    });
    expect(merged.newConceptIds).toHaveLength(6_000);
    expect(count()).toBe(7_000);
    expect(
      graph.db.prepare("SELECT count(*) FROM links WHERE relation = 'mentions'").pluck().get(),
    ).toBe(5_999);
    new Editor(graph.db, new GraphReader(graph.db)).undo();
    expect(count()).toBe(1_000);
  });
});
