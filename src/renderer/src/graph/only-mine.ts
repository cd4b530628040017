import type { Core } from 'cytoscape';

/**
 * "Only mine": the view holds the user's own concepts and links and the concepts their
 * links reach; those others are there as context, and drawn faded (class `context`).
 */
export function markContext(cy: Core, on: boolean): void {
  cy.batch(() => {
    cy.nodes('.context').removeClass('context');
    if (on) cy.nodes('[origin != "user"]').addClass('context');
  });
}
