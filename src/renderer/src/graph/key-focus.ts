import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { conceptIdOf, edgeId, linkIdOf } from './element-ids';
import { nodeOf } from './elements';
import { neighbourInDirection, type Direction } from './neighbour-direction';
import type { Viewport } from './viewport';

/** A step of the keyboard along a link: where it went, and the link it took. */
export interface KeyStep {
  to: string;
  linkId: number;
  relation: string;
  /** The link points from the concept left towards the one reached. */
  forward: boolean;
}

/** What is said of a concept the keyboard reaches. */
export interface ConceptFacts {
  label: string;
  category: string;
  inDegree: number;
  outDegree: number;
}

/**
 * The keyboard's place on the map: a ring on one concept (`key-focus`) and on the link it
 * came along. Arrow keys step to a drawn neighbour in their direction on screen.
 */
export class KeyFocus {
  private current: string | null = null;

  constructor(
    private readonly cy: Core,
    private readonly viewport: Viewport,
  ) {}

  get id(): string | null {
    return this.current !== null && nodeOf(this.cy, this.current).nonempty() ? this.current : null;
  }

  /** The neighbour of `from` in that direction, and the link to it; null when there is none. */
  step(from: string, direction: Direction): KeyStep | null {
    const node = nodeOf(this.cy, from);
    if (node.empty()) return null;
    const links = (node.connectedEdges().toArray() as EdgeSingular[]).filter(
      (edge) => !edge.hasClass('filtered'),
    );
    const placed = links
      .map((edge) => {
        const other = (edge.source().same(node) ? edge.target() : edge.source()) as NodeSingular;
        return { other, edge };
      })
      .filter(({ other }) => !other.same(node) && !other.hasClass('filtered'))
      .map(({ other, edge }) => ({ id: conceptIdOf(other), ...other.renderedPosition(), edge }));
    const to = neighbourInDirection({ id: from, ...node.renderedPosition() }, placed, direction);
    const taken = placed.find((p) => p.id === to);
    if (!taken) return null;
    return {
      to: taken.id,
      linkId: linkIdOf(taken.edge),
      relation: taken.edge.data('relation') as string,
      forward: taken.edge.source().same(node),
    };
  }

  /** The most linked concept on screen: where the keyboard starts with nothing selected. */
  start(): string | null {
    const onScreen = new Set(this.viewport.conceptsOnScreen());
    let best: { id: string; degree: number } | null = null;
    this.cy.nodes().forEach((n) => {
      const id = conceptIdOf(n);
      const degree = (n.data('degree') as number) ?? 0;
      if (onScreen.has(id) && (!best || degree > best.degree)) best = { id, degree };
    });
    return (best as { id: string } | null)?.id ?? null;
  }

  /** Rings the concept (and the link taken to it) and brings it into view. */
  show(id: string | null, linkId: number | null = null): void {
    this.cy.batch(() => {
      this.cy.elements('.key-focus').removeClass('key-focus');
      if (id === null) return;
      nodeOf(this.cy, id).addClass('key-focus');
      if (linkId !== null) this.cy.getElementById(edgeId(linkId)).addClass('key-focus');
    });
    this.current = id;
    if (id !== null && !this.viewport.conceptsOnScreen().includes(id)) this.viewport.centreOn(id);
  }

  facts(id: string): ConceptFacts | null {
    const node = nodeOf(this.cy, id);
    if (node.empty()) return null;
    return {
      label: node.data('label') as string,
      category: node.data('category') as string,
      inDegree: (node.data('inDegree') as number) ?? 0,
      outDegree: (node.data('outDegree') as number) ?? 0,
    };
  }
}
