import type { GraphPatch, Position } from '../../../shared/domain';
import type { ViewConcept } from '../../../shared/graph-view';
import type { DrawnGraph } from './store';

/**
 * What is drawn after a change: a new object (so memoised selectors recompute), with
 * concepts, links and positions replaced, added or removed as the patch says. A new
 * concept is drawn (the user just made it, or undo brought it back); a link is drawn
 * when both its concepts are.
 */
export function applyPatch(drawn: DrawnGraph, patch: GraphPatch): DrawnGraph {
  const removedConcepts = new Set(patch.removedConcepts);
  const removedLinks = new Set(patch.removedLinks);
  const positions = new Map<string, Position>(patch.positions.map((p) => [p.id, p]));

  const concepts = new Map(drawn.concepts.map((c) => [c.id, c]));
  for (const id of removedConcepts) concepts.delete(id);
  for (const summary of patch.concepts) {
    const before = concepts.get(summary.id);
    const next: ViewConcept = before
      ? { ...before, ...summary }
      : {
          ...summary,
          x: null,
          y: null,
          degree: 0,
          inDegree: 0,
          outDegree: 0,
          measures: null,
          tier: 0,
          pinned: false,
          manual: false,
        };
    concepts.set(summary.id, next);
  }
  for (const [id, p] of positions) {
    const concept = concepts.get(id);
    if (concept) {
      concepts.set(id, {
        ...concept,
        x: p.x,
        y: p.y,
        pinned: p.pinned ?? concept.pinned,
        manual: p.manual ?? concept.manual,
      });
    }
  }

  const links = new Map(drawn.links.map((l) => [l.id, l]));
  for (const id of removedLinks) links.delete(id);
  for (const l of patch.links) links.set(l.id, l);
  for (const [id, l] of links) {
    if (!concepts.has(l.source) || !concepts.has(l.target)) links.delete(id);
  }
  return { ...drawn, concepts: [...concepts.values()], links: [...links.values()] };
}
