import cytoscape, {
  type Collection,
  type Core,
  type ElementDefinition,
  type EventObject,
  type NodeSingular,
} from 'cytoscape';
import edgehandles from 'cytoscape-edgehandles';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type {
  Category,
  ConceptSummary,
  GraphPatch,
  GraphSnapshot,
  Link,
  Position,
} from '../../../shared/domain';
import { fcoseOptions, placeMissing, storedLayoutUsable } from './layouts';
import { canvasColour, graphStyles, type Theme } from './styles';

cytoscape.use(fcose);
cytoscape.use(edgehandles);
cytoscape.use(svg);

/** An image of the graph, for the Export dialog. */
export interface ImageRequest {
  format: 'png' | 'svg';
  /** 1, 2 or 4: pixels per screen pixel. */
  scale: number;
  /** The whole graph, or only what is on screen now. */
  full: boolean;
}

/** Above this many concepts the renderer trades detail while panning for speed. */
const LARGE_GRAPH = 2000;
const FIT_PADDING = 40;
const MAX_IMAGE_SIDE = 16_000;
const DRAG_SAVE_DELAY = 400;
const HIGHLIGHT_CLASSES = 'focused picked neighbour incident faded';
const FALLBACK_COLOUR = '#8b8f98';

export interface GraphEvents {
  /** `additive`: Shift (or Ctrl/Cmd) was held, to add or remove it from the selection. */
  onNodeTap(id: string, additive: boolean): void;
  /** Concepts inside a box the user dragged with Shift held. */
  onBoxSelect(ids: string[]): void;
  onBackgroundTap(): void;
  /** Positions the user changed by dragging, batched. */
  onNodesMoved(positions: Position[]): void;
  /** A double click on empty canvas, at this model position. */
  onBackgroundDoubleTap(position: { x: number; y: number }): void;
  /** The user dragged the link handle from one concept onto another. */
  onLinkDrawn(source: string, target: string): void;
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
  /** Whether the view is still moving (centring and fitting animate). */
  isAnimating(): boolean;
  /** The concept a link being drawn would end on, once the drag rests over it. */
  linkTarget(): string | null;
  /** Concepts and links drawn now, without those the "Only mine" filter hides. */
  visibleNodeIds(): string[];
  visibleEdgeCount(): number;
  /** The links drawn between two concepts, as `kind:relation:origin`. */
  edgesBetween(source: string, target: string): string[];
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
  /** Every selected concept when more than one is (shift+click, box). */
  private picked: string[] = [];
  private boxed = new Set<string>();
  private category: string | null = null;
  private dragged = new Set<string>();
  private dragTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly resizeObserver: ResizeObserver;
  private colours = new Map<string, string>();
  private onlyMine = false;
  private handles: edgehandles.EdgeHandlesInstance | null = null;
  /** The small knob beside the selected concept: drag it onto another to link them. */
  private readonly linkHandle: HTMLDivElement;

  constructor(
    private readonly container: HTMLElement,
    theme: Theme,
    private readonly events: GraphEvents,
  ) {
    this.theme = theme;
    preventCytoscapeStyleInjection();
    this.resizeObserver = new ResizeObserver(() => this.cy?.resize());
    this.resizeObserver.observe(container);
    this.linkHandle = this.createLinkHandle();
  }

  /** Draws a whole snapshot, replacing what was there. */
  async draw(snapshot: GraphSnapshot): Promise<FirstDraw> {
    const cy = this.create(snapshot.concepts.length > LARGE_GRAPH);
    this.selected = null;
    this.category = null;
    this.classed = null;
    this.colours = new Map(snapshot.categories.map((c) => [c.id, c.color]));
    const known = new Map(snapshot.positions.map((p) => [p.id, p]));
    const ids = snapshot.concepts.map((c) => c.id);
    const useStored = storedLayoutUsable(
      ids.reduce((n, id) => n + (known.has(id) ? 1 : 0), 0),
      ids.length,
    );
    const placed = useStored ? placeMissing(ids, known, snapshot.links) : [];
    for (const p of placed) known.set(p.id, p);

    cy.batch(() => {
      addSafely(cy, toElements(snapshot, useStored ? known : new Map()));
    });
    this.applyFilter();

    if (ids.length === 0) return { layout: 'computed', toSave: [] };
    if (useStored) {
      cy.fit(undefined, FIT_PADDING);
      return { layout: 'stored', toSave: placed };
    }
    await this.runLayout(false);
    return { layout: 'computed', toSave: this.positions() };
  }

