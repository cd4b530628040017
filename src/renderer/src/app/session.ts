import type { CairnApi } from '../../../shared/contract';
import type { Position } from '../../../shared/domain';
import type { ErrorInfo } from '../../../shared/errors';
import { ApiError } from '../api/client';
import { GraphController, type GraphInspection } from '../graph/GraphController';
import type { Theme } from '../graph/styles';
import { current, EMPTY_HISTORY, step, visit } from '../state/history';
import { selectConcepts } from '../state/selectors';
import { EMPTY_SEARCH, type UiStore } from '../state/store';

const SEARCH_DELAY = 120;
const SEARCH_LIMIT = 20;

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

  constructor(
    private readonly api: CairnApi,
    readonly store: UiStore,
  ) {}

  // ---- wiring ----

  /** Called by GraphView once its element exists; returns the cleanup. */
  mountGraph(container: HTMLElement): () => void {
    const controller = new GraphController(container, this.store.getState().theme, {
      onNodeTap: (id) => this.navigateTo(id, { centre: false }),
      onBackgroundTap: () => this.clearSelection(),
      onNodesMoved: (positions) => void this.savePositions(positions),
    });
    this.controller = controller;
    const waiters = this.controllerWaiters;
    this.controllerWaiters = [];
    waiters.forEach((resolve) => resolve(controller));
    const snapshot = this.store.getState().snapshot;
    // A remount (e.g. React StrictMode in development) redraws what was loaded.
    if (snapshot && this.store.getState().status === 'ready') void controller.draw(snapshot);
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

  readonly inspect: GraphInspection & { selectedId(): string | null } = {
    nodeCount: () => this.controller?.inspect.nodeCount() ?? 0,
    edgeCount: () => this.controller?.inspect.edgeCount() ?? 0,
    nodePosition: (id) => this.controller?.inspect.nodePosition(id) ?? null,
    renderedPosition: (id) => this.controller?.inspect.renderedPosition(id) ?? null,
    highlightedIds: () => this.controller?.inspect.highlightedIds() ?? [],
    zoom: () => this.controller?.inspect.zoom() ?? 1,
    selectedId: () => this.store.getState().selectedId,
  };

  // ---- loading ----

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    clearTimeout(this.searchTimer);
    this.store.setState({
      status: 'loading',
      error: null,
      selectedId: null,
      details: null,
      history: EMPTY_HISTORY,
      search: EMPTY_SEARCH,
      highlightedCategory: null,
      firstLayout: null,
      notice: null,
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
      this.store.setState({
        status: snapshot.concepts.length === 0 ? 'empty' : 'ready',
        firstLayout: first.layout,
      });
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
    this.store.setState({
      selectedId: id,
      history: record ? visit(state.history, id) : state.history,
      highlightedCategory: null,
    });
    this.controller?.select(id);
    if (centre) this.controller?.centreOn(id);
    void this.loadDetails(id);
  }

  clearSelection(): void {
    this.detailsSeq++;
    this.store.setState({ selectedId: null, details: null, highlightedCategory: null });
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

  private async loadDetails(id: string): Promise<void> {
    const seq = ++this.detailsSeq;
    this.store.setState({ details: { id, data: null, error: null } });
    try {
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

function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  console.error(error);
  return { code: 'internal', message: 'Something went wrong inside Cairn; try again.' };
}
