import { afterAll, bench, describe } from 'vitest';
import { GraphReader } from '../../src/main/services/graph-reader';
import { SearchService } from '../../src/main/services/search';
import { syntheticGraph } from './synthetic-graph';

// 100,000 concepts and 250,000 links: the size issue 2 asks queries to stay fast at.
// The baseline is a primary-key lookup measured in the same run, so the ratios
// printed by Vitest hold on a busy machine where absolute times wander.
const graph = syntheticGraph(100_000, 250_000);
const reader = new GraphReader(graph.db);
const search = new SearchService(graph.db);
const byId = graph.db.prepare('SELECT key FROM concepts WHERE id = ?');
let i = 0;
const nextId = () => `c${(i = (i + 7919) % 100_000)}`;

afterAll(() => graph.cleanup());

describe('queries at 100,000 concepts / 250,000 links', () => {
  bench('baseline: concept by id (primary key)', () => {
    byId.get(nextId());
  });
  bench('search "sched" (prefix, thousands of matches, top 20)', () => {
    search.search('sched');
  });
  bench('search "quorum lease 4711" (three words)', () => {
    search.search('quorum lease 4711');
  });
  bench('concept details with links', () => {
    reader.concept(nextId());
  });
  bench('neighbourhood depth 2', () => {
    reader.neighbourhood(nextId(), 2);
  });
  bench('neighbourhood depth 3 (capped at 5,000)', () => {
    reader.neighbourhood(nextId(), 3);
  });
});
