import type { Database } from 'better-sqlite3';
import type { ConceptSummary } from '../../../shared/domain';
import { MentionLexicon } from '../../../shared/mention-lexicon';
import { relationKey, scanNote, type NoteScan } from '../../../shared/note-mentions';
import {
  SUGGESTION_LIMIT,
  type LinkSuggestions,
  type MentionSuggestion,
  type TypedLinkSuggestion,
} from '../../../shared/suggestions';
import { MENTIONS_RELATION } from '../../../shared/validation';
import { conceptByLabel, findConcept } from '../editing/lookups';
import { toSummary, type ConceptSummaryRow } from '../rows';
import { relationCounts } from '../stats';

// A [[wikilink]] holds no brackets or `|`, and at most 200 characters (note-markdown.ts):
// a label that cannot be written inside one is never suggested as a mention.
const LINKABLE = /^[^[\]|\n]{1,200}$/;

/** What suggestions are matched against: the concepts' names and the typed relations. */
export interface SuggestionVocabulary {
  lexicon: MentionLexicon;
  /** The typed relations in use, by their folded words ("stores data for"). */
  relations: Map<string, string>;
}

/**
 * The graph's names and relations, read once per version of the graph (the structure's
 * version, which every change to concepts or links and every import moves): 100,000
 * labels take a moment to fold, and notes are read far more often than the graph changes.
 */
export class VocabularyCache {
  private cached: { version: number; vocabulary: SuggestionVocabulary } | null = null;

  constructor(private readonly db: Database) {}

  current(): SuggestionVocabulary {
    const version = this.db.prepare('SELECT version FROM structure_state').pluck().get() as number;
    if (this.cached?.version !== version) {
      const rows = this.db.prepare('SELECT key, label FROM concepts').iterate() as Iterable<{
        key: number;
        label: string;
      }>;
      const linkable = (function* () {
        for (const row of rows) if (LINKABLE.test(row.label)) yield row;
      })();
      this.cached = {
        version,
        vocabulary: {
          lexicon: new MentionLexicon(linkable),
          relations: relationVocabulary(this.db),
        },
      };
    }
    return this.cached.vocabulary;
  }
}

/** What the note of concept `key` names, read now. */
export function scanNoteOf(db: Database, lexicon: MentionLexicon, key: number): NoteScan | null {
  const body = db.prepare('SELECT body FROM notes WHERE concept = ?').pluck().get(key) as
    string | undefined;
  if (body === undefined) return null;
  return scanNote(body, lexicon, (target) => conceptByLabel(db, target)?.key ?? null);
}

/** The links the note of `id` suggests: its unlinked mentions and the typed links its sentences state. */
export function linkSuggestions(
  db: Database,
  { lexicon, relations }: SuggestionVocabulary,
  id: string,
): LinkSuggestions {
  const concept = findConcept(db, id);
  const scan = scanNoteOf(db, lexicon, concept.key);
  if (!scan) return { mentions: [], links: [], more: 0 };
  const dismissed = db.prepare(
    'SELECT 1 FROM dismissed_suggestions WHERE source = ? AND target = ? AND relation = ?',
  );
  const isDismissed = (source: number, target: number, relation: string) =>
    dismissed.get(source, target, relation) !== undefined;
  const summaries = summariesOf(
    db,
    scan.occurrences.map((o) => o.key),
  );

  // Unlinked mentions: a concept named in plain text, other than this one, that the
  // note does not [[link]] anywhere, and whose mention was not dismissed here.
  const linked = new Set(scan.occurrences.filter((o) => o.kind === 'wikilink').map((o) => o.key));
  const byConcept = new Map<number, MentionSuggestion>();
  for (const occurrence of scan.occurrences) {
    if (occurrence.kind !== 'text' || occurrence.key === concept.key) continue;
    if (linked.has(occurrence.key)) continue;
    const found = byConcept.get(occurrence.key);
    if (found) {
      found.at.push(occurrence.start);
      continue;
    }
    const summary = summaries.get(occurrence.key);
    if (!summary || isDismissed(concept.key, occurrence.key, MENTIONS_RELATION)) continue;
    byConcept.set(occurrence.key, {
      concept: summary,
      text: occurrence.text,
      sentence: occurrence.sentence,
      at: [occurrence.start],
    });
  }

  // Typed links a sentence states in one of the graph's own relations, not in the graph yet.
  const exists = db.prepare(
    "SELECT 1 FROM links WHERE source = ? AND target = ? AND relation = ? AND kind = 'typed'",
  );
  const links: TypedLinkSuggestion[] = [];
  const offered = new Set<string>();
  for (const candidate of scan.relations) {
    const relation = candidate.phrases.map((p) => relations.get(p)).find((r) => r !== undefined);
    if (!relation) continue;
    const { key: source } = candidate.source;
    const { key: target } = candidate.target;
    const offer = JSON.stringify([source, target, relation]);
    if (offered.has(offer)) continue;
    offered.add(offer);
    if (exists.get(source, target, relation) || isDismissed(source, target, relation)) continue;
    const from = summaries.get(source);
    const to = summaries.get(target);
    if (from && to)
      links.push({ source: from, target: to, relation, sentence: candidate.source.sentence });
  }

  const mentions = [...byConcept.values()];
  const more =
    Math.max(0, mentions.length - SUGGESTION_LIMIT) + Math.max(0, links.length - SUGGESTION_LIMIT);
  return {
    mentions: mentions.slice(0, SUGGESTION_LIMIT),
    links: links.slice(0, SUGGESTION_LIMIT),
    more,
  };
}

/** The typed relations in use, by their folded words; the most used spelling of each. */
function relationVocabulary(db: Database): Map<string, string> {
  const relations = new Map<string, string>();
  for (const { key: relation } of relationCounts(db)) {
    if (relation === MENTIONS_RELATION) continue;
    const key = relationKey(relation);
    // Two spellings of one relation: the one used most is the one offered.
    if (key && !relations.has(key)) relations.set(key, relation);
  }
  return relations;
}

function summariesOf(db: Database, keys: readonly number[]): Map<number, ConceptSummary> {
  const rows = db
    .prepare(
      'SELECT key, id, label, category, origin FROM concepts WHERE key IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify([...new Set(keys)])) as (ConceptSummaryRow & { key: number })[];
  return new Map(rows.map((row) => [row.key, toSummary(row)]));
}
