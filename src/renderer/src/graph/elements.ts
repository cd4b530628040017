import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type {
  Category,
  ConceptSummary,
  GraphPatch,
  GraphSnapshot,
  Link,
  Position,
} from '../../../shared/domain';
import { conceptIdOf, edgeId, nodeId } from './element-ids';
import { placeMissing } from './layouts';

const FALLBACK_COLOUR = '#8b8f98';
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** A category's colour as a style value: only a hex colour ever reaches the style. */
export function safeColour(colour: string | undefined): string {
  return colour && HEX_COLOUR.test(colour) ? colour : FALLBACK_COLOUR;
}

/** Gently larger for hubs: 16px for a leaf, about 40px for 30 links. */
export function nodeSize(degree: number): number {
  return Math.min(44, 14 + 4.5 * Math.sqrt(degree));
}

/**
 * What Cytoscape holds of a concept. User text (label, category) sits in data fields
 * the style maps with functions, never in style values (see styles.ts).
 */
export function nodeData(concept: ConceptSummary, colour: string | undefined, degree: number) {
  return {
    id: nodeId(concept.id),
    label: concept.label,
    category: concept.category,
    origin: concept.origin,
    color: safeColour(colour),
    size: nodeSize(degree),
  };
}

function edgeData(link: Link) {
  return {
    id: edgeId(link.id),
    source: nodeId(link.source),
    target: nodeId(link.target),
    relation: link.relation,
    origin: link.origin,
    kind: link.kind,
  };
}

/** Every element of a snapshot, at the given positions (those without one are left to a layout). */
export function snapshotElements(
  snapshot: GraphSnapshot,
  positions: ReadonlyMap<string, Position>,
): ElementDefinition[] {
  const colours = new Map(snapshot.categories.map((c) => [c.id, c.color]));
  const present = new Set(snapshot.concepts.map((c) => c.id));
  const degree = new Map<string, number>();
  const links = snapshot.links.filter((l) => present.has(l.source) && present.has(l.target));
  for (const l of links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const nodes: ElementDefinition[] = snapshot.concepts.map((c) => {
    const p = positions.get(c.id);
    return {
      group: 'nodes',
      data: nodeData(c, colours.get(c.category), degree.get(c.id) ?? 0),
      ...(p ? { position: { x: p.x, y: p.y } } : {}),
    };
  });
  return [
    ...nodes,
    ...links.map((l): ElementDefinition => ({ group: 'edges', data: edgeData(l) })),
  ];
}

/**
 * Adds elements so that one Cytoscape refuses cannot take the graph down: each is
 * retried alone, and one that still fails is drawn plainly, without its label.
 */
export function addSafely(cy: Core, elements: readonly ElementDefinition[]): void {
  try {
    cy.add([...elements]);
    return;
  } catch {
    // Some were added before the failure; the loop below adds the rest one by one.
  }
  for (const element of elements) {
    const id = element.data.id;
    if (id !== undefined && cy.getElementById(id).nonempty()) continue;
    try {
      cy.add(element);
    } catch {
      try {
        cy.add({ ...element, data: { ...element.data, label: '', relation: '' } });
      } catch {
        // An edge whose concept could not be drawn at all is left out.
      }
    }
  }
}

export function nodeOf(cy: Core, conceptId: string): NodeSingular {
  return cy.getElementById(nodeId(conceptId)) as NodeSingular;
}

/** Every drawn concept's position. */
export function drawnPositions(cy: Core): Position[] {
  return cy.nodes().map((n) => {
    const { x, y } = n.position();
    return { id: conceptIdOf(n), x, y };
  });
}

/**
 * Brings the drawing in step with a change, without redrawing the rest. Returns the
 * positions it had to choose for new concepts, to be saved.
 */
export function applyPatch(
  cy: Core,
  patch: GraphPatch,
  categories: readonly Category[],
): Position[] {
  const colours = new Map(categories.map((c) => [c.id, c.color]));
  const given = new Map(patch.positions.map((p) => [p.id, p]));
  const fresh = patch.concepts.filter((c) => nodeOf(cy, c.id).empty() && !given.has(c.id));
  const known = new Map(drawnPositions(cy).map((p) => [p.id, p]));
  const placed = placeMissing(
    fresh.map((c) => c.id),
    known,
    patch.links,
  );
  for (const p of placed) given.set(p.id, p);

  const touched = new Set<string>();
  cy.batch(() => {
    for (const id of patch.removedLinks) cy.getElementById(edgeId(id)).remove();
    for (const id of patch.removedConcepts) {
      const node = nodeOf(cy, id);
      node.neighborhood('node').forEach((n) => void touched.add(conceptIdOf(n)));
      node.remove();
    }
    for (const concept of patch.concepts) {
      const node = nodeOf(cy, concept.id);
      const data = nodeData(concept, colours.get(concept.category), node.degree(false) || 0);
      if (node.empty()) {
        const p = given.get(concept.id);
        addSafely(cy, [{ group: 'nodes', data, ...(p ? { position: { x: p.x, y: p.y } } : {}) }]);
        touched.add(concept.id);
      } else {
        const { label, category, origin, color } = data;
        node.data({ label, category, origin, color });
      }
    }
    for (const link of patch.links) {
      if (nodeOf(cy, link.source).empty() || nodeOf(cy, link.target).empty()) continue;
      const edge = cy.getElementById(edgeId(link.id));
      const data = edgeData(link);
      if (
        edge.nonempty() &&
        (edge.data('source') !== data.source || edge.data('target') !== data.target)
      ) {
        edge.remove();
      }
      if (cy.getElementById(data.id).empty()) addSafely(cy, [{ group: 'edges', data }]);
      else
        cy.getElementById(data.id).data({
          relation: data.relation,
          origin: data.origin,
          kind: data.kind,
        });
      touched.add(link.source).add(link.target);
    }
    for (const p of patch.positions) {
      const node = nodeOf(cy, p.id);
      if (node.nonempty()) node.position({ x: p.x, y: p.y });
    }
    if (patch.categories) {
      cy.nodes().forEach((n) => {
        n.data('color', safeColour(colours.get(n.data('category') as string)));
      });
    }
    for (const id of touched) {
      const node = nodeOf(cy, id);
      if (node.nonempty()) node.data('size', nodeSize(node.connectedEdges().length));
    }
  });
  return placed;
}
