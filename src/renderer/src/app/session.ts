import type { ArgsOf, CairnApi } from '../../../shared/contract';
import type { ConceptDetails, Link, Mutation, Position, SearchHit } from '../../../shared/domain';
import { GraphController, type GraphInspection } from '../graph/GraphController';
import type { Theme } from '../graph/styles';
import { current, EMPTY_HISTORY, step, visit } from '../state/history';
import { applyPatch } from '../state/patch';
import { selectConcepts } from '../state/selectors';
import { EMPTY_CHANGES, EMPTY_SEARCH, IDLE_NOTE, type Dialog, type UiStore } from '../state/store';
import { ControllerSlot } from './controller-slot';
import { toErrorInfo } from './errors';
import { ExchangeFlow } from './exchange-flow';
import { NoteDrafts } from './note-drafts';
import { SearchFlow } from './search-flow';

export { errorMessage } from './errors';

const HISTORY_LIMIT = 200;

/**
 * The flows behind every user command: it calls the API, updates the store and
 * tells the GraphController what to draw. Components and actions call it; it never
 * renders anything itself. The search box, note drafts and exchange (export, import,
 * several graphs) are flows of their own that it owns: `search`, `notes`, `exchange`.
 */
export class Session {
  private readonly graph = new ControllerSlot();
  private loadSeq = 0;
  private detailsSeq = 0;
  readonly search: SearchFlow;
  readonly notes: NoteDrafts;
  readonly exchange: ExchangeFlow;

  constructor(
    private readonly api: CairnApi,
    readonly store: UiStore,
  ) {
    this.search = new SearchFlow(api, store, (id) => this.navigateTo(id));
    this.notes = new NoteDrafts(api, store, {
      applyMutation: (mutation) => this.applyMutation(mutation),
      showDetails: (data) => this.showDetails(data),
    });
    this.exchange = new ExchangeFlow(api, store, this.graph, {
      flushNote: () => this.notes.flush(),
      refreshGraph: () => this.refreshGraph(),
      load: () => this.load(),
      showToast: (message, undo) => this.showToast(message, undo),
    });
  }

  // ---- wiring ----

  /** Called by GraphView once its element exists; returns the cleanup. */
  mountGraph(container: HTMLElement): () => void {
    const controller = new GraphController(container, this.store.getState().theme, {
      onNodeTap: (id, additive) =>
        additive ? this.toggleSelected(id) : this.navigateTo(id, { centre: false }),
      onBoxSelect: (ids) => this.addToSelection(ids),
      onBackgroundTap: () => this.clearSelection(),
      onNodesMoved: (positions) => void this.savePositions(positions),
      onBackgroundDoubleTap: (position) => this.openDialog({ kind: 'new-concept', position }),
      onLinkDrawn: (source, target) => this.openDialog({ kind: 'new-link', source, target }),
    });
    this.graph.fill(controller);
    const snapshot = this.store.getState().snapshot;
    // A remount (e.g. React StrictMode in development) redraws what was loaded.
    if (snapshot && this.store.getState().status === 'ready') {
      void controller.draw(snapshot).then(() => {
        controller.setOnlyMine(this.store.getState().onlyMine, false);
        const { selectedId, selection } = this.store.getState();
        controller.select(selectedId, selection);
      });
    }
    return () => {
      controller.destroy();
      this.graph.release(controller);
    };
  }

  readonly inspect: GraphInspection & {
    selectedId(): string | null;
    selectedIds(): string[];
  } = {
    nodeCount: () => this.graph.current?.inspect.nodeCount() ?? 0,
    edgeCount: () => this.graph.current?.inspect.edgeCount() ?? 0,
    nodePosition: (id) => this.graph.current?.inspect.nodePosition(id) ?? null,
    renderedPosition: (id) => this.graph.current?.inspect.renderedPosition(id) ?? null,
    highlightedIds: () => this.graph.current?.inspect.highlightedIds() ?? [],
    zoom: () => this.graph.current?.inspect.zoom() ?? 1,
    isAnimating: () => this.graph.current?.inspect.isAnimating() ?? false,
    linkTarget: () => this.graph.current?.inspect.linkTarget() ?? null,
    visibleNodeIds: () => this.graph.current?.inspect.visibleNodeIds() ?? [],
    visibleEdgeCount: () => this.graph.current?.inspect.visibleEdgeCount() ?? 0,
    edgesBetween: (source, target) =>
      this.graph.current?.inspect.edgesBetween(source, target) ?? [],
    selectedId: () => this.store.getState().selectedId,
    selectedIds: () => [...this.store.getState().selection].sort(),
  };

