import type { Mutation, Position } from '../../../shared/domain';
import { applyPatch } from '../state/patch';
import { EMPTY_CHANGES, EMPTY_SEARCH, IDLE_NOTE } from '../state/store';
import { NOTHING_VISITED } from '../state/visited';
import { toErrorInfo } from './errors';
import type { FlowContext } from './flow-context';

/**
 * What the map shows: the graph drawn from a snapshot, kept in step with every change
 * (`applyMutation`), and positions saved as they change.
 */
export class DrawingFlow {
  private seq = 0;

  constructor(private readonly ctx: FlowContext) {}

  /**
   * Fetches the graph and draws it. `fresh`: a graph just opened, so everything about
   * the last one (selection, visits, search, dialogs) is forgotten first; otherwise the
   * selection is kept where its concepts still exist (after an import, say).
   */
  async drawSnapshot({ fresh }: { fresh: boolean }): Promise<void> {
    const { api, store, graph } = this.ctx;
    const seq = ++this.seq;
    if (fresh) this.forgetTheLastGraph();
    try {
      const [appInfo, snapshot] = await Promise.all([
        fresh ? api.getAppInfo({}) : Promise.resolve(store.getState().appInfo),
        api.getGraph({}),
      ]);
      if (seq !== this.seq) return;
      const state = store.getState();
      const known = new Set(snapshot.concepts.map((c) => c.id));
      const selection = state.selection.filter((id) => known.has(id));
      const selectedId = state.selectedId && known.has(state.selectedId) ? state.selectedId : null;
      store.setState({ appInfo, snapshot, selection, selectedId });
      const controller = await graph.whenReady();
      const first = await controller.draw(snapshot);
      if (seq !== this.seq) return;
      if (first.toSave.length > 0) await this.savePositions(first.toSave);
      if (seq !== this.seq) return;
      controller.setOnlyMine(store.getState().onlyMine, false);
      controller.select(selectedId, selection);
      store.setState({
        status: snapshot.concepts.length === 0 ? 'empty' : 'ready',
        ...(fresh ? { firstLayout: first.layout } : {}),
      });
      if (selectedId) this.ctx.selection.refreshDetails();
      else if (state.selectedId) this.ctx.selection.clear();
      void this.ctx.history.refresh();
      if (state.vocabulary) void this.ctx.editing.refreshVocabulary();
    } catch (error) {
      if (seq !== this.seq) return;
      if (fresh) store.setState({ status: 'error', error: toErrorInfo(error) });
      else store.setState({ notice: `The graph was not redrawn: ${toErrorInfo(error).message}` });
    }
  }

  /** Draws what a change did and records what undo would do now. */
  applyMutation(mutation: Mutation<unknown>): void {
    const { store, graph } = this.ctx;
    const state = store.getState();
    if (state.snapshot) {
      const snapshot = applyPatch(state.snapshot, mutation.patch);
      const removed = new Set(mutation.patch.removedConcepts);
      store.setState({
        snapshot,
        ...(state.selection.some((id) => removed.has(id))
          ? { selection: state.selection.filter((id) => !removed.has(id)) }
          : {}),
        changes: { ...state.changes, state: mutation.history },
        ...(snapshot.concepts.length > 0 && state.status === 'empty'
          ? { status: 'ready' as const }
          : {}),
      });
      const placed = graph.current?.applyPatch(mutation.patch, snapshot.categories) ?? [];
      if (placed.length > 0) void this.savePositions(placed);
    }
    this.ctx.history.changed();
    if (state.vocabulary) void this.ctx.editing.refreshVocabulary();
  }

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

  private forgetTheLastGraph(): void {
    this.ctx.search.cancelPending();
    this.ctx.store.setState({
      status: 'loading',
      error: null,
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
      editing: false,
      addingLink: false,
      note: IDLE_NOTE,
    });
  }
}
