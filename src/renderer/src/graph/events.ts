import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { Position } from '../../../shared/domain';
import { conceptIdOf } from './element-ids';
import { nodeOf } from './elements';

/** What the user does on the canvas, in concept ids and model positions. */
export interface GraphEvents {
  /** `additive`: Shift (or Ctrl/Cmd) was held, to add or remove it from the selection. */
  onNodeTap(id: string, additive: boolean): void;
  /** Concepts inside a box the user dragged with Shift held. */
  onBoxSelect(ids: string[]): void;
  onBackgroundTap(): void;
  /** A double click on a concept: Expand, or Collapse when it is expanded. */
  onNodeDoubleTap(id: string): void;
  /** Positions the user changed by dragging, batched. */
  onNodesMoved(positions: Position[]): void;
  /** A double click on empty canvas, at this model position. */
  onBackgroundDoubleTap(position: { x: number; y: number }): void;
  /** The user dragged the link handle from one concept onto another. */
  onLinkDrawn(source: string, target: string): void;
  /** A pan or zoom came to rest: the part of the map on screen, in model coordinates. */
  onViewportSettled(view: {
    bounds: { x1: number; y1: number; x2: number; y2: number };
    zoom: number;
    width: number;
    height: number;
  }): void;
}

/** Dragged concepts are saved this long after the last drag ends, in one call. */
const DRAG_SAVE_DELAY = 400;
/** A pan or zoom has come to rest when no viewport change came for this long. */
const VIEWPORT_REST = 140;

/** Turns Cytoscape's events into GraphEvents, and shows hover. */
export class EventBinding {
  private boxed = new Set<string>();
  private dragged = new Set<string>();
  private dragTimer: ReturnType<typeof setTimeout> | undefined;
  private viewportTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * What the last two taps were on (a concept id, or null for the canvas). Cytoscape
   * calls any two taps close in time a double tap, even on two different concepts: a
   * quick click on one concept, then another, would open a local graph.
   */
  private taps: [string | null | undefined, string | null | undefined] = [undefined, undefined];

  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement,
    private readonly events: GraphEvents,
    onViewportRest: () => void,
  ) {
    cy.on('viewport', () => {
      clearTimeout(this.viewportTimer);
      this.viewportTimer = setTimeout(onViewportRest, VIEWPORT_REST);
    });
    cy.on('tap', (event: EventObject) => {
      const on =
        event.target === cy
          ? null
          : event.target.isNode?.()
            ? conceptIdOf(event.target)
            : undefined;
      this.taps = [this.taps[1], on];
      if (event.target === cy) events.onBackgroundTap();
    });
    cy.on('dbltap', (event: EventObject) => {
      if (event.target === cy && this.bothTapsOn(null)) {
        events.onBackgroundDoubleTap({ ...event.position });
      }
    });
    cy.on('dbltap', 'node', (event: EventObject) => {
      const id = conceptIdOf(event.target as NodeSingular);
      if (this.bothTapsOn(id)) events.onNodeDoubleTap(id);
    });
    cy.on('tap', 'node', (event: EventObject) => {
      const original = event.originalEvent as MouseEvent | undefined;
      const additive = Boolean(original?.shiftKey || original?.ctrlKey || original?.metaKey);
      events.onNodeTap(conceptIdOf(event.target as NodeSingular), additive);
    });
    // Cytoscape emits `box` on each element inside the box right after `boxend`.
    cy.on('box', 'node', (event: EventObject) => this.onBoxed(event.target as NodeSingular));
    cy.on('mouseover', 'node', (event: EventObject) =>
      this.hover(event.target as NodeSingular, true),
    );
    cy.on('mouseout', 'node', (event: EventObject) =>
      this.hover(event.target as NodeSingular, false),
    );
    cy.on('mouseover', 'edge', (event: EventObject) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', (event: EventObject) => event.target.removeClass('hover'));
    cy.on('dragfree', 'node', (event: EventObject) => {
      this.dragged.add(conceptIdOf(event.target as NodeSingular));
      clearTimeout(this.dragTimer);
      this.dragTimer = setTimeout(() => this.flushDragged(), DRAG_SAVE_DELAY);
    });
  }

  private bothTapsOn(target: string | null): boolean {
    return this.taps[0] === target && this.taps[1] === target;
  }

  destroy(): void {
    clearTimeout(this.dragTimer);
    clearTimeout(this.viewportTimer);
  }

  private onBoxed(node: NodeSingular): void {
    if (node.hasClass('filtered') || node.hasClass('eh-ghost')) return;
    if (this.boxed.size === 0) {
      queueMicrotask(() => {
        const ids = [...this.boxed];
        this.boxed.clear();
        if (ids.length > 0) this.events.onBoxSelect(ids);
      });
    }
    this.boxed.add(conceptIdOf(node));
  }

  private hover(node: NodeSingular, on: boolean): void {
    this.cy.batch(() => {
      node.toggleClass('hover', on);
      node.connectedEdges().toggleClass('hover', on);
    });
    this.container.classList.toggle('is-pointing', on);
  }

  private flushDragged(): void {
    if (this.dragged.size === 0) return;
    const moved: Position[] = [];
    for (const id of this.dragged) {
      const node = nodeOf(this.cy, id);
      if (node.nonempty()) moved.push({ id, ...node.position() });
    }
    this.dragged.clear();
    this.events.onNodesMoved(moved);
  }
}
