import type { Database, Statement } from 'better-sqlite3';
import { NO_FILTER } from '../../../shared/filters';
import {
  VIEW_LIMIT,
  WHOLE_GRAPH_VIEW,
  type GraphView,
  type ViewRequest,
} from '../../../shared/graph-view';
import { filterSql } from './filter-sql';
import { ensureTiers } from './tier-index';
import { StatementCache, VIEW_CONCEPT_COLUMNS, ViewRows, type ViewConceptRow } from './view-rows';
import { MAX_TIER } from './tiers';

/**
 * What the map draws for a filter and a part of the map. A graph whose filtered
 * concepts fit in one view (WHOLE_GRAPH_VIEW) is drawn whole, as a small graph always
 * was; a bigger one is drawn by region: the concepts inside the bounds up to the zoom
 * tier, from the R*Tree over the positions, the most important first, never more than
 * VIEW_LIMIT. Either way the answer is sized to what is drawn, not to the graph.
 */
export class ViewQuery {
  private readonly cache: StatementCache;
  private readonly rows: ViewRows;
  private readonly byIds: Statement<[string], ViewConceptRow>;

  constructor(private readonly db: Database) {
    this.cache = new StatementCache(db);
    this.rows = new ViewRows(db, this.cache);
    this.byIds = db.prepare(`
      SELECT ${VIEW_CONCEPT_COLUMNS}
      FROM json_each(?) j JOIN concepts c ON c.id = j.value LEFT JOIN positions p ON p.concept = c.key`);
  }

  view(request: ViewRequest): GraphView {
    const filter = request.filter ?? NO_FILTER;
    const sql = filterSql(filter);
    const shown = this.cache
      .get<{ n: number }>(`SELECT count(*) AS n FROM concepts c WHERE ${sql.concepts}`)
      .get(sql.params)!.n;
    const region = shown > WHOLE_GRAPH_VIEW && request.bounds !== undefined;
    let rows: ViewConceptRow[];
    if (!region) {
      // The whole graph; one bigger than a view (asked without bounds) gives its most
      // important concepts, the same ones a zoomed-out region would.
      rows = this.cache
        .get<ViewConceptRow>(
          `SELECT ${VIEW_CONCEPT_COLUMNS} FROM concepts c LEFT JOIN positions p ON p.concept = c.key
           WHERE ${sql.concepts}
           ORDER BY coalesce(p.tier, ${MAX_TIER}), c.key LIMIT ${VIEW_LIMIT}`,
        )
        .all(sql.params);
    } else {
      ensureTiers(this.db);
      const { x1, y1, x2, y2 } = request.bounds!;
      rows = this.cache
        .get<ViewConceptRow>(
          `SELECT ${VIEW_CONCEPT_COLUMNS}
           FROM position_index r JOIN positions p ON p.concept = r.concept JOIN concepts c ON c.key = r.concept
           WHERE r.max_x >= @x1 AND r.min_x <= @x2 AND r.max_y >= @y1 AND r.min_y <= @y2
             AND p.tier <= @tier AND ${sql.concepts}
           ORDER BY p.tier, c.key LIMIT ${VIEW_LIMIT + 1}`,
        )
        .all({ ...sql.params, x1, y1, x2, y2, tier: request.tier ?? 0 });
    }
    const truncated = region ? rows.length > VIEW_LIMIT : shown > rows.length;
    if (rows.length > VIEW_LIMIT) rows = rows.slice(0, VIEW_LIMIT);
    if (request.include && request.include.length > 0) {
      const have = new Set(rows.map((r) => r.id));
      const missing = request.include.filter((id) => !have.has(id));
      if (missing.length > 0) rows = [...rows, ...this.byIds.all(JSON.stringify(missing))];
    }
    return {
      scope: region ? 'region' : 'whole',
      concepts: this.rows.concepts(rows),
      links: this.rows.linksAmong(
        rows.map((r) => r.key),
        sql.links,
        sql.params,
      ),
      shown,
      truncated,
    };
  }
}
