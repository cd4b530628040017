import { afterAll, describe, expect, it } from 'vitest';
import { setEntry, NO_FILTER, withFacet } from '../../src/shared/filters';
import { VIEW_LIMIT, WHOLE_GRAPH_VIEW } from '../../src/shared/graph-view';
import { recomputeTiers } from '../../src/main/services/view/tier-index';
import { MAX_TIER, TIER_GRID, PER_CELL } from '../../src/main/services/view/tiers';
import { ViewQuery } from '../../src/main/services/view/view-query';
import { syntheticGraph } from '../bench/synthetic-graph';
import { openTempGraph } from './helpers';

describe('the view of a small graph', () => {
  it('is the whole graph, whatever the bounds, with degrees and the links among it', () => {
    const { db } = openTempGraph();
    const total = db.prepare('SELECT count(*) FROM concepts').pluck().get() as number;
    const view = new ViewQuery(db).view({
      filter: NO_FILTER,
      bounds: { x1: 0, y1: 0, x2: 1, y2: 1 },
      tier: 0,
    });
    expect(view.scope).toBe('whole');
    expect(view.concepts).toHaveLength(total);
    expect(view.shown).toBe(total);
    expect(view.links).toHaveLength(
      db.prepare('SELECT count(*) FROM links').pluck().get() as number,
    );
    const etcd = view.concepts.find((c) => c.id === 'etcd')!;
    expect(etcd.degree).toBe(
      db
        .prepare(
          "SELECT count(*) FROM links l JOIN concepts c ON c.key IN (l.source, l.target) WHERE c.id = 'etcd'",
        )
        .pluck()
        .get(),
    );
  });

  it('follows the filter: a hidden category and only some relations', () => {
    const { db } = openTempGraph();
    let filter = withFacet(
      NO_FILTER,
      'categories',
      setEntry(NO_FILTER.categories, 'career', 'hidden'),
    );
    let relations = setEntry(NO_FILTER.relations, 'runs on', 'only');
    relations = setEntry(relations, 'part of', 'only');
    filter = withFacet(filter, 'relations', relations);
    const view = new ViewQuery(db).view({ filter });
    expect(view.concepts.some((c) => c.category === 'career')).toBe(false);
    expect(new Set(view.links.map((l) => l.relation))).toEqual(new Set(['runs on', 'part of']));
    // Every concept shown has a link of those relations to or from it.
    const linked = new Set(
      db
        .prepare(
          "SELECT c.id FROM concepts c JOIN links l ON c.key IN (l.source, l.target) WHERE l.relation IN ('runs on', 'part of')",
        )
        .pluck()
        .all() as string[],
    );
    expect(view.concepts.every((c) => linked.has(c.id))).toBe(true);
    expect(view.shown).toBe(view.concepts.length);
  });
});

describe('the view of a big graph', () => {
  const graph = syntheticGraph(12_000, 30_000, { positions: true });
  afterAll(() => graph.cleanup());
  const views = new ViewQuery(graph.db);
  const side = Math.sqrt(12_000) * 60;
  const all = { x1: -1, y1: -1, x2: side + 1, y2: side + 1 };

  it('draws a region by zoom tier, never more than a view holds, the hubs first', () => {
    recomputeTiers(graph.db);
    const overview = views.view({ filter: NO_FILTER, bounds: all, tier: 0 });
    expect(overview.scope).toBe('region');
    expect(overview.shown).toBe(12_000);
    // Tier 0 is an 8×8 grid with a few concepts a cell.
    expect(overview.concepts.length).toBeLessThanOrEqual(TIER_GRID * TIER_GRID * PER_CELL);
    expect(overview.concepts.length).toBeGreaterThan(TIER_GRID * TIER_GRID);
    // The most linked concepts of the graph are among them.
    const hubs = graph.db
      .prepare(
        'SELECT c.id FROM concepts c ORDER BY (SELECT count(*) FROM links WHERE source = c.key) + (SELECT count(*) FROM links WHERE target = c.key) DESC LIMIT 5',
      )
      .pluck()
      .all() as string[];
    const drawn = new Set(overview.concepts.map((c) => c.id));
    expect(hubs.filter((id) => drawn.has(id)).length).toBeGreaterThanOrEqual(4);
    // Deeper tiers draw more, up to the limit.
    const closer = views.view({ filter: NO_FILTER, bounds: all, tier: 2 });
    expect(closer.concepts.length).toBeGreaterThan(overview.concepts.length);
    const deepest = views.view({ filter: NO_FILTER, bounds: all, tier: MAX_TIER });
    expect(deepest.concepts).toHaveLength(VIEW_LIMIT);
    expect(deepest.truncated).toBe(true);
    expect(12_000).toBeGreaterThan(WHOLE_GRAPH_VIEW);
  });

  it('keeps to the bounds, and brings in the concepts it is asked to include', () => {
    const quarter = { x1: 0, y1: 0, x2: side / 4, y2: side / 4 };
    const view = views.view({
      filter: NO_FILTER,
      bounds: quarter,
      tier: MAX_TIER,
      include: ['c11999'],
    });
    const inside = view.concepts.filter((c) => c.id !== 'c11999');
    expect(inside.length).toBeGreaterThan(500);
    for (const c of inside) {
      expect(c.x!).toBeGreaterThanOrEqual(0);
      expect(c.x!).toBeLessThanOrEqual(side / 4);
      expect(c.y!).toBeLessThanOrEqual(side / 4);
    }
    expect(view.concepts.some((c) => c.id === 'c11999')).toBe(true);
    // Links only among what is drawn.
    const drawn = new Set(view.concepts.map((c) => c.id));
    expect(view.links.every((l) => drawn.has(l.source) && drawn.has(l.target))).toBe(true);
    expect(view.links.length).toBeGreaterThan(0);
  });

  it('recomputes the tiers when the layout changes under it', () => {
    graph.db.prepare('UPDATE positions SET tier = 0').run();
    graph.db.prepare("DELETE FROM ui_state WHERE key = 'tiers'").run();
    const view = views.view({ filter: NO_FILTER, bounds: all, tier: 0 });
    expect(view.concepts.length).toBeLessThanOrEqual(TIER_GRID * TIER_GRID * PER_CELL);
  });
});
