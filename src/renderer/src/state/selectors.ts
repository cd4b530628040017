import type { Category, ConceptSummary } from '../../../shared/domain';
import { foldLabel } from '../../../shared/labels';
import { canGoBack, canGoForward } from './visited';
import type { UiState } from './store';

export interface LegendEntry extends Category {
  count: number;
}

const categoryCache = new WeakMap<object, Map<string, Category>>();
const legendCache = new WeakMap<object, LegendEntry[]>();
const conceptCache = new WeakMap<object, Map<string, ConceptSummary>>();
const labelCache = new WeakMap<object, Map<string, ConceptSummary>>();

/** Categories by id; memoised per snapshot so components can select it cheaply. */
export function selectCategories(state: UiState): Map<string, Category> {
  const snapshot = state.snapshot;
  if (!snapshot) return EMPTY_MAP as Map<string, Category>;
  let map = categoryCache.get(snapshot);
  if (!map) {
    map = new Map(snapshot.categories.map((c) => [c.id, c]));
    categoryCache.set(snapshot, map);
  }
  return map;
}

export function selectConcepts(state: UiState): Map<string, ConceptSummary> {
  const snapshot = state.snapshot;
  if (!snapshot) return EMPTY_MAP as Map<string, ConceptSummary>;
  let map = conceptCache.get(snapshot);
  if (!map) {
    map = new Map(snapshot.concepts.map((c) => [c.id, c]));
    conceptCache.set(snapshot, map);
  }
  return map;
}

/** Concepts by folded label (`foldLabel`), as [[wikilinks]] name them. */
export function selectConceptsByLabel(state: UiState): Map<string, ConceptSummary> {
  const snapshot = state.snapshot;
  if (!snapshot) return EMPTY_MAP as Map<string, ConceptSummary>;
  let map = labelCache.get(snapshot);
  if (!map) {
    map = new Map(snapshot.concepts.map((c) => [foldLabel(c.label), c]));
    labelCache.set(snapshot, map);
  }
  return map;
}

const ownWorkCache = new WeakMap<object, boolean>();

/** Whether the graph holds any concept or link the user made (memoised per snapshot). */
export function selectHasOwnWork(state: UiState): boolean {
  const snapshot = state.snapshot;
  if (!snapshot) return false;
  let own = ownWorkCache.get(snapshot);
  if (own === undefined) {
    own =
      snapshot.concepts.some((c) => c.origin === 'user') ||
      snapshot.links.some((l) => l.origin === 'user');
    ownWorkCache.set(snapshot, own);
  }
  return own;
}

/** Categories that have concepts, with their counts, largest first. */
export function selectLegend(state: UiState): LegendEntry[] {
  const snapshot = state.snapshot;
  if (!snapshot) return EMPTY_LIST as LegendEntry[];
  let legend = legendCache.get(snapshot);
  if (!legend) {
    const counts = new Map<string, number>();
    for (const c of snapshot.concepts) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    legend = snapshot.categories
      .map((c) => ({ ...c, count: counts.get(c.id) ?? 0 }))
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    legendCache.set(snapshot, legend);
  }
  return legend;
}

export const selectCanGoBack = (state: UiState): boolean => canGoBack(state.visited);
export const selectCanGoForward = (state: UiState): boolean => canGoForward(state.visited);
export const selectHasGraph = (state: UiState): boolean =>
  state.status === 'ready' && (state.snapshot?.concepts.length ?? 0) > 0;

const EMPTY_MAP = new Map<string, never>();
const EMPTY_LIST: never[] = [];
