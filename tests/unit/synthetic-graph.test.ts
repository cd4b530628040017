import { afterEach, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../bench/synthetic-graph';

// The benchmarks' graph must be the size they say: its random numbers once repeated
// after 15,824 draws, and 250,000 links came out as about 5,000.
describe('the synthetic benchmark graph', () => {
  let graph: ReturnType<typeof syntheticGraph> | undefined;
  afterEach(() => graph?.cleanup());

  it('has about as many links as asked for, spread over most concepts', () => {
    graph = syntheticGraph(20_000, 50_000);
    const count = (sql: string) => graph!.db.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM concepts')).toBe(20_000);
    expect(count('SELECT count(*) FROM links')).toBeGreaterThan(45_000);
    const isolated = count(`SELECT count(*) FROM concepts c
      WHERE NOT EXISTS (SELECT 1 FROM links WHERE source = c.key)
        AND NOT EXISTS (SELECT 1 FROM links WHERE target = c.key)`);
    expect(isolated).toBeLessThan(20_000 * 0.15);
    expect(count('SELECT count(DISTINCT label) FROM concepts')).toBe(20_000);
  });
});
