import type { GraphPatch, GraphSnapshot } from '../../../shared/domain';

/**
 * The snapshot after a change: a new object (so memoised selectors recompute), with
 * concepts, links, positions and categories replaced or removed as the patch says.
 */
export function applyPatch(snapshot: GraphSnapshot, patch: GraphPatch): GraphSnapshot {
  const removedConcepts = new Set(patch.removedConcepts);
  const removedLinks = new Set(patch.removedLinks);

  const concepts = new Map(snapshot.concepts.map((c) => [c.id, c]));
  for (const id of removedConcepts) concepts.delete(id);
  for (const c of patch.concepts) concepts.set(c.id, c);

  const links = new Map(snapshot.links.map((l) => [l.id, l]));
  for (const id of removedLinks) links.delete(id);
  for (const l of patch.links) links.set(l.id, l);
  for (const [id, l] of links) {
    if (!concepts.has(l.source) || !concepts.has(l.target)) links.delete(id);
  }

  const positions = new Map(snapshot.positions.map((p) => [p.id, p]));
  for (const id of removedConcepts) positions.delete(id);
  for (const p of patch.positions) positions.set(p.id, p);

  return {
    categories: patch.categories ?? snapshot.categories,
    concepts: [...concepts.values()],
    links: [...links.values()],
    positions: [...positions.values()],
  };
}
