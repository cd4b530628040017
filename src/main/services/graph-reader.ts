import type { Database, Statement } from 'better-sqlite3';
import { parseWikilinks } from '../../shared/note-references';
import type {
  Attribute,
  Backlink,
  Category,
  ConceptDetails,
  ConceptSummary,
  GraphSnapshot,
  LinkedConcept,
  Neighbourhood,
  Position,
} from '../../shared/domain';
import { CairnError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import {
  LINK_COLUMNS,
  LINK_JOINS,
  toLink,
  toSummary,
  type ConceptSummaryRow,
  type LinkRow,
} from './rows';

interface ConceptRow extends ConceptSummaryRow {
  key: number;
  description: string;
  provenance: string | null;
  created_at: string;
  updated_at: string;
  note: string | null;
  seed_state: 'pristine' | 'edited' | null;
}

type LinkedRow = LinkRow & {
  other_id: string;
  other_label: string;
  other_category: string;
  other_origin: ConceptSummaryRow['origin'];
};

/** Read-only queries over the graph. Statements are prepared once per connection. */
export class GraphReader {
  private readonly conceptById: Statement<[string], ConceptRow>;
  private readonly tagsOf: Statement<[number], { tag: string }>;
  private readonly outgoing: Statement<[number], LinkedRow>;
  private readonly incoming: Statement<[number], LinkedRow>;
  private readonly keyById: Statement<[string], { key: number }>;
  private readonly neighbourKeys: Statement<[{ key: number }], { key: number }>;
  private readonly mentionsOf: Statement<[number], ConceptSummaryRow>;
  private readonly mentionedBy: Statement<[number], ConceptSummaryRow & { note: string | null }>;

  constructor(private readonly db: Database) {
    this.conceptById = db.prepare(`
      SELECT c.key, c.id, c.label, c.category, c.origin, c.description, c.provenance,
             c.created_at, c.updated_at, n.body AS note,
             CASE
               WHEN sc.id IS NULL THEN NULL
               WHEN sc.label = c.label AND sc.category = c.category AND sc.description = c.description
                AND sc.tags = (SELECT json_group_array(tag) FROM
                                (SELECT tag FROM tags WHERE concept = c.key AND source = 'field' ORDER BY tag))
                AND NOT EXISTS (SELECT 1 FROM seed_links sl
                                WHERE (sl.source = c.id OR sl.target = c.id)
                                  AND NOT EXISTS (SELECT 1 FROM links l
                                                  JOIN concepts ls ON ls.key = l.source JOIN concepts lt ON lt.key = l.target
                                                  WHERE ls.id = sl.source AND lt.id = sl.target AND l.relation = sl.relation))
               THEN 'pristine' ELSE 'edited'
             END AS seed_state
      FROM concepts c LEFT JOIN notes n ON n.concept = c.key LEFT JOIN seed_concepts sc ON sc.id = c.id
      WHERE c.id = ?`);
    this.tagsOf = db.prepare('SELECT tag FROM tags WHERE concept = ? ORDER BY tag');
    const linked = (end: 'source' | 'target', otherEnd: 'source' | 'target') => `
      SELECT ${LINK_COLUMNS}, o.id AS other_id, o.label AS other_label,
             o.category AS other_category, o.origin AS other_origin
      FROM links l ${LINK_JOINS} JOIN concepts o ON o.key = l.${otherEnd}
      WHERE l.${end} = ? AND l.kind = 'typed'
      ORDER BY l.relation, o.label COLLATE NOCASE`;
    this.outgoing = db.prepare(linked('source', 'target'));
    this.incoming = db.prepare(linked('target', 'source'));
    this.keyById = db.prepare('SELECT key FROM concepts WHERE id = ?');
    this.mentionsOf = db.prepare(`
      SELECT o.id, o.label, o.category, o.origin FROM links l JOIN concepts o ON o.key = l.target
      WHERE l.source = ? AND l.kind = 'mention' ORDER BY o.label COLLATE NOCASE`);
    this.mentionedBy = db.prepare(`
      SELECT o.id, o.label, o.category, o.origin, n.body AS note
      FROM links l JOIN concepts o ON o.key = l.source LEFT JOIN notes n ON n.concept = o.key
      WHERE l.target = ? AND l.kind = 'mention' ORDER BY o.label COLLATE NOCASE`);
    this.neighbourKeys = db.prepare(`
      SELECT target AS key FROM links WHERE source = @key
      UNION
      SELECT source AS key FROM links WHERE target = @key`);
  }

  categories(): Category[] {
    return this.db
      .prepare('SELECT id, label, color, shape FROM categories ORDER BY label')
      .all() as Category[];
  }

  snapshot(): GraphSnapshot {
    const concepts = (
      this.db
        .prepare('SELECT id, label, category, origin FROM concepts ORDER BY key')
        .all() as ConceptSummaryRow[]
    ).map(toSummary);
    const links = (
      this.db
        .prepare(`SELECT ${LINK_COLUMNS} FROM links l ${LINK_JOINS} ORDER BY l.id`)
        .all() as LinkRow[]
    ).map(toLink);
    const positions = this.db
      .prepare('SELECT c.id, p.x, p.y FROM positions p JOIN concepts c ON c.key = p.concept')
      .all() as Position[];
    return { categories: this.categories(), concepts, links, positions };
  }

  /** What a list or the map needs of one concept. */
  summary(id: string): ConceptSummary {
    const row = this.conceptById.get(id);
    if (!row) throw new CairnError('not-found', `There is no concept with the id "${id}".`);
    return toSummary(row);
  }

  concept(id: string): ConceptDetails {
    const row = this.conceptById.get(id);
    if (!row) throw new CairnError('not-found', `There is no concept with the id "${id}".`);
    const toLinked = (r: LinkedRow): LinkedConcept => ({
      link: toLink(r),
      other: toSummary({
        id: r.other_id,
        label: r.other_label,
        category: r.other_category,
        origin: r.other_origin,
      }),
    });
    return {
      concept: {
        ...toSummary(row),
        description: row.description,
        provenance: row.provenance,
        note: row.note ?? '',
        tags: this.tagsOf.all(row.key).map((t) => t.tag),
        seedState: row.seed_state,
        attributes: this.db
          .prepare(
            'SELECT name, type, value FROM concept_attributes WHERE concept = ? ORDER BY name',
          )
          .all(row.key) as Attribute[],
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
      outgoing: this.outgoing.all(row.key).map(toLinked),
      incoming: this.incoming.all(row.key).map(toLinked),
      mentions: this.mentionsOf.all(row.key).map(toSummary),
      backlinks: this.mentionedBy.all(row.key).map((other) => ({
        concept: toSummary(other),
        excerpt: mentionExcerpt(other.note ?? '', row.label),
      })),
    };
  }

  /**
   * Concepts within `depth` links of `id`, in either direction, nearest first, and
   * the links among them. A breadth-first walk over the two link indexes, so the
   * cost follows the size of the answer, not the size of the graph.
   */
  neighbourhood(
    id: string,
    depth: number,
    limit: number = LIMITS.neighbourhoodConcepts,
  ): Neighbourhood {
    const start = this.keyById.get(id);
    if (!start) throw new CairnError('not-found', `There is no concept with the id "${id}".`);
    const seen = new Set<number>([start.key]);
    let frontier = [start.key];
    let truncated = false;
    for (let level = 0; level < depth && frontier.length > 0 && !truncated; level++) {
      const next: number[] = [];
      for (const key of frontier) {
        for (const { key: neighbour } of this.neighbourKeys.iterate({ key })) {
          if (seen.has(neighbour)) continue;
          if (seen.size >= limit) {
            truncated = true;
            break;
          }
          seen.add(neighbour);
          next.push(neighbour);
        }
        if (truncated) break;
      }
      frontier = next;
    }
    const keys = JSON.stringify([...seen]);
    const concepts = (
      this.db
        .prepare(
          `SELECT c.id, c.label, c.category, c.origin
           FROM json_each(?) j JOIN concepts c ON c.key = j.value ORDER BY j.key`,
        )
        .all(keys) as ConceptSummaryRow[]
    ).map(toSummary);
    const links = (
      this.db
        .prepare(
          `SELECT ${LINK_COLUMNS} FROM links l ${LINK_JOINS}
           WHERE l.source IN (SELECT value FROM json_each(@keys))
             AND +l.target IN (SELECT value FROM json_each(@keys))
           ORDER BY l.id`,
        )
        .all({ keys }) as LinkRow[]
    ).map(toLink);
    return { centre: id, depth, concepts, links, truncated };
  }
}

/** The line of a note that mentions `label` in a [[wikilink]], shortened around the link. */
function mentionExcerpt(note: string, label: string): Backlink['excerpt'] {
  const wanted = label.toLocaleLowerCase('en');
  const link = parseWikilinks(note).find((l) => l.target.toLocaleLowerCase('en') === wanted);
  if (!link) return '';
  const lineStart = note.lastIndexOf('\n', link.start) + 1;
  const lineEnd = note.indexOf('\n', link.end);
  const line = note.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
  if (line.length <= 160) return line;
  const at = link.start - lineStart;
  const from = Math.max(0, at - 60);
  return `${from > 0 ? '…' : ''}${line.slice(from, from + 160).trim()}…`;
}
