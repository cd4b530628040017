import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Category, ConceptSummary, GraphPatch, Link, Position } from '../../../shared/domain';
import type { ViewConcept } from '../../../shared/graph-view';
import { isCategoryShape } from '../../../shared/palette';
import { conceptIdOf, edgeId, nodeId } from './element-ids';
import { placeMissing } from './layouts';

const FALLBACK_COLOUR = '#8b8f98';
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** A category's colour as a style value: only a hex colour ever reaches the style. */
export function safeColour(colour: string | undefined): string {
  return colour && HEX_COLOUR.test(colour) ? colour : FALLBACK_COLOUR;
}

/** Gently larger for hubs: 14px for a leaf, about 40px for 30 links. */
export function nodeSize(degree: number): number {
  return Math.min(44, 14 + 4.5 * Math.sqrt(degree));
}

/** Category colours and shapes by id, for the elements. */
export type Colours = ReadonlyMap<string, { color: string; shape: string }>;

export function coloursOf(categories: readonly Category[]): Colours {
  return new Map(categories.map((c) => [c.id, { color: c.color, shape: c.shape }]));
}

/** A category's shape, only ever one of Cytoscape's names (palette.ts), else a circle. */
const CIRCLE = 'ellipse';

function shapeOf(colours: Colours, category: string): string {
  const shape = colours.get(category)?.shape;
  return shape && isCategoryShape(shape) ? shape : CIRCLE;
}

/**
 * What Cytoscape holds of a concept. User text (label, category) sits in data fields
 * the style maps with functions, never in style values (see styles.ts).
 */
export function nodeData(concept: ConceptSummary, colours: Colours, degree: number) {
  return {
    id: nodeId(concept.id),
    label: concept.label,
    category: concept.category,
    origin: concept.origin,
    color: safeColour(colours.get(concept.category)?.color),
    shape: shapeOf(colours, concept.category),
    size: nodeSize(degree),
    degree,
  };
}

export function edgeData(link: Link) {
  return {
    id: edgeId(link.id),
    source: nodeId(link.source),
    target: nodeId(link.target),
    relation: link.relation,
    origin: link.origin,
    kind: link.kind,
  };
}

/** A concept's degrees and measures as Cytoscape data (numbers only), for styling.ts. */
export function measureData(concept: ViewConcept) {
  return {
    inDegree: concept.inDegree,
    outDegree: concept.outDegree,
    pagerank: concept.measures?.pagerank ?? null,
    betweenness: concept.measures?.betweenness ?? null,
    community: concept.measures?.community ?? null,
  };
}

function nodeElement(concept: ViewConcept, colours: Colours): ElementDefinition {
  return {
    group: 'nodes',
    data: { ...nodeData(concept, colours, concept.degree), ...measureData(concept) },
    classes: concept.pinned ? 'pinned' : '',
    ...(concept.x !== null && concept.y !== null
      ? { position: { x: concept.x, y: concept.y } }
      : {}),
  };
}

