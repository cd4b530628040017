import type { Database, Statement } from 'better-sqlite3';
import type { ConceptSummary, PathHop, PathLimit, PathsResult } from '../../../shared/domain';
import { CairnError } from '../../../shared/errors';
import { NO_FILTER, type GraphFilter } from '../../../shared/filters';
import { PATH_LIMITS } from '../../../shared/paths';
import { toSummary, type ConceptSummaryRow } from '../rows';
import { kShortestPaths, shortestPath, type KeyPath } from './shortest-paths';
import { ConceptFilter, LinkIndex, StoreWalk, type WalkLimits } from './store-walk';

export interface FindPathsArgs {
  from: string;
  to: string;
  k?: number;
  maxHops?: number;
  relations?: string[];
  avoid?: string[];
  directed?: boolean;
  filter?: GraphFilter;
}

type Relaxable = Extract<PathLimit, 'direction' | 'relations' | 'avoid' | 'filter'>;

const listed = (items: readonly string[], joiner: 'and' | 'or') =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;

const links = (n: number) => `${n} link${n === 1 ? '' : 's'}`;

/**
 * "How are X and Y connected?": the k shortest paths between two concepts, on the store.
 *
 * Links are walked in either direction unless `directed`. Mention links (from
 * [[wikilinks]] in notes) are links like any other, with the relation "mentions", so
 * `relations` and `avoid` (and the filter's relations) include or leave them out by that
 * name. With a filter, a path passes only through concepts and links the map shows.
 * When there is no path, a few more searches with one limit lifted at a time find out
 * which limit stopped it, and the answer says so in one sentence.
 */
export class PathFinder {
  private readonly keyById: Statement<[string], ConceptSummaryRow & { key: number }>;

  constructor(private readonly db: Database) {
    this.keyById = db.prepare('SELECT key, id, label, category, origin FROM concepts WHERE id = ?');
  }

  private concept(id: string) {
    const row = this.keyById.get(id);
    if (!row) throw new CairnError('not-found', `There is no concept with the id "${id}".`);
    return row;
  }

  find(args: FindPathsArgs): PathsResult {
    const from = this.concept(args.from);
    const to = this.concept(args.to);
    if (from.key === to.key) {
      throw new CairnError('invalid-argument', 'Choose two different concepts to join by a path.');
    }
    const k = args.k ?? PATH_LIMITS.defaultK;
    const maxHops = args.maxHops ?? PATH_LIMITS.defaultMaxHops;
    const directed = args.directed ?? false;
    const linkIndex = new LinkIndex(this.db);
    const filter = new ConceptFilter(this.db, args.filter ?? NO_FILTER);
    const limits: WalkLimits = {
      directed,
      relations: args.relations ?? [],
      avoid: args.avoid ?? [],
      filter: filter.isOn ? filter : null,
    };
    const base = {
      from: toSummary(from),
      to: toSummary(to),
      k,
      maxHops,
      directed,
    };

    const hidden = [from, to].filter((c) => !filter.shows(c.key)).map((c) => c.label);
    if (hidden.length > 0) {
      return {
        ...base,
        paths: [],
        noPath: `${listed(hidden, 'and')} ${hidden.length === 1 ? 'is' : 'are'} hidden by the filter, so no path shown on the map can reach ${hidden.length === 1 ? 'it' : 'them'}.`,
        stoppedBy: ['hidden-end'],
      };
    }

    const found = kShortestPaths(new StoreWalk(linkIndex, limits), from.key, to.key, k, maxHops);
    if (found.length > 0) {
      return { ...base, paths: this.describe(found), noPath: null, stoppedBy: [] };
    }
    return { ...base, paths: [], ...this.whyNoPath(linkIndex, limits, from, to, maxHops) };
  }

