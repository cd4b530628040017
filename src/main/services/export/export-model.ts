import type { Database } from 'better-sqlite3';
import type { AttributeType, Category, LinkKind, Origin } from '../../../shared/domain';

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
  /** Values Cairn has no field for, as an import brought them; absent when none. */
  attributes?: ExportAttribute[];
}

export interface ExportAttribute {
  name: string;
  type: AttributeType;
  value: string;
}

interface ExportLink {
  source: string;
  target: string;
  relation: string;
  origin: Origin;
  /** `mention` links come from [[wikilinks]] in notes; formats without a kind write them as "mentions". */
  kind: LinkKind;
  note: string | null;
  attributes?: ExportAttribute[];
}

/** A saved view as Cairn's JSON carries it: its spec as stored (see src/shared/saved-views.ts). */
export interface ExportView {
  name: string;
  spec: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface ExportGraph {
  categories: Category[];
  concepts: ExportConcept[];
  links: ExportLink[];
  /** The saved views, in an export of the whole graph only (a part would break their references). */
  views: ExportView[];
}

interface ConceptExportRow {
  key: number;
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
  /** The links to keep among them (what a saved view shows); by default every link between two kept concepts. */
  linkIds?: readonly number[];
}

/**
 * Everything an exporter may write, read in one consistent snapshot. With a scope, only
 * those concepts are kept, and only the links whose two ends are both kept.
 */
export function readGraphForExport(db: Database, scope?: ExportScope): ExportGraph {
  // A scope is read through the indexes, not filtered from the whole graph: exporting
  // the 400 concepts of a view of 100,000 read all 100,000 first (4.6 s).
  const scoped = scope
    ? '(SELECT key FROM concepts WHERE id IN (SELECT value FROM json_each(@ids)))'
    : null;
  const params = scope
    ? [
        {
          ids: JSON.stringify(scope.conceptIds),
          ...(scope.linkIds ? { links: JSON.stringify(scope.linkIds) } : {}),
        },
      ]
    : [];
  const where = (condition: string) => (scoped ? `WHERE ${condition}` : '');
  const scopedLinks =
    `l.source IN ${scoped} AND l.target IN ${scoped}` +
    (scope?.linkIds ? ' AND l.id IN (SELECT value FROM json_each(@links))' : '');
  return db.transaction(() => {
    const categories = db
      .prepare('SELECT id, label, color, shape FROM categories ORDER BY id')
      .all() as Category[];
    // Tags travel as a JSON array so that no separator character can split a tag.
    const rows = db
      .prepare(
        `SELECT c.key, c.id, c.label, c.category, c.description, c.origin, c.provenance,
                n.body AS note, p.x, p.y, c.created_at, c.updated_at,
                (SELECT json_group_array(tag) FROM (SELECT tag FROM tags WHERE concept = c.key ORDER BY tag)) AS tags
         FROM concepts c
         LEFT JOIN notes n ON n.concept = c.key
         LEFT JOIN positions p ON p.concept = c.key
         ${where(`c.key IN ${scoped}`)}
         ORDER BY c.key`,
      )
      .all(...params) as ConceptExportRow[];
    const conceptAttributes = attributesBy(
      db,
      `SELECT concept AS owner, name, type, value FROM concept_attributes
       ${where(`concept IN ${scoped}`)} ORDER BY concept, name`,
      params,
    );
    const linkAttributes = attributesBy(
      db,
      `SELECT link AS owner, name, type, value FROM link_attributes
       ${where(`link IN (SELECT l.id FROM links l WHERE ${scopedLinks})`)} ORDER BY link, name`,
      params,
    );
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
      ...withAttributes(conceptAttributes.get(row.key)),
    }));
    const links = (
      db
        .prepare(
          `SELECT l.id, s.id AS source, t.id AS target, l.relation, l.origin, l.kind, l.note
           FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target
           ${where(scopedLinks)}
           ORDER BY l.id`,
        )
        .all(...params) as (ExportLink & { id: number })[]
    ).map(({ id, ...link }) => ({ ...link, ...withAttributes(linkAttributes.get(id)) }));
    const views = scope
      ? []
      : (
          db
            .prepare(
              `SELECT name, spec, created_at, updated_at FROM saved_views
               WHERE json_valid(spec) ORDER BY folded`,
            )
            .all() as { name: string; spec: string; created_at: string; updated_at: string }[]
        ).map((v) => ({
          name: v.name,
          spec: JSON.parse(v.spec) as unknown,
          createdAt: v.created_at,
          updatedAt: v.updated_at,
        }));
    return { categories, concepts, links, views };
  })();
}

function attributesBy(
  db: Database,
  sql: string,
  params: unknown[],
): Map<number, ExportAttribute[]> {
  const byOwner = new Map<number, ExportAttribute[]>();
  const rows = db.prepare(sql).iterate(...params) as Iterable<ExportAttribute & { owner: number }>;
  for (const row of rows) {
    const list = byOwner.get(row.owner) ?? [];
    list.push({ name: row.name, type: row.type, value: row.value });
    byOwner.set(row.owner, list);
  }
  return byOwner;
}

const withAttributes = (attributes: ExportAttribute[] | undefined) =>
  attributes ? { attributes } : {};

/**
 * The attributes a format must declare, by name, with one type each: the type all their
 * values share, or the widest number type, or else text.
 */
export function declaredAttributes(
  items: readonly { attributes?: readonly ExportAttribute[] }[],
): Map<string, AttributeType> {
  const declared = new Map<string, AttributeType>();
  for (const item of items) {
    for (const { name, type } of item.attributes ?? []) {
      const before = declared.get(name);
      declared.set(name, before === undefined ? type : widerType(before, type));
    }
  }
  return declared;
}

const NUMBER_ORDER: readonly AttributeType[] = ['int', 'long', 'float', 'double'];

function widerType(a: AttributeType, b: AttributeType): AttributeType {
  if (a === b) return a;
  const i = NUMBER_ORDER.indexOf(a);
  const j = NUMBER_ORDER.indexOf(b);
  return i >= 0 && j >= 0 ? NUMBER_ORDER[Math.max(i, j)]! : 'string';
}

/** An item's attributes by name, for writers that look them up per declared name. */
export function attributeValues(item: {
  attributes?: readonly ExportAttribute[];
}): Map<string, string> {
  return new Map((item.attributes ?? []).map((a) => [a.name, a.value]));
}

/**
 * Category labels by id. Formats other than Cairn's JSON write a concept's category
 * as its label: what a person reads in Gephi or a spreadsheet, and what an import
 * into any graph matches on.
 */
export function categoryLabels(graph: ExportGraph): Map<string, string> {
  return new Map(graph.categories.map((c) => [c.id, c.label]));
}
