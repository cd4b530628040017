import { afterAll, bench, describe } from 'vitest';
import { Editor } from '../../src/main/services/editing/editor';
import { GraphReader } from '../../src/main/services/graph-reader';
import { TimeMachine } from '../../src/main/services/time-travel/time-machine';
import { changesBetween } from '../../src/main/services/time-travel/changes';
import { syntheticGraph } from './synthetic-graph';

// Time travel at 100,000 concepts and 250,000 links with positions, after 200 recorded
// edits (renames, new concepts with links, deletions): opening the timeline copies the
// graph into memory, and each move undoes or redoes the changes between on the copy.
// Baseline: reading every concept's row, in the same run.
const graph = syntheticGraph(100_000, 250_000, { positions: true });
const editor = new Editor(graph.db, new GraphReader(graph.db));
const start = new Date(Date.now() - 1000);
for (let i = 0; i < 200; i++) {
  if (i % 3 === 0) editor.updateConcept({ id: `c${i}`, label: `renamed ${i}` });
  else if (i % 3 === 1) {
    const made = editor.createConcept({ label: `new ${i}`, category: 'cat-1' }).value;
    editor.createLink({ source: made.concept.id, target: `c${i}`, relation: 'uses' });
  } else editor.deleteConcept(`c${i + 1000}`);
}
const last = graph.db.prepare('SELECT max(id) FROM changes').pluck().get() as number;
const machine = new TimeMachine(graph.db);
afterAll(() => {
  machine.end();
  graph.cleanup();
});

describe('time travel at 100,000 concepts, 267 recorded changes', () => {
  bench('baseline: read every concept', () => {
    void graph.db.prepare('SELECT * FROM concepts').all();
  });
  bench('open the timeline: copy the graph into memory', () => {
    machine.end();
    machine.travelTo(last);
  });
  bench('back to before the first change, and forward to the last', () => {
    machine.travelTo(0);
    machine.travelTo(last);
  });
  bench('one step back and forward', () => {
    machine.travelTo(last - 1);
    machine.travelTo(last);
  });
  bench('what changed since the start', () => {
    void changesBetween(graph.db, start, new Date());
  });
});
