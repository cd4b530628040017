import type { ChangesBetween, Timeline, TravelState } from '../../../shared/time-travel';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  PathsResult,
  AppInfo,
  ConceptDetails,
  HistoryEntry,
  HistoryState,
  Link,
  SearchHit,
  Vocabulary,
  WholeLayoutProgress,
} from '../../../shared/domain';
import type { ErrorInfo } from '../../../shared/errors';
import { NO_FILTER, type GraphFilter } from '../../../shared/filters';
import type { GraphSummary, HubRemainder, ViewConcept } from '../../../shared/graph-view';
import type { LayoutName } from '../../../shared/layouts';
import type { SavedViewSummary } from '../../../shared/saved-views';
import type { MeasureName, StructureAnswer } from '../../../shared/structure';
import type { Theme } from '../graph/styles';
import type { ColourBy } from '../graph/styling';
import { NOTHING_VISITED, type Visited } from './visited';

type Status = 'loading' | 'ready' | 'empty' | 'error';

export interface SearchState {
  query: string;
  results: SearchHit[];
  /** The query the results belong to; differs from `query` while a request is in flight. */
  resultsFor: string;
  activeIndex: number;
  open: boolean;
  error: string | null;
}

interface DetailsState {
  id: string;
  data: ConceptDetails | null;
  error: string | null;
}

/** The Paths panel: the two ends, the limits, and the answer. */
export interface PathSearch {
  from: string | null;
  fromText: string;
  to: string | null;
  toText: string;
  k: number;
  maxHops: number;
  directed: boolean;
  relations: string[];
  avoid: string[];
  result: PathsResult | null;
  /** The path lit on the map. */
  active: number;
  busy: boolean;
  error: string | null;
}

/** The one modal dialog open at a time, if any. */
export type Dialog =
  | { kind: 'palette' }
  | {
      kind: 'new-concept';
      label?: string;
      position?: { x: number; y: number };
      /** A note that named this concept in a [[wikilink]]: saved again once it exists. */
      mentionedBy?: string;
    }
  | { kind: 'delete-concept'; id: string }
  | { kind: 'new-link'; source: string; target: string }
  | { kind: 'export' }
  | { kind: 'import' }
  | { kind: 'graph-file'; purpose: 'new' | 'open' }
  /** A layout would move `handPlaced` concepts the user placed by hand: ask first. */
  | { kind: 'confirm-layout'; name: LayoutName; handPlaced: number };

/** A quiet confirmation shown for a few seconds, e.g. after an export or an import. */
interface Toast {
  message: string;
  /** Offers Undo beside the message (an import that can be taken back). */
  undo?: boolean;
  /** Bumped for every toast, so the same sentence twice still shows again. */
  seq: number;
}

/** The change log kept by the services: what undo and redo would do, and the entries. */
export interface ChangesState {
  state: HistoryState;
  /** Loaded when the history panel opens; null until then. */
  entries: HistoryEntry[] | null;
  error: string | null;
}

type NoteStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface NoteState {
  /** The concept whose note the status belongs to. */
  id: string | null;
  status: NoteStatus;
  error: string | null;
  /** [[Names]] the last save could not resolve. */
  unresolved: string[];
  /** Bumped when the note changed outside the editor (undo, redo), so it reloads. */
  version: number;
}

