import type { Database, Statement } from 'better-sqlite3';
import type { ConceptSummaryRow } from './rows';

/** A fuzzy hit must share at least this share of trigrams with what was typed. */
const MIN_SIMILARITY = 0.34;
/** How many candidates the trigram index hands over to be compared. */
const CANDIDATES = 60;

/** The three-letter pieces of a word ("kub", "ube", …), lower-cased. */
export function trigrams(word: string): Set<string> {
  const w = word.toLocaleLowerCase('en');
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * How alike a label is to what was typed: for each typed word, its best match among the
 * label's words by shared trigrams, averaged. "kubernets" and "Kubernetes cluster" → 0.67.
 */
export function labelSimilarity(typed: string, label: string): number {
  const words = typed.match(/[\p{L}\p{N}]+/gu) ?? [];
  const labelWords: string[] = label.toLocaleLowerCase('en').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || labelWords.length === 0) return 0;
  const labelTrigrams = labelWords.filter((w) => w.length >= 3).map(trigrams);
  let total = 0;
  for (const word of words) {
    // A word too short for trigrams counts only when the label has it as it is.
    if (word.length < 3) {
      total += labelWords.includes(word.toLocaleLowerCase('en')) ? 1 : 0;
      continue;
    }
    const mine = trigrams(word);
    total += Math.max(0, ...labelTrigrams.map((other) => jaccard(mine, other)));
  }
  return total / words.length;
}

/**
 * Typo tolerance: labels that share enough three-letter pieces with what was typed, from
 * SQLite's FTS5 trigram index (concept_trigrams), so "kubernets", "promethus" and
 * "etcdd" still find their concept. The index proposes candidates; only those few are
 * compared, never every label.
 */
export class TypoSearch {
  private readonly candidates: Statement<[string], ConceptSummaryRow>;

  constructor(db: Database) {
    this.candidates = db.prepare(`
      SELECT c.id, c.label, c.category, c.origin
      FROM concept_trigrams JOIN concepts c ON c.key = concept_trigrams.rowid
      WHERE concept_trigrams MATCH ?
      ORDER BY bm25(concept_trigrams)
      LIMIT ${CANDIDATES}`);
  }

  /** Concepts whose label looks like `typed`, most alike first. */
  find(typed: string, limit: number): ConceptSummaryRow[] {
    const words = typed.match(/[\p{L}\p{N}]{3,}/gu) ?? [];
    const pieces = [...new Set(words.flatMap((w) => [...trigrams(w)]))];
    if (pieces.length === 0) return [];
    // Quoted, so no piece is read as FTS syntax.
    const query = pieces.map((p) => `"${p.replace(/"/g, '""')}"`).join(' OR ');
    return this.candidates
      .all(query)
      .map((row) => ({ row, score: labelSimilarity(typed, row.label) }))
      .filter((c) => c.score >= MIN_SIMILARITY)
      .sort((a, b) => b.score - a.score || a.row.label.localeCompare(b.row.label))
      .slice(0, limit)
      .map((c) => c.row);
  }
}