  // ---- loading ----

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.search.cancelPending();
    this.store.setState({
      status: 'loading',
      error: null,
      selectedId: null,
      selection: [],
      details: null,
      history: EMPTY_HISTORY,
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
    try {
      const [appInfo, snapshot] = await Promise.all([
        this.api.getAppInfo({}),
        this.api.getGraph({}),
      ]);
      if (seq !== this.loadSeq) return;
      this.store.setState({ appInfo, snapshot });
      const controller = await this.graph.whenReady();
      const first = await controller.draw(snapshot);
      if (seq !== this.loadSeq) return;
      if (first.toSave.length > 0) await this.savePositions(first.toSave);
      if (seq !== this.loadSeq) return;
      controller.setOnlyMine(this.store.getState().onlyMine, false);
      this.store.setState({
        status: snapshot.concepts.length === 0 ? 'empty' : 'ready',
        firstLayout: first.layout,
      });
      void this.refreshHistory();
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.store.setState({ status: 'error', error: toErrorInfo(error) });
    }
  }

  /** Fetches and redraws the whole graph, keeping the selection where it still exists. */
  private async refreshGraph(): Promise<void> {
    const seq = ++this.loadSeq;
    try {
      const snapshot = await this.api.getGraph({});
      if (seq !== this.loadSeq) return;
      const state = this.store.getState();
      const known = new Set(snapshot.concepts.map((c) => c.id));
      const selection = state.selection.filter((id) => known.has(id));
      const selectedId = state.selectedId && known.has(state.selectedId) ? state.selectedId : null;
      this.store.setState({ snapshot, selection, selectedId });
      const controller = await this.graph.whenReady();
      const first = await controller.draw(snapshot);
      if (seq !== this.loadSeq) return;
      if (first.toSave.length > 0) await this.savePositions(first.toSave);
      controller.setOnlyMine(this.store.getState().onlyMine, false);
      controller.select(selectedId, selection);
      this.store.setState({ status: snapshot.concepts.length === 0 ? 'empty' : 'ready' });
      if (selectedId) this.refreshDetails();
      else if (state.selectedId) this.clearSelection();
      void this.refreshHistory();
      if (state.vocabulary) void this.refreshVocabulary();
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.store.setState({ notice: `The graph was not redrawn: ${toErrorInfo(error).message}` });
    }
  }

  // ---- selection and history ----

  navigateTo(id: string, options: { centre?: boolean; record?: boolean } = {}): void {
    const { centre = true, record = true } = options;
    const state = this.store.getState();
    if (!selectConcepts(state).has(id)) return;
    if (state.selectedId !== id) void this.notes.flush();
    this.store.setState({
      selectedId: id,
      selection: [id],
      history: record ? visit(state.history, id) : state.history,
      highlightedCategory: null,
      ...(state.selectedId !== id ? { editing: false, addingLink: false } : {}),
    });
    this.graph.current?.select(id);
    if (centre) this.graph.current?.centreOn(id);
    void this.loadDetails(id);
  }

  /** Shift+click: adds a concept to the selection, or takes it out. */
  toggleSelected(id: string): void {
    const { selection, selectedId } = this.store.getState();
    if (selection.length === 0 || (selection.length === 1 && selection[0] === id)) {
      this.navigateTo(id, { centre: false });
      return;
    }
    if (!selection.includes(id)) {
      this.setSelection([...selection, id], id);
      return;
    }
    const rest = selection.filter((s) => s !== id);
    this.setSelection(rest, selectedId === id ? (rest[rest.length - 1] ?? null) : selectedId);
  }

  /** Shift-drag: the concepts in the box join the selection. */
  addToSelection(ids: readonly string[]): void {
    const { selection, selectedId } = this.store.getState();
    const known = selectConcepts(this.store.getState());
    const next = [...new Set([...selection, ...ids.filter((id) => known.has(id))])];
    if (next.length === 0) return;
    this.setSelection(next, selectedId ?? next[0]!);
  }

  /** Several concepts at once; `focus` is the one whose details show. */
  private setSelection(selection: string[], focus: string | null): void {
    if (selection.length === 0 || focus === null) {
      this.clearSelection();
      return;
    }
    if (selection.length === 1) {
      this.navigateTo(focus, { centre: false });
      return;
    }
    const state = this.store.getState();
    if (state.selectedId !== focus) void this.notes.flush();
    this.store.setState({
      selectedId: focus,
      selection,
      history: visit(state.history, focus),
      highlightedCategory: null,
      ...(state.selectedId !== focus ? { editing: false, addingLink: false } : {}),
    });
    this.graph.current?.highlightCategory(null);
    this.graph.current?.select(focus, selection);
    if (state.selectedId !== focus) void this.loadDetails(focus);
  }

  clearSelection(): void {
    this.detailsSeq++;
    void this.notes.flush();
    this.store.setState({
      selectedId: null,
      selection: [],
      details: null,
      highlightedCategory: null,
      editing: false,
      addingLink: false,
    });
    this.graph.current?.select(null);
    this.graph.current?.highlightCategory(null);
  }

  back(): void {
    this.stepHistory(-1);
  }

  forward(): void {
    this.stepHistory(1);
  }

  private stepHistory(delta: -1 | 1): void {
    const history = step(this.store.getState().history, delta);
    const id = current(history);
    if (!id || history === this.store.getState().history) return;
    this.store.setState({ history });
    this.navigateTo(id, { record: false });
  }

  /** Loads the details of a concept; `quiet` keeps what is shown until the answer comes. */
  private async loadDetails(id: string, quiet = false): Promise<void> {
    const seq = ++this.detailsSeq;
    const shown = this.store.getState().details;
    if (!quiet || shown?.id !== id)
      this.store.setState({ details: { id, data: null, error: null } });
    try {
      // A note being saved must land first, or the details would show the old text.
      if (this.notes.saving) await this.notes.saving;
      const data = await this.api.getConcept({ id });
      if (seq === this.detailsSeq) this.store.setState({ details: { id, data, error: null } });
    } catch (error) {
      if (seq === this.detailsSeq) {
        this.store.setState({ details: { id, data: null, error: toErrorInfo(error).message } });
      }
    }
  }

  toggleCategory(categoryId: string): void {
    const next = this.store.getState().highlightedCategory === categoryId ? null : categoryId;
    if (this.store.getState().selectedId) this.clearSelection();
    this.store.setState({ highlightedCategory: next });
    this.graph.current?.highlightCategory(next);
  }

  // ---- viewport and layout ----

  zoomIn(): void {
    this.graph.current?.zoomBy(1.3);
  }

  zoomOut(): void {
    this.graph.current?.zoomBy(1 / 1.3);
  }

  fit(): void {
    this.graph.current?.fit();
  }

  async relayout(): Promise<void> {
    const controller = this.graph.current;
    if (!controller || this.store.getState().layoutRunning) return;
    this.store.setState({ layoutRunning: true });
    try {
      const positions = await controller.relayout();
      await this.savePositions(positions);
    } finally {
      this.store.setState({ layoutRunning: false });
    }
  }

  setTheme(theme: Theme): void {
    this.store.setState({ theme });
    this.graph.current?.setTheme(theme);
  }

  private async savePositions(positions: Position[]): Promise<void> {
    if (positions.length === 0) return;
    try {
      await this.api.savePositions({ positions });
      if (this.store.getState().notice) this.store.setState({ notice: null });
    } catch (error) {
      this.store.setState({ notice: `Layout not saved: ${toErrorInfo(error).message}` });
    }
  }

  // ---- editing ----

  openDialog(dialog: Dialog): void {
    const status = this.store.getState().status;
    const usable = status === 'ready' || status === 'empty';
    // Opening another graph is also the way out of one that failed to load.
    if (!usable && !(dialog.kind === 'graph-file' && status === 'error')) return;
    this.search.closeResults();
    this.store.setState({ dialog });
    if (dialog.kind === 'new-concept' || dialog.kind === 'new-link') void this.refreshVocabulary();
  }

  closeDialog(): void {
    this.store.setState({ dialog: null });
  }

  setEditing(editing: boolean): void {
    this.store.setState({ editing, ...(editing ? { addingLink: false } : {}) });
    if (editing) void this.refreshVocabulary();
  }

  setAddingLink(addingLink: boolean): void {
    this.store.setState({ addingLink, ...(addingLink ? { editing: false } : {}) });
    if (addingLink) void this.refreshVocabulary();
  }

  async refreshVocabulary(): Promise<void> {
    try {
      this.store.setState({ vocabulary: await this.api.getVocabulary({}) });
    } catch {
      // Autocomplete is a convenience: without it the fields take free text.
    }
  }

  /** The model position at the middle of the screen, for concepts made from a button. */
  viewportCentre(): { x: number; y: number } | undefined {
    return this.graph.current?.viewportCentre();
  }

  /** Concepts whose label, description, note or tags match, for pickers and the palette. */
  async findConcepts(query: string, limit = 8): Promise<SearchHit[]> {
    if (query.trim() === '') return [];
    return this.api.search({ query: query.trim(), limit });
  }

  async createConcept(
    args: ArgsOf<'createConcept'>,
    mentionedBy?: string,
  ): Promise<ConceptDetails> {
    // The note that names it must be saved first: creating the concept links every
    // saved note that already mentions it (see linkWaitingMentions in main).
    if (mentionedBy) await this.notes.flush();
    const made = await this.api.createConcept(args);
    this.applyMutation(made);
    const id = made.value.concept.id;
    this.store.setState({ dialog: null });
    this.navigateTo(id);
    return made.value;
  }

  async updateConcept(args: ArgsOf<'updateConcept'>): Promise<void> {
    const updated = await this.api.updateConcept(args);
    this.applyMutation(updated);
    this.showDetails(updated.value);
    this.store.setState({ editing: false });
  }

  async deleteConcept(id: string): Promise<void> {
    // Typed text is saved first, so undoing the delete brings it back too.
    await this.notes.flush();
    const deleted = await this.api.deleteConcept({ id });
    this.applyMutation(deleted);
    this.store.setState({ dialog: null });
    if (this.store.getState().selectedId === id) this.clearSelection();
  }

  async restoreOriginal(id: string): Promise<void> {
    await this.notes.flush();
    const restored = await this.api.restoreOriginal({ id });
    this.applyMutation(restored);
    this.showDetails(restored.value);
  }

  async createLink(args: ArgsOf<'createLink'>): Promise<Link> {
    const made = await this.api.createLink(args);
    this.applyMutation(made);
    this.store.setState({ dialog: null });
    this.refreshDetails();
    return made.value;
  }

  async updateLink(args: ArgsOf<'updateLink'>): Promise<void> {
    this.applyMutation(await this.api.updateLink(args));
    this.refreshDetails();
  }

  async deleteLink(id: number): Promise<void> {
    this.applyMutation(await this.api.deleteLink({ id }));
    this.refreshDetails();
  }

  async setTags(id: string, tags: string[]): Promise<void> {
    const tagged = await this.api.setTags({ id, tags });
    this.applyMutation(tagged);
    this.showDetails(tagged.value);
  }

  // ---- undo, redo, history ----

  async undo(): Promise<void> {
    await this.step('undo');
  }

  async redo(): Promise<void> {
    await this.step('redo');
  }

  private async step(which: 'undo' | 'redo'): Promise<void> {
    await this.notes.flush();
    try {
      const result = await (which === 'undo' ? this.api.undo({}) : this.api.redo({}));
      this.applyMutation(result);
      const note = this.store.getState().note;
      this.store.setState({
        note: { ...IDLE_NOTE, version: note.version + 1 },
        notice: result.value ? null : which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.',
      });
      const selected = this.store.getState().selectedId;
      if (selected && !selectConcepts(this.store.getState()).has(selected)) this.clearSelection();
      else this.refreshDetails();
    } catch (error) {
      this.store.setState({ notice: toErrorInfo(error).message });
    }
  }

  toggleHistory(): void {
    const historyOpen = !this.store.getState().historyOpen;
    this.store.setState({ historyOpen });
    if (historyOpen) void this.refreshHistory();
  }

  closeHistory(): void {
    this.store.setState({ historyOpen: false });
  }

  private async refreshHistory(): Promise<void> {
    try {
      const { entries, state } = await this.api.getHistory({ limit: HISTORY_LIMIT });
      this.store.setState({ changes: { state, entries, error: null } });
    } catch (error) {
      const changes = this.store.getState().changes;
      this.store.setState({ changes: { ...changes, error: toErrorInfo(error).message } });
    }
  }

  toggleOnlyMine(): void {
    const onlyMine = !this.store.getState().onlyMine;
    this.store.setState({ onlyMine });
    this.graph.current?.setOnlyMine(onlyMine);
  }

  /** Draws what a change did and records what undo would do now. */
  private applyMutation(mutation: Mutation<unknown>): void {
    const state = this.store.getState();
    if (state.snapshot) {
      const snapshot = applyPatch(state.snapshot, mutation.patch);
      const removed = new Set(mutation.patch.removedConcepts);
      this.store.setState({
        snapshot,
        ...(state.selection.some((id) => removed.has(id))
          ? { selection: state.selection.filter((id) => !removed.has(id)) }
          : {}),
        changes: { ...state.changes, state: mutation.history },
        ...(snapshot.concepts.length > 0 && state.status === 'empty'
          ? { status: 'ready' as const }
          : {}),
      });
      const placed = this.graph.current?.applyPatch(mutation.patch, snapshot.categories) ?? [];
      if (placed.length > 0) void this.savePositions(placed);
    }
    if (this.store.getState().historyOpen) void this.refreshHistory();
    else if (state.changes.entries) {
      this.store.setState({ changes: { ...this.store.getState().changes, entries: null } });
    }
    if (state.vocabulary) void this.refreshVocabulary();
  }

  private showDetails(data: ConceptDetails): void {
    if (this.store.getState().selectedId !== data.concept.id) return;
    this.detailsSeq++;
    this.store.setState({ details: { id: data.concept.id, data, error: null } });
  }

  private refreshDetails(): void {
    const id = this.store.getState().selectedId;
    if (id) void this.loadDetails(id, true);
  }

  // ---- toasts ----

  showToast(message: string, undo = false): void {
    const seq = (this.store.getState().toast?.seq ?? 0) + 1;
    this.store.setState({ toast: { message, undo, seq } });
  }

  dismissToast(): void {
    this.store.setState({ toast: null });
  }
}
