import Sqlite from 'better-sqlite3';
import type { Page } from '@playwright/test';

// The peer of the scale bench: a naive Cytoscape.js page as a developer would first write
// it. Cytoscape's default style plus labels, preset positions from the same graph file,
// every element handed over at once. It is what Cairn is measured against in the same run.

interface NaiveElements {
  nodes: { data: { id: string; label: string }; position: { x: number; y: number } }[];
  edges: { data: { id: string; source: string; target: string } }[];
}

/** Every concept with its stored position, and every link, as Cytoscape elements. */
export function naiveElements(file: string): NaiveElements {
  const db = new Sqlite(file, { readonly: true });
  try {
    const nodes = db
      .prepare(
        'SELECT c.key, c.label, p.x, p.y FROM concepts c JOIN positions p ON p.concept = c.key',
      )
      .all() as { key: number; label: string; x: number; y: number }[];
    const edges = db.prepare('SELECT id AS key, source, target FROM links').all() as {
      key: number;
      source: number;
      target: number;
    }[];
    return {
      nodes: nodes.map((n) => ({
        data: { id: `n${n.key}`, label: n.label },
        position: { x: n.x, y: n.y },
      })),
      edges: edges.map((e) => ({
        data: { id: `e${e.key}`, source: `n${e.source}`, target: `n${e.target}` },
      })),
    };
  } finally {
    db.close();
  }
}

/**
 * Opens the naive page with these elements and waits for its first drawn frame.
 * Returns the milliseconds from handing over the elements to that frame.
 */
export async function openNaivePage(
  page: Page,
  elements: NaiveElements,
  options: { webgl?: boolean } = {},
): Promise<number> {
  // A blank page of its own: not under Cairn's origin and its CSP.
  await page.goto('about:blank');
  await page.setContent(
    '<!doctype html><html><body style="margin:0">' +
      '<div id="cy" class="graph-canvas" style="position:absolute;inset:0"></div></body></html>',
  );
  await page.addScriptTag({ path: require.resolve('cytoscape/dist/cytoscape.min.js') });
  return page.evaluate(
    ({ els, webgl }) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        type Cy = { on(event: string, handler: () => void): void; nodes(): unknown[] };
        const cytoscape = (window as unknown as { cytoscape: (o: object) => Cy }).cytoscape;
        const cy = cytoscape({
          container: document.getElementById('cy'),
          elements: [...els.nodes, ...els.edges],
          layout: { name: 'preset', fit: true },
          style: [{ selector: 'node', style: { label: 'data(label)' } }],
          // Cytoscape's WebGL mode (3.31+), for the renderer bench; the canvas otherwise.
          renderer: { name: 'canvas', webgl },
        });
        (window as unknown as { cy: Cy }).cy = cy;
        // The first frame is drawn in the animation frame after the elements are in.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(performance.now() - start)),
        );
      }),
    { els: elements, webgl: options.webgl ?? false },
  );
}
