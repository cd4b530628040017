import type { Core } from 'cytoscape';
import { edgeId, nodeId } from './element-ids';

/** What time travel shows that is deleted now: drawn faded and dashed (styles.ts, `.ghost`). */
export interface Ghosts {
  concepts: readonly string[];
  links: readonly number[];
}

export const NO_GHOSTS: Ghosts = { concepts: [], links: [] };

export function markGhosts(cy: Core, ghosts: Ghosts): void {
  cy.batch(() => {
    cy.elements('.ghost').removeClass('ghost');
    for (const id of ghosts.concepts) {
      // A deleted concept's links went with it: they are ghosts too.
      const node = cy.getElementById(nodeId(id));
      node.addClass('ghost');
      node.connectedEdges().addClass('ghost');
    }
    for (const id of ghosts.links) cy.getElementById(edgeId(id)).addClass('ghost');
  });
}
