import cytoscape, {
  type Collection,
  type Core,
  type ElementDefinition,
  type EventObject,
  type NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphSnapshot, Position } from '../../../shared/domain';
import { fcoseOptions, placeMissing, storedLayoutUsable } from './layouts';
import { graphStyles, type Theme } from './styles';

cytoscape.use(fcose);

/** Above this many concepts the renderer trades detail while panning for speed. */
const LARGE_GRAPH = 2000;
const FIT_PADDING = 40;
const DRAG_SAVE_DELAY = 400;
const HIGHLIGHT_CLASSES = 'focused neighbour incident faded';

export interface GraphEvents {
  onNodeTap(id: string): void;
  onBackgroundTap(): void;
  /** Positions the user changed by dragging, batched. */
  onNodesMoved(positions: Position[]): void;
}

export interface FirstDraw {
  /** `stored`: drawn from saved positions; `computed`: laid out by fcose. */
  layout: 'stored' | 'computed';
  /** Positions that are new and should be saved. */
  toSave: Position[];
}

export interface GraphInspection {
  nodeCount(): number;
  edgeCount(): number;
  nodePosition(id: string): { x: number; y: number } | null;
  renderedPosition(id: string): { x: number; y: number } | null;
  highlightedIds(): string[];
  zoom(): number;
}

/**
 * The only code that touches Cytoscape: it owns the instance, its styles, layouts,
 * highlighting and viewport. React and the store talk to it through these methods.
 */
