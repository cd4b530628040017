// The ids Cytoscape knows elements by. Concept ids are user text, and Cytoscape and its
// layouts keep plain objects keyed by element id, so an id such as `constructor` or
// `__proto__` would reach Object.prototype: every node id carries a prefix, and edge ids
// are made from the link's number. Nothing else crosses into Cytoscape as an id.

const NODE_PREFIX = 'c:';
const EDGE_PREFIX = 'l:';

export function nodeId(conceptId: string): string {
  return NODE_PREFIX + conceptId;
}

/** The concept id of a node (anything with Cytoscape's `id()`). */
export function conceptIdOf(node: { id(): string }): string {
  return node.id().slice(NODE_PREFIX.length);
}

export function edgeId(linkId: number): string {
  return EDGE_PREFIX + linkId;
}

/** The link id of an edge; NaN for an edge Cytoscape made itself (a link being drawn). */
export function linkIdOf(edge: { id(): string }): number {
  const id = edge.id();
  return id.startsWith(EDGE_PREFIX) ? Number(id.slice(EDGE_PREFIX.length)) : Number.NaN;
}
