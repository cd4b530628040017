import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Category, GraphPatch, GraphSnapshot, Position } from '../../../shared/domain';
import { conceptIdOf } from './element-ids';
import { addSafely, applyPatch, drawnPositions, nodeOf, snapshotElements } from './elements';
import { EventBinding, type GraphEvents } from './events';
import { drawnGraph, HighlightDrawing, highlightFor, type HighlightRequest } from './highlight';
import { graphImage, type ImageRequest } from './images';
import type { Drawing } from './inspection';
import { fcoseOptions, placeMissing, storedLayoutUsable } from './layouts';
import { LinkHandle } from './link-handle';
import { showOnlyMine } from './only-mine';
import { graphStyles, type Theme } from './styles';
import { Viewport, type Point } from './viewport';

cytoscape.use(fcose);

export type { GraphEvents } from './events';
export type { ImageRequest } from './images';

/** Above this many concepts the renderer trades detail while panning for speed. */
const LARGE_GRAPH = 2000;

export interface FirstDraw {
  /** `stored`: drawn from saved positions; `computed`: laid out by fcose. */
  layout: 'stored' | 'computed';
  /** Positions that are new and should be saved. */
  toSave: Position[];
}

/**
 * The only code that touches Cytoscape. It owns the instance and hands the work to
 * small managers: elements (elements.ts), highlight, viewport, the link handle, image
 * export, events and the test inspection. React and the session talk to it through
 * these methods.
 */
export class GraphController {
  private drawing: (Drawing & { viewport: Viewport; events: EventBinding }) | null = null;
  private theme: Theme;
  private large = false;
  private request: HighlightRequest = { selected: null, picked: [], category: null };
  private onlyMine = false;
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

  /** What is drawn now, for the test inspection (inspection.ts); null before the first draw. */
  get drawn(): Drawing | null {
    return this.drawing;
  }

  /** Draws a whole snapshot, replacing what was there. */
  async draw(snapshot: GraphSnapshot): Promise<FirstDraw> {
    const cy = this.create(snapshot.concepts.length > LARGE_GRAPH);
    this.request = { selected: null, picked: [], category: null };
    const known = new Map(snapshot.positions.map((p) => [p.id, p]));
    const ids = snapshot.concepts.map((c) => c.id);
    const useStored = storedLayoutUsable(
      ids.reduce((n, id) => n + (known.has(id) ? 1 : 0), 0),
      ids.length,
    );
    const placed = useStored ? placeMissing(ids, known, snapshot.links) : [];
    for (const p of placed) known.set(p.id, p);
    cy.batch(() => addSafely(cy, snapshotElements(snapshot, useStored ? known : new Map())));
    showOnlyMine(cy, this.onlyMine);

    if (ids.length === 0) return { layout: 'computed', toSave: [] };
    if (useStored) {
      cy.fit(undefined, 40);
      return { layout: 'stored', toSave: placed };
    }
    await this.runLayout(false);
    return { layout: 'computed', toSave: drawnPositions(cy) };
  }

  /**
   * Brings the drawing in step with a change, without redrawing the rest. Returns the
   * positions it had to choose for new concepts, to be saved.
   */
  applyPatch(patch: GraphPatch, categories: readonly Category[]): Position[] {
    const cy = this.drawing?.cy;
    if (!cy) return [];
    const placed = applyPatch(cy, patch, categories);
    showOnlyMine(cy, this.onlyMine);
    this.redrawHighlight();
    return placed;
  }

  /** Focuses one concept; `all` is the whole selection when several are selected. */
  select(id: string | null, all: readonly string[] = []): void {
    this.request = { ...this.request, selected: id, picked: [...all], category: null };
    this.redrawHighlight();
  }

  highlightCategory(categoryId: string | null): void {
    this.request = { ...this.request, category: categoryId };
    this.redrawHighlight();
  }

  /** Shows only the user's own concepts and links, with the concepts they link to faded. */
  setOnlyMine(on: boolean, fit = true): void {
    if (on === this.onlyMine) return;
    this.onlyMine = on;
    const d = this.drawing;
    if (!d) return;
    showOnlyMine(d.cy, on);
    this.redrawHighlight();
    if (fit) d.viewport.fit();
  }

  /** Re-runs fcose from scratch and returns every new position. */
  async relayout(): Promise<Position[]> {
    const cy = this.drawing?.cy;
    if (!cy || cy.nodes().length === 0) return [];
    await this.runLayout(cy.nodes().length <= 1000);
    return drawnPositions(cy);
  }

  positions(): Position[] {
    return this.drawing ? drawnPositions(this.drawing.cy) : [];
  }

  /** A free spot near the middle of what is on screen, in model coordinates. */
  viewportCentre(): Point {
    return this.drawing?.viewport.freeSpotNearCentre() ?? { x: 0, y: 0 };
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
    this.drawing?.cy.style(graphStyles(theme, this.large));
  }

  destroy(): void {
    this.destroyDrawing();
    this.resizeObserver.disconnect();
  }

  private create(large: boolean): Core {
    this.destroyDrawing();
    this.large = large;
    const cy = cytoscape({
      container: this.container,
      style: graphStyles(this.theme, large),
      minZoom: 0.05,
      maxZoom: 4,
      // Shift-drag on the canvas draws a box that selects the concepts in it.
      boxSelectionEnabled: true,
      autounselectify: true,
      motionBlur: false,
      textureOnViewport: large,
      hideEdgesOnViewport: large,
    });
    const linkHandle = new LinkHandle(cy, this.container, (source, target) =>
      this.events.onLinkDrawn(conceptIdOf(source), conceptIdOf(target)),
    );
    this.drawing = {
      cy,
      container: this.container,
      highlight: new HighlightDrawing(cy),
      linkHandle,
      viewport: new Viewport(cy),
      events: new EventBinding(cy, this.container, this.events),
    };
    return cy;
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
    d.linkHandle.attach(this.request.selected);
  }

  private runLayout(animate: boolean): Promise<void> {
    const cy = this.drawing?.cy;
    if (!cy) return Promise.resolve();
    const layout = cy.layout(fcoseOptions(cy.nodes().length, animate));
    const done = layout.promiseOn('layoutstop').then(() => undefined);
    layout.run();
    return done;
  }
}

/**
 * Cytoscape adds a one-rule <style> element to <head> unless an element with its id
 * already exists; a strict CSP (style-src 'self') would block it. The rule it would
 * add lives in graph.css instead, and a placeholder claims the id.
 */
function preventCytoscapeStyleInjection(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  placeholder.name = 'cytoscape-style';
  placeholder.content = 'provided by graph.css';
  document.head.appendChild(placeholder);
}
