import type { Database, Statement } from 'better-sqlite3';
import type { SearchHit, SnippetPart } from '../../shared/domain';
import { LIMITS } from '../../shared/limits';
import type { ConceptSummaryRow } from './rows';
import { TypoSearch } from './typo-search';

// Marks that snippet() puts around matched words. Control characters cannot come
// from the tokenizer's output, and turning them into parts (not HTML) means no
// text from a note is ever interpreted as markup.
const MATCH_START = '\u0002';
const MATCH_END = '\u0003';

// bm25 column weights: label, description, note, tags. A hit in a label matters most.
const WEIGHTS = '10.0, 2.0, 1.0, 4.0';

/**
 * Turns what a person typed into an FTS5 query: every word must occur, and the last
 * word may be a prefix. Words are quoted, so FTS5 syntax in the input (AND, NEAR,
 * column filters, quotes) is searched for literally instead of being interpreted.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MATCH_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((part) => part.text.length > 0);
}

interface HitRow extends ConceptSummaryRow {
  description_snippet: string;
  note_snippet: string;
  tags_snippet: string;
}

/**
 * The label is shown beside the snippet anyway, so the snippet comes from the text
 * that matched (description, then note, then tags), or else the description's start.
 */
function bestSnippet(row: HitRow): SnippetPart[] {
  const candidates = [row.description_snippet, row.note_snippet, row.tags_snippet];
  const matched = candidates.find((text) => text.includes(MATCH_START));
  return parseSnippet(matched ?? row.description_snippet);
}

function shorten(text: string): string {
  return text.length <= 90 ? text : `${text.slice(0, 90).replace(/\s+\S*$/, '')}…`;
}

/**
 * Ranked full-text search over labels, descriptions, notes and tags, then labels that
 * look like what was typed (TypoSearch) when the words themselves find too few.
 */
export class SearchService {
  private readonly query: Statement<
    [{ fts: string; typed: string; startsWith: string; limit: number }],
    HitRow
  >;

  private readonly typos: TypoSearch;
  private readonly descriptionStart: Statement<[string], { description: string }>;

  constructor(db: Database) {
    this.typos = new TypoSearch(db);
    this.descriptionStart = db.prepare('SELECT description FROM concepts WHERE id = ?');
    // An exact label match always leads, then a label that starts with the query,
    // then bm25 (where a lower score is a better match).
    this.query = db.prepare(`
      SELECT c.id, c.label, c.category, c.origin,
             snippet(concept_search, 1, '${MATCH_START}', '${MATCH_END}', '…', 12) AS description_snippet,
             snippet(concept_search, 2, '${MATCH_START}', '${MATCH_END}', '…', 12) AS note_snippet,
             snippet(concept_search, 3, '${MATCH_START}', '${MATCH_END}', '…', 12) AS tags_snippet
      FROM concept_search
      JOIN concepts c ON c.key = concept_search.rowid
      WHERE concept_search MATCH @fts
      ORDER BY (c.label = @typed COLLATE NOCASE) DESC,
               (c.label LIKE @startsWith ESCAPE '\\') DESC,
               bm25(concept_search, ${WEIGHTS}),
               c.label COLLATE NOCASE
      LIMIT @limit`);
  }

  search(text: string, limit: number = 20): SearchHit[] {
    const fts = toFtsQuery(text);
    if (!fts) return [];
    const bounded = Math.min(Math.max(1, Math.trunc(limit)), LIMITS.searchResults);
    const typed = text.trim();
    // The label as typed, `%` and `_` included: escaped, they are themselves in LIKE.
    const startsWith = `${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const hits: SearchHit[] = this.query
      .all({ fts, typed, startsWith, limit: bounded })
      .map((row) => ({
        id: row.id,
        label: row.label,
        category: row.category,
        origin: row.origin,
        snippet: bestSnippet(row),
      }));
    if (hits.length >= bounded) return hits;
    // Fewer than asked: labels that look like what was typed come after the real matches.
    const found = new Set(hits.map((h) => h.id));
    for (const row of this.typos.find(typed, bounded - hits.length)) {
      if (found.has(row.id)) continue;
      const description = this.descriptionStart.get(row.id)?.description ?? '';
      hits.push({
        ...row,
        snippet: description ? [{ text: shorten(description), match: false }] : [],
      });
    }
    return hits;
  }
}
