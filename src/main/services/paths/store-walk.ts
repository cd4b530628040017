// The graph as path finding walks it: links read from the two link indexes one concept
// at a time, as the search reaches it (never the whole graph), kept for the rest of
// the request, and seen through the search's limits: direction, relations, the filter.
import type { Database, Statement } from 'better-sqlite3';
import { facetShows, filterIsOn, NO_FILTER, type GraphFilter } from '../../../shared/filters';
import { filterSql } from '../view/filter-sql';
import type { Step, Walk } from './shortest-paths';

interface LinkRow {
  id: number;
  other: number;
  relation: string;
  kind: 'typed' | 'mention';
  origin: string;
}

/** Every link at one concept, read once per request: outgoing (links_by_source) and incoming (links_by_target). */
export class LinkIndex {
  private readonly outgoing: Statement<[number], LinkRow>;
  private readonly incoming: Statement<[number], LinkRow>;
  private readonly cache = new Map<number, { out: LinkRow[]; in: LinkRow[] }>();

  constructor(db: Database) {
    this.outgoing = db.prepare(
      'SELECT id, target AS other, relation, kind, origin FROM links WHERE source = ?',
    );
    this.incoming = db.prepare(
      'SELECT id, source AS other, relation, kind, origin FROM links WHERE target = ?',
    );
  }

  linksAt(key: number): { out: LinkRow[]; in: LinkRow[] } {
    let links = this.cache.get(key);
    if (!links) {
      links = { out: this.outgoing.all(key), in: this.incoming.all(key) };
      this.cache.set(key, links);
    }
    return links;
  }

  /** How many concepts' links were read: what a request cost. */
  get conceptsRead(): number {
    return this.cache.size;
  }
}

/**
 * Whether the map's filter shows a concept, asked one concept at a time and remembered.
 * It asks the map's own SQL (view/filter-sql.ts), so a path never passes through a
 * concept the map hides, nor misses one it shows. What it says of links (the relations
 * facet, "Only mine") is asked link by link (showsLink), as the map's link condition
 * says it; a concept reached along a shown link has one.
 */
export class ConceptFilter {
  private readonly query: Statement<[Record<string, string | number>], 1> | null;
  private readonly params: Record<string, string>;
  private readonly shown = new Map<number, boolean>();

  constructor(
    db: Database,
    private readonly filter: GraphFilter,
  ) {
    // The relations facet's rule for concepts (one with no shown link is hidden) holds
    // for every concept a walk reaches along shown links, so only the ends skip it.
    const sql = filterSql({ ...filter, relations: NO_FILTER.relations });
    this.params = sql.params;
    this.query = filterIsOn(filter)
      ? db
          .prepare<[Record<string, string | number>], 1>(
            `SELECT 1 FROM concepts c WHERE c.key = @key AND ${sql.concepts}`,
          )
          .pluck()
      : null;
  }

  get isOn(): boolean {
    return this.query !== null;
  }

  /** Whether the map shows this link: its relation (the relations facet), its origin ("Only mine"). */
  showsLink(link: { relation: string; origin: string }): boolean {
    if (this.filter.mine && link.origin !== 'user') return false;
    return facetShows(this.filter.relations, link.relation);
  }

  shows(key: number): boolean {
    if (!this.query) return true;
    let shown = this.shown.get(key);
    if (shown === undefined) {
      shown = this.query.get({ ...this.params, key }) !== undefined;
      this.shown.set(key, shown);
    }
    return shown;
  }
}

/** The limits a walk sees the graph through. */
export interface WalkLimits {
  /** Follow links only their own way; otherwise in either direction. */
  directed: boolean;
  /** Only links of these relations, when not empty. */
  relations: readonly string[];
  /** Never links of these relations. */
  avoid: readonly string[];
  /** The map's filter: only concepts and links it shows. */
  filter: ConceptFilter | null;
}

/**
 * A `Walk` over the store within some limits. Where two concepts are joined by several
 * links the step takes a typed link before a mention, then the oldest, so a path reads
 * the way the graph was drawn.
 */
export class StoreWalk implements Walk {
  private readonly outSteps = new Map<number, Step[]>();
  private readonly inSteps = new Map<number, Step[]>();

  constructor(
    private readonly links: LinkIndex,
    private readonly limits: WalkLimits,
  ) {}

  private allowed(link: LinkRow): boolean {
    const { relations, avoid, filter } = this.limits;
    if (relations.length > 0 && !relations.includes(link.relation)) return false;
    if (avoid.includes(link.relation)) return false;
    return filter === null || (filter.showsLink(link) && filter.shows(link.other));
  }

  /**
   * Steps at `key`, one per neighbour. `leaving`: steps key → neighbour; otherwise
   * neighbour → key. A link from key is walked forward when leaving, backward when arriving.
   */
  private steps(key: number, leaving: boolean): Step[] {
    const { out, in: incoming } = this.links.linksAt(key);
    const candidates: { link: LinkRow; forward: boolean }[] = [];
    // Directed: leave along outgoing links, arrive along incoming ones.
    if (!this.limits.directed || leaving)
      for (const link of out) candidates.push({ link, forward: leaving });
    if (!this.limits.directed || !leaving)
      for (const link of incoming) candidates.push({ link, forward: !leaving });
    candidates.sort(
      (a, b) =>
        Number(a.link.kind === 'mention') - Number(b.link.kind === 'mention') ||
        a.link.id - b.link.id,
    );
    const steps: Step[] = [];
    const seen = new Set<number>();
    for (const { link, forward } of candidates) {
      if (seen.has(link.other) || !this.allowed(link)) continue;
      seen.add(link.other);
      steps.push({ node: link.other, link: link.id, relation: link.relation, forward });
    }
    return steps;
  }

  out(key: number): readonly Step[] {
    let steps = this.outSteps.get(key);
    if (!steps) this.outSteps.set(key, (steps = this.steps(key, true)));
    return steps;
  }

  in(key: number): readonly Step[] {
    let steps = this.inSteps.get(key);
    if (!steps) this.inSteps.set(key, (steps = this.steps(key, false)));
    return steps;
  }
}
