import type { Database } from 'better-sqlite3';
import type { Category, LinkKind, Origin } from '../../../shared/domain';

export interface ExportConcept {
  id: string;
  label: string;
  category: string;
  description: string;
  origin: Origin;
  provenance: string | null;
  note: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  position: { x: number; y: number } | null;
}

interface ExportLink {
  source: string;
  target: string;
  relation: string;
  origin: Origin;
  /** `mention` links come from [[wikilinks]] in notes; formats without a kind write them as "mentions". */
  kind: LinkKind;
  note: string | null;
}

export interface ExportGraph {
  categories: Category[];
  concepts: ExportConcept[];
  links: ExportLink[];
}

interface ConceptExportRow {
  id: string;
  label: string;
  category: string;
  description: string;
  origin: Origin;
  provenance: string | null;
  note: string | null;
  tags: string | null;
  created_at: string;
  updated_at: string;
  x: number | null;
  y: number | null;
}

/** Which part of the graph to export: the whole graph when absent. */
export interface ExportScope {
  /** The concepts to keep (the current view or the selection); ids not in the graph are ignored. */
  conceptIds: readonly string[];
}

/**
 * Everything an exporter may write, read in one consistent snapshot. With a scope, only
 * those concepts are kept, and only the links whose two ends are both kept.
 */
export function readGraphForExport(db: Database, scope?: ExportScope): ExportGraph {
  return db.transaction(() => {
    const categories = db
      .prepare('SELECT id, label, color FROM categories ORDER BY id')
      .all() as Category[];
    // Tags travel as a JSON array so that no separator character can split a tag.
    const rows = db
      .prepare(
        `SELECT c.id, c.label, c.category, c.description, c.origin, c.provenance,
                n.body AS note, p.x, p.y, c.created_at, c.updated_at,
                (SELECT json_group_array(tag) FROM (SELECT tag FROM tags WHERE concept = c.key ORDER BY tag)) AS tags
         FROM concepts c
         LEFT JOIN notes n ON n.concept = c.key
         LEFT JOIN positions p ON p.concept = c.key
         ORDER BY c.key`,
      )
      .all() as ConceptExportRow[];
    const concepts = rows.map((row) => ({
      id: row.id,
      label: row.label,
      category: row.category,
      description: row.description,
      origin: row.origin,
      provenance: row.provenance,
      note: row.note ?? '',
      tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      position: row.x === null || row.y === null ? null : { x: row.x, y: row.y },
    }));
    const links = db
      .prepare(
        `SELECT s.id AS source, t.id AS target, l.relation, l.origin, l.kind, l.note
         FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target
         ORDER BY l.id`,
      )
      .all() as ExportLink[];
    if (!scope) return { categories, concepts, links };
    const kept = new Set(scope.conceptIds);
    return {
      categories,
      concepts: concepts.filter((c) => kept.has(c.id)),
      links: links.filter((l) => kept.has(l.source) && kept.has(l.target)),
    };
  })();
}

/**
 * Category labels by id. Formats other than Cairn's JSON write a concept's category
 * as its label: what a person reads in Gephi or a spreadsheet, and what an import
 * into any graph matches on.
 */
export function categoryLabels(graph: ExportGraph): Map<string, string> {
  return new Map(graph.categories.map((c) => [c.id, c.label]));
}
