import type { Collection, Core, NodeSingular } from 'cytoscape';
import { conceptIdOf } from './element-ids';
import { nodeOf } from './elements';
import type { Bounds } from '../../../shared/graph-view';

const FIT_PADDING = 40;

export interface Point {
  x: number;
  y: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Zoom, fit, centring and what is on screen: the camera over the graph. */
export class Viewport {
  /**
   * `willZoomTo` hears the zoom an animated move will end at, before it starts: sizes
   * and labels follow the zoom only when it settles, and a move from a far overview to a
   * close local graph would otherwise draw it for a moment at the overview's sizes.
   * `reduceMotion` says whether the system asks for reduced motion: every move is then
   * a jump, as the setting promises (and on a slow renderer, one frame instead of many).
   */
  constructor(
    private readonly cy: Core,
    private readonly willZoomTo: (zoom: number) => void = () => {},
    private readonly reduceMotion: () => boolean = () => false,
  ) {}

  /** Moves the camera to `target`: animated, or at once when motion is reduced. */
  private move(
    target: { zoom: number; pan: Point },
    animation: { duration: number; easing?: 'ease-in-out-cubic' },
  ): void {
    this.willZoomTo(target.zoom);
    if (this.reduceMotion()) this.cy.viewport(target);
    else this.cy.animate(target, animation);
  }

  /** The pan that puts model point `at` in the middle of the screen at `zoom`. */
  private panCentring(at: Point, zoom: number): Point {
    return { x: this.cy.width() / 2 - at.x * zoom, y: this.cy.height() / 2 - at.y * zoom };
  }

  /**
   * Fits the given elements (by default every concept drawn), with a short animation.
   * By their positions, not their labels: labels are drawn larger when zoomed out, so
   * fitting them would change the zoom that fitted them.
   */
  fit(elements?: Collection, animate = true): void {
    const cy = this.cy;
    const target = (elements ?? cy.nodes()).filter((e) => e.isNode() && !e.hasClass('eh-ghost'));
    if (target.empty()) return;
    const box = target.boundingBox({ includeLabels: false, includeOverlays: false });
    const viewport = viewportFor(box, { width: cy.width(), height: cy.height() }, FIT_PADDING, {
      min: cy.minZoom(),
      max: Math.min(cy.maxZoom(), 1.6),
    });
    cy.stop(true, true);
    if (!animate) {
      cy.viewport(viewport);
      return;
    }
    this.move(viewport, { duration: 240 });
  }

  /** Shows this rectangle of the model, fitted to the canvas, at once. */
  showBounds(bounds: Bounds, margin = 0.95): void {
    const cy = this.cy;
    // A fit still animating (a first draw) would otherwise carry the camera on past this.
    cy.stop(true, false);
    const zoom = Math.min(
      cy.width() / Math.max(1, bounds.x2 - bounds.x1),
      cy.height() / Math.max(1, bounds.y2 - bounds.y1),
    );
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), zoom * margin));
    cy.viewport({
      zoom: level,
      pan: {
        x: cy.width() / 2 - ((bounds.x1 + bounds.x2) / 2) * level,
        y: cy.height() / 2 - ((bounds.y1 + bounds.y2) / 2) * level,
      },
    });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.stop(true, true);
    const level = clamp(cy.zoom() * factor, cy.minZoom(), cy.maxZoom());
    // About the middle of the screen: the model point there stays there.
    this.move({ zoom: level, pan: this.panCentring(this.centre(), level) }, { duration: 140 });
  }

  /** Centres the view on a concept with a short animation, zooming in a little if far out. */
  centreOn(conceptId: string): void {
    const cy = this.cy;
    const node = nodeOf(cy, conceptId);
    if (node.empty()) return;
    cy.stop(true, true);
    const zoom = Math.max(cy.zoom(), 1.1);
    this.move(
      { zoom, pan: this.panCentring((node as NodeSingular).position(), zoom) },
      { duration: 280, easing: 'ease-in-out-cubic' },
    );
  }

  /** The model position at the middle of the screen. */
  centre(): Point {
    const cy = this.cy;
    const pan = cy.pan();
    const zoom = cy.zoom();
    return { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom };
  }

  /** A free spot near the middle of the screen, in model coordinates, for a new concept. */
  freeSpotNearCentre(): Point {
    const taken = this.cy.nodes().map((n) => n.position());
    return freeSpot(this.centre(), taken);
  }

  /**
   * The concepts drawn on screen now: not hidden, their centre inside the visible canvas.
   * What people who export "the view" in Kumu or Bloom expect: what they see.
   */
  conceptsOnScreen(): string[] {
    const { x1, y1, x2, y2 } = this.cy.extent();
    return this.cy
      .nodes()
      .not('.filtered, .eh-ghost')
      .filter((n) => {
        const { x, y } = (n as NodeSingular).position();
        return x >= x1 && x <= x2 && y >= y1 && y <= y2;
      })
      .map((n) => conceptIdOf(n));
  }
}

/** The zoom and pan that show a model box on a screen of this size, with padding. */
export function viewportFor(
  box: { x1: number; y1: number; w: number; h: number },
  screen: { width: number; height: number },
  padding: number,
  zoom: { min: number; max: number },
): { zoom: number; pan: Point } {
  const fit = Math.min(
    (screen.width - 2 * padding) / Math.max(box.w, 1),
    (screen.height - 2 * padding) / Math.max(box.h, 1),
  );
  const level = Math.min(zoom.max, Math.max(zoom.min, fit));
  return {
    zoom: level,
    pan: {
      x: screen.width / 2 - (box.x1 + box.w / 2) * level,
      y: screen.height / 2 - (box.y1 + box.h / 2) * level,
    },
  };
}

/**
 * Outwards on a spiral from `centre` until a spot is clear of every taken one and its
 * label (70 model units). Pure, so it is tested on its own.
 */
export function freeSpot(centre: Point, taken: readonly Point[]): Point {
  const clear = (p: Point) => taken.every((t) => Math.hypot(t.x - p.x, t.y - p.y) >= 70);
  for (let ring = 0; ring < 20; ring++) {
    const radius = ring * 35;
    const steps = ring === 0 ? 1 : 8 + ring * 2;
    for (let i = 0; i < steps; i++) {
      const angle = (i / steps) * 2 * Math.PI;
      const p = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
      if (clear(p)) return p;
    }
  }
  return centre;
}
