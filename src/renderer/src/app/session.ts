import type { ArgsOf, CairnApi } from '../../../shared/contract';
import type {
  AppInfo,
  ConceptDetails,
  ExportFile,
  ImportJob,
  Link,
  Mutation,
  Position,
  RecentGraph,
  SearchHit,
} from '../../../shared/domain';
import type { ErrorInfo } from '../../../shared/errors';
import { ApiError } from '../api/client';
import { GraphController, type GraphInspection, type ImageRequest } from '../graph/GraphController';
import type { Theme } from '../graph/styles';
import { current, EMPTY_HISTORY, step, visit } from '../state/history';
import { applyPatch } from '../state/patch';
import { selectConcepts } from '../state/selectors';
import { EMPTY_CHANGES, EMPTY_SEARCH, IDLE_NOTE, type Dialog, type UiStore } from '../state/store';
import { base64ToBlob, baseName, readUploads, saveDownload } from './files';

const SEARCH_DELAY = 120;
const SEARCH_LIMIT = 20;
/** Notes save this long after the last keystroke (and at once on blur or navigation). */
export const NOTE_SAVE_DELAY = 600;
const HISTORY_LIMIT = 200;

/**
 * The flows behind every user command: it calls the API, updates the store and
 * tells the GraphController what to draw. Components and actions call it; it never
 * renders anything itself.
 */
export class Session {
  private controller: GraphController | null = null;
  private controllerWaiters: ((controller: GraphController) => void)[] = [];
  private searchInput: HTMLInputElement | null = null;
  private loadSeq = 0;
  private detailsSeq = 0;
  private searchSeq = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Enter was pressed before the results for the typed text arrived. */
  private chooseWhenResults = false;
  /** Note text typed but not yet sent. Kept until the server has it: nothing typed is lost. */
  private noteDraft: { id: string; body: string } | null = null;
  private noteTimer: ReturnType<typeof setTimeout> | undefined;
  /** The save in flight, if any; saves run one after the other. */
  private noteSaving: Promise<void> | null = null;

