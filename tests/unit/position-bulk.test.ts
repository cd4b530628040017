import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../bench/synthetic-graph';
import { connect } from './helpers';

// Placing many concepts at once fills the R*Tree of positions in one statement at the
// end (position-edits.ts): what the map's region queries read must match the positions
// exactly, the trigger must be back for the next edit, and undo must empty it again.
describe('placing thousands of concepts at once', () => {
  it('indexes every position, puts the trigger back, and undo takes them out', async () => {
    const graph = syntheticGraph(6_000, 9_000);
    graph.db.close();
    const { api, db } = connect(graph.file);
    try {
      const indexed = () =>
        db
          .prepare(
            // The R*Tree keeps 32-bit floats, rounded outwards: a point is a tiny box around it.
            `SELECT p.concept, i.min_x <= p.x AND p.x <= i.max_x AND i.min_y <= p.y AND p.y <= i.max_y
                    AND i.max_x - i.min_x < 0.01 AND i.max_y - i.min_y < 0.01 AS same
             FROM positions p LEFT JOIN position_index i ON i.concept = p.concept`,
          )
          .all() as { concept: number; same: number | null }[];
      const placed = await api.placeUnplaced({});
      expect(placed.value.moved).toBe(6_000);
      const rows = indexed();
      expect(rows).toHaveLength(6_000);
      expect(rows.every((r) => r.same === 1)).toBe(true);
      expect(db.prepare('SELECT count(*) FROM position_index').pluck().get()).toBe(6_000);

      // The next single placement goes through the trigger again.
      await api.createConcept({
        label: 'Placed by hand',
        category: 'cat-1',
        position: { x: 1, y: 2 },
      });
      expect(indexed()).toHaveLength(6_001);
      expect(indexed().every((r) => r.same === 1)).toBe(true);

      await api.undo({});
      await api.undo({});
      expect(db.prepare('SELECT count(*) FROM positions').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM position_index').pluck().get()).toBe(0);
    } finally {
      graph.cleanup();
    }
  });
});
