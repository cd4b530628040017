// Suggested links for a concept's note: the concepts it names in plain text without a
// [[wikilink]] (unlinked mentions), and the typed links its sentences state ("etcd stores
// data for the API server") in the graph's own relations. Found by
// services/suggestions/ from note-mentions.ts.
import type { ConceptSummary } from './domain';

/** A concept the note names in plain text, and has no [[wikilink]] to. */
export interface MentionSuggestion {
  concept: ConceptSummary;
  /** The first occurrence, as written, and its sentence. */
  text: string;
  sentence: string;
  /** Where each occurrence starts in the note, in order: "Link it" takes the first, "Link all" every one. */
  at: number[];
}

/** A typed link a sentence of the note states, which the graph does not have yet. */
export interface TypedLinkSuggestion {
  source: ConceptSummary;
  target: ConceptSummary;
  /** One of the graph's relations, as the graph spells it. */
  relation: string;
  sentence: string;
}

export interface LinkSuggestions {
  mentions: MentionSuggestion[];
  links: TypedLinkSuggestion[];
  /** Suggestions left out past SUGGESTION_LIMIT of each kind. */
  more: number;
}

/** The most suggestions of each kind one answer lists. */
export const SUGGESTION_LIMIT = 50;
