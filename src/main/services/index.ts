import type { Database } from 'better-sqlite3';
import type { CairnHandlers } from '../../shared/contract';
import type { AppInfo } from '../../shared/domain';
import { Editor } from './editing/editor';
import { GraphReader } from './graph-reader';
import { savePositions } from './positions';
import { SearchService } from './search';
import { graphStats, vocabulary } from './stats';

/**
 * The service layer behind the contract: plain Node code that runs the same in
 * Vitest, the CLI, the browser-mode server and Electron's main process.
 */
export function createHandlers(db: Database, appInfo: AppInfo): CairnHandlers {
  const reader = new GraphReader(db);
  const search = new SearchService(db);
  const editor = new Editor(db, reader);
  return {
    getAppInfo: () => appInfo,
    getGraph: () => reader.snapshot(),
    getConcept: ({ id }) => reader.concept(id),
    getNeighbourhood: ({ id, depth, limit }) => reader.neighbourhood(id, depth, limit),
    search: ({ query, limit }) => search.search(query, limit),
    getStats: () => graphStats(db),
    savePositions: ({ positions }) => ({ saved: savePositions(db, positions) }),
    getVocabulary: () => vocabulary(db),
    createConcept: (args) => editor.createConcept(args),
    updateConcept: (args) => editor.updateConcept(args),
    deleteConcept: ({ id }) => editor.deleteConcept(id),
    createLink: (args) => editor.createLink(args),
    updateLink: (args) => editor.updateLink(args),
    deleteLink: ({ id }) => editor.deleteLink(id),
    saveNote: ({ id, body }) => editor.saveNote(id, body),
    setTags: ({ id, tags }) => editor.setTags(id, tags),
    restoreOriginal: ({ id }) => editor.restoreOriginal(id),
    undo: () => editor.undo(),
    redo: () => editor.redo(),
    getHistory: ({ limit }) => editor.getHistory(limit),
  };
}