export class GraphController {
  private cy: Core | null = null;
  private theme: Theme;
  private large = false;
  /** Elements that carry highlight classes now, so clearing them is cheap. */
  private classed: Collection | null = null;
  private selected: string | null = null;
  private category: string | null = null;
  private dragged = new Set<string>();
  private dragTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    theme: Theme,
    private readonly events: GraphEvents,
  ) {
    this.theme = theme;
    preventCytoscapeStyleInjection();
    this.resizeObserver = new ResizeObserver(() => this.cy?.resize());
    this.resizeObserver.observe(container);
  }

  /** Draws a whole snapshot, replacing what was there. */
  async draw(snapshot: GraphSnapshot): Promise<FirstDraw> {
    const cy = this.create(snapshot.concepts.length > LARGE_GRAPH);
    this.selected = null;
    this.category = null;
    this.classed = null;
    const known = new Map(snapshot.positions.map((p) => [p.id, p]));
    const ids = snapshot.concepts.map((c) => c.id);
    const useStored = storedLayoutUsable(
      ids.reduce((n, id) => n + (known.has(id) ? 1 : 0), 0),
      ids.length,
    );
    const placed = useStored ? placeMissing(ids, known, snapshot.links) : [];
    for (const p of placed) known.set(p.id, p);

    cy.batch(() => {
      cy.add(toElements(snapshot, useStored ? known : new Map()));
    });

    if (ids.length === 0) return { layout: 'computed', toSave: [] };
    if (useStored) {
      cy.fit(undefined, FIT_PADDING);
      return { layout: 'stored', toSave: placed };
    }
    await this.runLayout(false);
    return { layout: 'computed', toSave: this.positions() };
  }

  /** Re-runs fcose from scratch and returns every new position. */
  async relayout(): Promise<Position[]> {
    const cy = this.cy;
    if (!cy || cy.nodes().length === 0) return [];
    await this.runLayout(cy.nodes().length <= 1000);
    return this.positions();
  }

  positions(): Position[] {
    if (!this.cy) return [];
    return this.cy.nodes().map((n) => {
      const { x, y } = n.position();
      return { id: n.id(), x, y };
    });
  }

  select(id: string | null): void {
    this.selected = id && this.cy?.getElementById(id).nonempty() ? id : null;
    this.applyHighlight();
  }

  highlightCategory(categoryId: string | null): void {
    this.category = categoryId;
    this.applyHighlight();
  }

  /** Centres the viewport on a concept with a short animation. */
  centreOn(id: string): void {
    const cy = this.cy;
    const node = cy?.getElementById(id);
    if (!cy || !node || node.empty()) return;
    cy.stop(true, true);
    cy.animate(
      { center: { eles: node }, zoom: Math.max(cy.zoom(), 1.1) },
      { duration: 280, easing: 'ease-in-out-cubic' },
    );
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    if (!cy) return;
    cy.stop(true, true);
    const level = clamp(cy.zoom() * factor, cy.minZoom(), cy.maxZoom());
    cy.animate(
      { zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } },
      { duration: 140 },
    );
  }

  fit(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.stop(true, true);
    cy.animate({ fit: { eles: cy.elements(), padding: FIT_PADDING } }, { duration: 240 });
  }

  setTheme(theme: Theme): void {
    if (theme === this.theme) return;
    this.theme = theme;
    this.cy?.style(graphStyles(theme, this.large));
  }

  readonly inspect: GraphInspection = {
    nodeCount: () => this.cy?.nodes().length ?? 0,
    edgeCount: () => this.cy?.edges().length ?? 0,
    nodePosition: (id) => {
      const node = this.cy?.getElementById(id);
      if (!node || node.empty()) return null;
      const { x, y } = node.position();
      return { x, y };
    },
    renderedPosition: (id) => {
      const node = this.cy?.getElementById(id);
      if (!node || node.empty()) return null;
      const { x, y } = node.renderedPosition();
      const rect = this.container.getBoundingClientRect();
      return { x: rect.left + x, y: rect.top + y };
    },
    highlightedIds: () => {
      const cy = this.cy;
      if (!cy) return [];
      const lit = this.selected
        ? cy.getElementById(this.selected).closedNeighborhood().nodes()
        : this.category
          ? cy.nodes().filter((n) => n.data('category') === this.category)
          : cy.collection();
      return lit.map((n) => n.id()).sort();
    },
    zoom: () => this.cy?.zoom() ?? 1,
  };

  destroy(): void {
    clearTimeout(this.dragTimer);
    this.resizeObserver.disconnect();
    this.cy?.destroy();
    this.cy = null;
  }

  private create(large: boolean): Core {
    this.cy?.destroy();
    this.large = large;
    const cy = cytoscape({
      container: this.container,
      style: graphStyles(this.theme, large),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autounselectify: true,
      motionBlur: false,
      textureOnViewport: large,
      hideEdgesOnViewport: large,
    });
    this.bindEvents(cy);
    this.cy = cy;
    return cy;
  }

  private bindEvents(cy: Core): void {
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) this.events.onBackgroundTap();
    });
    cy.on('tap', 'node', (event: EventObject) => {
      this.events.onNodeTap((event.target as NodeSingular).id());
    });
    cy.on('mouseover', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      cy.batch(() => {
        node.addClass('hover');
        node.connectedEdges().addClass('hover');
      });
      this.container.classList.add('is-pointing');
    });
    cy.on('mouseout', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      cy.batch(() => {
        node.removeClass('hover');
        node.connectedEdges().removeClass('hover');
      });
      this.container.classList.remove('is-pointing');
    });
    cy.on('mouseover', 'edge', (event: EventObject) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', (event: EventObject) => event.target.removeClass('hover'));
    cy.on('dragfree', 'node', (event: EventObject) => {
      this.dragged.add((event.target as NodeSingular).id());
      clearTimeout(this.dragTimer);
      this.dragTimer = setTimeout(() => this.flushDragged(), DRAG_SAVE_DELAY);
    });
  }

  private flushDragged(): void {
    const cy = this.cy;
    if (!cy || this.dragged.size === 0) return;
    const moved: Position[] = [];
    for (const id of this.dragged) {
      const node = cy.getElementById(id);
      if (node.nonempty()) moved.push({ id, ...node.position() });
    }
    this.dragged.clear();
    this.events.onNodesMoved(moved);
  }

  private runLayout(animate: boolean): Promise<void> {
    const cy = this.cy;
    if (!cy) return Promise.resolve();
    const layout = cy.layout(fcoseOptions(cy.nodes().length, animate));
    const done = layout.promiseOn('layoutstop').then(() => undefined);
    layout.run();
    return done;
  }

  /**
   * Lights the selection (or a category) and fades the rest. On large graphs a selection
   * leaves the rest alone: re-styling 10,000 elements costs seconds of redraw, lighting a
   * neighbourhood costs nothing.
   */
  private applyHighlight(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      this.classed?.removeClass(HIGHLIGHT_CLASSES);
      let lit = cy.collection();
      if (this.selected) {
        const node = cy.getElementById(this.selected);
        const edges = node.connectedEdges();
        const neighbours = edges.connectedNodes().difference(node);
        node.addClass('focused');
        neighbours.addClass('neighbour');
        edges.addClass('incident');
        lit = node.union(neighbours).union(edges);
      } else if (this.category) {
        const nodes = cy.nodes().filter((n) => n.data('category') === this.category);
        nodes.addClass('neighbour');
        lit = nodes.union(nodes.edgesWith(nodes));
      }
      // A category has no other cue than the fading, so it fades even on large graphs.
      if (lit.nonempty() && (!this.large || !this.selected)) {
        const rest = cy.elements().difference(lit);
        rest.addClass('faded');
        lit = lit.union(rest);
      }
      this.classed = lit;
    });
  }
}

function toElements(
  snapshot: GraphSnapshot,
  positions: ReadonlyMap<string, Position>,
): ElementDefinition[] {
  const colour = new Map(snapshot.categories.map((c) => [c.id, c.color]));
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
      data: {
        id: c.id,
        label: c.label,
        category: c.category,
        color: colour.get(c.category) ?? '#8b8f98',
        // Gently larger for hubs: 16px for a leaf, about 40px for 30 links.
        size: Math.min(44, 14 + 4.5 * Math.sqrt(degree.get(c.id) ?? 0)),
      },
      ...(p ? { position: { x: p.x, y: p.y } } : {}),
    };
  });
  const edges: ElementDefinition[] = links.map((l) => ({
    group: 'edges',
    data: { id: `link-${l.id}`, source: l.source, target: l.target, relation: l.relation },
  }));
  return [...nodes, ...edges];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
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