/** Elements for concepts and the links among them. */
export function viewElements(
  concepts: readonly ViewConcept[],
  links: readonly Link[],
  colours: Colours,
): ElementDefinition[] {
  const present = new Set(concepts.map((c) => c.id));
  return [
    ...concepts.map((c) => nodeElement(c, colours)),
    ...links
      .filter((l) => present.has(l.source) && present.has(l.target))
      .map((l): ElementDefinition => ({ group: 'edges', data: edgeData(l) })),
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
 * Makes the drawing hold exactly these concepts and links, touching only what differs:
 * concepts that stay keep their place, new ones come at their stored position, gone ones
 * go. Returns the concepts that came without a position.
 */
export function syncElements(
  cy: Core,
  concepts: readonly ViewConcept[],
  links: readonly Link[],
  colours: Colours,
): string[] {
  const wantedNodes = new Set(concepts.map((c) => nodeId(c.id)));
  const wantedEdges = new Set(links.map((l) => edgeId(l.id)));
  const unplaced: string[] = [];
  cy.batch(() => {
    cy.edges().forEach((e) => {
      if (!wantedEdges.has(e.id()) && !e.hasClass('eh-preview')) e.remove();
    });
    cy.nodes().forEach((n) => {
      if (!wantedNodes.has(n.id()) && !n.hasClass('eh-ghost')) n.remove();
    });
    const fresh: ElementDefinition[] = [];
    for (const c of concepts) {
      const node = nodeOf(cy, c.id);
      if (node.empty()) {
        fresh.push(nodeElement(c, colours));
        if (c.x === null || c.y === null) unplaced.push(c.id);
        continue;
      }
      const data = nodeData(c, colours, c.degree);
      if (
        node.data('label') !== data.label ||
        node.data('color') !== data.color ||
        node.data('shape') !== data.shape
      ) {
        const { label, category, color, shape } = data;
        node.data({ label, category, color, shape });
      }
      if (node.data('degree') !== data.degree) node.data({ degree: data.degree, size: data.size });
      const measures = measureData(c);
      if (
        node.data('inDegree') !== measures.inDegree ||
        node.data('outDegree') !== measures.outDegree ||
        node.data('pagerank') !== measures.pagerank ||
        node.data('betweenness') !== measures.betweenness ||
        node.data('community') !== measures.community
      ) {
        node.data(measures);
      }
      node.toggleClass('pinned', c.pinned);
    }
    addSafely(cy, fresh);
    const present = new Set(concepts.map((c) => c.id));
    addSafely(
      cy,
      links
        .filter(
          (l) =>
            present.has(l.source) &&
            present.has(l.target) &&
            cy.getElementById(edgeId(l.id)).empty(),
        )
        .map((l): ElementDefinition => ({ group: 'edges', data: edgeData(l) })),
    );
  });
  return unplaced;
}

/**
 * Brings the drawing in step with a change, without redrawing the rest. Returns the
 * positions it had to choose for new concepts, to be saved.
 */
export function applyPatch(cy: Core, patch: GraphPatch, colours: Colours): Position[] {
  const given = new Map(patch.positions.map((p) => [p.id, p]));
  const fresh = patch.concepts.filter((c) => nodeOf(cy, c.id).empty() && !given.has(c.id));
  const known = new Map(drawnPositions(cy).map((p) => [p.id, p]));
  const placed = placeMissing(
    fresh.map((c) => c.id),
    known,
    patch.links,
  );
  for (const p of placed) given.set(p.id, p);

  // A link that comes or goes changes its concepts' degrees, and so their size.
  const bump = (node: NodeSingular, by: number, end: 'outDegree' | 'inDegree') => {
    if (node.empty()) return;
    const degree = Math.max(0, ((node.data('degree') as number) ?? 0) + by);
    const atEnd = Math.max(0, ((node.data(end) as number) ?? 0) + by);
    node.data({ degree, [end]: atEnd, size: nodeSize(degree) });
  };
  const removeEdge = (edge: EdgeSingular | ReturnType<Core['getElementById']>) => {
    if (edge.empty()) return;
    bump(edge.source() as NodeSingular, -1, 'outDegree');
    bump(edge.target() as NodeSingular, -1, 'inDegree');
    edge.remove();
  };
  cy.batch(() => {
    for (const id of patch.removedLinks) removeEdge(cy.getElementById(edgeId(id)));
    for (const id of patch.removedConcepts) {
      const node = nodeOf(cy, id);
      node.connectedEdges().forEach((edge) => removeEdge(edge));
      node.remove();
    }
    for (const concept of patch.concepts) {
      const node = nodeOf(cy, concept.id);
      if (node.empty()) {
        const p = given.get(concept.id);
        const data = nodeData(concept, colours, 0);
        addSafely(cy, [{ group: 'nodes', data, ...(p ? { position: { x: p.x, y: p.y } } : {}) }]);
      } else {
        const { label, category, origin, color, shape } = nodeData(concept, colours, 0);
        node.data({ label, category, origin, color, shape });
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
        removeEdge(edge);
      }
      if (cy.getElementById(data.id).empty()) {
        addSafely(cy, [{ group: 'edges', data }]);
        bump(nodeOf(cy, link.source), 1, 'outDegree');
        bump(nodeOf(cy, link.target), 1, 'inDegree');
      } else {
        const { relation, origin, kind } = data;
        cy.getElementById(data.id).data({ relation, origin, kind });
      }
    }
    for (const p of patch.positions) {
      const node = nodeOf(cy, p.id);
      if (node.empty()) continue;
      node.position({ x: p.x, y: p.y });
      if (p.pinned !== undefined) node.toggleClass('pinned', p.pinned);
    }
    if (patch.categories) {
      cy.nodes().forEach((n) => {
        const category = n.data('category') as string;
        n.data({
          color: safeColour(colours.get(category)?.color),
          shape: shapeOf(colours, category),
        });
      });
    }
  });
  return placed;
}
