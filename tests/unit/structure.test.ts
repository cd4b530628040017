import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGraph } from '../../src/main/open-graph';
import {
  StructureService,
  MEASURE_INLINE_LIMIT,
} from '../../src/main/services/structure/structure-service';
import {
  readStructureInput,
  storeMeasures,
  structureChanged,
  structureState,
} from '../../src/main/services/structure/structure-store';
import { computeMeasures } from '../../src/main/services/structure/measures';
import { connect, freshGraph, openTempGraph, tempDir, track } from './helpers';

/** The contract over a new graph file with nothing in it. */
function openEmpty() {
  const file = path.join(tempDir(), 'empty.sqlite');
  track(openGraph(file, { empty: true }).db).close();
  return connect(file);
}

describe('the structure of a graph', () => {
  it('measures the default graph as networkx does, and keeps the measures in the file', async () => {
    const { api, db } = freshGraph();
    const answer = await api.getStructure({ top: 5 });
    expect(answer.state).toBe('current');
    const structure = answer.structure!;
    expect(structure.concepts).toBe(db.prepare('SELECT count(*) FROM concepts').pluck().get());
    expect(structure.top.map((t) => t.measure)).toEqual([
      'degree',
      'inDegree',
      'outDegree',
      'pagerank',
      'betweenness',
    ]);
    for (const { concepts } of structure.top) {
      expect(concepts).toHaveLength(5);
      const values = concepts.map((c) => c.value);
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
    expect(db.prepare('SELECT count(*) FROM concept_measures').pluck().get()).toBe(
      structure.concepts,
    );
    expect(structure.communities.count).toBeGreaterThan(3);
    expect(structure.communities.largest[0]!.members.length).toBe(5);

    // The same links, read by networkx from Debian (directed PageRank, undirected betweenness).
    const links = db
      .prepare(
        'SELECT s.id AS source, t.id AS target FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target',
      )
      .all();
    const ids = db.prepare('SELECT id FROM concepts').pluck().all();
    const script = [
      'import json, sys, networkx as nx',
      'data = json.load(sys.stdin)',
      'd = nx.DiGraph(); d.add_nodes_from(data["ids"])',
      'd.add_edges_from((l["source"], l["target"]) for l in data["links"] if l["source"] != l["target"])',
      'u = d.to_undirected()',
      'print(json.dumps({"pagerank": nx.pagerank(d), "betweenness": nx.betweenness_centrality(u)}))',
    ].join('\n');
    const reference = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script], {
        input: JSON.stringify({ ids, links }),
        encoding: 'utf8',
      }),
    ) as { pagerank: Record<string, number>; betweenness: Record<string, number> };
    const stored = db
      .prepare(
        'SELECT c.id, m.pagerank, m.betweenness FROM concept_measures m JOIN concepts c ON c.key = m.concept',
      )
      .all() as { id: string; pagerank: number; betweenness: number }[];
    for (const row of stored) {
      expect(row.pagerank).toBeCloseTo(reference.pagerank[row.id]!, 4);
      expect(row.betweenness).toBeCloseTo(reference.betweenness[row.id]!, 9);
    }
  });

  it('measures again after an edit, an undo and a redo, and not otherwise', async () => {
    const { api, db } = freshGraph();
    await api.getStructure({});
    const measuredAt = () => structureState(db).measured;
    const first = measuredAt();
    await api.getStructure({});
    expect(measuredAt()).toBe(first);

    await api.createConcept({ label: 'Lonely idea', category: 'mine', description: '' });
    const afterCreate = (await api.getStructure({ top: 100 })).structure!;
    expect(measuredAt()).toBe(first! + 1);
    expect(afterCreate.isolated.concepts.map((c) => c.label)).toContain('Lonely idea');

    await api.undo({});
    const afterUndo = (await api.getStructure({ top: 100 })).structure!;
    expect(afterUndo.isolated.concepts.map((c) => c.label)).not.toContain('Lonely idea');
    await api.redo({});
    expect((await api.getStructure({ top: 100 })).structure!.isolated.count).toBe(
      afterCreate.isolated.count,
    );
    expect(measuredAt()).toBe(first! + 3);
  });

  it('measures a big graph in the background and shows the last measures meanwhile', async () => {
    const { db } = openTempGraph({ empty: true });
    const n = MEASURE_INLINE_LIMIT + 200;
    db.exec(`INSERT INTO categories (id, label, color) VALUES ('c', 'C', '#4e79a7')`);
    const concept = db.prepare(
      "INSERT INTO concepts (id, label, category, description, origin) VALUES (?, ?, 'c', '', 'user')",
    );
    const link = db.prepare(
      "INSERT INTO links (source, target, relation, origin) VALUES (?, ?, 'uses', 'user')",
    );
    db.transaction(() => {
      for (let i = 1; i <= n; i++) concept.run(`c${i}`, `Concept ${i}`);
      for (let i = 2; i <= n; i++) link.run(i, 1 + (i % 7));
      structureChanged(db);
    })();
    const service = new StructureService(db);
    const started = service.answer(3);
    expect(started).toMatchObject({ state: 'measuring', structure: null });
    const structure = await service.current(3);
    expect(structure.concepts).toBe(n);
    const mostLinkedTo = db
      .prepare(
        `SELECT c.id FROM links l JOIN concepts c ON c.key = l.target
         GROUP BY l.target ORDER BY count(*) DESC, l.target LIMIT 3`,
      )
      .pluck()
      .all();
    expect(structure.top[1]!.concepts.map((c) => c.concept.id)).toEqual(mostLinkedTo);
    expect(service.answer(3).state).toBe('current');

    // A change: the old measures are shown while the new ones are taken.
    db.prepare('UPDATE concepts SET label = ? WHERE id = ?').run('Renamed', mostLinkedTo[1]);
    structureChanged(db);
    const meanwhile = service.answer(3);
    expect(meanwhile.state).toBe('measuring');
    expect(meanwhile.structure!.concepts).toBe(n);
    await service.current(3);
    // A second service (a reopen) takes the stored measures, without measuring.
    const reopened = new StructureService(db).answer(3);
    expect(reopened.state).toBe('current');
    expect(reopened.structure!.top[1]!.concepts[1]!.concept.label).toBe('Renamed');
  });

  it('keeps no measures of a graph that changed while they were taken', () => {
    const { db } = openTempGraph();
    const { version, input } = readStructureInput(db);
    const measures = computeMeasures(input);
    structureChanged(db);
    expect(storeMeasures(db, version, measures)).toBe(false);
    expect(db.prepare('SELECT count(*) FROM concept_measures').pluck().get()).toBe(0);
    expect(storeMeasures(db, version + 1, measures)).toBe(true);
  });

  it('never shows a new concept with the measures of a deleted one whose key it took', async () => {
    const { api, db } = openEmpty();
    const made = [];
    for (const label of ['Hub', 'Leaf one', 'Leaf two'])
      made.push(
        (await api.createConcept({ label, category: 'c', description: '' })).value.concept.id,
      );
    await api.createLink({ source: made[1]!, target: made[0]!, relation: 'uses' });
    await api.createLink({ source: made[2]!, target: made[0]!, relation: 'uses' });
    // A read-only graph holds its measures in memory only, where a key can outlive its concept.
    const service = new StructureService(db, true);
    expect(service.answer(1).structure!.top[1]!.concepts[0]!.concept.label).toBe('Hub');
    const hubKey = db.prepare("SELECT key FROM concepts WHERE label = 'Hub'").pluck().get();
    db.prepare("DELETE FROM concepts WHERE label = 'Hub'").run();
    db.prepare(
      "INSERT INTO concepts (key, id, label, category, description, origin) VALUES (?, 'newcomer', 'Newcomer', 'c', '', 'user')",
    ).run(hubKey);
    // Unchanged version (no change was recorded), so the old measures are still the answer.
    const answer = service.answer(1);
    expect(answer.state).toBe('current');
    expect(answer.structure!.top[1]!.concepts.map((c) => c.concept.label)).toEqual([]);
  });

  it('measures concepts named after every Object.prototype name like any other', async () => {
    const { api } = openEmpty();
    const names = Object.getOwnPropertyNames(Object.prototype);
    const ids: string[] = [];
    for (const label of names)
      ids.push(
        (await api.createConcept({ label, category: 'names', description: '' })).value.concept.id,
      );
    for (const id of ids.slice(1))
      await api.createLink({ source: ids[0]!, target: id, relation: id });
    const structure = (await api.getStructure({ top: 3 })).structure!;
    expect(structure.concepts).toBe(names.length);
    const byLinks = structure.top.find((t) => t.measure === 'degree')!.concepts[0]!;
    expect(byLinks).toEqual({
      concept: expect.objectContaining({ label: names[0] }),
      value: names.length - 1,
    });
    const members = structure.communities.largest.reduce((n, c) => n + c.size, 0);
    expect(members).toBe(names.length);
    expect(
      structure.top.find((t) => t.measure === 'pagerank')!.concepts[0]!.concept.label,
    ).not.toBe(names[0]);
  });

  it('measures a read-only graph in memory, writing nothing', () => {
    const { file, db } = freshGraph();
    db.close();
    const readOnly = track(openGraph(file, { readOnly: true }).db);
    const answer = new StructureService(readOnly, true).answer(3);
    expect(answer.state).toBe('current');
    expect(answer.structure!.top[0]!.concepts).toHaveLength(3);
    expect(readOnly.prepare('SELECT count(*) FROM concept_measures').pluck().get()).toBe(0);
  });
});
