// Time travel: the graph as it was after any recorded change, rebuilt from the change
// log (services/time-travel/). Shared by the contract, the app and the CLI.
import type { ConceptSummary } from './domain';

/** A recorded change, a point of the timeline. */
export interface TimelineEntry {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  summary: string;
}

export interface Timeline {
  /** The changes in effect now, oldest first. */
  entries: TimelineEntry[];
  /** Undone changes (what Redo would bring back): not on the timeline. */
  undone: number;
}

/** What the map shows while travelling. */
export interface TravelState {
  /** The change the graph is shown just after; 0: before the first one. null: now. */
  after: number | null;
  /** When that change was made (null: before the first, or now). */
  at: string | null;
  /** Concepts shown that have been deleted since: drawn faded. */
  ghosts: string[];
  /** Links shown that have been deleted since (their ids): drawn faded too. */
  ghostLinks: number[];
  /** What the log cannot tell about this moment, one sentence each. */
  caveats: string[];
}

export interface ConceptChange {
  concept: ConceptSummary;
  /** For an edit: what changed (label, category, description, note, tags). */
  what: string[];
  /** For a rename: the label it had before. */
  before?: string;
}

/** What changed between two moments, in words and ids (services/time-travel/changes.ts). */
export interface ChangesBetween {
  from: string;
  to: string;
  /** How many recorded changes fall between. */
  changes: number;
  added: ConceptSummary[];
  edited: ConceptChange[];
  /** Deleted concepts, as they were before. */
  deleted: ConceptSummary[];
  linksAdded: number;
  linksRemoved: number;
}

/** The most concepts each list of ChangesBetween holds. */
export const CHANGES_LIST_LIMIT = 200;