  /**
   * Brings the drawing in step with a change, without redrawing the rest. Returns the
   * positions it had to choose for new concepts, to be saved.
   */
  applyPatch(patch: GraphPatch, categories: readonly Category[]): Position[] {
    const cy = this.cy;
    if (!cy) return [];
    if (patch.categories) this.colours = new Map(categories.map((c) => [c.id, c.color]));
    const given = new Map(patch.positions.map((p) => [p.id, p]));
    const fresh = patch.concepts.filter((c) => nodeOf(cy, c.id).empty() && !given.has(c.id));
    const known = new Map<string, Position>();
    cy.nodes().forEach((n) => {
      const id = conceptIdOf(n);
      known.set(id, { id, ...n.position() });
    });
    const placed = placeMissing(
      fresh.map((c) => c.id),
      known,
      patch.links,
    );
    for (const p of placed) given.set(p.id, p);

    const touched = new Set<string>();
    cy.batch(() => {
      for (const id of patch.removedLinks) cy.getElementById(`link-${id}`).remove();
      for (const id of patch.removedConcepts) {
        const node = nodeOf(cy, id);
        node
          .connectedEdges()
          .connectedNodes()
          .forEach((n) => void touched.add(conceptIdOf(n)));
        node.remove();
      }
      for (const concept of patch.concepts) {
        const node = nodeOf(cy, concept.id);
        const data = this.nodeData(concept);
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
        const edge = cy.getElementById(`link-${link.id}`);
        if (nodeOf(cy, link.source).empty() || nodeOf(cy, link.target).empty()) {
          continue;
        }
        if (
          edge.nonempty() &&
          (conceptIdOf(edge.source()) !== link.source || conceptIdOf(edge.target()) !== link.target)
        ) {
          edge.remove();
        }
        if (cy.getElementById(`link-${link.id}`).empty()) addSafely(cy, [edgeElement(link)]);
        else {
          const { relation, origin, kind } = edgeData(link);
          cy.getElementById(`link-${link.id}`).data({ relation, origin, kind });
        }
        touched.add(link.source).add(link.target);
      }
      for (const p of patch.positions) {
        const node = nodeOf(cy, p.id);
        if (node.nonempty()) node.position({ x: p.x, y: p.y });
      }
      if (patch.categories) {
        cy.nodes().forEach((n) => {
          n.data('color', this.colours.get(n.data('category') as string) ?? FALLBACK_COLOUR);
        });
      }
      for (const id of touched) {
        const node = nodeOf(cy, id);
        if (node.nonempty()) node.data('size', nodeSize(node.connectedEdges().length));
      }
    });
    this.applyFilter();
    if (this.selected && nodeOf(cy, this.selected).empty()) this.selected = null;
    this.applyHighlight();
    return placed;
  }

  /** A free spot near the middle of what is on screen, in model coordinates. */
  viewportCentre(): { x: number; y: number } {
    const cy = this.cy;
    if (!cy) return { x: 0, y: 0 };
    const pan = cy.pan();
    const zoom = cy.zoom();
    const centre = { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom };
    const taken = cy.nodes().map((n) => n.position());
    const clear = (p: { x: number; y: number }) =>
      taken.every((t) => Math.hypot(t.x - p.x, t.y - p.y) >= 70);
    // Outwards on a spiral until a spot is clear of every concept and its label.
    for (let ring = 0; ring < 20; ring++) {
      const radius = ring * 35;
      const steps = ring === 0 ? 1 : 8 + ring * 2;
      for (let i = 0; i < steps; i++) {
        const angle = (i / steps) * 2 * Math.PI;
        const p = {
          x: centre.x + radius * Math.cos(angle),
          y: centre.y + radius * Math.sin(angle),
        };
        if (clear(p)) return p;
      }
    }
    return centre;
  }

