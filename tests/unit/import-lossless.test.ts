import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Editor } from '../../src/main/services/editing/editor';
import { exportGraph } from '../../src/main/services/export/export';
import { GraphReader } from '../../src/main/services/graph-reader';
import { History } from '../../src/main/services/history/history';
import { importGraph, readImport } from '../../src/main/services/import';
import { SearchService } from '../../src/main/services/search';
import { openTempGraph, REPO_ROOT, tempDir } from './helpers';

// Issue 11: every node, edge and attribute of a file lands in Cairn or is named in the
// report with a count and a reason.

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'import');

async function importFile(db: Database, file: string, options = {}) {
  return importGraph(db, await readImport(file, undefined), path.basename(file), options);
}

function write(name: string, content: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

const rows = (db: Database, sql: string) => db.prepare(sql).all();

const GRAPHML_HEAD = `<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="relation" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d2" for="node" attr.name="population" attr.type="long"/>
  <graph edgedefault="directed">
    <node id="a"/><node id="b"/><node id="c"/>`;

describe('nothing of a file is lost without a word', () => {
  it('a relation called "mentions" is an ordinary typed link, beside the mentions notes make', async () => {
    const { db } = openTempGraph({ empty: true });
    const file = write(
      'mentions.graphml',
      `${GRAPHML_HEAD}
    <edge source="a" target="b"><data key="d0">mentions</data></edge>
    <edge source="b" target="c"><data key="d0">Mentions</data></edge>
    <edge source="c" target="a"><data key="d0">cites</data></edge>
  </graph>
</graphml>`,
    );
    const report = await importFile(db, file);
    expect(report.links).toMatchObject({ added: 3, skipped: 0, merged: 0 });
    expect(rows(db, 'SELECT relation, kind FROM links ORDER BY id')).toEqual([
      { relation: 'mentions', kind: 'typed' },
      { relation: 'Mentions', kind: 'typed' },
      { relation: 'cites', kind: 'typed' },
    ]);
    expect(report.adding.relations).toContainEqual({
      relation: 'mentions',
      kind: 'typed',
      count: 1,
    });
    // They show as links, and the concept's own mentions (from its note) stay empty.
    const details = new GraphReader(db).concept('a');
    expect(details.outgoing.map((l) => l.link.relation)).toEqual(['mentions']);
    expect(details.mentions).toEqual([]);
  });

  it('multi-edges: an exact repeat is merged and counted, a different one kept beside it', async () => {
    const { db } = openTempGraph({ empty: true });
    const file = write(
      'multi.graphml',
      `${GRAPHML_HEAD}
    <edge source="a" target="b"><data key="d0">road</data><data key="d1">3.5</data></edge>
    <edge source="a" target="b"><data key="d0">road</data><data key="d1">7</data></edge>
    <edge source="a" target="b"><data key="d0">road</data><data key="d1">3.5</data></edge>
    <edge source="a" target="b"><data key="d0">rail</data></edge>
  </graph>
</graphml>`,
    );
    const report = await importFile(db, file);
    expect(report.links).toMatchObject({ added: 3, merged: 1 });
    expect(report.warnings).toContain(
      '1 edge repeated an earlier one exactly (the same ends, relation, note and attributes) and was merged into it.',
    );
    expect(
      rows(
        db,
        `SELECT l.relation, l.parallel, a.value AS weight FROM links l
         LEFT JOIN link_attributes a ON a.link = l.id AND a.name = 'weight' ORDER BY l.id`,
      ),
    ).toEqual([
      { relation: 'road', parallel: 0, weight: '3.5' },
      { relation: 'road', parallel: 1, weight: '7' },
      { relation: 'rail', parallel: 0, weight: null },
    ]);
    // Both parallel roads go back out, each with its weight.
    const out = path.join(tempDir(), 'again.graphml');
    exportGraph(db, 'graphml', out);
    const again = openTempGraph({ empty: true }).db;
    expect((await importFile(again, out)).links).toMatchObject({ added: 3, merged: 0 });
  });

  it('unknown attributes are kept per concept and per link, with their types, and shown in details', async () => {
    const { db } = openTempGraph({ empty: true });
    const file = write(
      'attributes.graphml',
      `${GRAPHML_HEAD.replace('<node id="a"/>', '<node id="a"><data key="d2">67000000</data></node>')}
    <edge source="a" target="b"><data key="d0">borders</data><data key="d1">0.25</data></edge>
  </graph>
</graphml>`,
    );
    const report = await importFile(db, file);
    expect(report.warnings).toEqual([]);
    expect(new GraphReader(db).concept('a').concept.attributes).toEqual([
      { name: 'population', type: 'long', value: '67000000' },
    ]);
    expect(rows(db, 'SELECT name, type, value FROM link_attributes')).toEqual([
      { name: 'weight', type: 'double', value: '0.25' },
    ]);
  });

  it('self-links are named in the report with their lines, and everything else lands', async () => {
    const { db } = openTempGraph({ empty: true });
    const file = write(
      'loops.graphml',
      `${GRAPHML_HEAD}
    <edge source="a" target="a"><data key="d0">recurses</data></edge>
    <edge source="a" target="b"><data key="d0">calls</data></edge>
    <edge source="c" target="c"/>
  </graph>
</graphml>`,
    );
    const report = await importFile(db, file);
    expect(report.concepts.added).toBe(3);
    expect(report.links).toMatchObject({ added: 1, skipped: 2 });
    expect(report.warnings).toContain(
      '2 links from a concept to itself (loops.graphml, lines 8, 10) were not kept: a Cairn link joins two concepts.',
    );
  });

  it('a Gephi GraphML with degree, weight and modularity_class round-trips through Cairn', async () => {
    const { db } = openTempGraph({ empty: true });
    await importFile(db, path.join(FIXTURES, 'gephi-attributes.graphml'));
    const attributesOf = (d: Database) =>
      rows(
        d,
        `SELECT c.label, a.name, a.type, a.value FROM concept_attributes a
         JOIN concepts c ON c.key = a.concept ORDER BY c.label, a.name`,
      );
    const linkAttributesOf = (d: Database) =>
      rows(
        d,
        `SELECT l.relation, a.name, a.type, a.value FROM link_attributes a
         JOIN links l ON l.id = a.link ORDER BY l.relation, a.name`,
      );
    const before = attributesOf(db);
    expect(before).toContainEqual({ label: 'Alpha', name: 'degree', type: 'int', value: '2' });
    expect(before).toContainEqual({
      label: 'Beta',
      name: 'modularity_class',
      type: 'int',
      value: '1',
    });
    expect(linkAttributesOf(db)).toContainEqual({
      relation: 'feeds',
      name: 'weight',
      type: 'double',
      value: '2.5',
    });
    for (const format of ['graphml', 'gexf', 'json'] as const) {
      const out = path.join(tempDir(), `gephi.${format}`);
      exportGraph(db, format, out);
      const again = openTempGraph({ empty: true }).db;
      await importFile(again, out);
      expect(attributesOf(again), format).toEqual(before);
      expect(linkAttributesOf(again), format).toEqual(linkAttributesOf(db));
    }
    // And the file Gephi reads back declares them with their types.
    const out = path.join(tempDir(), 'back.graphml');
    exportGraph(db, 'graphml', out);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toMatch(/<key id="n_a\d+" for="node" attr.name="degree" attr.type="int"\/>/);
    expect(text).toMatch(/<key id="e_a\d+" for="edge" attr.name="weight" attr.type="double"\/>/);
  });
});

describe('every import is undoable', () => {
  it('undoes an import above 20,000 items in one step, and older edits stay undoable', async () => {
    const { db } = openTempGraph();
    const editor = new Editor(db, new GraphReader(db));
    editor.createConcept({ label: 'Before the import', category: 'Notes' });
    const concepts = Array.from({ length: 12_000 }, (_, i) => ({
      id: `n${i}`,
      label: `Item ${i}`,
    }));
    const links = concepts
      .slice(1)
      .map((c, i) => ({ source: `n${i}`, target: c.id, relation: 'next' }));
    const file = write(
      'big.json',
      JSON.stringify({ format: 'cairn-graph', version: 1, concepts, links }),
    );
    const count = () =>
      db
        .prepare('SELECT (SELECT count(*) FROM concepts) AS c, (SELECT count(*) FROM links) AS l')
        .get();
    const before = count();
    const report = await importFile(db, file);
    expect(report.concepts.added + report.links.added).toBeGreaterThan(20_000);
    expect(report.newConceptIds).toHaveLength(12_000);
    const history = new History(db);
    expect(history.state().undoSummary).toBe('Imported big.json');
    // No row image of the 23,999 rows is stored: the change names its batch.
    expect(
      (
        db
          .prepare(
            'SELECT length(forward) + length(backward) AS n FROM changes ORDER BY id DESC LIMIT 1',
          )
          .get() as { n: number }
      ).n,
    ).toBeLessThan(2_000);
    const undone = history.undo();
    expect(undone.value?.summary).toBe('Imported big.json');
    expect(count()).toEqual(before);
    expect(new SearchService(db).search('Item 11999')).toEqual([]);
    // Redo brings it all back, searchable; undo again, then the edit before it.
    history.redo();
    expect(count()).not.toEqual(before);
    expect(new SearchService(db).search('Item 11999')[0]?.label).toBe('Item 11999');
    history.undo();
    expect(history.state().undoSummary).toBe('Created “Before the import”');
    history.undo();
    expect(
      db.prepare("SELECT count(*) AS n FROM concepts WHERE label = 'Before the import'").get(),
    ).toEqual({ n: 0 });
  });
});

describe('the bulk path', () => {
  it('gives exactly the database the row-by-row path gives, search included', async () => {
    const file = write(
      'both.json',
      JSON.stringify({
        format: 'cairn-graph',
        version: 1,
        categories: [{ id: 'k', label: 'Kubernetes', color: '#326ce5' }],
        concepts: [
          {
            id: 'pod',
            label: 'Pod',
            category: 'k',
            description: 'Smallest unit',
            tags: ['core'],
            note: 'Runs on a [[Node]]. #workload',
          },
          {
            id: 'node',
            label: 'Node',
            category: 'k',
            description: 'A machine',
            position: { x: 1, y: 2 },
          },
          {
            id: 'cafe',
            label: 'Café über',
            category: 'Other',
            attributes: [{ name: 'score', type: 'double', value: '0.5' }],
          },
          ...Array.from({ length: 300 }, (_, i) => ({
            id: `x${i}`,
            label: `Extra ${i}`,
            description: `about ${i % 7}`,
          })),
        ],
        links: [
          { source: 'pod', target: 'node', relation: 'runs on' },
          { source: 'pod', target: 'node', relation: 'mentions' },
          { source: 'cafe', target: 'pod', relation: 'likes', note: 'a lot' },
          ...Array.from({ length: 299 }, (_, i) => ({
            source: `x${i}`,
            target: `x${i + 1}`,
            relation: 'next',
          })),
        ],
      }),
    );
    const dump = async (bulk: boolean) => {
      const { db } = openTempGraph({ empty: true });
      await importFile(db, file, { bulk });
      const search = new SearchService(db);
      return {
        tables: [
          'SELECT key, id, label, category, description, origin, provenance, import_batch FROM concepts ORDER BY key',
          'SELECT id, source, target, relation, origin, kind, note, parallel, import_batch FROM links ORDER BY id',
          'SELECT concept, body FROM notes ORDER BY concept',
          'SELECT * FROM tags ORDER BY concept, tag',
          'SELECT * FROM positions ORDER BY concept',
          'SELECT * FROM concept_attributes ORDER BY concept, name',
          'SELECT rowid, label, description, note, tags FROM concept_search ORDER BY rowid',
          'SELECT rowid, label FROM concept_trigrams ORDER BY rowid',
          'SELECT * FROM position_index ORDER BY concept',
          "SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name",
        ].map((sql) => db.prepare(sql).all()),
        search: ['pod', 'workload', 'uber', 'extra 29', 'machine', 'about'].map((q) =>
          search.search(q).map((h) => h.id),
        ),
      };
    };
    const bulk = await dump(true);
    expect(bulk.search[1]).toEqual(['pod']);
    expect(bulk).toEqual(await dump(false));
  });
});

// Found by the import fuzzer: a key given twice made one value vanish, or (for a concept
// already in the graph) ended the import in "unexpected error: UNIQUE constraint failed".
describe('a value given twice is never dropped at random', () => {
  it('refuses a Cytoscape node that gives one key two values, naming its line', async () => {
    const { db } = openTempGraph();
    // The same value twice loses nothing: it is read once.
    const same = write(
      'same.cyjs',
      JSON.stringify({ elements: { nodes: [{ data: { id: 'twin', label: 'Twin' } }] } }).replace(
        '"label":"Twin"',
        '"label":"Twin","origin":"a","origin":"a"',
      ),
    );
    expect((await importFile(db, same)).concepts.added).toBe(1);
    const file = write(
      'twice.cyjs',
      JSON.stringify({ elements: { nodes: [{ data: { id: 'pod', label: 'Pod' } }] } }).replace(
        '"label":"Pod"',
        '"label":"Pod",\n"origin":"a","origin":"b"',
      ),
    );
    await expect(importFile(db, file)).rejects.toThrow(
      'twice.cyjs, line 2: the key "origin" is given twice in one object, with two different values',
    );
  });

  it("reads a node's own <data> only: its ports' values are named as not kept", async () => {
    const { db } = openTempGraph({ empty: true });
    const file = write(
      'ports.graphml',
      `${GRAPHML_HEAD}
    <node id="p"><data key="d2">5</data>
      <port name="left"><data key="d2">1</data></port><port name="right"><data key="d2">2</data></port>
    </node>
  </graph>
</graphml>`,
    );
    const report = await importFile(db, file);
    expect(
      rows(
        db,
        "SELECT value FROM concept_attributes WHERE concept = (SELECT key FROM concepts WHERE id = 'p')",
      ),
    ).toEqual([{ value: '5' }]);
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^Values of population inside ports, hyperedges or nested graphs were not kept/,
      ),
    );
  });

  it('refuses a link whose attribute list and own fields give one name two values', async () => {
    const { db } = openTempGraph({ empty: true });
    const file = write(
      'link.json',
      JSON.stringify({
        format: 'cairn-graph',
        version: 1,
        concepts: [
          { id: 'a', label: 'A', category: 'X' },
          { id: 'b', label: 'B', category: 'X' },
        ],
        links: [
          {
            source: 'a',
            target: 'b',
            relation: 'uses',
            weight: 2,
            attributes: [{ name: 'weight ', type: 'long', value: '3' }],
          },
        ],
      }),
    );
    await expect(importFile(db, file)).rejects.toThrow(
      'the link from "a" to "b" gives the attribute "weight" two different values',
    );
  });

  it('keeps an attribute given twice with one value, and refuses two values', async () => {
    const { db } = openTempGraph({ empty: true });
    const node = (second: string) =>
      write(
        'twice.graphml',
        `${GRAPHML_HEAD}
    <node id="d"><data key="d2">7</data><data key="d2">${second}</data></node>
  </graph>
</graphml>`,
      );
    await importFile(db, node('7'));
    expect(
      rows(
        db,
        "SELECT name, value FROM concept_attributes WHERE concept = (SELECT key FROM concepts WHERE id = 'd')",
      ),
    ).toEqual([{ name: 'population', value: '7' }]);
    await expect(importFile(db, node('8'))).rejects.toThrow(
      /twice\.graphml, line \d+: the node "d" gives <data key="d2"> two different values/,
    );
  });
});
