import type { Mutation, Position } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import { VIEW_POSITIONS_LIMIT, type SavedView, type ViewSpec } from '../../../shared/saved-views';
import { WHOLE_GRAPH, type MapMode } from '../state/store';
import type { FlowContext } from './flow-context';

/** Positions are kept to a hundredth of a unit: exact on screen, and half the size. */
const round = (value: number) => Math.round(value * 100) / 100;
const clamp = (value: number) =>
  Math.max(-LIMITS.coordinate, Math.min(LIMITS.coordinate, round(value)));
/** A saved position this far (model units) from where a concept stands now moves it. */
const MOVED = 0.5;

/**
 * Saved views (lenses): what the map shows now, kept under a name in the graph file, and
 * opened again exactly: the filters, the local graph or the whole graph, the layout and
 * where each concept stood, the styling and the part of the map on screen. Saving,
 * updating, renaming, duplicating and deleting are undoable edits (services/views/).
 */
export class SavedViewsFlow {
  private seq = 0;

  constructor(private readonly ctx: FlowContext) {}

  togglePanel(): void {
    const viewsOpen = !this.ctx.store.getState().viewsOpen;
    // One panel on that side of the map at a time.
    this.ctx.store.setState({
      viewsOpen,
      ...(viewsOpen ? { historyOpen: false, structureOpen: false } : {}),
    });
    if (viewsOpen) void this.refresh();
  }

  /** Loads the list once (the palette lists the views too). */
  ensureLoaded(): void {
    if (this.ctx.store.getState().savedViews === null) void this.refresh();
  }

  async refresh(): Promise<void> {
    const seq = ++this.seq;
    try {
      const savedViews = await this.ctx.api.listViews({});
      if (seq !== this.seq) return;
      const { activeView } = this.ctx.store.getState();
      const active = activeView && savedViews.find((v) => v.id === activeView.id);
      this.ctx.store.setState({
        savedViews,
        activeView: active ? { id: active.id, name: active.name } : null,
      });
    } catch (error) {
      if (seq === this.seq) this.ctx.notify(error);
    }
  }

  /** Another graph was opened: nothing asked of the last one may land on it. */
  reset(): void {
    this.seq++;
  }

  /** What the map shows now, as a view would keep it. */
  capture(): ViewSpec {
    const state = this.ctx.store.getState();
    const controller = this.ctx.graph.current;
    const drawnWhole = state.drawn !== null && state.drawn.scope !== 'region';
    const positions =
      drawnWhole && controller
        ? controller
            .positions()
            .slice(0, VIEW_POSITIONS_LIMIT)
            .map((p) => ({ id: p.id, x: clamp(p.x), y: clamp(p.y) }))
        : null;
    const extent = controller?.extent();
    const { mode } = state;
    return {
      filter: state.filter,
      focus:
        mode.kind === 'local'
          ? {
              ids: mode.focus,
              depth: mode.depth,
              expanded: mode.expanded,
              showAll: mode.showAll,
            }
          : null,
      layout: state.layout,
      styling: state.styling,
      positions,
      camera: extent
        ? {
            x1: clamp(extent.bounds.x1),
            y1: clamp(extent.bounds.y1),
            x2: clamp(extent.bounds.x2),
            y2: clamp(extent.bounds.y2),
          }
        : null,
    };
  }

  /** Saves what the map shows now as a new view. Throws the store's sentence (a taken name). */
  async save(name: string): Promise<void> {
    const mutation = await this.ctx.api.saveView({ name, spec: this.capture() });
    this.after(mutation, `Saved the view “${mutation.value.name}”.`, true);
  }

  /** The view now holds what the map shows now. */
  async update(id: number): Promise<void> {
    await this.run(async () => {
      const mutation = await this.ctx.api.updateView({ id, spec: this.capture() });
      this.after(
        mutation,
        `Updated the view “${mutation.value.name}” to what the map shows.`,
        true,
      );
    });
  }

