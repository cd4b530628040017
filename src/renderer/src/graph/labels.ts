import type { Core, NodeSingular } from 'cytoscape';
import { conceptCanvasLabel } from './canvas-label';
import { conceptIdOf } from './element-ids';
import type { HighlightRequest } from './highlight';
import { labelBox, labelsThatFit } from './label-grid';
import type { ViewScale } from './styles';

const FONT_SIZE = 13;
const MAX_WIDTH = 110;

/**
 * Draws the labels that fit on screen (label-grid.ts) and hides the rest: the selected
 * concepts and those lit with them first, then the most linked.
 */
export function showLabelsThatFit(cy: Core, scale: ViewScale, request: HighlightRequest): void {
  const zoom = cy.zoom();
  const fontPx = FONT_SIZE * scale.label * zoom;
  const maxPx = MAX_WIDTH * scale.label * zoom;
  const pan = cy.pan();
  const chosen = new Set(request.picked);
  if (request.selected) chosen.add(request.selected);
  const candidates = cy.nodes().map((node: NodeSingular) => {
    const id = conceptIdOf(node);
    const { x, y } = node.position();
    const box = labelBox(conceptCanvasLabel((node.data('label') as string) ?? ''), fontPx, maxPx);
    const lit = node.hasClass('neighbour') || node.hasClass('matched');
    return {
      id,
      x: x * zoom + pan.x,
      y: y * zoom + pan.y,
      // The size the style gives it (styles.ts), read from its data: asking the node
      // for its rendered size makes Cytoscape compute every node's style and bounds
      // first, which took half a second per pass at a few hundred long labels.
      radius: (((node.data('size') as number) ?? 0) * scale.node * zoom) / 2,
      ...box,
      // The biggest first: size says what matters under the styling chosen (styling.ts),
      // and links break the ties of concepts drawn at the largest size.
      importance:
        (chosen.has(id) ? 1e9 : 0) +
        (lit ? 1e6 : 0) +
        ((node.data('size') as number) ?? 0) * 1e3 +
        Math.min(999, (node.data('degree') as number) ?? 0),
    };
  });
  const fits = labelsThatFit(candidates, { width: cy.width(), height: cy.height() });
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.toggleClass('no-label', !fits.has(conceptIdOf(node)));
    });
  });
}
