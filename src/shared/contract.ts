// The one API contract between the renderer and the services (see docs/architecture.md).
// The main-side handler type, the renderer's Promise client, the preload bridge and the
// HTTP routes are all derived from `CairnApi` and `CONTRACT_METHODS`.
import type {
  AppInfo,
  Category,
  ConceptDetails,
  ConceptSummary,
  ExportFile,
  ImportJob,
  GraphSnapshot,
  GraphStats,
  HistoryEntry,
  HistoryState,
  ImportResolutions,
  Link,
  Mutation,
  Neighbourhood,
  NoteSaved,
  PathsResult,
  Position,
  RecentGraph,
  SearchHit,
  UploadedFile,
  Vocabulary,
  WholeLayoutProgress,
} from './domain';
import type { ExportFormat } from './export-formats';
import type { GraphFilter } from './filters';
import type { GraphSummary, GraphView, LocalGraph, ViewRequest, ViewSettings } from './graph-view';
import type { LayoutName } from './layouts';
import type { ImportFormat } from './import-formats';
import type { CategoryShape } from './palette';
import type { SavedView, SavedViewSummary, ViewSpec } from './saved-views';
import type { StructureAnswer } from './structure';
import type { LinkSuggestions } from './suggestions';
import type { ChangesBetween, Timeline, TravelState } from './time-travel';

type NoArgs = Record<string, never>;

export interface CairnApi {
  getAppInfo(args: NoArgs): Promise<AppInfo>;
  getGraph(args: NoArgs): Promise<GraphSnapshot>;
  getConcept(args: { id: string }): Promise<ConceptDetails>;
  getNeighbourhood(args: { id: string; depth: number; limit?: number }): Promise<Neighbourhood>;
  search(args: { query: string; limit?: number }): Promise<SearchHit[]>;
  getStats(args: NoArgs): Promise<GraphStats>;
  savePositions(args: { positions: Position[] }): Promise<{ saved: number }>;
  getVocabulary(args: NoArgs): Promise<Vocabulary>;
  /**
   * Degrees, PageRank, betweenness, components and communities, with the top `top`
   * (default 10) of each. A big graph is measured in the background: the answer says so,
   * with the last measures meanwhile; ask again to follow it.
   */
  getStructure(args: { top?: number }): Promise<StructureAnswer>;
  /**
   * "How are X and Y connected?": the `k` shortest paths (default 3, at most 10) of at most
   * `maxHops` links (default 6, at most 12), in either direction unless `directed`, only
   * along `relations` when given and never along `avoid` ("mentions" names the links of
   * [[wikilinks]]), through what `filter` shows. No path: `noPath` says which limit stopped it.
   */
  findPaths(args: {
    from: string;
    to: string;
    k?: number;
    maxHops?: number;
    relations?: string[];
    avoid?: string[];
    directed?: boolean;
    filter?: GraphFilter;
  }): Promise<PathsResult>;

  // What the map draws: sized to what is on screen, never the whole of a big graph.
  getGraphSummary(args: { filter: GraphFilter }): Promise<GraphSummary>;
  getView(args: ViewRequest): Promise<GraphView>;
  getLocalGraph(args: {
    focus: string[];
    depth: number;
    expanded?: string[];
    showAll?: string[];
    filter: GraphFilter;
    perHub?: number;
  }): Promise<LocalGraph>;
  getViewSettings(args: NoArgs): Promise<ViewSettings>;
  /** The concept each label names (as [[wikilinks]] do, over all of Unicode), or null. */
  resolveLabels(args: {
    labels: string[];
  }): Promise<{ label: string; concept: ConceptSummary | null }[]>;
  saveFilter(args: { filter: GraphFilter }): Promise<{ saved: true }>;

