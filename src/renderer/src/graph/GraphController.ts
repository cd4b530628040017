import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Category, GraphPatch, Position } from '../../../shared/domain';
import type { Bounds } from '../../../shared/graph-view';
import type { DrawnGraph } from '../state/store';
import { conceptIdOf } from './element-ids';
import {
  addSafely,
  applyPatch,
  coloursOf,
  drawnPositions,
  nodeOf,
  syncElements,
  viewElements,
  type Colours,
} from './elements';
import { EventBinding, type GraphEvents } from './events';
import { drawnGraph, HighlightDrawing, highlightFor, type HighlightRequest } from './highlight';
import { graphImage, type ImageRequest } from './images';
import type { Drawing } from './inspection';
import { fcoseOptions, placeMissing, storedLayoutUsable } from './layouts';
import { moveToPositions, ringsAround } from './layout-motion';
import { prefersReducedMotion } from './reduced-motion';
import { LinkHandle } from './link-handle';
import { coreOptions } from './core-options';
import { markGhosts, NO_GHOSTS, type Ghosts } from './ghosts';
import { markContext } from './only-mine';
import { graphStyles, viewScaleFor, type Theme, type ViewScale } from './styles';
import { Viewport, type Point } from './viewport';
import { KeyFocus } from './key-focus';
import { showLabelsThatFit } from './labels';
import { applyStyling, DEFAULT_STYLING, type Styling } from './styling';
import { preventCytoscapeStyleInjection } from './style-injection';

cytoscape.use(fcose);

export type { GraphEvents } from './events';
export type { ImageRequest } from './images';

/** Above this many drawn concepts the renderer trades detail while panning for speed. */
const LARGE_DRAWING = 1500;

export interface FirstDraw {
  /** `stored`: drawn from saved positions; `computed`: laid out by fcose. */
  layout: 'stored' | 'computed';
  /** Positions that are new and should be saved. */
  toSave: Position[];
}

/**
 * The only code that touches Cytoscape. It owns the instance and hands the work to
 * small managers: elements (elements.ts), highlight, viewport, the link handle, labels,
 * image export, events and the test inspection. React and the session talk to it
 * through these methods; it draws whatever view the session hands it.
 */
