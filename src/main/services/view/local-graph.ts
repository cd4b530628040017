import type { Database, Statement } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import type { GraphFilter } from '../../../shared/filters';
import type { HubRemainder, LocalGraph } from '../../../shared/graph-view';
import { LIMITS } from '../../../shared/limits';
import { filterSql } from './filter-sql';
import { StatementCache, VIEW_CONCEPT_COLUMNS, ViewRows, type ViewConceptRow } from './view-rows';

export interface LocalGraphRequest {
  /** The concepts the local graph is around (one, or a multi-selection). */
  focus: string[];
  depth: number;
  /** Concepts whose neighbours were added by hand (Expand), at any distance. */
  expanded?: string[];
  /** Hubs whose every neighbour is shown, not only the first `perHub`. */
  showAll?: string[];
  filter: GraphFilter;
  /** How many neighbours of one concept are brought in, the most linked first. */
  perHub?: number;
}

export const DEFAULT_PER_HUB = 40;

/**
 * The local graph, as Obsidian's: the focus and everything within `depth` links of it,
 * plus the neighbours of expanded concepts, through what the filter shows. A hub brings
 * in its `perHub` most linked neighbours and says how many more it has. A breadth-first
 * walk over the link indexes: the cost follows the answer, never the graph.
 */
export class LocalGraphs {
  private readonly cache: StatementCache;
  private readonly rows: ViewRows;
  private readonly keysOf: Statement<[string], { key: number; id: string }>;

  constructor(db: Database) {
    this.cache = new StatementCache(db, 32);
    this.rows = new ViewRows(db, this.cache);
    this.keysOf = db.prepare(
      'SELECT c.key, c.id FROM json_each(?) j JOIN concepts c ON c.id = j.value',
    );
  }

  localGraph(request: LocalGraphRequest): LocalGraph {
    const sql = filterSql(request.filter);
    const perHub = request.perHub ?? DEFAULT_PER_HUB;
    const focus = this.keysOf.all(JSON.stringify(request.focus));
    if (focus.length === 0) {
      throw new CairnError('not-found', `There is no concept with the id "${request.focus[0]}".`);
    }
    const expanded = new Set(
      this.keysOf.all(JSON.stringify(request.expanded ?? [])).map((r) => r.key),
    );
    const showAll = new Set(
      this.keysOf.all(JSON.stringify(request.showAll ?? [])).map((r) => r.key),
    );
    const neighbours = this.cache.get<{ key: number }>(`
      SELECT n.key FROM (
        SELECT l.target AS key FROM links l WHERE l.source = @key AND ${sql.links}
        UNION
        SELECT l.source AS key FROM links l WHERE l.target = @key AND ${sql.links}
      ) n JOIN concepts c ON c.key = n.key
      WHERE ${sql.concepts}
      ORDER BY (SELECT count(*) FROM links WHERE source = n.key)
             + (SELECT count(*) FROM links WHERE target = n.key) DESC, n.key`);

    const distance = new Map<number, number>(focus.map((f) => [f.key, 0]));
    const remainders: { key: number; shown: number; total: number }[] = [];
    const bringIn = (key: number, at: number, next: number[]) => {
      const all = neighbours.all({ ...sql.params, key }).map((r) => r.key);
      const limit = showAll.has(key) ? all.length : perHub;
      let shown = 0;
      for (const other of all) {
        if (distance.size >= LIMITS.neighbourhoodConcepts) break;
        if (shown >= limit) break;
        shown++;
        if (!distance.has(other)) {
          distance.set(other, at + 1);
          next.push(other);
        }
      }
      if (shown < all.length) remainders.push({ key, shown, total: all.length });
    };
    let frontier = focus.map((f) => f.key);
    for (let level = 0; level < request.depth && frontier.length > 0; level++) {
      const next: number[] = [];
      for (const key of frontier) bringIn(key, level, next);
      frontier = next;
    }
    for (const key of expanded) {
      if (distance.has(key)) bringIn(key, distance.get(key)!, []);
    }

    const keys = [...distance.keys()];
    const rows = this.cache
      .get<ViewConceptRow>(
        `SELECT ${VIEW_CONCEPT_COLUMNS} FROM json_each(@keys) j
         JOIN concepts c ON c.key = j.value LEFT JOIN positions p ON p.concept = c.key`,
      )
      .all({ keys: JSON.stringify(keys) });
    const idOf = new Map(rows.map((r) => [r.key, r.id]));
    const concepts = this.rows.concepts(rows).map((c, i) => ({
      ...c,
      distance: distance.get(rows[i]!.key) ?? 0,
    }));
    return {
      focus: focus.map((f) => f.id),
      depth: request.depth,
      concepts,
      links: this.rows.linksAmong(keys, sql.links, sql.params),
      remainders: remainders
        .map((r): HubRemainder => ({ id: idOf.get(r.key)!, shown: r.shown, total: r.total }))
        .sort((a, b) => b.total - b.shown - (a.total - a.shown)),
    };
  }
}
