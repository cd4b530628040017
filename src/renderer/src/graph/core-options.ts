import type { CytoscapeOptions, StylesheetJson } from 'cytoscape';
import { mapRenderer } from './renderer-choice';

/**
 * How a drawing's Cytoscape core is set up. A large graph draws a texture of itself and
 * hides links while the view moves, which keeps panning smooth where redrawing every
 * element would not; a graph that cannot be edited cannot be dragged. Cytoscape's WebGL
 * mode draws only when asked for (renderer-choice.ts says why).
 */
export function coreOptions(
  container: HTMLElement,
  style: StylesheetJson,
  large: boolean,
  editable: boolean,
): CytoscapeOptions {
  return {
    container,
    style,
    minZoom: 0.002,
    maxZoom: 4,
    // Shift-drag on the canvas draws a box that selects the concepts in it.
    boxSelectionEnabled: true,
    autounselectify: true,
    autoungrabify: !editable,
    motionBlur: false,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    // Cytoscape's own typings predate its WebGL mode (3.31).
    ...({ renderer: { name: 'canvas', webgl: mapRenderer() === 'webgl' } } as object),
  };
}
