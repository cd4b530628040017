import type { CairnApi } from '../../../shared/contract';
import { EMPTY_SEARCH, type UiStore } from '../state/store';
import { toErrorInfo } from './errors';

const SEARCH_DELAY = 120;
const SEARCH_LIMIT = 20;

/**
 * The search box: the typed query, debounced searches whose stale answers are dropped,
 * the active result and choosing one. Choosing navigates through `navigateTo`.
 */
export class SearchFlow {
  private input: HTMLInputElement | null = null;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Enter was pressed before the results for the typed text arrived. */
  private chooseWhenResults = false;

  constructor(
    private readonly api: Pick<CairnApi, 'search'>,
    private readonly store: UiStore,
    private readonly navigateTo: (id: string) => void,
  ) {}

  registerInput(input: HTMLInputElement | null): void {
    this.input = input;
  }

  focus(): void {
    this.input?.focus();
    this.input?.select();
  }

  blur(): void {
    this.input?.blur();
  }

  /** Drops a search still waiting for its delay, e.g. when the whole graph reloads. */
  cancelPending(): void {
    clearTimeout(this.timer);
  }

  setQuery(query: string): void {
    clearTimeout(this.timer);
    this.chooseWhenResults = false;
    const trimmed = query.trim();
    const search = this.store.getState().search;
    if (trimmed === '') {
      this.seq++;
      this.store.setState({ search: { ...EMPTY_SEARCH, query } });
      return;
    }
    this.store.setState({ search: { ...search, query, open: true } });
    this.timer = setTimeout(() => void this.run(trimmed), SEARCH_DELAY);
  }

  private async run(query: string): Promise<void> {
    const seq = ++this.seq;
    try {
      const results = await this.api.search({ query, limit: SEARCH_LIMIT });
      if (seq !== this.seq) return;
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
      if (seq !== this.seq) return;
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
      clearTimeout(this.timer);
      this.chooseWhenResults = true;
      void this.run(query);
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
  escape(): void {
    if (this.store.getState().search.query !== '') this.setQuery('');
    else this.blur();
  }
}
