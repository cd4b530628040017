import type { Collection, Core } from 'cytoscape';
import { conceptIdOf, edgeId, linkIdOf, nodeId } from './element-ids';

/** What is selected or asked to stand out, as the session knows it. */
export interface HighlightRequest {
  /** The focused concept, whose details show. */
  selected: string | null;
  /** Every selected concept, when more than one is (shift+click, a box). */
  picked: readonly string[];
  /** A category picked in the legend. */
  category: string | null;
  /** The search's matches while the user types (lit over any selection). */
  matches: readonly string[];
  /** A path found between two concepts: its concepts and links (lit over everything). */
  path: { concepts: readonly string[]; links: readonly number[] } | null;
}

/** The drawn graph, as far as the rule needs it: only concepts and links that are drawn. */
export interface DrawnGraph {
  has(conceptId: string): boolean;
  /** The links at a concept: their ids and the concept at the other end. */
  linksAt(conceptId: string): { link: number; other: string }[];
  /** The links whose two ends are both in `conceptIds`. */
  linksAmong(conceptIds: ReadonlySet<string>): number[];
  inCategory(category: string): string[];
}

/** What stands out, and how: the one answer used both to draw and to inspect. */
export interface Highlight {
  focused: string | null;
  picked: string[];
  neighbours: string[];
  /** Search matches, drawn with a ring. */
  matched: string[];
  /** Links drawn in the accent colour. */
  incident: number[];
  /** Links that stay as they are while the rest fades. */
  kept: number[];
  /** Whether everything not named above fades. */
  fadeRest: boolean;
}

export const NO_HIGHLIGHT: Highlight = {
  focused: null,
  picked: [],
  neighbours: [],
  matched: [],
  incident: [],
  kept: [],
  fadeRest: false,
};

/**
 * The highlight rule. A path found lights its concepts and links. Search matches while
 * typing are ringed and lit, with the links among them. Several selected: each wears a halo and the links among them are
 * lit. One selected: it, its neighbours and its links are lit. A legend category: its
 * concepts and the links among them. The rest fades, except that on a large graph a
 * selection leaves the rest alone (re-styling 10,000 elements costs seconds, lighting a
 * neighbourhood nothing); a category has no other cue than the fading, so it always fades.
 */
export function highlightFor(
  request: HighlightRequest,
  graph: DrawnGraph,
  large: boolean,
): Highlight {
  const selected = request.selected && graph.has(request.selected) ? request.selected : null;
  if (request.path) {
    const concepts = request.path.concepts.filter((id) => graph.has(id));
    const drawnLinks = new Set(graph.linksAmong(new Set(concepts)));
    return {
      ...NO_HIGHLIGHT,
      focused: selected,
      neighbours: concepts,
      incident: request.path.links.filter((id) => drawnLinks.has(id)),
      fadeRest: true,
    };
  }
  const matched = request.matches.filter((id) => graph.has(id));
  if (matched.length > 0) {
    return {
      ...NO_HIGHLIGHT,
      matched,
      kept: graph.linksAmong(new Set(matched)),
      fadeRest: true,
    };
  }
  const picked = request.picked.filter((id) => graph.has(id));
  if (picked.length > 1) {
    const links = graph.linksAmong(new Set(picked));
    return {
      ...NO_HIGHLIGHT,
      focused: selected,
      picked,
      incident: links,
      fadeRest: !large || !selected,
    };
  }
  if (selected) {
    const at = graph.linksAt(selected);
    return {
      ...NO_HIGHLIGHT,
      focused: selected,
      neighbours: [...new Set(at.map((l) => l.other))].filter((id) => id !== selected),
      incident: at.map((l) => l.link),
      fadeRest: !large,
    };
  }
  if (request.category) {
    const members = graph.inCategory(request.category);
    if (members.length === 0) return NO_HIGHLIGHT;
    return {
      ...NO_HIGHLIGHT,
      neighbours: members,
      kept: graph.linksAmong(new Set(members)),
      fadeRest: true,
    };
  }
  return NO_HIGHLIGHT;
}

/** The concepts a highlight lights, sorted: what a test or a screen reader is told. */
export function litConcepts(highlight: Highlight): string[] {
  const lit = new Set([...highlight.picked, ...highlight.neighbours, ...highlight.matched]);
  if (highlight.focused) lit.add(highlight.focused);
  return [...lit].sort();
}

/** The drawn graph of a Cytoscape instance, for the rule. */
export function drawnGraph(cy: Core): DrawnGraph {
  return {
    has: (id) => cy.getElementById(nodeId(id)).nonempty(),
    linksAt: (id) =>
      cy
        .getElementById(nodeId(id))
        .connectedEdges()
        .map((edge) => {
          const source = conceptIdOf(edge.source());
          return {
            link: linkIdOf(edge),
            other: source === id ? conceptIdOf(edge.target()) : source,
          };
        })
        .filter((l) => !Number.isNaN(l.link)),
    linksAmong: (ids) => {
      const nodes = collect(cy, [...ids].map(nodeId)).nodes();
      return nodes
        .edgesWith(nodes)
        .map((edge) => linkIdOf(edge))
        .filter((id) => !Number.isNaN(id));
    },
    inCategory: (category) =>
      cy
        .nodes()
        .filter((n) => n.data('category') === category)
        .map((n) => conceptIdOf(n)),
  };
}

/** The elements with these Cytoscape ids, in one collection (built in place, not by unions). */
function collect(cy: Core, ids: readonly string[]): Collection {
  const collection = cy.collection();
  for (const id of ids) collection.merge(cy.getElementById(id));
  return collection;
}

const CLASSES = 'focused picked neighbour matched incident faded';

/** Draws a highlight as classes on the elements, and reads back what is drawn. */
export class HighlightDrawing {
  /** Elements that carry highlight classes now, so clearing them is cheap. */
  private classed: Collection | null = null;

  constructor(private readonly cy: Core) {}

  draw(highlight: Highlight): void {
    const cy = this.cy;
    const nodes = (ids: readonly string[]) => collect(cy, ids.map(nodeId));
    const edges = (ids: readonly number[]) => collect(cy, ids.map(edgeId));
    cy.batch(() => {
      this.classed?.removeClass(CLASSES);
      const focused = highlight.focused ? nodes([highlight.focused]) : cy.collection();
      const picked = nodes(highlight.picked);
      const neighbours = nodes(highlight.neighbours);
      const matched = nodes(highlight.matched);
      const incident = edges(highlight.incident);
      focused.addClass('focused');
      picked.addClass('picked');
      neighbours.addClass('neighbour');
      matched.addClass('matched');
      incident.addClass('incident');
      let lit = focused
        .union(picked)
        .union(neighbours)
        .union(matched)
        .union(incident)
        .union(edges(highlight.kept));
      if (highlight.fadeRest && lit.nonempty()) {
        const rest = cy.elements().difference(lit);
        rest.addClass('faded');
        lit = lit.union(rest);
      }
      this.classed = lit;
    });
  }

  /** The concepts drawn lit now, read from the drawing itself. */
  litConcepts(): string[] {
    return this.cy
      .nodes('.focused, .picked, .neighbour, .matched')
      .map((n) => conceptIdOf(n))
      .sort();
  }

  /** The links drawn in the accent colour now. */
  incidentLinks(): number[] {
    return this.cy
      .edges('.incident')
      .map((e) => linkIdOf(e))
      .sort((a, b) => a - b);
  }

  forget(): void {
    this.classed = null;
  }
}