  constructor(
    private readonly api: CairnApi,
    readonly store: UiStore,
  ) {}

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
    this.controller = controller;
    const waiters = this.controllerWaiters;
    this.controllerWaiters = [];
    waiters.forEach((resolve) => resolve(controller));
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
      if (this.controller === controller) this.controller = null;
    };
  }

  private whenControllerReady(): Promise<GraphController> {
    if (this.controller) return Promise.resolve(this.controller);
    return new Promise((resolve) => this.controllerWaiters.push(resolve));
  }

  registerSearchInput(input: HTMLInputElement | null): void {
    this.searchInput = input;
  }

  readonly inspect: GraphInspection & {
    selectedId(): string | null;
    selectedIds(): string[];
  } = {
    nodeCount: () => this.controller?.inspect.nodeCount() ?? 0,
    edgeCount: () => this.controller?.inspect.edgeCount() ?? 0,
    nodePosition: (id) => this.controller?.inspect.nodePosition(id) ?? null,
    renderedPosition: (id) => this.controller?.inspect.renderedPosition(id) ?? null,
    highlightedIds: () => this.controller?.inspect.highlightedIds() ?? [],
    zoom: () => this.controller?.inspect.zoom() ?? 1,
    isAnimating: () => this.controller?.inspect.isAnimating() ?? false,
    linkTarget: () => this.controller?.inspect.linkTarget() ?? null,
    visibleNodeIds: () => this.controller?.inspect.visibleNodeIds() ?? [],
    visibleEdgeCount: () => this.controller?.inspect.visibleEdgeCount() ?? 0,
    edgesBetween: (source, target) => this.controller?.inspect.edgesBetween(source, target) ?? [],
    selectedId: () => this.store.getState().selectedId,
    selectedIds: () => [...this.store.getState().selection].sort(),
  };

  // ---- loading ----

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    clearTimeout(this.searchTimer);
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
      const controller = await this.whenControllerReady();
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

  // ---- selection and history ----

  navigateTo(id: string, options: { centre?: boolean; record?: boolean } = {}): void {
    const { centre = true, record = true } = options;
    const state = this.store.getState();
    if (!selectConcepts(state).has(id)) return;
    if (state.selectedId !== id) void this.flushNote();
    this.store.setState({
      selectedId: id,
      selection: [id],
      history: record ? visit(state.history, id) : state.history,
      highlightedCategory: null,
      ...(state.selectedId !== id ? { editing: false, addingLink: false } : {}),
    });
    this.controller?.select(id);
    if (centre) this.controller?.centreOn(id);
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
    if (state.selectedId !== focus) void this.flushNote();
    this.store.setState({
      selectedId: focus,
      selection,
      history: visit(state.history, focus),
      highlightedCategory: null,
      ...(state.selectedId !== focus ? { editing: false, addingLink: false } : {}),
    });
    this.controller?.highlightCategory(null);
    this.controller?.select(focus, selection);
    if (state.selectedId !== focus) void this.loadDetails(focus);
  }

  clearSelection(): void {
    this.detailsSeq++;
    void this.flushNote();
    this.store.setState({
      selectedId: null,
      selection: [],
      details: null,
      highlightedCategory: null,
      editing: false,
      addingLink: false,
    });
    this.controller?.select(null);
    this.controller?.highlightCategory(null);
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
      if (this.noteSaving) await this.noteSaving;
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
    this.controller?.highlightCategory(next);
  }

  // ---- viewport and layout ----

  zoomIn(): void {
    this.controller?.zoomBy(1.3);
  }

  zoomOut(): void {
    this.controller?.zoomBy(1 / 1.3);
  }

  fit(): void {
    this.controller?.fit();
  }

  async relayout(): Promise<void> {
    const controller = this.controller;
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
    this.controller?.setTheme(theme);
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
    this.closeResults();
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
    return this.controller?.viewportCentre();
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
    if (mentionedBy) await this.flushNote();
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
    await this.flushNote();
    const deleted = await this.api.deleteConcept({ id });
    this.applyMutation(deleted);
    this.store.setState({ dialog: null });
    if (this.store.getState().selectedId === id) this.clearSelection();
  }

  async restoreOriginal(id: string): Promise<void> {
    await this.flushNote();
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

  // ---- notes ----

  /** What the editor should show for a concept's note while a save is pending. */
  noteDraftFor(id: string): string | null {
    return this.noteDraft?.id === id ? this.noteDraft.body : null;
  }

  editNote(id: string, body: string): void {
    if (this.noteDraft && this.noteDraft.id !== id) void this.flushNote();
    this.noteDraft = { id, body };
    clearTimeout(this.noteTimer);
    this.noteTimer = setTimeout(() => void this.flushNote(), NOTE_SAVE_DELAY);
    const note = this.store.getState().note;
    if (note.id !== id || note.status !== 'pending') {
      this.store.setState({ note: { ...note, id, status: 'pending', error: null } });
    }
  }

  /** True while typed note text has not reached the database. */
  hasUnsavedNote(): boolean {
    return this.noteDraft !== null || this.noteSaving !== null;
  }

  /** Sends the pending note text now; resolves once every save so far has landed. */
  flushNote(): Promise<void> {
    clearTimeout(this.noteTimer);
    const draft = this.noteDraft;
    if (!draft) return this.noteSaving ?? Promise.resolve();
    this.noteDraft = null;
    const previous = this.noteSaving;
    const run = (async () => {
      if (previous) await previous;
      this.setNoteStatus(draft.id, { status: 'saving', error: null });
      try {
        const saved = await this.api.saveNote(draft);
        this.applyMutation(saved);
        const pending = this.noteDraft?.id === draft.id;
        this.setNoteStatus(draft.id, {
          status: pending ? 'pending' : 'saved',
          unresolved: saved.value.unresolved,
        });
        if (!pending) this.showDetails(saved.value.details);
      } catch (error) {
        // Keep the text: the next keystroke, blur or navigation tries again.
        if (!this.noteDraft) this.noteDraft = draft;
        this.setNoteStatus(draft.id, { status: 'error', error: toErrorInfo(error).message });
      }
    })();
    this.noteSaving = run;
    void run.finally(() => {
      if (this.noteSaving === run) this.noteSaving = null;
    });
    return run;
  }

  private setNoteStatus(id: string, change: Partial<UiStoreNote>): void {
    const note = this.store.getState().note;
    const base = note.id === id ? note : { ...IDLE_NOTE, version: note.version, id };
    this.store.setState({ note: { ...base, ...change } });
  }

  // ---- undo, redo, history ----

  async undo(): Promise<void> {
    await this.step('undo');
  }

  async redo(): Promise<void> {
    await this.step('redo');
  }

  private async step(which: 'undo' | 'redo'): Promise<void> {
    await this.flushNote();
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
    this.controller?.setOnlyMine(onlyMine);
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
      const placed = this.controller?.applyPatch(mutation.patch, snapshot.categories) ?? [];
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

  // ---- exchange: export, import ----

  /** The concepts each export scope holds now (see GraphController.viewConceptIds). */
  exportScopes(): { view: string[]; selection: string[] } {
    return {
      view: this.controller?.viewConceptIds() ?? [],
      selection: [...this.store.getState().selection],
    };
  }

  /** Exports in one of the services' formats and saves it as a download. */
  async exportGraph(format: string, conceptIds?: string[]): Promise<ExportFile> {
    const file = await this.api.exportGraph({ format, ...(conceptIds ? { conceptIds } : {}) });
    saveDownload(base64ToBlob(file.base64, file.mimeType), file.fileName);
    this.showToast(
      `Exported ${plural(file.concepts, 'concept', 'concepts')} and ${plural(file.links, 'link', 'links')} to ${file.fileName}.`,
    );
    return file;
  }

  /** Saves a PNG or SVG image of the graph as drawn now. */
  async exportImage(request: ImageRequest): Promise<string> {
    const controller = await this.whenControllerReady();
    const blob = await controller.image(request);
    const name = baseName(this.store.getState().appInfo?.graphName ?? 'cairn');
    const fileName = `${name}${request.full ? '' : '-view'}.${request.format}`;
    saveDownload(blob, fileName);
    this.showToast(`Saved ${fileName}${request.format === 'png' ? ` at ${request.scale}×` : ''}.`);
    return fileName;
  }

  /** Sends the chosen files (their bytes as base64) and starts reading them. */
  async startImport(
    files: readonly File[],
    format: string | undefined,
    onProgress: (sent: number) => void,
    signal: AbortSignal,
  ): Promise<ImportJob> {
    const uploads = await readUploads(files, onProgress, signal, !window.cairn);
    if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
    return this.api.startImport({ files: uploads, ...(format ? { format } : {}) });
  }

  getImportJob(id: string): Promise<ImportJob> {
    return this.api.getImportJob({ id });
  }

  cancelImport(id: string): Promise<ImportJob> {
    return this.api.cancelImport({ id });
  }

  /**
   * Writes a previewed import, then redraws the graph: an import can add thousands of
   * concepts, so the whole snapshot is fetched again. Concepts without a stored position
   * are placed beside their neighbours (or the whole graph is laid out, when most are
   * new) and their positions saved.
   */
  async confirmImport(id: string): Promise<ImportJob> {
    await this.flushNote();
    const job = await this.api.confirmImport({ id });
    this.store.setState({ dialog: null });
    await this.refreshGraph();
    const report = job.report;
    if (report) {
      const added = [
        plural(report.concepts.added, 'concept', 'concepts'),
        plural(report.links.added, 'link', 'links'),
      ];
      if (report.categoriesAdded.length > 0) {
        added.push(plural(report.categoriesAdded.length, 'category', 'categories'));
      }
      this.showToast(
        `Imported ${joinWords(added)} from ${report.file}.${report.undoable ? ' Undo takes it back.' : ''}`,
        report.undoable,
      );
    }
    return job;
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
      const controller = await this.whenControllerReady();
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

  showToast(message: string, undo = false): void {
    const seq = (this.store.getState().toast?.seq ?? 0) + 1;
    this.store.setState({ toast: { message, undo, seq } });
  }

  dismissToast(): void {
    this.store.setState({ toast: null });
  }

  // ---- several graphs ----

  recentGraphs(): Promise<RecentGraph[]> {
    return this.api.getRecentGraphs({});
  }

  /** The desktop app's native file dialog; null when cancelled or in browser mode. */
  async chooseGraphFile(purpose: 'open' | 'create'): Promise<string | null> {
    const chosen = await this.api.chooseGraphFile({ purpose });
    return chosen.supported ? chosen.path : null;
  }

  /**
   * Switches the whole app to another graph file. Typed note text lands in the graph it
   * was typed in first; on error the open graph stays, and the sentence is thrown.
   */
  async switchGraph(how: { open: string } | { create: string; empty: boolean }): Promise<AppInfo> {
    await this.flushNote();
    const info =
      'open' in how
        ? await this.api.openGraphFile({ path: how.open })
        : await this.api.createGraphFile({ path: how.create, empty: how.empty });
    this.store.setState({ appInfo: info, onlyMine: false, vocabulary: null, toast: null });
    this.controller?.setOnlyMine(false, false);
    await this.load();
    return info;
  }

  // ---- search ----

  focusSearch(): void {
    this.searchInput?.focus();
    this.searchInput?.select();
  }

  blurSearch(): void {
    this.searchInput?.blur();
  }

  setQuery(query: string): void {
    clearTimeout(this.searchTimer);
    this.chooseWhenResults = false;
    const trimmed = query.trim();
    const search = this.store.getState().search;
    if (trimmed === '') {
      this.searchSeq++;
      this.store.setState({ search: { ...EMPTY_SEARCH, query } });
      return;
    }
    this.store.setState({ search: { ...search, query, open: true } });
    this.searchTimer = setTimeout(() => void this.runSearch(trimmed), SEARCH_DELAY);
  }

  private async runSearch(query: string): Promise<void> {
    const seq = ++this.searchSeq;
    try {
      const results = await this.api.search({ query, limit: SEARCH_LIMIT });
      if (seq !== this.searchSeq) return;
      const search = this.store.getState().search;
      this.store.setState({
        search: {
          ...search,
          results,
          resultsFor: query,
          activeIndex: results.length > 0 ? 0 : -1,
          error: null,
        },
      });
      if (this.chooseWhenResults) {
        this.chooseWhenResults = false;
        this.chooseResult(0);
      }
    } catch (error) {
      if (seq !== this.searchSeq) return;
      const search = this.store.getState().search;
      this.store.setState({
        search: {
          ...search,
          results: [],
          resultsFor: query,
          activeIndex: -1,
          error: toErrorInfo(error).message,
        },
      });
    }
  }

  moveActive(delta: 1 | -1): void {
    const search = this.store.getState().search;
    const count = search.results.length;
    if (count === 0) return;
    const activeIndex =
      search.activeIndex < 0
        ? delta > 0
          ? 0
          : count - 1
        : (search.activeIndex + delta + count) % count;
    this.store.setState({ search: { ...search, activeIndex, open: true } });
  }

  chooseResult(index?: number): void {
    const search = this.store.getState().search;
    const query = search.query.trim();
    if (index === undefined && query !== '' && search.resultsFor !== query) {
      clearTimeout(this.searchTimer);
      this.chooseWhenResults = true;
      void this.runSearch(query);
      return;
    }
    const hit = search.results[index ?? search.activeIndex] ?? search.results[0];
    if (!hit || !search.open) return;
    this.store.setState({ search: { ...search, open: false } });
    this.navigateTo(hit.id);
  }

  openResults(): void {
    const search = this.store.getState().search;
    if (search.query.trim() !== '' && !search.open) {
      this.store.setState({ search: { ...search, open: true } });
    }
  }

  closeResults(): void {
    const search = this.store.getState().search;
    if (search.open) this.store.setState({ search: { ...search, open: false } });
  }

  /** Esc in the search box: the first clears it, the next leaves it. */
  escapeSearch(): void {
    if (this.store.getState().search.query !== '') this.setQuery('');
    else this.blurSearch();
  }
}

type UiStoreNote = ReturnType<UiStore['getState']>['note'];

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The sentence to show for a failed call. */
export function errorMessage(error: unknown): string {
  return toErrorInfo(error).message;
}

function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  console.error(error);
  return { code: 'internal', message: 'Something went wrong inside Cairn; try again.' };
}
