import { describe, expect, it } from 'vitest';
import { categoryClusters } from '../../src/shared/category-layout';
import { freshGraph } from './helpers';

describe('placing a big graph by category', () => {
  it('puts each category in a cluster of its own, hubs in the middle', () => {
    const concepts = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, category: 'a', degree: i })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, category: 'b', degree: i })),
    ];
    const placed = new Map(categoryClusters(concepts).map((p) => [p.id, p]));
    const centre = (prefix: string, n: number) => {
      const ps = Array.from({ length: n }, (_, i) => placed.get(`${prefix}${i}`)!);
      return { x: ps.reduce((s, p) => s + p.x, 0) / n, y: ps.reduce((s, p) => s + p.y, 0) / n };
    };
    const a = centre('a', 30);
    const b = centre('b', 10);
    const spread = Math.max(
      ...Array.from({ length: 30 }, (_, i) =>
        Math.hypot(placed.get(`a${i}`)!.x - a.x, placed.get(`a${i}`)!.y - a.y),
      ),
    );
    // The clusters do not overlap, and the most linked concept is nearest the middle.
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(spread);
    const hub = placed.get('a29')!;
    const leaf = placed.get('a0')!;
    expect(Math.hypot(hub.x - a.x, hub.y - a.y)).toBeLessThan(
      Math.hypot(leaf.x - a.x, leaf.y - a.y),
    );
  });

  it('places only concepts without a position, in one step that undo takes back', async () => {
    const { api, db } = freshGraph();
    await api.savePositions({ positions: [{ id: 'pod', x: 10, y: 20 }] });
    const count = db.prepare('SELECT count(*) FROM concepts').pluck().get() as number;
    const placed = await api.placeUnplaced({});
    expect(placed.value.moved).toBe(count - 1);
    expect(placed.history.undoSummary).toBe(`Placed ${count - 1} concepts by category`);
    expect(db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(count);
    expect(
      db
        .prepare(
          "SELECT x, y FROM positions p JOIN concepts c ON c.key = p.concept WHERE c.id = 'pod'",
        )
        .get(),
    ).toEqual({ x: 10, y: 20 });
    // Nothing left to place: a second call moves nothing.
    expect((await api.placeUnplaced({})).value.moved).toBe(0);
    await api.undo({});
    await api.undo({});
    expect(db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(1);
  });
});
