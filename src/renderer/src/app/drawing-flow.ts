import type { Mutation, Position } from '../../../shared/domain';
import {
  tierForZoom,
  WHOLE_GRAPH_VIEW,
  type Bounds,
  type GraphSummary,
  type GraphView,
} from '../../../shared/graph-view';
import { applyPatch } from '../state/patch';
import {
  EMPTY_CHANGES,
  EMPTY_SEARCH,
  IDLE_NOTE,
  WHOLE_GRAPH,
  type DrawnGraph,
} from '../state/store';
import { NOTHING_VISITED } from '../state/visited';
import { toErrorInfo } from './errors';
import type { FlowContext } from './flow-context';
import { clipped, contains, grown, layoutBounds } from './region-bounds';

/**
 * A graph too big to draw whole has concepts with no position (a big import): the map
 * could only lay them out by drawing them all, so the store places them instead.
 */
function needsPlacing(summary: GraphSummary): boolean {
  return (
    summary.concepts.total > WHOLE_GRAPH_VIEW &&
    (summary.layout?.positioned ?? 0) < summary.concepts.total
  );
}

/** Concepts a view is asked to hold besides its region (the selection, a focus's neighbours). */
const KEPT_LIMIT = 1_000;

/** A region is fetched this much bigger than the screen on every side, so a pan need not wait. */
const MARGIN = 0.6;

interface Fetched {
  bounds: Bounds;
  tier: number;
}

export function drawnFromView(view: GraphView): DrawnGraph {
  return {
    scope: view.scope,
    concepts: view.concepts,
    links: view.links,
    shown: view.shown,
    truncated: view.truncated,
    remainders: [],
  };
}

/**
 * What the map shows: the summary the legend reads, and the view the map draws. A
 * graph that fits in one view is drawn whole; a bigger one by region, fetched again as
 * the user pans and zooms, so the renderer never holds more than a few thousand
 * concepts. Every change is drawn from its patch, and positions are saved as they change.
 */
export class DrawingFlow {
  private seq = 0;
  private bringSeq = 0;
  private generation = 0;
  private regionSeq = 0;
  private fetched: Fetched | null = null;
  /** Concepts a focus brought in (it and its neighbours): kept drawn as the view moves. */
  private kept: string[] = [];
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
  /** A concept focused while the store placed the graph: the map goes to it once drawn. */
  private focusOncePlaced: { id: string; neighbours: readonly string[] } | null = null;

  constructor(private readonly ctx: FlowContext) {}

  /**
   * Fetches the graph's summary and view and draws them. `fresh`: a graph just opened, so
   * everything about the last one (selection, visits, search, dialogs) is forgotten and
   * its saved filter and layout come back; otherwise (after an import, or a new filter)
   * the selection and the camera stay, unless `fit` asks for the whole layout in view
   * (after the whole graph was laid out again).
   */
  async redraw({ fresh, fit = false }: { fresh: boolean; fit?: boolean }): Promise<void> {
    const { api, store, graph } = this.ctx;
    const seq = ++this.seq;
    if (fresh) this.forgetTheLastGraph();
    try {
      if (fresh) {
        const [appInfo, settings] = await Promise.all([
          api.getAppInfo({}),
          api.getViewSettings({}),
          // In browser mode the services may still be in the past for another tab, or for
          // this one before a reload: a fresh load shows now, so they come back first.
          api.travelTo({ after: null }).catch(() => null),
        ]);
        if (seq !== this.seq) return;
        store.setState({ appInfo, filter: settings.filter, layout: settings.layout });
      }
      const { filter } = store.getState();
      let summary = await api.getGraphSummary({ filter });
      if (seq !== this.seq) return;
      // Too big to lay out here: the store places the new concepts by category, once. A
      // graph opened read-only cannot be placed; it is drawn as it is.
      if (needsPlacing(summary) && !store.getState().appInfo?.readOnly) {
        // The store places them on a worker thread: search, details and the local graph
        // answer meanwhile, so the app is ready before the map is.
        const count = summary.concepts.total - (summary.layout?.positioned ?? 0);
        store.setState({ summary, status: 'ready', placing: count });
        try {
          const placed = await api.placeUnplaced({});
          if (seq === this.seq) this.applyMutation(placed);
        } finally {
          if (seq === this.seq) store.setState({ placing: null });
        }
        summary = await api.getGraphSummary({ filter });
        if (seq !== this.seq) return;
      }
      store.setState({ summary });
      // Read after placing: a concept chosen meanwhile is drawn with the rest.
      const { selection } = store.getState();
      const controller = await graph.whenReady();
      if (store.getState().mode.kind === 'local') {
        await this.ctx.local.redraw();
      } else if (summary.concepts.shown <= WHOLE_GRAPH_VIEW || !summary.layout) {
        const view = drawnFromView(await api.getView({ filter, include: selection }));
        if (seq !== this.seq) return;
        this.fetched = null;
        await this.show(view, fresh || !store.getState().drawn);
      } else {
        // A big graph: the region the whole layout covers, at the tier its fit calls for.
        const { size } = summary.layout;
        const bounds = layoutBounds(summary.layout);
        const extent = controller.extent();
        const fresher =
          fresh || fit || !store.getState().drawn || store.getState().drawn?.scope !== 'region';
        const canvas = controller.canvasSize();
        const zoom =
          !fresher && extent
            ? extent.zoom
            : Math.max(1, Math.min(canvas.width, canvas.height)) / size;
        const on = !fresher && extent ? grown(extent.bounds, MARGIN) : bounds;
        const tier = tierForZoom(size, zoom);
        const view = drawnFromView(
          await api.getView({ filter, bounds: on, tier, include: selection }),
        );
        if (seq !== this.seq) return;
        this.fetched = { bounds: on, tier };
        await this.show(view, fresher);
        if (fresher) controller.showBounds(bounds);
      }
      if (seq !== this.seq) return;
      const state = store.getState();
      store.setState({ status: summary.concepts.total === 0 ? 'empty' : 'ready' });
      controller.setContext(filter.mine);
      controller.setEditable(!state.appInfo?.readOnly);
      controller.select(state.selectedId, state.selection);
      if (state.selectedId) this.ctx.selection.refreshDetails();
      const focus = this.focusOncePlaced;
      this.focusOncePlaced = null;
      if (focus && state.mode.kind === 'graph') {
        await this.bringIntoView(focus.id, focus.neighbours);
        const now = store.getState();
        controller.select(now.selectedId, now.selection);
      }
      void this.ctx.history.refresh();
      // Another graph: what the panel or the styling shows of its structure is measured.
      if (fresh) this.ctx.structure.changed();
      if (state.vocabulary) void this.ctx.editing.refreshVocabulary();
    } catch (error) {
      if (seq !== this.seq) return;
      if (fresh) store.setState({ status: 'error', error: toErrorInfo(error) });
      else store.setState({ notice: `The graph was not redrawn: ${toErrorInfo(error).message}` });
    }
  }

