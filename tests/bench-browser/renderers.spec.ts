import fs from 'node:fs';
import path from 'node:path';
import { syntheticGraph } from '../bench/synthetic-graph';
import { CairnApp, expect, startCairn, test } from '../e2e/fixtures';
import { naivePan, panFrames, type PanFrames } from './measure';
import { naiveElements, openNaivePage } from './naive-page';

// Issue 10's "measure both paths": Cytoscape's canvas and its WebGL mode, in Cairn
// (`?renderer=`, renderer-choice.ts) and in the naive page, panning the same graphs in
// the same run. This machine has no GPU: Chromium's WebGL is SwiftShader, a software
// rasteriser, so the WebGL figures here say what WebGL costs without a GPU (and why
// Cairn keeps the canvas there), not what it gains with one. Nothing asserts a timing.

const SIZES = (process.env.CAIRN_BENCH_RENDERER_SIZES ?? '10000,100000')
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => size > 0);
const NAIVE_UP_TO = 10_000;
const RENDERERS = ['canvas', 'webgl'] as const;

interface Row {
  concepts: number;
  page: string;
  renderer: (typeof RENDERERS)[number];
  /** Panning the opening view, and after zooming in three steps (more concepts drawn). */
  overview: PanFrames;
  zoomedIn?: PanFrames;
  drawn: number;
}
const rows: Row[] = [];

test.use({ trace: 'off', screenshot: 'off' });

test.afterAll(() => {
  const out = path.resolve(__dirname, '..', '..', 'test-results', 'bench');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'renderers.json'), JSON.stringify(rows, null, 2));
  const frame = (p?: PanFrames) =>
    p ? `${p.meanMs.toFixed(1)} ms (worst ${p.worstMs.toFixed(0)})` : '—';
  console.log(
    [
      '',
      'Canvas against WebGL (SwiftShader: no GPU here); pan = mean frame time while dragging',
      '| concepts | page | renderer | drawn | pan, overview | pan, zoomed in |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map(
        (r) =>
          `| ${r.concepts.toLocaleString('en')} | ${r.page} | ${r.renderer} | ${r.drawn.toLocaleString('en')} | ${frame(r.overview)} | ${frame(r.zoomedIn)} |`,
      ),
    ].join('\n'),
  );
});

for (const concepts of SIZES) {
  test(`${concepts.toLocaleString('en')} concepts: panning with the canvas and with WebGL`, async ({
    page,
  }) => {
    test.setTimeout(900_000);
    const graph = syntheticGraph(concepts, Math.round(concepts * 2.5), { positions: true });
    graph.db.close();
    const server = await startCairn(graph.file);
    const app = new CairnApp(page);
    try {
      for (const renderer of RENDERERS) {
        const url = new URL(server.url);
        url.searchParams.set('renderer', renderer);
        await app.open(url.toString());
        await app.settle();
        const drawn = await app.inspect<number>('nodeCount');
        expect(drawn).toBeGreaterThan(0);
        // The renderer asked for is the one drawing: Cytoscape gives its canvas layers 2D
        // contexts, and in WebGL mode one layer a WebGL2 context (a canvas holding a 2D
        // context answers null when asked for WebGL).
        const webgl = await page.evaluate(() =>
          Array.from(document.querySelectorAll('.graph-canvas canvas')).some(
            (canvas) => (canvas as HTMLCanvasElement).getContext('webgl2') !== null,
          ),
        );
        expect(webgl).toBe(renderer === 'webgl');
        const overview = await panFrames(page, await app.emptyCanvasPoint());
        for (let i = 0; i < 3; i++) await app.button('Zoom in').click();
        await app.settle();
        const zoomedIn = await panFrames(page, await app.emptyCanvasPoint());
        await app.screenshot(`bench-renderer-${concepts}-${renderer}`);
        rows.push({ concepts, page: 'Cairn', renderer, overview, zoomedIn, drawn });
      }
      if (concepts <= NAIVE_UP_TO) {
        const elements = naiveElements(graph.file);
        for (const renderer of RENDERERS) {
          await openNaivePage(page, elements, { webgl: renderer === 'webgl' });
          const before = await naivePan(page);
          const overview = await panFrames(page, { x: 60, y: 300 });
          expect((await naivePan(page)).x - before.x).toBeGreaterThan(200);
          rows.push({ concepts, page: 'naive', renderer, overview, drawn: elements.nodes.length });
        }
      }
    } finally {
      await server.stop();
      graph.cleanup();
    }
  });
}