  // Saved views (lenses), kept in the graph file. Saving, updating, renaming, duplicating
  // and deleting one are each an undoable entry in the history.
  listViews(args: NoArgs): Promise<SavedViewSummary[]>;
  getSavedView(args: { id: number }): Promise<SavedView>;
  /** A new view; its name must not be taken (ignoring case). */
  saveView(args: { name: string; spec: ViewSpec }): Promise<Mutation<SavedView>>;
  /** The view now holds `spec` (what the map shows now). */
  updateView(args: { id: number; spec: ViewSpec }): Promise<Mutation<SavedView>>;
  renameView(args: { id: number; name: string }): Promise<Mutation<SavedView>>;
  /** A copy named "NAME copy" (or "NAME copy 2", …). */
  duplicateView(args: { id: number }): Promise<Mutation<SavedView>>;
  deleteView(args: { id: number }): Promise<Mutation<{ id: number }>>;

  // Editing. Each call is one transaction and one undoable entry in the history.
  /** `category` names an existing category by id or label, or a new one to create. */
  createConcept(args: {
    label: string;
    category: string;
    description?: string;
    position?: { x: number; y: number };
  }): Promise<Mutation<ConceptDetails>>;
  updateConcept(args: {
    id: string;
    label?: string;
    category?: string;
    description?: string;
  }): Promise<Mutation<ConceptDetails>>;
  deleteConcept(args: { id: string }): Promise<Mutation<{ id: string; links: number }>>;
  createLink(args: {
    source: string;
    target: string;
    relation: string;
    note?: string;
  }): Promise<Mutation<Link>>;
  updateLink(args: { id: number; relation?: string; note?: string }): Promise<Mutation<Link>>;
  deleteLink(args: { id: number }): Promise<Mutation<{ id: number }>>;
  saveNote(args: { id: string; body: string }): Promise<Mutation<NoteSaved>>;
  setTags(args: { id: string; tags: string[] }): Promise<Mutation<ConceptDetails>>;

  // Suggested links: the concepts a note names without a [[wikilink]], and the typed
  // links its sentences state in the graph's relations. Accepting a typed link is createLink.
  getLinkSuggestions(args: { id: string }): Promise<LinkSuggestions>;
  /** Wraps the note's plain-text mentions of `target` that start at `at` (all of them without `at`) in [[ ]]. */
  linkMentions(args: { id: string; target: string; at?: number[] }): Promise<Mutation<NoteSaved>>;
  /**
   * Not offered again: the typed link `source relation target`, or (relation "mentions")
   * the mention of `target` in the note of `source`.
   */
  dismissSuggestion(args: {
    source: string;
    target: string;
    relation: string;
  }): Promise<Mutation<{ dismissed: true }>>;
  restoreOriginal(args: { id: string }): Promise<Mutation<ConceptDetails>>;
  /** Concepts dragged by hand. */
  moveConcepts(args: { positions: Position[] }): Promise<Mutation<{ moved: number }>>;
  /** A layout's result: one step that undo takes back whole. Pinned concepts stay. */
  applyLayout(args: {
    name: LayoutName;
    positions: Position[];
  }): Promise<Mutation<{ moved: number }>>;
  setPinned(args: { ids: string[]; pinned: boolean }): Promise<Mutation<{ changed: number }>>;
  /**
   * Places every concept without a position, a cluster per category, on the store: for a
   * graph too big to lay out in the window. One step undo takes back.
   */
  placeUnplaced(args: NoArgs): Promise<Mutation<{ moved: number }>>;
  /**
   * Lays the whole graph out with ForceAtlas2 on the store, for a graph the map draws by
   * region: one step undo takes back. Pinned concepts stay. Answers when it is done;
   * meanwhile the app works, and its changes wait only while the positions are written.
   */
  layoutWholeGraph(args: NoArgs): Promise<Mutation<{ moved: number }>>;
  /** How far the whole graph's layout has come, or null when none runs. */
  getWholeLayoutProgress(args: NoArgs): Promise<WholeLayoutProgress | null>;
  /** Stops the whole graph's layout if it has not begun to write: nothing moves. */
  cancelWholeLayout(args: NoArgs): Promise<{ cancelled: boolean }>;
  /** A category's colour (`#rrggbb`) and/or node shape (CATEGORY_SHAPES); at least one. */
  setCategoryStyle(args: {
    id: string;
    color?: string;
    shape?: CategoryShape;
  }): Promise<Mutation<Category>>;

