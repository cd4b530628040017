import type { Database, Statement } from 'better-sqlite3';
import type { ViewConcept } from '../../../shared/graph-view';
import type { Link } from '../../../shared/domain';
import { LINK_COLUMNS, LINK_JOINS, toLink, type LinkRow } from '../rows';

/** A concept row as the view queries select it (alias concepts `c`, positions `p`). */
export const VIEW_CONCEPT_COLUMNS = `c.key, c.id, c.label, c.category, c.origin,
  p.x, p.y, coalesce(p.tier, 0) AS tier, coalesce(p.pinned, 0) AS pinned,
  coalesce(p.manual, 0) AS manual`;

export interface ViewConceptRow {
  key: number;
  id: string;
  label: string;
  category: string;
  origin: ViewConcept['origin'];
  x: number | null;
  y: number | null;
  tier: number;
  pinned: number;
  manual: number;
}

/**
 * Statements whose SQL depends on a filter, prepared once per distinct SQL text. A
 * handful of filters are in use at a time; the oldest are dropped past that.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly capacity = 64,
  ) {}

  get<Row>(sql: string): Statement<unknown[], Row> {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.capacity) {
        this.statements.delete(this.statements.keys().next().value!);
      }
    }
    this.statements.set(sql, statement);
    return statement as Statement<unknown[], Row>;
  }
}

interface DegreeRow {
  key: number;
  inDegree: number;
  outDegree: number;
  pagerank: number | null;
  betweenness: number | null;
  community: number | null;
}

/** Degrees and links for a set of concept keys, shared by every view query. */
export class ViewRows {
  private readonly degrees: Statement<[string], DegreeRow>;

  constructor(
    db: Database,
    private readonly cache: StatementCache,
  ) {
    this.degrees = db.prepare(`
      SELECT j.value AS key,
             (SELECT count(*) FROM links WHERE target = j.value) AS inDegree,
             (SELECT count(*) FROM links WHERE source = j.value) AS outDegree,
             m.pagerank, m.betweenness, m.community
      FROM json_each(?) j LEFT JOIN concept_measures m ON m.concept = j.value`);
  }

  /** The rows as ViewConcepts, with their degrees and measures. */
  concepts(rows: readonly ViewConceptRow[]): ViewConcept[] {
    const degrees = new Map(
      this.degrees.all(JSON.stringify(rows.map((r) => r.key))).map((d) => [d.key, d]),
    );
    return rows.map((r) => {
      const d = degrees.get(r.key);
      return {
        id: r.id,
        label: r.label,
        category: r.category,
        origin: r.origin,
        x: r.x,
        y: r.y,
        tier: r.tier,
        pinned: r.pinned === 1,
        manual: r.manual === 1,
        degree: (d?.inDegree ?? 0) + (d?.outDegree ?? 0),
        inDegree: d?.inDegree ?? 0,
        outDegree: d?.outDegree ?? 0,
        measures:
          d && d.pagerank !== null
            ? { pagerank: d.pagerank, betweenness: d.betweenness!, community: d.community! }
            : null,
      };
    });
  }

  /**
   * The links among `keys` that the link condition (alias `l`) lets through. The keys
   * drive the query through links_by_source, and `+l.target` keeps SQLite from also
   * probing links_by_target with every pair of keys (16 million probes for 4,000).
   */
  linksAmong(keys: readonly number[], linkWhere: string, params: Record<string, string>): Link[] {
    const statement = this.cache.get<LinkRow>(`
      SELECT ${LINK_COLUMNS}
      FROM json_each(@keys) k CROSS JOIN links l ON l.source = k.value ${LINK_JOINS}
      WHERE +l.target IN (SELECT value FROM json_each(@keys)) AND ${linkWhere}
      ORDER BY l.id`);
    return statement.all({ ...params, keys: JSON.stringify(keys) }).map(toLink);
  }
}
