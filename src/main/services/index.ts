import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { CONTRACT_METHODS, writesToGraph, type CairnHandlers } from '../../shared/contract';
import type { AppInfo, RecentGraph } from '../../shared/domain';
import { CairnError } from '../../shared/errors';
import { BackgroundStore } from './background/background-store';
import { Editor } from './editing/editor';
import { conceptByLabel } from './editing/lookups';
import { GraphReader } from './graph-reader';
import { ImportJobs, type ImportRunner } from './import/import-jobs';
import { WholeLayout } from './layout/whole-layout';
import { PathFinder } from './paths/find-paths';
import { savePositions } from './positions';
import { SearchService } from './search';
import { graphStats, vocabulary } from './stats';
import { StructureService } from './structure/structure-service';
import { linkSuggestions, VocabularyCache } from './suggestions/link-suggestions';
import { changesBetween } from './time-travel/changes';
import { TimeMachine, timelineOf } from './time-travel/time-machine';
import { travellingHandlers } from './time-travel/travel-handlers';
import { LocalGraphs } from './view/local-graph';
import { GraphSummaries } from './view/summary';
import { ViewQuery } from './view/view-query';
import { readViewSettings, saveFilter } from './view/view-settings';
import { listViews, readView } from './views/saved-views';

/** Switching between graph files: the workspace's business, not one graph's. */
export interface GraphFiles {
  recent(): RecentGraph[];
  /** A native file dialog, where there is one (the desktop app); null when cancelled. */
  choose?: (purpose: 'open' | 'create') => Promise<string | null>;
  open(file: string): AppInfo;
  create(file: string, empty: boolean): AppInfo;
}

/** For a Cairn that serves one graph only (tests, and anything without a workspace). */
const ONE_GRAPH_ONLY: GraphFiles = {
  recent: () => [],
  open: () => {
    throw new CairnError(
      'invalid-argument',
      'This Cairn serves one graph; start it with another --db to open another.',
    );
  },
  create: () => {
    throw new CairnError(
      'invalid-argument',
      'This Cairn serves one graph; start it with another --db to open another.',
    );
  },
};

/** The one sentence for any change asked of a graph that was opened read-only. */
export function readOnlyError(
  graphName: string,
  what = 'nothing in it can be changed',
): CairnError {
  return new CairnError(
    'read-only',
    `${graphName} is open read-only, because Cairn cannot write to the file or its folder: ${what}.`,
  );
}

/** A read-only graph answers every method that would change it with one sentence. */
function refusingWrites(handlers: CairnHandlers, graphName: string): CairnHandlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const method of CONTRACT_METHODS) {
    if (writesToGraph(method))
      guarded[method] = () => {
        throw readOnlyError(graphName);
      };
  }
  return guarded as CairnHandlers;
}

/**
 * Every change waits while the background store writes (placing a big graph's concepts),
 * instead of meeting SQLite's lock on this thread.
 */
function waitingForBackgroundWrites(
  handlers: CairnHandlers,
  background: BackgroundStore,
): CairnHandlers {
  const gated: Record<string, unknown> = { ...handlers };
  for (const method of CONTRACT_METHODS) {
    if (!writesToGraph(method)) continue;
    const handler = handlers[method] as (args: unknown) => unknown;
    gated[method] = async (args: unknown) => {
      await background.beforeWrite();
      return handler(args);
    };
  }
  return gated as CairnHandlers;
}

/**
 * The service layer behind the contract: plain Node code that runs the same in
 * Vitest, the CLI, the browser-mode server and Electron's main process.
 */