export class GraphController {
  private drawing:
    (Drawing & { viewport: Viewport; events: EventBinding; keyFocus: KeyFocus }) | null = null;
  private theme: Theme;
  private large = false;
  private colours: Colours = new Map();
  private styling: Styling = DEFAULT_STYLING;
  private scale: ViewScale = { node: 1, label: 1 };
  private editable = true;
  private request: HighlightRequest = {
    selected: null,
    picked: [],
    category: null,
    matches: [],
    path: null,
  };
  private context = false;
  private ghosts: Ghosts = NO_GHOSTS;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    theme: Theme,
    private readonly events: GraphEvents,
  ) {
    this.theme = theme;
    preventCytoscapeStyleInjection();
    this.resizeObserver = new ResizeObserver(() => this.drawing?.cy.resize());
    this.resizeObserver.observe(container);
  }

  /** The keyboard's place on the map (key-focus.ts); null before the first draw. */
  get keyFocus(): KeyFocus | null {
    return this.drawing?.keyFocus ?? null;
  }

  /** What is drawn now, for the test inspection (inspection.ts); null before the first draw. */
  get drawn(): Drawing | null {
    return this.drawing;
  }

  /**
   * Draws a view, replacing what was there. Concepts without a stored position are
   * placed beside their neighbours, or, when most have none, the whole is laid out.
   */
  async drawView(drawn: DrawnGraph, categories: readonly Category[]): Promise<FirstDraw> {
    const cy = this.create(drawn.concepts.length > LARGE_DRAWING);
    this.colours = coloursOf(categories);
    this.request = { ...this.request, selected: null, picked: [] };
    const positioned = drawn.concepts.filter((c) => c.x !== null && c.y !== null);
    const useStored =
      drawn.scope !== 'whole' || storedLayoutUsable(positioned.length, drawn.concepts.length);
    const known = new Map(positioned.map((c) => [c.id, { id: c.id, x: c.x!, y: c.y! }]));
    const placed = useStored
      ? placeMissing(
          drawn.concepts.map((c) => c.id),
          known,
          drawn.links,
        )
      : [];
    const at = new Map([...known, ...placed.map((p) => [p.id, p] as const)]);
    const concepts = drawn.concepts.map((c) => {
      const p = useStored ? at.get(c.id) : undefined;
      return { ...c, x: p?.x ?? null, y: p?.y ?? null };
    });
    cy.batch(() => addSafely(cy, viewElements(concepts, drawn.links, this.colours)));
    this.decorate(cy);
    if (drawn.concepts.length === 0) return { layout: 'computed', toSave: [] };
    if (useStored) {
      this.drawing!.viewport.fit(undefined, false);
      this.viewSettled();
      return { layout: 'stored', toSave: placed };
    }
    await this.runFcose(false);
    this.drawing?.viewport.fit(undefined, false);
    this.viewSettled();
    return { layout: 'computed', toSave: drawnPositions(cy) };
  }

  /**
   * Brings the drawing to this view, touching only what differs: the viewport and
   * everything that stays are left alone. Returns positions chosen for concepts that
   * had none, to be saved.
   */
  syncView(drawn: DrawnGraph, categories: readonly Category[]): Position[] {
    const cy = this.drawing?.cy;
    if (!cy) return [];
    this.colours = coloursOf(categories);
    const unplaced = syncElements(cy, drawn.concepts, drawn.links, this.colours);
    const known = new Map(drawnPositions(cy).map((p) => [p.id, p]));
    for (const id of unplaced) known.delete(id);
    const placed = placeMissing(unplaced, known, drawn.links);
    cy.batch(() => {
      for (const p of placed) nodeOf(cy, p.id).position({ x: p.x, y: p.y });
    });
    this.decorate(cy);
    this.redrawHighlight();
    this.viewSettled();
    return placed;
  }

  /** Lays the drawn concepts out around the focus, nearest first, and moves them there. */
  async layoutAround(
    focus: readonly string[],
    distance: ReadonlyMap<string, number>,
  ): Promise<void> {
    const cy = this.drawing?.cy;
    if (!cy || cy.nodes().empty()) return;
    await ringsAround(cy, focus, distance, !prefersReducedMotion());
    this.drawing?.viewport.fit();
  }

  /**
   * A graph opened read-only: concepts cannot be dragged and the link handle is gone, so
   * the map offers no change the store would refuse.
   */
  setEditable(editable: boolean): void {
    this.editable = editable;
    const d = this.drawing;
    if (!d) return;
    d.cy.autoungrabify(!editable);
    d.linkHandle.attach(editable ? this.request.selected : null);
  }

  /** What concepts' size and colour say (styling.ts). */
  setStyling(styling: Styling): void {
    this.styling = styling;
    if (this.drawing) applyStyling(this.drawing.cy, styling, this.colours);
  }

  /** The user's own concepts are drawn full; the rest, there as context, faded ("Only mine"). */
  setContext(on: boolean): void {
    this.context = on;
    if (this.drawing) markContext(this.drawing.cy, on);
  }

  /** What time travel shows that is deleted now, faded on every drawing until cleared. */
  setGhosts(ghosts: Ghosts): void {
    this.ghosts = ghosts;
    if (this.drawing) markGhosts(this.drawing.cy, ghosts);
  }

  /**
   * Brings the drawing in step with a change, without redrawing the rest. Returns the
   * positions it had to choose for new concepts, to be saved.
   */
  applyPatch(patch: GraphPatch): Position[] {
    const cy = this.drawing?.cy;
    if (!cy) return [];
    // A patch that touches categories carries all of them, as they are after the change.
    if (patch.categories) this.colours = coloursOf(patch.categories);
    const placed = applyPatch(cy, patch, this.colours);
    this.decorate(cy);
    this.redrawHighlight();
    return placed;
  }

  /** Focuses one concept; `all` is the whole selection when several are selected. */
  select(id: string | null, all: readonly string[] = []): void {
    this.request = { ...this.request, selected: id, picked: [...all], category: null };
    this.redrawHighlight();
  }

  /** Lights the search's matches while the user types; an empty list ends it. */
  showMatches(ids: readonly string[]): void {
    this.request = { ...this.request, matches: [...ids] };
    this.redrawHighlight();
  }

  /** Lights a path found between two concepts; null ends it. */
  showPath(path: HighlightRequest['path']): void {
    this.request = { ...this.request, path };
    this.redrawHighlight();
  }

  /** Gives the map the keyboard focus (after a search), so single-key shortcuts work. */
  focus(): void {
    this.container.focus({ preventScroll: true });
  }

  highlightCategory(categoryId: string | null): void {
    this.request = { ...this.request, category: categoryId };
    this.redrawHighlight();
  }

  /** Moves concepts to a layout's positions, animated, then (unless `fit` is false) fits them in view. */
  async moveTo(positions: readonly Position[], fit = true): Promise<void> {
    const d = this.drawing;
    if (!d || positions.length === 0) return;
    await moveToPositions(d.cy, positions, !prefersReducedMotion());
    if (fit) d.viewport.fit();
  }

  /** A free spot near the middle of what is on screen, in model coordinates. */
  viewportCentre(): Point {
    return this.drawing?.viewport.freeSpotNearCentre() ?? { x: 0, y: 0 };
  }

  /** The part of the map on screen, in model coordinates, and the zoom. */
  extent(): { bounds: Bounds; zoom: number; width: number; height: number } | null {
    const cy = this.drawing?.cy;
    if (!cy) return null;
    const { x1, y1, x2, y2 } = cy.extent();
    return { bounds: { x1, y1, x2, y2 }, zoom: cy.zoom(), width: cy.width(), height: cy.height() };
  }

  /** The canvas's size on screen, in CSS pixels (known before anything is drawn). */
  canvasSize(): { width: number; height: number } {
    return { width: this.container.clientWidth, height: this.container.clientHeight };
  }

  /** Shows this part of the map (a model rectangle, with a margin unless `margin` is 1). */
  showBounds(bounds: Bounds, margin?: number): void {
    if (!this.drawing) return;
    this.drawing.viewport.showBounds(bounds, margin);
    this.viewSettled();
  }

  /** "The current view": the concepts drawn on screen now (see Viewport.conceptsOnScreen). */
  viewConceptIds(): string[] {
    return this.drawing?.viewport.conceptsOnScreen() ?? [];
  }

  /** The graph as a PNG or SVG image, on the theme's background, without the hover state. */
  image(request: ImageRequest): Promise<Blob> {
    const cy = this.drawing?.cy;
    if (!cy) return Promise.reject(new Error('The graph is not drawn yet.'));
    return graphImage(cy, this.theme, request);
  }

  positions(): Position[] {
    return this.drawing ? drawnPositions(this.drawing.cy) : [];
  }

  centreOn(id: string): void {
    this.drawing?.viewport.centreOn(id);
  }

  zoomBy(factor: number): void {
    this.drawing?.viewport.zoomBy(factor);
  }

  /** Fits the whole graph, or just the concepts `ids` (the ones an import added). */
  fit(ids?: readonly string[]): void {
    const drawing = this.drawing;
    if (!drawing) return;
    const { cy } = drawing;
    drawing.viewport.fit(
      ids ? ids.reduce((all, id) => all.union(nodeOf(cy, id)), cy.collection()) : undefined,
    );
  }

  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.drawing?.cy.style(graphStyles(theme, this.large, this.scale));
  }

  destroy(): void {
    this.destroyDrawing();
    this.resizeObserver.disconnect();
  }

  private create(large: boolean): Core {
    this.destroyDrawing();
    this.large = large;
    this.scale = { node: 1, label: 1 };
    const cy = cytoscape(
      coreOptions(this.container, graphStyles(this.theme, large, this.scale), large, this.editable),
    );
    const linkHandle = new LinkHandle(cy, this.container, (source, target) =>
      this.events.onLinkDrawn(conceptIdOf(source), conceptIdOf(target)),
    );
    const viewport = new Viewport(cy, (zoom) => this.scaleFor(zoom), prefersReducedMotion);
    this.drawing = {
      cy,
      container: this.container,
      highlight: new HighlightDrawing(cy),
      linkHandle,
      viewport,
      events: new EventBinding(cy, this.container, this.events, () => this.viewSettled()),
      keyFocus: new KeyFocus(cy, viewport),
    };
    return cy;
  }

  /**
   * After a pan or zoom comes to rest: sizes and labels for the new zoom, and the
   * session hears where the view is (so it can fetch what a region needs).
   */
  private viewSettled(): void {
    const d = this.drawing;
    if (!d) return;
    this.scaleFor(d.cy.zoom());
    showLabelsThatFit(d.cy, this.scale, this.request);
    const extent = this.extent();
    if (extent) this.events.onViewportSettled(extent);
  }

  /** Node and label sizes for this zoom (styles.ts, ViewScale). */
  private scaleFor(zoom: number): void {
    const next = viewScaleFor(zoom);
    if (next.node === this.scale.node && next.label === this.scale.label) return;
    // The style's functions read `scale`: change it in place, then let them run again.
    this.scale.node = next.node;
    this.scale.label = next.label;
    this.drawing?.cy.style().update();
  }

  /** "Only mine", time travel's ghosts and the styling, on whatever was just drawn. */
  private decorate(cy: Core): void {
    markContext(cy, this.context);
    markGhosts(cy, this.ghosts);
    applyStyling(cy, this.styling, this.colours);
  }

  private destroyDrawing(): void {
    const d = this.drawing;
    if (!d) return;
    d.events.destroy();
    d.linkHandle.destroy();
    d.cy.destroy();
    this.drawing = null;
  }

  private redrawHighlight(): void {
    const d = this.drawing;
    if (!d) return;
    d.highlight.draw(highlightFor(this.request, drawnGraph(d.cy), this.large));
    d.linkHandle.attach(this.editable ? this.request.selected : null);
    showLabelsThatFit(d.cy, this.scale, this.request);
  }

  private runFcose(animate: boolean): Promise<void> {
    const cy = this.drawing?.cy;
    if (!cy) return Promise.resolve();
    const layout = cy.layout(fcoseOptions(cy.nodes().length, animate));
    const done = layout.promiseOn('layoutstop').then(() => undefined);
    layout.run();
    return done;
  }
}
