import type { CairnApi } from '../../../shared/contract';
import type { SearchHit } from '../../../shared/domain';
import { EMPTY_SEARCH, type UiStore } from '../state/store';
import { DebouncedSearch, type SearchAnswer } from './debounced-search';
import { toErrorInfo } from './errors';

const SEARCH_LIMIT = 20;

/** What the search box does to the rest of the app. */
export interface SearchHost {
  /** Goes to a chosen result. */
  navigateTo(id: string): void;
  /** Lights the matches on the map while typing; an empty list ends it. */
  showMatches(ids: readonly string[]): void;
  /** Gives the map the keyboard focus, so E, L and F work at once after Enter. */
  focusGraph(): void;
}

/**
 * The search box: the typed query, searches as you type (DebouncedSearch), lit on the
 * map as they arrive, the active result and choosing one.
 */
export class SearchFlow {
  private input: HTMLInputElement | null = null;
  private readonly searches: DebouncedSearch<SearchHit[]>;
  /** Enter was pressed before the results for the typed text arrived. */
  private chooseWhenResults = false;

  constructor(
    api: Pick<CairnApi, 'search'>,
    private readonly store: UiStore,
    private readonly host: SearchHost,
  ) {
    this.searches = new DebouncedSearch(
      (query) => api.search({ query, limit: SEARCH_LIMIT }),
      (answer) => this.answered(answer),
    );
  }

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

  /** Drops a search still on its way, e.g. when the whole graph reloads. */
  cancelPending(): void {
    this.searches.cancel();
  }

  setQuery(query: string): void {
    this.chooseWhenResults = false;
    const trimmed = query.trim();
    const search = this.store.getState().search;
    if (trimmed === '') {
      this.searches.cancel();
      this.store.setState({ search: { ...EMPTY_SEARCH, query } });
      this.host.showMatches([]);
      return;
    }
    this.store.setState({ search: { ...search, query, open: true } });
    this.searches.schedule(trimmed);
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

  /** Enter, or a click on a result: goes to it, searching first if the results are stale. */
  chooseResult(index?: number): void {
    const search = this.store.getState().search;
    const query = search.query.trim();
    if (index === undefined && query !== '' && search.resultsFor !== query) {
      this.chooseWhenResults = true;
      void this.searches.now(query);
      return;
    }
    const hit = search.results[index ?? search.activeIndex] ?? search.results[0];
    if (!hit || !search.open) return;
    this.store.setState({ search: { ...search, open: false } });
    this.host.showMatches([]);
    this.host.navigateTo(hit.id);
    this.host.focusGraph();
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
    this.host.showMatches([]);
  }

  /** Esc in the search box: the first clears it, the next leaves it. */
  escape(): void {
    if (this.store.getState().search.query !== '') this.setQuery('');
    else this.blur();
  }

  private answered(answer: SearchAnswer<SearchHit[]>): void {
    const search = this.store.getState().search;
    const results = answer.value ?? [];
    this.store.setState({
      search: {
        ...search,
        results,
        resultsFor: answer.query,
        activeIndex: results.length > 0 ? 0 : -1,
        error: answer.error === null ? null : toErrorInfo(answer.error).message,
      },
    });
    if (this.store.getState().search.open) this.host.showMatches(results.map((hit) => hit.id));
    if (this.chooseWhenResults && answer.error === null) {
      this.chooseWhenResults = false;
      this.chooseResult(0);
    }
  }
}