export function createHandlers(
  db: Database,
  appInfo: AppInfo,
  files: GraphFiles = ONE_GRAPH_ONLY,
  imports: ImportJobs = new ImportJobs(),
): CairnHandlers {
  const reader = new GraphReader(db);
  const search = new SearchService(db);
  const editor = new Editor(db, reader);
  const summaries = new GraphSummaries(db);
  const views = new ViewQuery(db);
  const localGraphs = new LocalGraphs(db);
  const paths = new PathFinder(db);
  const structure = new StructureService(db, appInfo.readOnly);
  const suggestionVocabulary = new VocabularyCache(db);
  const background = new BackgroundStore(db);
  const wholeLayout = new WholeLayout(db, background);
  const runImport: ImportRunner = (graph, file, options) =>
    background.run({ kind: 'import', graph, file, ...options });
  // The past, while the timeline shows it: the same services over the time machine's copy.
  const timeMachine = new TimeMachine(db);
  let past: { db: Database; handlers: CairnHandlers } | null = null;
  const pastHandlers = (copy: Database) =>
    createHandlers(copy, { ...appInfo, readOnly: true }, files, imports);
  const baseName = path.basename(appInfo.graphName, path.extname(appInfo.graphName)) || 'graph';
  const handlers: CairnHandlers = {
    getAppInfo: () => appInfo,
    getGraph: () => reader.snapshot(),
    getConcept: ({ id }) => reader.concept(id),
    getNeighbourhood: ({ id, depth, limit }) => reader.neighbourhood(id, depth, limit),
    search: ({ query, limit }) => search.search(query, limit),
    getStats: () => graphStats(db),
    savePositions: ({ positions }) => ({ saved: savePositions(db, positions) }),
    getVocabulary: () => vocabulary(db),
    getStructure: ({ top }) => structure.answer(top ?? 10),
    getGraphSummary: ({ filter }) => summaries.summary(filter),
    getView: (request) => views.view(request),
    getLocalGraph: (request) => localGraphs.localGraph(request),
    getViewSettings: () => readViewSettings(db),
    resolveLabels: ({ labels }) =>
      labels.map((label) => {
        const found = conceptByLabel(db, label);
        return { label, concept: found ? reader.summary(found.id) : null };
      }),
    saveFilter: ({ filter }) => {
      saveFilter(db, filter);
      return { saved: true };
    },
    listViews: () => listViews(db),
    getSavedView: ({ id }) => readView(db, id),
    saveView: ({ name, spec }) => editor.saveView(name, spec),
    updateView: ({ id, spec }) => editor.updateView(id, spec),
    renameView: ({ id, name }) => editor.renameView(id, name),
    duplicateView: ({ id }) => editor.duplicateView(id),
    deleteView: ({ id }) => editor.deleteView(id),
    moveConcepts: ({ positions }) => editor.moveConcepts(positions),
    applyLayout: ({ name, positions }) => editor.applyLayout(name, positions),
    placeUnplaced: () => background.run({ kind: 'placeUnplaced' }),
    layoutWholeGraph: () => wholeLayout.run(),
    getWholeLayoutProgress: () => wholeLayout.progress(),
    cancelWholeLayout: () => wholeLayout.cancel(),
    setPinned: ({ ids, pinned }) => editor.setPinned(ids, pinned),
    findPaths: (args) => paths.find(args),
    createConcept: (args) => editor.createConcept(args),
    updateConcept: (args) => editor.updateConcept(args),
    deleteConcept: ({ id }) => editor.deleteConcept(id),
    createLink: (args) => editor.createLink(args),
    updateLink: (args) => editor.updateLink(args),
    deleteLink: ({ id }) => editor.deleteLink(id),
    saveNote: ({ id, body }) => editor.saveNote(id, body),
    setTags: ({ id, tags }) => editor.setTags(id, tags),
    getLinkSuggestions: ({ id }) => linkSuggestions(db, suggestionVocabulary.current(), id),
    linkMentions: ({ id, target, at }) =>
      editor.linkMentions(suggestionVocabulary.current().lexicon, id, target, at),
    dismissSuggestion: ({ source, target, relation }) =>
      editor.dismissSuggestion(source, target, relation),
    restoreOriginal: ({ id }) => editor.restoreOriginal(id),
    setCategoryStyle: (args) => editor.setCategoryStyle(args),
    undo: () => editor.undo(),
    redo: () => editor.redo(),
    getHistory: ({ limit }) => editor.getHistory(limit),
    getTimeline: () => timelineOf(db),
    travelTo: ({ after }) => {
      const state = timeMachine.travelTo(after ?? 'now');
      // One set of services per copy: built when the timeline first leaves now.
      const copy = timeMachine.past;
      past = copy ? (past?.db === copy ? past : { db: copy, handlers: pastHandlers(copy) }) : null;
      return state;
    },
    getChangesBetween: ({ from, to, afterChange }) =>
      changesBetween(db, new Date(from), to ? new Date(to) : new Date(), afterChange),
    exportGraph: ({ format, conceptIds }) =>
      background.run({
        kind: 'export',
        format,
        baseName,
        scope: conceptIds ? { conceptIds } : undefined,
      }),
    startImport: ({ files: uploaded, format }) => imports.start(uploaded, format),
    getImportJob: ({ id }) => imports.get(id, runImport),
    cancelImport: ({ id }) => imports.cancel(id),
    confirmImport: ({ id, resolutions }) => imports.confirm(id, runImport, resolutions),
    getRecentGraphs: () => files.recent(),
    chooseGraphFile: async ({ purpose }) =>
      files.choose
        ? { supported: true, path: await files.choose(purpose) }
        : { supported: false, path: null },
    openGraphFile: ({ path: file }) => files.open(file),
    createGraphFile: ({ path: file, empty }) => files.create(file, empty ?? false),
  };
  const guarded = appInfo.readOnly
    ? refusingWrites(handlers, appInfo.graphName)
    : waitingForBackgroundWrites(handlers, background);
  // The past's handlers, while the copy they read is the one the time machine holds.
  return travellingHandlers(guarded, timeMachine, () =>
    past && timeMachine.past === past.db ? past.handlers : null,
  );
}