  /** Which limit stopped the search: each lifted on its own, then all together. */
  private whyNoPath(
    linkIndex: LinkIndex,
    limits: WalkLimits,
    from: ConceptSummaryRow & { key: number },
    to: ConceptSummaryRow & { key: number },
    maxHops: number,
  ): { noPath: string; stoppedBy: PathLimit[] } {
    const length = (l: WalkLimits) =>
      shortestPath(new StoreWalk(linkIndex, l), from.key, to.key, Infinity)?.steps.length;
    const pair = `${from.label} and ${to.label}`;

    const longer = length(limits);
    if (longer !== undefined) {
      const shortest =
        longer <= PATH_LIMITS.maxHops
          ? `with ${longer} there is one`
          : `the shortest has ${links(longer)}, more than a search can ask for (${PATH_LIMITS.maxHops})`;
      return {
        noPath: `No path of at most ${links(maxHops)} joins ${pair}; ${shortest}.`,
        stoppedBy: ['max-hops'],
      };
    }

    const lifted: Record<
      Relaxable,
      { on: boolean; without: WalkLimits; now: string; off: string }
    > = {
      direction: {
        on: limits.directed,
        without: { ...limits, directed: false },
        now: 'following link direction',
        off: 'ignoring direction',
      },
      relations: {
        on: limits.relations.length > 0,
        without: { ...limits, relations: [] },
        now: `along only ${listed(limits.relations, 'and')}`,
        off: 'along any relation',
      },
      avoid: {
        on: limits.avoid.length > 0,
        without: { ...limits, avoid: [] },
        now: `avoiding ${listed(limits.avoid, 'and')}`,
        off: `through ${listed(limits.avoid, 'or')}`,
      },
      filter: {
        on: limits.filter !== null,
        without: { ...limits, filter: null },
        now: 'through what the filter shows',
        off: 'without the filter',
      },
    };
    const active = (Object.keys(lifted) as Relaxable[]).filter((name) => lifted[name].on);
    if (active.length === 0) {
      return { noPath: `${pair} are in separate parts of the graph.`, stoppedBy: ['disconnected'] };
    }
    const stoppedHere = `No path joins ${pair} ${listed(
      active.map((name) => lifted[name].now),
      'and',
    )}`;
    const alone = active
      .map((name) => ({ name, length: length(lifted[name].without) }))
      .filter((r): r is { name: Relaxable; length: number } => r.length !== undefined);
    const tooLong = (n: number) =>
      n > maxHops ? ` (more than the ${links(maxHops)} allowed)` : '';
    if (alone.length > 0) {
      const ways = alone.map(
        (r) => `${lifted[r.name].off} there is one of ${links(r.length)}${tooLong(r.length)}`,
      );
      return {
        noPath: `${stoppedHere}; ${listed(ways, 'and')}.`,
        stoppedBy: alone.map((r) => r.name),
      };
    }
    const free = length({ directed: false, relations: [], avoid: [], filter: null });
    if (free !== undefined) {
      return {
        noPath: `${stoppedHere}; without those limits there is one of ${links(free)}${tooLong(free)}.`,
        stoppedBy: ['several'],
      };
    }
    return { noPath: `${pair} are in separate parts of the graph.`, stoppedBy: ['disconnected'] };
  }

  /** Key paths as hops between concept summaries, read in one query. */
  private describe(paths: KeyPath[]): PathHop[][] {
    const keys = [...new Set(paths.flatMap((p) => p.nodes))];
    const rows = this.db
      .prepare(
        `SELECT c.key, c.id, c.label, c.category, c.origin
         FROM json_each(?) j JOIN concepts c ON c.key = j.value`,
      )
      .all(JSON.stringify(keys)) as (ConceptSummaryRow & { key: number })[];
    const summaries = new Map<number, ConceptSummary>(rows.map((r) => [r.key, toSummary(r)]));
    return paths.map((path) =>
      path.steps.map((step, i) => ({
        from: summaries.get(path.nodes[i]!)!,
        relation: step.relation,
        to: summaries.get(path.nodes[i + 1]!)!,
        direction: step.forward ? 'forward' : 'backward',
        linkId: step.link,
      })),
    );
  }
}
