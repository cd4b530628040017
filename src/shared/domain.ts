// Domain types shared by every process. Pure TypeScript: no Node, DOM or Electron.

/** Where a concept or link came from: the shipped default graph, the user, or an imported file. */
export type Origin = 'seed' | 'user' | 'import';

export interface Category {
  id: string;
  label: string;
  /** A CSS hex colour, `#rrggbb`. */
  color: string;
}

/** What a list or the graph needs to draw a concept. */
export interface ConceptSummary {
  id: string;
  label: string;
  category: string;
  origin: Origin;
}

export interface Concept extends ConceptSummary {
  description: string;
  /** Where it comes from in words: a section of the seed notes, or an imported file. */
  provenance: string | null;
  note: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Link {
  /** A stable numeric id, unique within one database. */
  id: number;
  source: string;
  target: string;
  relation: string;
  origin: Origin;
  note: string | null;
}

/** A link seen from one of its ends: the link and the concept at the other end. */
export interface LinkedConcept {
  link: Link;
  other: ConceptSummary;
}

export interface ConceptDetails {
  concept: Concept;
  outgoing: LinkedConcept[];
  incoming: LinkedConcept[];
}

export interface Position {
  id: string;
  x: number;
  y: number;
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
  /** `desktop` inside Electron, `browser` when served by `cairn serve`. */
  mode: 'desktop' | 'browser';
}
