// What the map draws: a view of the graph, sized to what is on screen rather than to the
// whole graph, and the summary the legend and filter panel show. See docs/architecture.md,
// "At scale: draw what is seen".
import type { Category, ConceptSummary, Link, Origin } from './domain';
import type { GraphFilter } from './filters';
import type { LayoutName } from './layouts';

/** Up to this many concepts the whole (filtered) graph is one view, as a small graph is. */
export const WHOLE_GRAPH_VIEW = 2_500;
/** The most concepts one view of a big graph holds. */
export const VIEW_LIMIT = 4_000;

/** Zoom tiers (services/view/tiers.ts): tier 0 is this many cells a side over the layout. */
export const TIER_GRID = 8;
export const MAX_TIER = 16;
/** The renderer draws a tier when its cells are at least this many pixels a side. */
const TIER_CELL_PX = 90;

/** The zoom tier to draw at this zoom, for a layout `size` model units across. */
export function tierForZoom(size: number, zoom: number): number {
  const tier = Math.floor(Math.log2((size * zoom) / (TIER_GRID * TIER_CELL_PX)));
  return Math.min(MAX_TIER, Math.max(0, Number.isFinite(tier) ? tier : 0));
}

/** A concept as the map draws it: where it is, how linked, from which zoom tier. */
export interface ViewConcept extends ConceptSummary {
  /** Stored position; null when it has none yet (a layout places it). */
  x: number | null;
  y: number | null;
  /** Links at this concept, in either direction, in the whole graph. */
  degree: number;
  inDegree: number;
  outDegree: number;
  /**
   * PageRank, betweenness and community as last measured (services/structure/); null
   * until the graph is first measured, and for a concept added since.
   */
  measures: { pagerank: number; betweenness: number; community: number } | null;
  /** The zoom tier from which it is drawn (services/view/tiers.ts). */
  tier: number;
  pinned: boolean;
  /** Placed by hand (dragged): a layout asks before moving it. */
  manual: boolean;
}

/** Model coordinates of a rectangle of the map. */
export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ViewRequest {
  filter: GraphFilter;
  /** The part of the map to draw; ignored when the whole graph fits in one view. */
  bounds?: Bounds;
  /** The zoom tier: concepts of this tier or below are drawn. */
  tier?: number;
  /** Concepts to draw whatever the bounds and tier say (the focus, the selection). */
  include?: string[];
}

export interface GraphView {
  /** `whole`: every concept the filter shows; `region`: those of `bounds` up to `tier`. */
  scope: 'whole' | 'region';
  concepts: ViewConcept[];
  /** The links among the concepts of the view that the filter shows. */
  links: Link[];
  /** How many concepts the filter shows in the whole graph. */
  shown: number;
  /** True when the region held more than VIEW_LIMIT concepts and some were left out. */
  truncated: boolean;
}

/** One entry of a filter facet, with how many concepts or links it counts. */
export interface FacetEntry {
  key: string;
  label: string;
  /** In the whole graph. */
  total: number;
  /** Among what the filter shows now. */
  shown: number;
}

export interface CategoryEntry extends Category, Omit<FacetEntry, 'key' | 'label'> {}

/** The graph as the legend and the filter panel see it, with counts that follow the filter. */
export interface GraphSummary {
  concepts: { total: number; shown: number };
  links: { total: number; shown: number };
  categories: CategoryEntry[];
  relations: FacetEntry[];
  origins: (FacetEntry & { key: Origin })[];
  importFiles: FacetEntry[];
  /** The most used tags (at most 200), and any the filter names. */
  tags: FacetEntry[];
  notes: { with: number; without: number };
  /** Links the user made (Only mine shows them even between concepts of the default graph). */
  ownLinks: number;
  /** Where the layout is, for the map's zoom tiers; null while nothing has a position. */
  layout: { minX: number; minY: number; size: number; positioned: number } | null;
}

/** A concept of a local graph, with how far it is from the nearest focus. */
export interface LocalConcept extends ViewConcept {
  distance: number;
}

/** A concept whose neighbours were not all brought in (a hub): how many were left out. */
export interface HubRemainder {
  id: string;
  shown: number;
  total: number;
}

export interface LocalGraph {
  focus: string[];
  depth: number;
  concepts: LocalConcept[];
  links: Link[];
  /** Hubs with more neighbours than were shown, most left out first. */
  remainders: HubRemainder[];
}

/** What the map showed last time a graph was open (kept in the graph file). */
export interface ViewSettings {
  filter: GraphFilter;
  layout: LayoutName;
}