  // History, kept in the database: it survives a restart.
  undo(args: NoArgs): Promise<Mutation<HistoryEntry | null>>;
  redo(args: NoArgs): Promise<Mutation<HistoryEntry | null>>;
  getHistory(args: { limit?: number }): Promise<{ entries: HistoryEntry[]; state: HistoryState }>;

  // Time travel: the graph as it was after any recorded change, rebuilt from the history.
  getTimeline(args: NoArgs): Promise<Timeline>;
  /**
   * Shows the graph just after change `after` (0: before the first), or as it is now
   * (null). Until then every read of the graph's contents (the map, search, details,
   * paths, structure, export) answers for that moment, and every change is refused.
   */
  travelTo(args: { after: number | null }): Promise<TravelState>;
  /**
   * "What changed since…": concepts added, edited and deleted, and links, from `from` to
   * `to` (default: now). `afterChange` starts just after that change instead (the
   * timeline's points), so a change made in the same millisecond is not missed.
   */
  getChangesBetween(args: {
    from: string;
    to?: string;
    afterChange?: number;
  }): Promise<ChangesBetween>;

  // Exchange. Exports come back as bytes to save; imports are previewed before anything is written.
  /** `conceptIds` limits the export to those concepts (the current view or the selection). */
  exportGraph(args: { format: ExportFormat; conceptIds?: string[] }): Promise<ExportFile>;
  startImport(args: { files: UploadedFile[]; format?: ImportFormat }): Promise<ImportJob>;
  getImportJob(args: { id: string }): Promise<ImportJob>;
  cancelImport(args: { id: string }): Promise<ImportJob>;
  /** Writes a previewed import; `resolutions` says how its conflicts go (by default: keep mine). */
  confirmImport(args: { id: string; resolutions?: ImportResolutions }): Promise<ImportJob>;

  // Several graphs: one open at a time.
  getRecentGraphs(args: NoArgs): Promise<RecentGraph[]>;
  /** The desktop app's native file dialog; browser mode has none (`supported: false`) and asks for a path. */
  chooseGraphFile(args: {
    purpose: 'open' | 'create';
  }): Promise<{ supported: boolean; path: string | null }>;
  openGraphFile(args: { path: string }): Promise<AppInfo>;
  createGraphFile(args: { path: string; empty?: boolean }): Promise<AppInfo>;
}

export type CairnMethod = keyof CairnApi;
export type ArgsOf<M extends CairnMethod> = Parameters<CairnApi[M]>[0];
type ResultOf<M extends CairnMethod> = Awaited<ReturnType<CairnApi[M]>>;

