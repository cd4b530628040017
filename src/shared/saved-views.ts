// Saved views (lenses): a named way of looking at the graph, kept in the graph file.
// A view holds what the map showed (filters, a local graph's focus and depth, or the
// whole graph), how it was arranged (the layout and the concepts' positions), what
// size and colour said, and the part of the map on screen. See docs/architecture.md,
// "Saved views".
import type { Position } from './domain';
import type { GraphFilter } from './filters';
import { FACETS } from './filters';
import { foldLabel } from './labels';
import type { Bounds } from './graph-view';
import { LAYOUTS, type LayoutName } from './layouts';
import type { ColourBy, MeasureName } from './structure';

export const VIEW_NAME_LENGTH = 120;
/**
 * The most positions a view keeps. A view of the whole of a big graph, drawn by region,
 * keeps none: its concepts stand where the graph's own layout has them.
 */
export const VIEW_POSITIONS_LIMIT = 10_000;
/** The most views one graph keeps. */
export const VIEWS_PER_GRAPH = 1_000;

/** A local graph as a view saves it (the map's `local` mode). */
export interface ViewFocus {
  ids: string[];
  depth: number;
  expanded: string[];
  showAll: string[];
}

export interface ViewStyling {
  sizeBy: MeasureName;
  colourBy: ColourBy;
}

/** Everything a view restores. */
export interface ViewSpec {
  filter: GraphFilter;
  /** The local graph it shows; null for the whole graph. */
  focus: ViewFocus | null;
  layout: LayoutName;
  styling: ViewStyling;
  /** Where each drawn concept stood; null when the graph was drawn by region. */
  positions: Position[] | null;
  /** The part of the map on screen, in model coordinates; null: fit what is drawn. */
  camera: Bounds | null;
}

/** A view as the list shows it. */
export interface SavedViewSummary {
  id: number;
  name: string;
  /** The focus concepts' labels (a local graph), or null (the whole graph). */
  focus: { labels: string[]; depth: number } | null;
  layout: LayoutName;
  /** How many filters are on. */
  filters: number;
  createdAt: string;
  updatedAt: string;
}

export interface SavedView extends SavedViewSummary {
  spec: ViewSpec;
}

/** How many facets and switches of a filter are on: "2 filters". */
export function filtersOn(filter: GraphFilter): number {
  let on = 0;
  for (const facet of FACETS) {
    if (filter[facet].hidden.length > 0 || filter[facet].only.length > 0) on++;
  }
  if (filter.note !== 'any') on++;
  if (filter.mine) on++;
  return on;
}

/** One line saying what a view shows: "Local graph of API server, depth 2 · Concentric · 1 filter". */
export function describeView(view: Pick<SavedViewSummary, 'focus' | 'layout' | 'filters'>): string {
  const parts: string[] = [];
  if (view.focus === null) parts.push('Whole graph');
  else {
    const [first, ...rest] = view.focus.labels;
    const around =
      first === undefined
        ? 'concepts no longer in the graph'
        : rest.length === 0
          ? first
          : `${first} and ${rest.length} more`;
    parts.push(`Local graph of ${around}, depth ${view.focus.depth}`);
  }
  parts.push(LAYOUTS[view.layout].label);
  if (view.filters > 0) parts.push(`${view.filters} filter${view.filters === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

/** A name not yet taken (compared as labels are, ignoring case): "Control plane copy", "… copy 2". */
export function freeViewName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map(foldLabel));
  const stem = base.slice(0, VIEW_NAME_LENGTH - 8).trim();
  if (!used.has(foldLabel(stem))) return stem;
  for (let n = 2; ; n++) {
    const name = `${stem} ${n}`;
    if (!used.has(foldLabel(name))) return name;
  }
}