  /** Shows only the user's own concepts and links, with the concepts they link to faded. */
  setOnlyMine(on: boolean, fit = true): void {
    if (on === this.onlyMine) return;
    this.onlyMine = on;
    this.applyFilter();
    this.applyHighlight();
    const cy = this.cy;
    if (!cy || !fit) return;
    const visible = cy.elements().not('.filtered');
    if (visible.nonempty()) {
      cy.stop(true, true);
      cy.animate({ fit: { eles: visible, padding: FIT_PADDING } }, { duration: 240 });
    }
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
      return { id: conceptIdOf(n), x, y };
    });
  }

  /** Focuses one concept; `all` is the whole selection when several are selected. */
  select(id: string | null, all: readonly string[] = []): void {
    const cy = this.cy;
    this.selected = id && cy && nodeOf(cy, id).nonempty() ? id : null;
    this.picked = cy ? all.filter((p) => nodeOf(cy, p).nonempty()) : [];
    this.applyHighlight();
    this.placeLinkHandle();
  }

  /**
   * "The current view": the concepts drawn on screen now. A concept counts when it is
   * not hidden (by Only mine) and its centre is inside the visible part of the canvas,
   * which is what people who export "the view" in Kumu or Bloom expect: what they see.
   */
  viewConceptIds(): string[] {
    const cy = this.cy;
    if (!cy) return [];
    const { x1, y1, x2, y2 } = cy.extent();
    return cy
      .nodes()
      .not('.filtered')
      .filter((n) => {
        if (n.hasClass('eh-ghost')) return false;
        const { x, y } = (n as NodeSingular).position();
        return x >= x1 && x <= x2 && y >= y1 && y <= y2;
      })
      .map((n) => conceptIdOf(n));
  }

  /** The graph as a PNG or SVG image, on the theme's background, without the hover state. */
  async image(request: ImageRequest): Promise<Blob> {
    const cy = this.cy;
    if (!cy) throw new Error('The graph is not drawn yet.');
    const bg = canvasColour(this.theme);
    // Cytoscape multiplies the scale by the screen's pixel ratio; 1× means the size on screen.
    let scale = request.scale / (window.devicePixelRatio || 1);
    // Browsers refuse canvases much larger than 16,000 pixels a side: shrink to fit.
    const box = request.full ? cy.elements().boundingBox() : { w: cy.width(), h: cy.height() };
    const side = Math.max(box.w, box.h) * scale * (window.devicePixelRatio || 1);
    if (side > MAX_IMAGE_SIDE) scale *= MAX_IMAGE_SIDE / side;
    if (request.format === 'svg') {
      const text = cy.svg({ full: request.full, scale, bg });
      return new Blob([text], { type: 'image/svg+xml;charset=utf-8' });
    }
    return cy.png({ output: 'blob-promise', full: request.full, scale, bg });
  }

  highlightCategory(categoryId: string | null): void {
    this.category = categoryId;
    this.applyHighlight();
  }

  /** Centres the viewport on a concept with a short animation. */
  centreOn(id: string): void {
    const cy = this.cy;
    const node = cy && nodeOf(cy, id);
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
      const node = this.cy && nodeOf(this.cy, id);
      if (!node || node.empty()) return null;
      const { x, y } = node.position();
      return { x, y };
    },
    renderedPosition: (id) => {
      const node = this.cy && nodeOf(this.cy, id);
      if (!node || node.empty()) return null;
      const { x, y } = node.renderedPosition();
      const rect = this.container.getBoundingClientRect();
      return { x: rect.left + x, y: rect.top + y };
    },
    highlightedIds: () => {
      const cy = this.cy;
      if (!cy) return [];
      const lit =
        this.picked.length > 1
          ? cy.nodes().filter((n) => this.picked.includes(conceptIdOf(n)))
          : this.selected
            ? nodeOf(cy, this.selected).closedNeighborhood().nodes()
            : this.category
              ? cy.nodes().filter((n) => n.data('category') === this.category)
              : cy.collection();
      return lit.map((n) => conceptIdOf(n)).sort();
    },
    zoom: () => this.cy?.zoom() ?? 1,
    isAnimating: () => this.cy?.animated() ?? false,
    linkTarget: () => {
      const target = this.cy?.nodes('.eh-target, .eh-hover').first();
      return target && target.nonempty() ? conceptIdOf(target) : null;
    },
    visibleNodeIds: () =>
      this.cy
        ?.nodes()
        .not('.filtered')
        .filter((n) => !n.hasClass('eh-ghost'))
        .map((n) => conceptIdOf(n))
        .sort() ?? [],
    visibleEdgeCount: () => this.cy?.edges().not('.filtered').length ?? 0,
    edgesBetween: (source, target) =>
      this.cy
        ?.edges()
        .filter((e) => conceptIdOf(e.source()) === source && conceptIdOf(e.target()) === target)
        .map((e) => `${e.data('kind')}:${e.data('relation')}:${e.data('origin')}`) ?? [],
  };

  destroy(): void {
    clearTimeout(this.dragTimer);
    this.handles?.destroy();
    this.handles = null;
    this.linkHandle.remove();
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
      // Shift-drag on the canvas draws a box that selects the concepts in it.
      boxSelectionEnabled: true,
      autounselectify: true,
      motionBlur: false,
      textureOnViewport: large,
      hideEdgesOnViewport: large,
    });
    this.bindEvents(cy);
    this.cy = cy;
    this.handles = cy.edgehandles({
      canConnect: (source, target) =>
        !source.same(target) && !target.hasClass('filtered') && !target.hasClass('eh-ghost'),
      edgeParams: () => ({ data: { relation: '', kind: 'typed', origin: 'user' } }),
      hoverDelay: 80,
      snap: true,
      snapThreshold: 24,
    });
    // Cytoscape keeps its own container child; the handle rides on top of it.
    this.container.appendChild(this.linkHandle);
    return cy;
  }

  private nodeData(concept: ConceptSummary) {
    return {
      id: nodeId(concept.id),
      label: concept.label,
      category: concept.category,
      origin: concept.origin,
      color: this.colours.get(concept.category) ?? FALLBACK_COLOUR,
    };
  }

  private applyFilter(): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.filtered, .context').removeClass('filtered context');
      if (!this.onlyMine) return;
      const mineEdges = cy.edges('[origin = "user"]');
      const mineNodes = cy.nodes('[origin = "user"]');
      const context = mineEdges.connectedNodes().difference(mineNodes);
      cy.elements().difference(mineEdges.union(mineNodes).union(context)).addClass('filtered');
      context.addClass('context');
    });
    this.placeLinkHandle();
  }

  private createLinkHandle(): HTMLDivElement {
    const handle = document.createElement('div');
    handle.className = 'link-handle';
    handle.title = 'Drag onto another concept to link them';
    handle.setAttribute('aria-hidden', 'true');
    handle.hidden = true;
    handle.addEventListener('mousedown', (event) => {
      if (event.button !== 0) return;
      const node = this.selected && this.cy ? nodeOf(this.cy, this.selected) : undefined;
      if (!node || node.empty() || !this.handles) return;
      // Cytoscape must not take this press for a pan of the background.
      event.preventDefault();
      event.stopPropagation();
      this.linkHandle.classList.add('is-dragging');
      this.handles.start(node);
      const finish = () => {
        window.removeEventListener('mouseup', finish, true);
        this.linkHandle.classList.remove('is-dragging');
        this.handles?.stop();
      };
      window.addEventListener('mouseup', finish, true);
    });
    return handle;
  }

  private placeLinkHandle(): void {
    const cy = this.cy;
    const node = this.selected && cy ? nodeOf(cy, this.selected) : undefined;
    if (!cy || !node || node.empty() || node.hasClass('filtered')) {
      this.linkHandle.hidden = true;
      return;
    }
    const { x, y } = node.renderedPosition();
    const radius = node.renderedOuterWidth() / 2;
    const left = x + radius + 6;
    const inside = left > 0 && left < cy.width() - 8 && y > 8 && y < cy.height() - 8;
    this.linkHandle.hidden = !inside;
    this.linkHandle.style.transform = `translate(${Math.round(left)}px, ${Math.round(y)}px)`;
  }

  private bindEvents(cy: Core): void {
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) this.events.onBackgroundTap();
    });
    cy.on('dbltap', (event: EventObject) => {
      if (event.target === cy) this.events.onBackgroundDoubleTap({ ...event.position });
    });
    cy.on('ehcomplete', (_event: EventObject, ...extra: unknown[]) => {
      const [source, target, added] = extra as [NodeSingular, NodeSingular, Collection];
      // The edge is only a preview: the link exists once the user names the relation.
      added.remove();
      this.events.onLinkDrawn(conceptIdOf(source), conceptIdOf(target));
    });
    cy.on('pan zoom resize', () => this.placeLinkHandle());
    cy.on('position', 'node', (event: EventObject) => {
      if (conceptIdOf(event.target as NodeSingular) === this.selected) this.placeLinkHandle();
    });
    cy.on('tap', 'node', (event: EventObject) => {
      const original = event.originalEvent as MouseEvent | undefined;
      const additive = Boolean(original?.shiftKey || original?.ctrlKey || original?.metaKey);
      this.events.onNodeTap(conceptIdOf(event.target as NodeSingular), additive);
    });
    // Cytoscape emits `box` on each element inside the box right after `boxend`.
    cy.on('box', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      if (node.hasClass('filtered') || node.hasClass('eh-ghost')) return;
      if (this.boxed.size === 0) {
        queueMicrotask(() => {
          const ids = [...this.boxed];
          this.boxed.clear();
          if (ids.length > 0) this.events.onBoxSelect(ids);
        });
      }
      this.boxed.add(conceptIdOf(node));
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
      this.dragged.add(conceptIdOf(event.target as NodeSingular));
      clearTimeout(this.dragTimer);
      this.dragTimer = setTimeout(() => this.flushDragged(), DRAG_SAVE_DELAY);
    });
  }

  private flushDragged(): void {
    const cy = this.cy;
    if (!cy || this.dragged.size === 0) return;
    const moved: Position[] = [];
    for (const id of this.dragged) {
      const node = nodeOf(cy, id);
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
      if (this.picked.length > 1) {
        const picked = new Set(this.picked);
        const nodes = cy.nodes().filter((n) => picked.has(conceptIdOf(n)));
        const edges = nodes.edgesWith(nodes);
        nodes.addClass('picked');
        if (this.selected) nodeOf(cy, this.selected).addClass('focused');
        edges.addClass('incident');
        lit = nodes.union(edges);
      } else if (this.selected) {
        const node = nodeOf(cy, this.selected);
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
        id: nodeId(c.id),
        label: c.label,
        category: c.category,
        origin: c.origin,
        color: colour.get(c.category) ?? FALLBACK_COLOUR,
        size: nodeSize(degree.get(c.id) ?? 0),
      },
      ...(p ? { position: { x: p.x, y: p.y } } : {}),
    };
  });
  return [...nodes, ...links.map(edgeElement)];
}

