import type { Core } from 'cytoscape';

/**
 * "Only mine": hides everything but the user's own concepts and links, keeping the
 * concepts their links reach, faded, as context (classes `filtered` and `context`).
 */
export function showOnlyMine(cy: Core, on: boolean): void {
  cy.batch(() => {
    cy.elements('.filtered, .context').removeClass('filtered context');
    if (!on) return;
    const mineEdges = cy.edges('[origin = "user"]');
    const mineNodes = cy.nodes('[origin = "user"]');
    const context = mineEdges.connectedNodes().difference(mineNodes);
    cy.elements().difference(mineEdges.union(mineNodes).union(context)).addClass('filtered');
    context.addClass('context');
  });
}
