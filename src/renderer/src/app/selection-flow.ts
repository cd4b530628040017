import type { ConceptDetails } from '../../../shared/domain';
import { selectDrawn } from '../state/selectors';
import { IDLE_NOTE } from '../state/store';
import { current, step, visit } from '../state/visited';
import { toErrorInfo } from './errors';
import type { FlowContext } from './flow-context';

/**
 * Which concepts are selected, the one whose details show, and the way there: clicking,
 * following links, Back and Forward, shift+click and box selection.
 */
export class SelectionFlow {
  private detailsSeq = 0;

  constructor(private readonly ctx: FlowContext) {}

  /**
   * Focuses a concept and shows its details; `centre` moves the view to it. A concept
   * that is not drawn (hidden by the filter, or far away on a big graph) is brought into
   * view first, with its neighbours.
   */
  navigateTo(id: string, options: { centre?: boolean; record?: boolean } = {}): void {
    const { centre = true, record = true } = options;
    const { graph } = this.ctx;
    if (!selectDrawn(this.ctx.store.getState()).has(id)) {
      void this.bringIntoView(id, record);
      return;
    }
    void this.focusWithoutMap(id, record);
    graph.current?.select(id);
    if (centre) graph.current?.centreOn(id);
  }

  /**
   * Makes a concept the focused one and loads its details, whether drawn or not; the
   * details, or null if they failed (the panel says why).
   */
  private focusWithoutMap(id: string, record: boolean): Promise<ConceptDetails | null> {
    const { store } = this.ctx;
    const state = store.getState();
    if (state.selectedId !== id) void this.ctx.notes.flush();
    store.setState({
      selectedId: id,
      selection: [id],
      visited: record ? visit(state.visited, id) : state.visited,
      highlightedCategory: null,
      ...(state.selectedId !== id ? { editing: false, addingLink: false } : {}),
    });
    return this.loadDetails(id);
  }

  /**
   * A concept the map does not draw: its details show at once, and the map follows once
   * it has drawn the concept (a region fetched around it, a local graph around it, or a
   * big graph the store is still placing), so reading never waits for drawing.
   */
  private async bringIntoView(id: string, record: boolean): Promise<void> {
    // The details name the neighbours to draw with it; one that failed says so itself.
    const data = await this.focusWithoutMap(id, record);
    if (!data || this.ctx.store.getState().selectedId !== id) return;
    try {
      const neighbours = [...data.outgoing, ...data.incoming].map((l) => l.other.id);
      await this.ctx.drawing.bringIntoView(id, neighbours);
    } catch (error) {
      this.ctx.notify(error);
      return;
    }
    const state = this.ctx.store.getState();
    // The user went on meanwhile, or the map cannot draw it yet (still placing).
    if (state.selectedId !== id || !selectDrawn(state).has(id)) return;
    this.ctx.graph.current?.select(id, state.selection);
    this.ctx.graph.current?.centreOn(id);
  }

  /** Shift+click: adds a concept to the selection, or takes it out. */
  toggle(id: string): void {
    const { selection, selectedId } = this.ctx.store.getState();
    if (selection.length === 0 || (selection.length === 1 && selection[0] === id)) {
      this.navigateTo(id, { centre: false });
      return;
    }
    if (!selection.includes(id)) {
      this.set([...selection, id], id);
      return;
    }
    const rest = selection.filter((s) => s !== id);
    this.set(rest, selectedId === id ? (rest[rest.length - 1] ?? null) : selectedId);
  }

  /** Shift-drag: the concepts in the box join the selection. */
  add(ids: readonly string[]): void {
    const state = this.ctx.store.getState();
    const known = selectDrawn(state);
    const next = [...new Set([...state.selection, ...ids.filter((id) => known.has(id))])];
    if (next.length === 0) return;
    this.set(next, state.selectedId ?? next[0]!);
  }

  clear(): void {
    this.detailsSeq++;
    void this.ctx.notes.flush();
    this.ctx.store.setState({
      selectedId: null,
      selection: [],
      details: null,
      highlightedCategory: null,
      editing: false,
      addingLink: false,
    });
    this.ctx.graph.current?.select(null);
    this.ctx.graph.current?.highlightCategory(null);
  }

  back(): void {
    this.stepVisited(-1);
  }

  forward(): void {
    this.stepVisited(1);
  }

  /** A legend entry: lights a category's concepts (or stops, for the one lit now). */
  toggleCategory(categoryId: string): void {
    const { store, graph } = this.ctx;
    const next = store.getState().highlightedCategory === categoryId ? null : categoryId;
    if (store.getState().selectedId) this.clear();
    store.setState({ highlightedCategory: next });
    graph.current?.highlightCategory(next);
  }

  /** Shows details the caller already has, if that concept is still the selected one. */
  showDetails(data: ConceptDetails): void {
    if (this.ctx.store.getState().selectedId !== data.concept.id) return;
    this.detailsSeq++;
    this.ctx.store.setState({ details: { id: data.concept.id, data, error: null } });
  }

  /** Loads the selected concept's details again, keeping what is shown until they come. */
  refreshDetails(): void {
    const id = this.ctx.store.getState().selectedId;
    if (id) void this.loadDetails(id, true);
  }

  /** Several concepts at once; `focus` is the one whose details show. */
  private set(selection: string[], focus: string | null): void {
    if (selection.length === 0 || focus === null) {
      this.clear();
      return;
    }
    if (selection.length === 1) {
      this.navigateTo(focus, { centre: false });
      return;
    }
    const { store, graph } = this.ctx;
    const state = store.getState();
    if (state.selectedId !== focus) void this.ctx.notes.flush();
    store.setState({
      selectedId: focus,
      selection,
      visited: visit(state.visited, focus),
      highlightedCategory: null,
      ...(state.selectedId !== focus ? { editing: false, addingLink: false } : {}),
    });
    graph.current?.highlightCategory(null);
    graph.current?.select(focus, selection);
    if (state.selectedId !== focus) void this.loadDetails(focus);
  }

  private stepVisited(delta: -1 | 1): void {
    const { store } = this.ctx;
    const visited = step(store.getState().visited, delta);
    const id = current(visited);
    if (!id || visited === store.getState().visited) return;
    store.setState({ visited });
    this.navigateTo(id, { record: false });
  }

  /**
   * Loads the details of a concept; `quiet` keeps what is shown until the answer comes.
   * Answers them (shown or, if another load came since, not), or null when they failed.
   */
  private async loadDetails(id: string, quiet = false): Promise<ConceptDetails | null> {
    const { api, store, notes } = this.ctx;
    const seq = ++this.detailsSeq;
    const shown = store.getState().details;
    if (!quiet || shown?.id !== id) store.setState({ details: { id, data: null, error: null } });
    try {
      // A note being saved must land first, or the details would show the old text.
      if (notes.saving) await notes.saving;
      const data = await api.getConcept({ id });
      if (seq !== this.detailsSeq) return data;
      // A note changed elsewhere (undo, redo, a rename rewriting its [[links]]) reloads
      // its editor, unless text typed in it is still on its way.
      const before = store.getState().details;
      const noteChanged =
        before?.id === id &&
        before.data !== null &&
        before.data.concept.note !== data.concept.note &&
        !notes.hasUnsaved();
      const note = store.getState().note;
      store.setState({
        details: { id, data, error: null },
        ...(noteChanged ? { note: { ...IDLE_NOTE, version: note.version + 1 } } : {}),
      });
      return data;
    } catch (error) {
      if (seq === this.detailsSeq) {
        store.setState({ details: { id, data: null, error: toErrorInfo(error).message } });
      }
      return null;
    }
  }
}
