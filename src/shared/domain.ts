// Domain types shared by every process. Pure TypeScript: no Node, DOM or Electron.
import type { CategoryShape } from './palette';

/** Where a concept or link came from: the shipped default graph, the user, or an imported file. */
export type Origin = 'seed' | 'user' | 'import';

/** How each origin is named to the user: the details, the filter, the legend, `cairn stats`. */
export const ORIGIN_LABELS: Readonly<Record<Origin, string>> = {
  seed: 'Default graph',
  user: 'Yours',
  import: 'Imported',
};

export interface Category {
  id: string;
  label: string;
  /** A CSS hex colour, `#rrggbb`. */
  color: string;
  /** The node shape of its concepts (src/shared/palette.ts): categories beyond the palette's colours differ by shape. */
  shape: CategoryShape;
}

/** What a list or the graph needs to draw a concept. */
export interface ConceptSummary {
  id: string;
  label: string;
  category: string;
  origin: Origin;
}

/** The types an attribute keeps, GraphML's names (GEXF's `integer` is `int`). */
export const ATTRIBUTE_TYPES = ['string', 'boolean', 'int', 'long', 'float', 'double'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** A value Cairn has no field for (a Gephi `degree`), kept from an import and written back on export. */
export interface Attribute {
  name: string;
  type: AttributeType;
  value: string;
}

export interface Concept extends ConceptSummary {
  description: string;
  /** Where it comes from in words: a section of the seed notes, or an imported file. */
  provenance: string | null;
  note: string;
  tags: string[];
  /** For a concept of the default graph: whether the user has changed it. */
  seedState: 'pristine' | 'edited' | null;
  /** Attributes from imports, by name. */
  attributes: Attribute[];
  createdAt: string;
  updatedAt: string;
}

/** `typed` links are drawn by the user or shipped; `mention` links come from [[wikilinks]] in notes. */
export type LinkKind = 'typed' | 'mention';

export interface Link {
  /** A stable numeric id, unique within one database. */
  id: number;
  source: string;
  target: string;
  relation: string;
  origin: Origin;
  kind: LinkKind;
  note: string | null;
}

/** A link seen from one of its ends: the link and the concept at the other end. */
export interface LinkedConcept {
  link: Link;
  other: ConceptSummary;
}

/** A note of another concept that mentions this one, with the line that does. */
export interface Backlink {
  concept: ConceptSummary;
  excerpt: string;
}

export interface ConceptDetails {
  concept: Concept;
  /** Typed links only; the note's own [[wikilinks]] are in `mentions`. */
  outgoing: LinkedConcept[];
  incoming: LinkedConcept[];
  /** Concepts this concept's note links to with [[wikilinks]]. */
  mentions: ConceptSummary[];
  /** Notes of other concepts that mention this one. */
  backlinks: Backlink[];
}

export interface Position {
  id: string;
  x: number;
  y: number;
  /** Pinned in place: layouts leave it where it is. */
  pinned?: boolean;
  /** Placed by hand (dragged) since the last layout: a layout asks before moving it. */
  manual?: boolean;
}

/** Everything the map needs to draw the whole graph in one request. */
export interface GraphSnapshot {
  categories: Category[];
  concepts: ConceptSummary[];
  links: Link[];
  /** Stored layout positions; concepts without one are laid out by the client. */
  positions: Position[];
}

export interface Neighbourhood {
  centre: string;
  depth: number;
  concepts: ConceptSummary[];
  links: Link[];
  /** True when the walk stopped at the concept limit before reaching the full depth. */
  truncated: boolean;
}

/** One step of a path: from one concept to the next, along one link. */
export interface PathHop {
  from: ConceptSummary;
  relation: string;
  to: ConceptSummary;
  /** `forward` when the step goes the link's own way (from its source to its target), `backward` against it. */
  direction: 'forward' | 'backward';
  /** The link stepped along (a mention link has the relation "mentions"). */
  linkId: number;
}

/**
 * A limit that kept `findPaths` from finding a path: the hop limit, following link
 * direction, the relations asked for or avoided, the map's filter, an end the filter
 * hides, several of these together (`several`), or none: the two are not connected.
 */
export type PathLimit =
  | 'max-hops'
  | 'direction'
  | 'relations'
  | 'avoid'
  | 'filter'
  | 'hidden-end'
  | 'several'
  | 'disconnected';

/** The answer to "how are X and Y connected?". */
export interface PathsResult {
  from: ConceptSummary;
  to: ConceptSummary;
  /** Shortest first (ties in a stable order); each path is its hops from `from` to `to`. */
  paths: PathHop[][];
  /** The limits the search ran with, defaults filled in. */
  k: number;
  maxHops: number;
  directed: boolean;
  /** When there is no path: one sentence naming the limit that stopped it; otherwise null. */
  noPath: string | null;
  /** The limits that stopped it (relaxing any one of them would find a path); empty when there are paths. */
  stoppedBy: PathLimit[];
}

/** A piece of a search snippet; `match` marks the words that matched the query. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  id: string;
  label: string;
  category: string;
  origin: Origin;
  snippet: SnippetPart[];
}

export interface CountBy {
  key: string;
  label: string;
  count: number;
}

export interface GraphStats {
  concepts: number;
  links: number;
  notes: number;
  tags: number;
  byCategory: CountBy[];
  byRelation: CountBy[];
  byOrigin: CountBy[];
}

export interface AppInfo {
  version: string;
  databasePath: string;
  /** The graph file's name without its folder, for the window title. */
  graphName: string;
  /** `desktop` inside Electron, `browser` when served by `cairn serve`. */
  mode: 'desktop' | 'browser';
  /**
   * The graph was opened for reading only, because its file or its folder cannot be
   * written: every method that would change it is refused (see WRITING_METHODS).
   */
  readOnly: boolean;
}