  /**
   * A pan or zoom came to rest. A region whose fetched part no longer covers the screen,
   * or whose zoom tier changed, is fetched again around what is on screen.
   */
  viewportSettled(view: { bounds: Bounds; zoom: number }): void {
    const { store, api, graph } = this.ctx;
    const state = store.getState();
    const layout = state.summary?.layout;
    if (state.drawn?.scope !== 'region' || !layout || state.mode.kind !== 'graph') return;
    const tier = tierForZoom(layout.size, view.zoom);
    // Only the part of the screen over the layout can hold concepts: a fit's margins
    // beside a square layout need no fetch.
    const onLayout = clipped(view.bounds, layoutBounds(layout));
    if (
      this.fetched &&
      this.fetched.tier === tier &&
      (onLayout === null || contains(this.fetched.bounds, onLayout))
    ) {
      return;
    }
    const seq = ++this.regionSeq;
    const bounds = grown(view.bounds, MARGIN);
    void api
      .getView({ filter: state.filter, bounds, tier, include: this.keptWith(state.selection) })
      .then((answer) => {
        if (seq !== this.regionSeq || store.getState().mode.kind !== 'graph') return;
        this.fetched = { bounds, tier };
        const drawn = drawnFromView(answer);
        store.setState({ drawn });
        const placed = graph.current?.syncView(drawn, store.getState().summary?.categories ?? []);
        if (placed && placed.length > 0) void this.savePositions(placed);
      })
      .catch((error: unknown) => this.ctx.notify(error));
  }

  /**
   * Makes sure a concept is drawn, with its neighbours: one a filter hides, or one far
   * away on a big graph. In a local graph, the local graph moves to it.
   */
  async bringIntoView(id: string, neighbours: readonly string[] = []): Promise<void> {
    const { api, store, graph } = this.ctx;
    const state = store.getState();
    // A later concept asked for wins: an earlier answer arriving after it is dropped.
    const seq = ++this.bringSeq;
    if (state.mode.kind === 'local') {
      if (!state.drawn?.concepts.some((c) => c.id === id)) await this.ctx.local.show([id]);
      return;
    }
    // The focused concept's neighbours stay drawn through the pans and zooms that follow.
    this.kept = [id, ...neighbours];
    // Nothing has a place yet: the map goes to it once the store has placed everything
    // (drawing it now would lay out what the store is placing, and save over it).
    if (state.placing !== null) {
      this.focusOncePlaced = { id, neighbours };
      return;
    }
    const include = this.keptWith(state.selection);
    const layout = state.summary?.layout;
    const controller = await graph.whenReady();
    if (state.drawn?.scope !== 'region' || !layout) {
      const drawn = drawnFromView(await api.getView({ filter: state.filter, include }));
      if (seq !== this.bringSeq) return;
      store.setState({ drawn });
      const placed = controller.syncView(drawn, state.summary?.categories ?? []);
      if (placed.length > 0) void this.savePositions(placed);
      return;
    }
    // A big graph: where the concept is, then the region around it at a readable zoom.
    const where = (
      await api.getView({
        filter: state.filter,
        include: [id],
        bounds: { x1: 0, y1: 0, x2: 0, y2: 0 },
        tier: 0,
      })
    ).concepts.find((c) => c.id === id);
    if (seq !== this.bringSeq || !where || where.x === null || where.y === null) return;
    const canvas = controller.canvasSize();
    const half = { w: canvas.width / 2, h: canvas.height / 2 };
    const bounds = {
      x1: where.x - half.w,
      y1: where.y - half.h,
      x2: where.x + half.w,
      y2: where.y + half.h,
    };
    const tier = tierForZoom(layout.size, 1);
    const region = grown(bounds, MARGIN);
    const drawn = drawnFromView(
      await api.getView({ filter: state.filter, bounds: region, tier, include }),
    );
    if (seq !== this.bringSeq) return;
    this.fetched = { bounds: region, tier };
    store.setState({ drawn });
    controller.syncView(drawn, state.summary?.categories ?? []);
    controller.showBounds(bounds);
  }

