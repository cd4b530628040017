import type { Core } from 'cytoscape';
import cytoscape from 'cytoscape';
import svg from 'cytoscape-svg';
import { boundedScale } from './image-scale';
import { canvasColour, type Theme } from './styles';

cytoscape.use(svg);

/** An image of the graph, for the Export dialog. */
export interface ImageRequest {
  format: 'png' | 'svg';
  /** 1, 2 or 4: pixels per screen pixel. */
  scale: number;
  /** The whole graph, or only what is on screen now. */
  full: boolean;
}

/** The graph as a PNG or SVG image, on the theme's background. */
export function graphImage(cy: Core, theme: Theme, request: ImageRequest): Promise<Blob> {
  const bg = canvasColour(theme);
  const size = request.full ? cy.elements().boundingBox() : { w: cy.width(), h: cy.height() };
  const scale = boundedScale(request.scale, window.devicePixelRatio || 1, size);
  if (request.format === 'svg') {
    const text = cy.svg({ full: request.full, scale, bg });
    return Promise.resolve(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  }
  return cy.png({ output: 'blob-promise', full: request.full, scale, bg });
}