  /** Throws the store's sentence, for the rename field to show. */
  async rename(id: number, name: string): Promise<void> {
    const mutation = await this.ctx.api.renameView({ id, name });
    this.after(mutation, null);
  }

  async duplicate(id: number): Promise<void> {
    await this.run(async () => {
      const mutation = await this.ctx.api.duplicateView({ id });
      this.after(mutation, null);
    });
  }

  async remove(id: number, name: string): Promise<void> {
    await this.run(async () => {
      const mutation = await this.ctx.api.deleteView({ id });
      this.ctx.drawing.applyMutation(mutation);
      this.ctx.showToast(`Deleted the view “${name}”.`, true);
    });
  }

  /** Opens a view: the map shows exactly what it was saved showing. */
  async open(id: number): Promise<void> {
    await this.run(async () => {
      const view = await this.ctx.api.getSavedView({ id });
      if (view.focus && view.focus.labels.length === 0) {
        this.ctx.notify(
          new Error(
            `The view “${view.name}” is around concepts that are no longer in the graph, so it cannot be opened.`,
          ),
        );
        return;
      }
      await this.restore(view);
      this.ctx.showToast(`Opened the view “${view.name}”.`);
    });
  }

  private async restore(view: SavedView): Promise<void> {
    const { api, store, graph } = this.ctx;
    const { spec } = view;
    const mode: MapMode = spec.focus ? { kind: 'local', ...focusMode(spec.focus) } : WHOLE_GRAPH;
    const wasLocal = store.getState().mode.kind === 'local';
    store.setState({
      filter: spec.filter,
      layout: spec.layout,
      mode,
      activeView: { id: view.id, name: view.name },
      // Into or out of a local graph, the map is drawn afresh.
      ...(wasLocal !== (mode.kind === 'local') ? { drawn: null } : {}),
    });
    if (!store.getState().appInfo?.readOnly) {
      api.saveFilter({ filter: spec.filter }).catch((error: unknown) => this.ctx.notify(error));
    }
    this.ctx.structure.setStyling(spec.styling);
    if (spec.focus) this.ctx.local.keepArrangement(spec.positions);
    await this.ctx.drawing.redraw({ fresh: false });
    if (!spec.focus && spec.positions) await this.placeWhole(spec.layout, spec.positions);
    const controller = graph.current;
    // Exactly the part saved: no margin, or each reopen would show 5% more.
    if (controller && spec.camera) controller.showBounds(spec.camera, 1);
  }

  /**
   * The whole graph's positions are the graph's own: where the view's differ (a layout
   * run since), the concepts move back, as one undoable layout step.
   */
  private async placeWhole(layout: ViewSpec['layout'], positions: Position[]): Promise<void> {
    const { api, store, graph } = this.ctx;
    const controller = graph.current;
    if (!controller) return;
    const now = new Map(controller.positions().map((p) => [p.id, p]));
    const moved = positions.filter((p) => {
      const at = now.get(p.id);
      return at !== undefined && (Math.abs(at.x - p.x) > MOVED || Math.abs(at.y - p.y) > MOVED);
    });
    if (moved.length === 0) return;
    await controller.moveTo(moved);
    if (store.getState().appInfo?.readOnly || store.getState().mode.kind !== 'graph') return;
    this.ctx.drawing.applyMutation(await api.applyLayout({ name: layout, positions: moved }));
  }

  /** A change was stored: the map and the list follow; a saved or updated view is the active one. */
  private after(mutation: Mutation<SavedView>, toast: string | null, active = false): void {
    this.ctx.drawing.applyMutation(mutation);
    if (active) {
      this.ctx.store.setState({ activeView: { id: mutation.value.id, name: mutation.value.name } });
    }
    if (toast) this.ctx.showToast(toast);
  }

  private async run(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.ctx.notify(error);
    }
  }
}

function focusMode(focus: NonNullable<ViewSpec['focus']>) {
  return {
    focus: [...focus.ids],
    depth: focus.depth,
    expanded: [...focus.expanded],
    showAll: [...focus.showAll],
  };
}