  /** Draws what a change did and records what undo would do now. */
  applyMutation(mutation: Mutation<unknown>): void {
    const { store, graph } = this.ctx;
    const state = store.getState();
    if (state.drawn) {
      const drawn = applyPatch(state.drawn, mutation.patch);
      const removed = new Set(mutation.patch.removedConcepts);
      store.setState({
        drawn,
        ...(state.selection.some((id) => removed.has(id))
          ? { selection: state.selection.filter((id) => !removed.has(id)) }
          : {}),
        changes: { ...state.changes, state: mutation.history },
        ...(drawn.concepts.length > 0 && state.status === 'empty'
          ? { status: 'ready' as const }
          : {}),
      });
      const placed = graph.current?.applyPatch(mutation.patch) ?? [];
      if (placed.length > 0 && state.mode.kind === 'graph') void this.savePositions(placed);
    }
    this.refreshSummarySoon(mutation.patch.categories !== null);
    this.ctx.history.changed();
    this.ctx.structure.changed();
    if (mutation.patch.viewsChanged && state.savedViews !== null)
      void this.ctx.savedViews.refresh();
    if (state.vocabulary) void this.ctx.editing.refreshVocabulary();
  }

  /** Positions chosen for the map (new concepts, a first layout): saved, not an edit. */
  async savePositions(positions: Position[]): Promise<void> {
    if (positions.length === 0) return;
    const { api, store } = this.ctx;
    try {
      await api.savePositions({ positions });
      if (store.getState().notice) store.setState({ notice: null });
    } catch (error) {
      store.setState({ notice: `Layout not saved: ${toErrorInfo(error).message}` });
    }
  }

  /** The counts of the legend and the filter panel, after a change (several at once). */
  private refreshSummarySoon(now: boolean): void {
    clearTimeout(this.summaryTimer);
    const refresh = () => {
      const { api, store } = this.ctx;
      api
        .getGraphSummary({ filter: store.getState().filter })
        .then((summary) => store.setState({ summary }))
        .catch(() => {
          // The counts stay as they were; the next change tries again.
        });
    };
    if (now) refresh();
    else this.summaryTimer = setTimeout(refresh, 250);
  }

  private async show(drawn: DrawnGraph, fresh: boolean): Promise<void> {
    const { store, graph } = this.ctx;
    const controller = await graph.whenReady();
    store.setState({ drawn });
    const categories = store.getState().summary?.categories ?? [];
    if (fresh) {
      const first = await controller.drawView(drawn, categories);
      if (drawn.scope === 'whole') store.setState({ firstLayout: first.layout });
      if (first.toSave.length > 0) await this.savePositions(first.toSave);
    } else {
      const placed = controller.syncView(drawn, categories);
      if (placed.length > 0) await this.savePositions(placed);
    }
  }

  /** The selection and the concepts a focus brought in, at most what a view may hold. */
  private keptWith(selection: readonly string[]): string[] {
    return [...new Set([...this.kept, ...selection])].slice(0, KEPT_LIMIT);
  }

  /** Which graph is open: moves on each fresh draw, so late answers for the last can be told. */
  get graphGeneration(): number {
    return this.generation;
  }

  private forgetTheLastGraph(): void {
    this.generation++;
    this.kept = [];
    this.focusOncePlaced = null;
    this.ctx.search.cancelPending();
    this.fetched = null;
    this.ctx.structure.reset();
    this.ctx.savedViews.reset();
    this.ctx.timeTravel.reset();
    this.ctx.store.setState({
      status: 'loading',
      error: null,
      summary: null,
      drawn: null,
      mode: WHOLE_GRAPH,
      selectedId: null,
      selection: [],
      details: null,
      visited: NOTHING_VISITED,
      search: EMPTY_SEARCH,
      highlightedCategory: null,
      firstLayout: null,
      notice: null,
      dialog: null,
      changes: EMPTY_CHANGES,
      historyOpen: false,
      structure: null,
      viewsOpen: false,
      placing: null,
      layoutRunning: null,
      savedViews: null,
      activeView: null,
      editing: false,
      addingLink: false,
      note: IDLE_NOTE,
    });
  }
}
