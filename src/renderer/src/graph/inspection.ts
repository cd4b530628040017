import type { Core } from 'cytoscape';
import { conceptIdOf } from './element-ids';
import { nodeOf } from './elements';
import type { HighlightDrawing } from './highlight';
import type { LinkHandle } from './link-handle';
import type { Viewport } from './viewport';

/** Read-only views of what is drawn, for end-to-end tests (`window.__cairnInspect`). */
export interface GraphInspection {
  nodeCount(): number;
  edgeCount(): number;
  nodePosition(id: string): { x: number; y: number } | null;
  /** Where a concept is on the page, in CSS pixels. */
  renderedPosition(id: string): { x: number; y: number } | null;
  /** The concepts drawn lit now, read from the drawing. */
  highlightedIds(): string[];
  zoom(): number;
  /** Whether the view or any concept is still moving (centring, fitting, layouts animate). */
  isAnimating(): boolean;
  /** The concept a link being drawn would end on, once the drag rests over it. */
  linkTarget(): string | null;
  /** Concepts and links drawn now, without those a filter hides. */
  visibleNodeIds(): string[];
  visibleEdgeCount(): number;
  /** The concepts whose centre is on screen: what "the current view" exports. */
  conceptsOnScreen(): string[];
  /** The colour a concept is drawn in (by default its category's), as `#rrggbb`. */
  nodeColour(id: string): string | null;
  /** The concept the keyboard is on (key-focus.ts). */
  keyFocusId(): string | null;
  /** The size a concept is drawn at, before the zoom's scale (styling.ts). */
  nodeSize(id: string): number | null;
  /** The links drawn between two concepts, as `kind:relation:origin`. */
  edgesBetween(source: string, target: string): string[];
  /** The label a concept is drawn with. */
  nodeLabel(id: string): string | null;
  /** The concepts drawn as ghosts (time travel: deleted since). */
  ghostIds(): string[];
}

/** What the inspection reads: the drawing as it is at the moment of the call. */
export interface Drawing {
  cy: Core;
  container: HTMLElement;
  highlight: HighlightDrawing;
  linkHandle: LinkHandle;
  viewport: Viewport;
}

export function inspectDrawing(drawing: () => Drawing | null): GraphInspection {
  const withNode = <T>(id: string, read: (d: Drawing, node: ReturnType<typeof nodeOf>) => T) => {
    const d = drawing();
    if (!d) return null;
    const node = nodeOf(d.cy, id);
    return node.empty() ? null : read(d, node);
  };
  return {
    nodeCount: () => drawing()?.cy.nodes().length ?? 0,
    edgeCount: () => drawing()?.cy.edges().length ?? 0,
    nodePosition: (id) => withNode(id, (_d, node) => ({ ...node.position() })),
    renderedPosition: (id) =>
      withNode(id, (d, node) => {
        const { x, y } = node.renderedPosition();
        const rect = d.container.getBoundingClientRect();
        return { x: rect.left + x, y: rect.top + y };
      }),
    nodeColour: (id) => withNode(id, (_d, node) => String(node.data('color')).toLowerCase()),
    keyFocusId: () => {
      const ringed = drawing()?.cy.nodes('.key-focus');
      return ringed && ringed.nonempty() ? conceptIdOf(ringed.first()) : null;
    },
    nodeSize: (id) => withNode(id, (_d, node) => node.data('size') as number),
    highlightedIds: () => drawing()?.highlight.litConcepts() ?? [],
    zoom: () => drawing()?.cy.zoom() ?? 1,
    isAnimating: () => {
      const cy = drawing()?.cy;
      return cy
        ? cy.animated() ||
            cy
              .nodes()
              .filter((n) => n.animated())
              .nonempty()
        : false;
    },
    linkTarget: () => {
      const target = drawing()?.linkHandle.target();
      return target ? conceptIdOf(target) : null;
    },
    visibleNodeIds: () =>
      drawing()
        ?.cy.nodes()
        .not('.filtered, .eh-ghost')
        .map((n) => conceptIdOf(n))
        .sort() ?? [],
    visibleEdgeCount: () => drawing()?.cy.edges().not('.filtered').length ?? 0,
    conceptsOnScreen: () => drawing()?.viewport.conceptsOnScreen().sort() ?? [],
    edgesBetween: (source, target) => {
      const d = drawing();
      if (!d) return [];
      return nodeOf(d.cy, source)
        .edgesTo(nodeOf(d.cy, target))
        .map((e) => `${e.data('kind')}:${e.data('relation')}:${e.data('origin')}`);
    },
    nodeLabel: (id) => withNode(id, (_d, node) => String(node.data('label'))),
    ghostIds: () => drawing()?.cy.nodes('.ghost').map(conceptIdOf).sort() ?? [],
  };
}
