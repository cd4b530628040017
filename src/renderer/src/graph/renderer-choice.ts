// Which of Cytoscape's two renderers draws the map: its canvas, or its WebGL mode (3.31+).
// The canvas, unless `?renderer=webgl` in browser mode asks for WebGL. Measured both ways
// (docs/benchmarks.md): without a GPU, WebGL pans Cairn's views 1.4-3.3x slower; and with
// WebGL forced, the end-to-end suite passes but for one flow (an import preview, then the
// merged graph drawn), where Cytoscape 3.34's WebGL texture atlas throws in
// AtlasManager.getAtlasInfo in 3 runs of 4. No view draws more than 4,000 concepts, which
// the canvas pans at the display's rate, so WebGL waits until that error is gone.

export type MapRenderer = 'canvas' | 'webgl';

/** The renderer for what the user asked for (`?renderer=`), if anything. */
export function chooseRenderer(asked: string | null): MapRenderer {
  return asked === 'webgl' ? 'webgl' : 'canvas';
}

let chosen: MapRenderer | null = null;

/** The renderer this window draws with, chosen once. */
export function mapRenderer(): MapRenderer {
  chosen ??= chooseRenderer(new URLSearchParams(window.location.search).get('renderer'));
  return chosen;
}
