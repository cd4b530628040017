import type { Database, Statement } from 'better-sqlite3';
import type {
  Category,
  ConceptDetails,
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

  constructor(private readonly db: Database) {
    this.conceptById = db.prepare(`
      SELECT c.key, c.id, c.label, c.category, c.origin, c.description, c.provenance,
             c.created_at, c.updated_at, n.body AS note
      FROM concepts c LEFT JOIN notes n ON n.concept = c.key
      WHERE c.id = ?`);
    this.tagsOf = db.prepare('SELECT tag FROM tags WHERE concept = ? ORDER BY tag');
    const linked = (end: 'source' | 'target', otherEnd: 'source' | 'target') => `
      SELECT ${LINK_COLUMNS}, o.id AS other_id, o.label AS other_label,
             o.category AS other_category, o.origin AS other_origin
      FROM links l ${LINK_JOINS} JOIN concepts o ON o.key = l.${otherEnd}
      WHERE l.${end} = ?
      ORDER BY l.relation, o.label COLLATE NOCASE`;
    this.outgoing = db.prepare(linked('source', 'target'));
    this.incoming = db.prepare(linked('target', 'source'));
    this.keyById = db.prepare('SELECT key FROM concepts WHERE id = ?');
    this.neighbourKeys = db.prepare(`
      SELECT target AS key FROM links WHERE source = @key
      UNION
      SELECT source AS key FROM links WHERE target = @key`);
  }

  categories(): Category[] {
    return this.db
      .prepare('SELECT id, label, color FROM categories ORDER BY label')
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
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
      outgoing: this.outgoing.all(row.key).map(toLinked),
      incoming: this.incoming.all(row.key).map(toLinked),
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
             AND l.target IN (SELECT value FROM json_each(@keys))
           ORDER BY l.id`,
        )
        .all({ keys }) as LinkRow[]
    ).map(toLink);
    return { centre: id, depth, concepts, links, truncated };
  }
}