/** Gently larger for hubs: 16px for a leaf, about 40px for 30 links. */
function nodeSize(degree: number): number {
  return Math.min(44, 14 + 4.5 * Math.sqrt(degree));
}

function edgeData(l: Link) {
  return {
    id: `link-${l.id}`,
    source: nodeId(l.source),
    target: nodeId(l.target),
    relation: l.relation,
    origin: l.origin,
    kind: l.kind,
  };
}

function edgeElement(l: Link): ElementDefinition {
  return { group: 'edges', data: edgeData(l) };
}

/**
 * Concept ids are user text, and Cytoscape and its layouts keep plain objects keyed by
 * element id: an id such as `constructor` or `__proto__` would reach Object.prototype.
 * Every node id handed to Cytoscape carries this prefix; nothing else does.
 */
const NODE_PREFIX = 'c:';

function nodeId(conceptId: string): string {
  return NODE_PREFIX + conceptId;
}

function conceptIdOf(node: { id(): string }): string {
  return node.id().slice(NODE_PREFIX.length);
}

function nodeOf(cy: Core, conceptId: string): NodeSingular {
  return cy.getElementById(nodeId(conceptId)) as NodeSingular;
}

/**
 * Adds elements so that one Cytoscape refuses cannot take the graph down: each is
 * retried alone, and one that still fails is drawn plainly, without its label.
 */
function addSafely(cy: Core, elements: ElementDefinition[]): void {
  try {
    cy.add(elements);
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
