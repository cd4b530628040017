import { describe, expect, it } from 'vitest';
import { LocalGraphs } from '../../src/main/services/view/local-graph';
import { NO_FILTER, setEntry, withFacet } from '../../src/shared/filters';
import { openTempGraph } from './helpers';

/** The concepts within `depth` links of `ids`, by the links table alone: what the answer must be. */
function expected(db: ReturnType<typeof openTempGraph>['db'], ids: string[], depth: number) {
  const neighbours = db.prepare(`
    SELECT t.id FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target WHERE s.id = @id
    UNION SELECT s.id FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target WHERE t.id = @id`);
  const seen = new Set(ids);
  let frontier = ids;
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of neighbours.pluck().all({ id }) as string[]) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return [...seen].sort();
}

describe('the local graph', () => {
  it('holds exactly the neighbourhood to the depth asked, with distances', () => {
    const { db } = openTempGraph();
    const local = new LocalGraphs(db);
    for (const depth of [1, 2, 3]) {
      const graph = local.localGraph({ focus: ['etcd'], depth, filter: NO_FILTER, perHub: 1000 });
      expect(graph.concepts.map((c) => c.id).sort()).toEqual(expected(db, ['etcd'], depth));
      expect(graph.concepts.find((c) => c.id === 'etcd')!.distance).toBe(0);
      expect(Math.max(...graph.concepts.map((c) => c.distance))).toBeLessThanOrEqual(depth);
      const ids = new Set(graph.concepts.map((c) => c.id));
      expect(graph.links.every((l) => ids.has(l.source) && ids.has(l.target))).toBe(true);
    }
  });

  it('is the union of the neighbourhoods of a multi-selection, plus what expanding adds', () => {
    const { db } = openTempGraph();
    const local = new LocalGraphs(db);
    const both = local.localGraph({
      focus: ['etcd', 'pod'],
      depth: 1,
      filter: NO_FILTER,
      perHub: 1000,
    });
    expect(both.concepts.map((c) => c.id).sort()).toEqual(expected(db, ['etcd', 'pod'], 1));
    // Local graph of etcd at depth 2, then expand API server.
    const expanded = local.localGraph({
      focus: ['etcd'],
      depth: 2,
      expanded: ['api-server'],
      filter: NO_FILTER,
      perHub: 1000,
    });
    const want = new Set([...expected(db, ['etcd'], 2), ...expected(db, ['api-server'], 1)]);
    expect(expanded.concepts.map((c) => c.id).sort()).toEqual([...want].sort());
  });

  it('brings in a hub’s most linked neighbours first and says how many more it has', () => {
    const { db } = openTempGraph();
    const hub = db
      .prepare(
        'SELECT c.id, (SELECT count(DISTINCT CASE WHEN l.source = c.key THEN l.target ELSE l.source END) FROM links l WHERE c.key IN (l.source, l.target)) AS n FROM concepts c ORDER BY n DESC LIMIT 1',
      )
      .get() as { id: string; n: number };
    const graph = new LocalGraphs(db).localGraph({
      focus: [hub.id],
      depth: 1,
      filter: NO_FILTER,
      perHub: 3,
    });
    expect(graph.concepts).toHaveLength(4);
    expect(graph.remainders).toEqual([{ id: hub.id, shown: 3, total: hub.n }]);
    const all = new LocalGraphs(db).localGraph({
      focus: [hub.id],
      depth: 1,
      filter: NO_FILTER,
      perHub: 3,
      showAll: [hub.id],
    });
    expect(all.concepts).toHaveLength(hub.n + 1);
    expect(all.remainders).toEqual([]);
  });

  it('walks only through what the filter shows', () => {
    const { db } = openTempGraph();
    const filter = withFacet(
      NO_FILTER,
      'relations',
      setEntry(NO_FILTER.relations, 'stores data for', 'only'),
    );
    const graph = new LocalGraphs(db).localGraph({
      focus: ['etcd'],
      depth: 3,
      filter,
      perHub: 1000,
    });
    expect(graph.links.every((l) => l.relation === 'stores data for')).toBe(true);
    expect(graph.concepts.map((c) => c.id)).toContain('api-server');
  });
});
