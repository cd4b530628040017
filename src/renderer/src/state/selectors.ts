import type { Category } from '../../../shared/domain';
import type { CategoryEntry, ViewConcept } from '../../../shared/graph-view';
import { canGoBack, canGoForward } from './visited';
import type { UiState } from './store';

const categoryCache = new WeakMap<object, Map<string, Category>>();
const legendCache = new WeakMap<object, CategoryEntry[]>();
const conceptCache = new WeakMap<object, Map<string, ViewConcept>>();

function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Categories by id (every category of the graph), memoised per summary. */
export function selectCategories(state: UiState): Map<string, Category> {
  const summary = state.summary;
  if (!summary) return EMPTY_MAP as Map<string, Category>;
  return memo(categoryCache, summary, () => new Map(summary.categories.map((c) => [c.id, c])));
}

/** The concepts drawn now, by id. A concept not drawn may still exist (ask the API). */
export function selectDrawn(state: UiState): Map<string, ViewConcept> {
  const drawn = state.drawn;
  if (!drawn) return EMPTY_MAP as Map<string, ViewConcept>;
  return memo(conceptCache, drawn, () => new Map(drawn.concepts.map((c) => [c.id, c])));
}

/** Whether the graph holds any concept of the user's own. */
export function selectHasOwnWork(state: UiState): boolean {
  return (
    (state.summary?.origins.find((o) => o.key === 'user')?.total ?? 0) > 0 ||
    (state.summary?.ownLinks ?? 0) > 0
  );
}

/** Categories that have concepts, with what the filter shows of each, largest first. */
export function selectLegend(state: UiState): CategoryEntry[] {
  const summary = state.summary;
  if (!summary) return EMPTY_LIST as CategoryEntry[];
  return memo(legendCache, summary, () => summary.categories.filter((c) => c.total > 0));
}

export const selectCanGoBack = (state: UiState): boolean => canGoBack(state.visited);
export const selectCanGoForward = (state: UiState): boolean => canGoForward(state.visited);
export const selectHasGraph = (state: UiState): boolean =>
  state.status === 'ready' && (state.summary?.concepts.total ?? 0) > 0;

const EMPTY_MAP = new Map<string, never>();
const EMPTY_LIST: never[] = [];

/**
 * The focused concept's neighbours that are not drawn now: what Expand would add.
 * Null while its details are loading.
 */
export function selectHiddenNeighbours(state: UiState): number | null {
  const details = state.details;
  if (!details?.data || details.id !== state.selectedId) return null;
  const drawn = selectDrawn(state);
  const hidden = new Set<string>();
  for (const { other } of [...details.data.outgoing, ...details.data.incoming]) {
    if (!drawn.has(other.id)) hidden.add(other.id);
  }
  return hidden.size;
}

/** Whether the focused concept was expanded in the local graph (Collapse undoes it). */
export function selectIsExpanded(state: UiState): boolean {
  return state.selectedId !== null && isExpanded(state.mode, state.selectedId);
}

/** Whether a concept's neighbours are in the local graph because of it (it was expanded, or it is the one focus). */
export function isExpanded(mode: UiState['mode'], id: string): boolean {
  if (mode.kind !== 'local') return false;
  return mode.expanded.includes(id) || (mode.focus.length === 1 && mode.focus[0] === id);
}