/** Main-side implementation of the contract: the same signatures, sync or async. */
export type CairnHandlers = {
  [M in CairnMethod]: (args: ArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>>;
};

// Listed by hand so that the sandboxed preload can import the names without the
// schemas; the check below fails to compile if a method is missing or extra.
export const CONTRACT_METHODS = [
  'getAppInfo',
  'getGraph',
  'getConcept',
  'getNeighbourhood',
  'search',
  'getStats',
  'savePositions',
  'getVocabulary',
  'getStructure',
  'getGraphSummary',
  'getView',
  'getLocalGraph',
  'getViewSettings',
  'resolveLabels',
  'saveFilter',
  'listViews',
  'getSavedView',
  'saveView',
  'updateView',
  'renameView',
  'duplicateView',
  'deleteView',
  'findPaths',
  'createConcept',
  'updateConcept',
  'deleteConcept',
  'createLink',
  'updateLink',
  'deleteLink',
  'saveNote',
  'setTags',
  'getLinkSuggestions',
  'linkMentions',
  'dismissSuggestion',
  'restoreOriginal',
  'moveConcepts',
  'applyLayout',
  'placeUnplaced',
  'layoutWholeGraph',
  'getWholeLayoutProgress',
  'cancelWholeLayout',
  'setPinned',
  'setCategoryStyle',
  'undo',
  'redo',
  'getHistory',
  'getTimeline',
  'travelTo',
  'getChangesBetween',
  'exportGraph',
  'startImport',
  'getImportJob',
  'cancelImport',
  'confirmImport',
  'getRecentGraphs',
  'chooseGraphFile',
  'openGraphFile',
  'createGraphFile',
] as const satisfies readonly CairnMethod[];

type Missing = Exclude<CairnMethod, (typeof CONTRACT_METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : Missing = true;
void everyMethodListed;

/**
 * An object with one function per contract method, each made by `make`: the one place
 * such an object is built (the renderer's client, the preload bridge, the workspace's
 * forwarding). It has no prototype, so no method name can meet Object.prototype.
 */
export function perMethod<F>(make: (method: CairnMethod) => F): Record<CairnMethod, F> {
  const object = Object.create(null) as Record<CairnMethod, F>;
  for (const method of CONTRACT_METHODS) object[method] = make(method);
  return object;
}

/** The contract as Promise-returning calls over one generic `call`, e.g. a transport. */
export function contractClient(
  call: (method: CairnMethod, args: unknown) => Promise<unknown>,
): CairnApi {
  return perMethod((method) => (args: unknown) => call(method, args)) as unknown as CairnApi;
}

/** Handlers that forward every call to whichever handlers `current` returns at the time. */
export function forwardingHandlers(current: () => CairnHandlers): CairnHandlers {
  return perMethod(
    (method) => (args: unknown) => (current()[method] as (a: unknown) => unknown)(args),
  ) as unknown as CairnHandlers;
}

/**
 * Whether each method changes the open graph (or starts something that would): these
 * are refused when the graph is read-only. A new method must be listed here to compile.
 */
export const WRITING_METHODS = {
  getAppInfo: false,
  getGraph: false,
  getConcept: false,
  getNeighbourhood: false,
  search: false,
  getStats: false,
  savePositions: true,
  getVocabulary: false,
  // Measuring keeps the measures in the file, but changes nothing of the graph; a
  // read-only graph is measured in memory.
  getStructure: false,
  resolveLabels: false,
  findPaths: false,
  getGraphSummary: false,
  getView: false,
  getLocalGraph: false,
  getViewSettings: false,
  saveFilter: true,
  listViews: false,
  getSavedView: false,
  saveView: true,
  updateView: true,
  renameView: true,
  duplicateView: true,
  deleteView: true,
  createConcept: true,
  updateConcept: true,
  deleteConcept: true,
  createLink: true,
  updateLink: true,
  deleteLink: true,
  saveNote: true,
  setTags: true,
  getLinkSuggestions: false,
  linkMentions: true,
  dismissSuggestion: true,
  restoreOriginal: true,
  moveConcepts: true,
  applyLayout: true,
  placeUnplaced: true,
  layoutWholeGraph: true,
  getWholeLayoutProgress: false,
  cancelWholeLayout: false,
  setPinned: true,
  setCategoryStyle: true,
  undo: true,
  redo: true,
  getHistory: false,
  // Travelling changes nothing in the graph: the past is rebuilt in memory.
  getTimeline: false,
  travelTo: false,
  getChangesBetween: false,
  exportGraph: false,
  startImport: true,
  getImportJob: false,
  cancelImport: false,
  confirmImport: true,
  // Switching to another graph file changes nothing in this one.
  getRecentGraphs: false,
  chooseGraphFile: false,
  openGraphFile: false,
  createGraphFile: false,
} as const satisfies Record<CairnMethod, boolean>;

export function writesToGraph(method: CairnMethod): boolean {
  return WRITING_METHODS[method];
}

export function isContractMethod(name: string): name is CairnMethod {
  return (CONTRACT_METHODS as readonly string[]).includes(name);
}

/** The IPC channel of one method: every method has its own. */
export function ipcChannel(method: CairnMethod): string {
  return `cairn:${method}`;
}