export interface UiState {
  status: Status;
  error: ErrorInfo | null;
  appInfo: AppInfo | null;
  /** The graph as the legend and the filter panel show it; null until loaded. */
  summary: GraphSummary | null;
  /** What the map draws now: the whole graph, a region of a big one, or a local graph. */
  drawn: DrawnGraph | null;
  /** What the map shows of the graph (kept in the graph file across restarts). */
  filter: GraphFilter;
  /** The whole graph, or the local graph around some concepts. */
  mode: MapMode;
  /** The layout the graph is arranged with. */
  layout: LayoutName;
  selectedId: string | null;
  /**
   * Every selected concept (shift+click, shift+drag a box). The focused one, whose
   * details show, is `selectedId`; it is always part of this list when set.
   */
  selection: string[];
  details: DetailsState | null;
  /** Concepts visited, for Back and Forward. */
  visited: Visited;
  search: SearchState;
  theme: Theme;
  highlightedCategory: string | null;
  /**
   * A layout computing in the worker, or on the store for a big graph: how many concepts,
   * which layout, and (on the store) how many of its iterations are done.
   */
  layoutRunning: { count: number; name: LayoutName; progress: WholeLayoutProgress | null } | null;
  /**
   * How many concepts the store is placing by category (a big graph's first open), while
   * it does: the app answers meanwhile, the map waits for their positions.
   */
  placing: number | null;
  /** Which path the first draw took, once it is done. */
  firstLayout: 'stored' | 'computed' | null;
  /** A problem that does not stop the app, shown in the status bar. */
  notice: string | null;
  vocabulary: Vocabulary | null;
  dialog: Dialog | null;
  changes: ChangesState;
  historyOpen: boolean;
  /** What the map last said to screen readers (a keyboard step); `seq` makes a repeat heard. */
  announcement: { text: string; seq: number };
  /** The list view: what the map shows as tables, over the map. */
  listOpen: boolean;
  /** The Structure panel (statistics of the graph), when open. */
  structureOpen: boolean;
  /** The graph's measured structure, once asked for (the panel, or styling by a measure). */
  structure: StructureAnswer | null;
  /** The Views panel (saved views), when open. */
  viewsOpen: boolean;
  /** The graph's saved views, once asked for (the panel, the palette); null until then. */
  savedViews: SavedViewSummary[] | null;
  /** The saved view last opened or saved, while the map still shows it. */
  activeView: { id: number; name: string } | null;
  /** What a concept's size and colour say on the map (graph/styling.ts). */
  styling: { sizeBy: MeasureName; colourBy: ColourBy };
  /** The Paths panel ("how are X and Y connected?"), when open. */
  paths: PathSearch | null;
  /** The details header is a form. */
  editing: boolean;
  /** The Add link form is open in the details panel. */
  addingLink: boolean;
  note: NoteState;
  toast: Toast | null;
  /** The timeline, while it is open: the graph as it was after a recorded change. */
  timeTravel: TimeTravelUi | null;
}

export interface TimeTravelUi {
  /** The changes in effect, oldest first; null while it loads. */
  timeline: Timeline | null;
  /** The timeline's position: 0 before the first change, `entries.length` now. */
  index: number;
  /** What the map shows (null: now). */
  state: TravelState | null;
  busy: boolean;
  /** "What changed since…" the moment shown, when asked. */
  changes: ChangesBetween | null;
}

export type UiStore = StoreApi<UiState>;

/** What the map draws now. Positions are the concepts' own (`x`, `y`). */
export interface DrawnGraph {
  /** `whole`: the filtered graph; `region`: part of a big one; `local`: a local graph. */
  scope: 'whole' | 'region' | 'local';
  concepts: ViewConcept[];
  links: Link[];
  /** How many concepts the filter shows in the whole graph. */
  shown: number;
  /** Some concepts of the region or local graph were left out (a limit was reached). */
  truncated: boolean;
  /** In a local graph: hubs with more neighbours than are drawn. */
  remainders: HubRemainder[];
}

export type MapMode =
  | { kind: 'graph' }
  | {
      kind: 'local';
      /** The concepts the local graph is around. */
      focus: string[];
      depth: number;
      /** Concepts whose neighbours were added (Expand). */
      expanded: string[];
      /** Hubs whose every neighbour is shown. */
      showAll: string[];
    };

export const WHOLE_GRAPH: MapMode = { kind: 'graph' };

export const EMPTY_SEARCH: SearchState = {
  query: '',
  results: [],
  resultsFor: '',
  activeIndex: -1,
  open: false,
  error: null,
};

export const EMPTY_CHANGES: ChangesState = {
  state: { canUndo: false, canRedo: false, undoSummary: null, redoSummary: null },
  entries: null,
  error: null,
};

export const IDLE_NOTE: NoteState = {
  id: null,
  status: 'idle',
  error: null,
  unresolved: [],
  version: 0,
};

export function createUiStore(theme: Theme): UiStore {
  return createStore<UiState>()(() => ({
    status: 'loading',
    error: null,
    appInfo: null,
    summary: null,
    drawn: null,
    filter: NO_FILTER,
    mode: WHOLE_GRAPH,
    layout: 'force',
    selectedId: null,
    selection: [],
    details: null,
    visited: NOTHING_VISITED,
    search: EMPTY_SEARCH,
    theme,
    highlightedCategory: null,
    layoutRunning: null,
    placing: null,
    firstLayout: null,
    notice: null,
    vocabulary: null,
    dialog: null,
    changes: EMPTY_CHANGES,
    historyOpen: false,
    announcement: { text: '', seq: 0 },
    listOpen: false,
    structureOpen: false,
    structure: null,
    viewsOpen: false,
    savedViews: null,
    activeView: null,
    styling: { sizeBy: 'degree', colourBy: 'category' },
    paths: null,
    editing: false,
    addingLink: false,
    note: IDLE_NOTE,
    toast: null,
    timeTravel: null,
  }));
}