/** What a change did to the drawn graph, so the map can update without reloading. */
export interface GraphPatch {
  /** Concepts created or changed (including a changed note, tags or position). */
  concepts: ConceptSummary[];
  removedConcepts: string[];
  links: Link[];
  removedLinks: number[];
  positions: Position[];
  /** Every category, when any category was created or changed; otherwise null. */
  categories: Category[] | null;
  /** A saved view was added, changed or removed (the views panel reloads its list). */
  viewsChanged?: true;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** What Undo would undo, e.g. `Renamed “Pod” to “Pods”`. */
  undoSummary: string | null;
  redoSummary: string | null;
}

export interface HistoryEntry {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  summary: string;
  undone: boolean;
}

/** The answer to every call that changes the graph. */
export interface Mutation<T> {
  value: T;
  patch: GraphPatch;
  history: HistoryState;
}

/** How far a layout of the whole graph on the store has come (services/layout). */
export interface WholeLayoutProgress {
  /** Iterations done, of `total`. */
  done: number;
  total: number;
  concepts: number;
}

export interface NoteSaved {
  details: ConceptDetails;
  /** [[Names]] in the note that match no concept: the app offers to create them. */
  unresolved: string[];
}

export interface Vocabulary {
  relations: CountBy[];
  categories: Category[];
  tags: CountBy[];
}

/** What an import found that a concept already in the graph holds differently. */
export const IMPORT_CONFLICT_KINDS = ['description', 'category', 'note', 'attributes'] as const;
export type ImportConflictKind = (typeof IMPORT_CONFLICT_KINDS)[number];

export interface ImportConflict {
  kind: ImportConflictKind;
  /** The concept's id in the file, which names the conflict in a choice. */
  key: string;
  line: number;
  label: string;
  /** The id of the concept in the graph it matched. */
  existing: string;
  /** What the graph holds and what the file holds (shortened for the preview). */
  mine: string;
  theirs: string;
}

/** For each kind of conflict: keep what the graph holds, take the file's, or decide one by one. */
export interface ImportResolutions {
  choices: { kind: ImportConflictKind; take: 'mine' | 'theirs' | 'each' }[];
  /** With `each`: the conflicts (by kind and file id) that take the file's value; the rest keep mine. */
  theirs: { kind: ImportConflictKind; key: string }[];
}

/** What an import did, or would do (a preview writes nothing). */
export interface ImportReport {
  file: string;
  format: string;
  concepts: { added: number; matched: number };
  links: {
    /** Typed links added. */
    added: number;
    /** Mention links made from the [[wikilinks]] of the notes it brought. */
    mentions: number;
    alreadyPresent: number;
    /** Links from a concept to itself, which Cairn cannot hold (named in `warnings`). */
    skipped: number;
    /** Edges that repeated an earlier one exactly (same ends, relation, note, attributes). */
    merged: number;
  };
  categoriesAdded: string[];
  /** What it adds, for the preview: the first concepts, and every relation with its count. */
  adding: {
    concepts: { label: string; category: string }[];
    relations: { relation: string; kind: LinkKind; count: number }[];
  };
  /** Concepts of the file that were already in the graph (the first 100). */
  duplicates: { line: number; label: string; matchedBy: 'id' | 'label'; existing: string }[];
  duplicateCount: number;
  /** Per kind, how many concepts differ; `items` lists the first ones of each kind. */
  conflicts: { counts: { kind: ImportConflictKind; count: number }[]; items: ImportConflict[] };
  /** Everything it could not keep, and anything else worth knowing, one sentence each. */
  warnings: string[];
  /** After a real import: the ids of the concepts it added (the app selects them). */
  newConceptIds: string[];
  /** The saved views it adds (Cairn's JSON carries them), by name. */
  viewsAdded: string[];
}

export interface RecentGraph {
  path: string;
  name: string;
  /** ISO 8601. */
  openedAt: string;
  exists: boolean;
}

/** A file sent from the renderer for import: its path inside what the user chose, and its bytes. */
export interface UploadedFile {
  /** Relative path, `/`-separated: a file name, or `vault/folder/note.md` for a chosen folder. */
  path: string;
  /** The file's bytes, base64-encoded (so any encoding arrives intact, to be checked on import). */
  base64: string;
}

export interface ImportJob {
  id: string;
  state: 'reading' | 'ready' | 'failed' | 'cancelled' | 'done';
  /** 0 to 1 while reading. */
  progress: number;
  /** The preview (state `ready`) or the result (state `done`). */
  report: ImportReport | null;
  /** One sentence, when `failed`. */
  error: string | null;
}

/** An export handed to the renderer to save as a download. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
  concepts: number;
  links: number;
}
