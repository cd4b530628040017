import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { History } from '../../src/main/services/history/history';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport } from '../../src/main/services/export/export-model';
import { importGraph, readImport } from '../../src/main/services/import';
import type { ImportFormat } from '../../src/shared/import-formats';
import { Editor } from '../../src/main/services/editing/editor';
import { GraphReader } from '../../src/main/services/graph-reader';
import { openTempGraph, REPO_ROOT, tempDir } from './helpers';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'import');

async function importInto(db: Database, target: string, format?: ImportFormat, dryRun = false) {
  const graph = await readImport(target, format);
  return importGraph(db, graph, path.basename(target), { dryRun });
}

/** The parts of a graph every lossless format must carry across. */
function essence(db: Database) {
  const graph = readGraphForExport(db);
  const categoryLabel = new Map(graph.categories.map((c) => [c.id, c.label]));
  return {
    concepts: graph.concepts
      .map((c) => ({
        id: c.id,
        label: c.label,
        category: categoryLabel.get(c.category),
        description: c.description,
        note: c.note,
        tags: c.tags,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    links: graph.links.map((l) => `${l.source} ${l.relation} ${l.target} ${l.note ?? ''}`).sort(),
  };
}

const snapshotCounts = (db: Database) =>
  db
    .prepare(
      'SELECT (SELECT count(*) FROM concepts) AS concepts, (SELECT count(*) FROM links) AS links, (SELECT count(*) FROM changes) AS changes, (SELECT count(*) FROM categories) AS categories',
    )
    .get();

/** The default graph plus some of the user's own work: a note with a wikilink, tags, a link note. */
function graphWithUserWork() {
  const opened = openTempGraph();
  const editor = new Editor(opened.db, new GraphReader(opened.db));
  editor.saveNote(
    'etcd',
    '# Raft\nConsensus for the [[API server]]. #consensus\n\n| a | b |\n|---|---|\n| 1 | 2 |',
  );
  editor.setTags('etcd', ['storage', 'kv']);
  editor.createConcept({
    label: 'Café “quoted” <tag> & co',
    category: 'My stuff',
    description: 'Line one\nline two, with "quotes"',
  });
  editor.createLink({
    source: 'cafe-quoted-tag-co',
    target: 'etcd',
    relation: 'depends on',
    note: 'a note, with, commas',
  });
  return opened;
}

describe('round trips: export, then import into an empty graph, gives the same graph', () => {
  it.each(['json', 'graphml', 'gexf', 'csv', 'cytoscape', 'markdown'] as const)(
    '%s',
    async (format) => {
      const { db } = graphWithUserWork();
      const out = path.join(tempDir(), `graph.${format}`);
      exportGraph(db, format, out);
      const target = openTempGraph({ empty: true }).db;
      const report = await importInto(target, out, format);
      expect(report.concepts.added).toBe(readGraphForExport(db).concepts.length);
      expect(report.duplicateCount).toBe(0);
      expect(essence(target)).toEqual(essence(db));
      const origins = target.prepare('SELECT DISTINCT origin, provenance FROM concepts').all();
      expect(origins).toEqual([{ origin: 'import', provenance: `import: ${path.basename(out)}` }]);
    },
  );
});

describe('files made by other tools come in intact', () => {
  it('networkx GraphML and GEXF keep their node and edge counts', async () => {
    const dir = tempDir();
    execFileSync('/usr/bin/python3', [
      '-c',
      [
        'import sys, networkx as nx',
        'g = nx.les_miserables_graph()',
        'd = nx.DiGraph(g)',
        'nx.write_graphml(d, sys.argv[1] + "/lesmis.graphml")',
        'nx.write_gexf(d, sys.argv[1] + "/lesmis.gexf")',
        'print(d.number_of_nodes(), d.number_of_edges())',
      ].join('\n'),
      dir,
    ]);
    const [nodes, edges] = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import networkx as nx; d = nx.DiGraph(nx.les_miserables_graph()); print(d.number_of_nodes(), d.number_of_edges())',
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split(' ')
      .map(Number);
    for (const file of ['lesmis.graphml', 'lesmis.gexf']) {
      const db = openTempGraph({ empty: true }).db;
      const report = await importInto(db, path.join(dir, file));
      expect(report.concepts.added, file).toBe(nodes);
      expect(report.links.added, file).toBe(edges);
      expect(db.prepare("SELECT label FROM concepts WHERE id = 'Valjean'").get()).toEqual({
        label: 'Valjean',
      });
    }
  });

  it('igraph GraphML (unlabelled vertices, undirected) keeps its counts and names nodes by id', async () => {
    const file = path.join(tempDir(), 'zachary.graphml');
    const counts = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, igraph as ig\ng = ig.Graph.Famous("Zachary")\ng.write_graphml(sys.argv[1])\nprint(g.vcount(), g.ecount())',
        file,
      ],
      { encoding: 'utf8' },
    );
    const [nodes, edges] = counts.trim().split(' ').map(Number);
    const db = openTempGraph({ empty: true }).db;
    const report = await importInto(db, file);
    expect(report.concepts.added).toBe(nodes);
    expect(report.links.added).toBe(edges);
    expect(report.warnings).toContain(
      'The graph is undirected: each edge was read as a link from its source to its target.',
    );
    expect(db.prepare("SELECT label FROM concepts WHERE id = 'n0'").get()).toEqual({ label: 'n0' });
  });

  it('yEd GraphML: labels from its node and edge graphics, positions from its geometry', async () => {
    const db = openTempGraph({ empty: true }).db;
    const report = await importInto(db, path.join(FIXTURES, 'yed.graphml'));
    expect(report.concepts.added).toBe(3);
    const rows = db
      .prepare(
        'SELECT c.id, c.label, c.description, p.x, p.y FROM concepts c LEFT JOIN positions p ON p.concept = c.key ORDER BY c.id',
      )
      .all();
    expect(rows).toEqual([
      { id: 'n0', label: 'Roadmap', description: 'Where the team keeps its plans', x: 120, y: 40 },
      { id: 'n1', label: 'Quarterly & yearly goals', description: '', x: 300, y: 40 },
      { id: 'n2', label: 'n2', description: '', x: 200, y: 160 },
    ]);
    expect(db.prepare('SELECT relation FROM links ORDER BY id').all()).toEqual([
      { relation: 'sets' },
      { relation: 'related to' },
    ]);
  });

  it('Gephi GEXF and GraphML: labels, types as categories, positions, edge labels', async () => {
    const gexf = openTempGraph({ empty: true }).db;
    await importInto(gexf, path.join(FIXTURES, 'gephi.gexf'));
    expect(
      gexf
        .prepare(
          'SELECT c.label, cat.label AS category, p.x FROM concepts c JOIN categories cat ON cat.id = c.category LEFT JOIN positions p ON p.concept = c.key ORDER BY c.key',
        )
        .all(),
    ).toEqual([
      { label: 'Alice', category: 'Person', x: -12.5 },
      { label: 'Bob', category: 'Person', x: 30 },
      { label: 'Graph theory', category: 'Topic', x: null },
    ]);
    expect(gexf.prepare('SELECT relation FROM links ORDER BY id').all()).toEqual([
      { relation: 'knows' },
      { relation: 'studies' },
      { relation: 'related to' },
    ]);
    const graphml = openTempGraph({ empty: true }).db;
    await importInto(graphml, path.join(FIXTURES, 'gephi.graphml'));
    expect(
      graphml
        .prepare(
          'SELECT c.label, p.x, p.y FROM concepts c JOIN positions p ON p.concept = c.key ORDER BY c.key',
        )
        .all(),
    ).toEqual([
      { label: 'Alpha', x: 1.5, y: -2 },
      { label: 'Beta', x: 3, y: 4 },
    ]);
    expect(graphml.prepare('SELECT relation FROM links').get()).toEqual({ relation: 'feeds' });
  });

  it('CSV with other tools’ headers, and an edge list alone', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'nodes.csv'),
      '\uFEFFId,Label,Type\r\nk8s,Kubernetes,Platform\r\nhelm,Helm,"Package, manager"\r\n',
    );
    fs.writeFileSync(path.join(dir, 'edges.csv'), 'From,To,Type\nhelm,k8s,deploys to\n');
    const db = openTempGraph({ empty: true }).db;
    await importInto(db, dir);
    expect(
      db
        .prepare(
          'SELECT c.label, cat.label AS category FROM concepts c JOIN categories cat ON cat.id = c.category ORDER BY c.key',
        )
        .all(),
    ).toEqual([
      { label: 'Kubernetes', category: 'Platform' },
      { label: 'Helm', category: 'Package, manager' },
    ]);
    const edgeList = path.join(tempDir(), 'friends.csv');
    fs.writeFileSync(edgeList, 'source,target\nann,bob\nbob,cy\n');
    const list = openTempGraph({ empty: true }).db;
    const report = await importInto(list, edgeList);
    expect(report).toMatchObject({ concepts: { added: 3 }, links: { added: 2 } });
  });

  it('a plain Obsidian vault: folders become categories, wikilinks mentions, #tags tags', async () => {
    const vault = tempDir();
    fs.mkdirSync(path.join(vault, 'Kubernetes'));
    fs.mkdirSync(path.join(vault, '.obsidian'));
    fs.writeFileSync(path.join(vault, '.obsidian', 'app.json'), '{}');
    fs.writeFileSync(
      path.join(vault, 'Kubernetes', 'Pod.md'),
      '---\ntags: [k8s]\n---\nRuns on a [[Node]]. #workload\n',
    );
    fs.writeFileSync(path.join(vault, 'Kubernetes', 'Node.md'), 'A machine.\n');
    fs.writeFileSync(path.join(vault, 'Inbox.md'), 'Read about [[Pod]] and [[Missing note]].\n');
    const db = openTempGraph({ empty: true }).db;
    const report = await importInto(db, vault);
    expect(report.concepts.added).toBe(3);
    const reader = new GraphReader(db);
    const pod = reader.concept('Pod');
    expect(pod.concept.tags.sort()).toEqual(['k8s', 'workload']);
    expect(pod.mentions.map((m) => m.label)).toEqual(['Node']);
    expect(pod.backlinks.map((b) => b.concept.label)).toEqual(['Inbox']);
    expect(
      db
        .prepare(
          "SELECT cat.label FROM concepts c JOIN categories cat ON cat.id = c.category WHERE c.id = 'Inbox'",
        )
        .get(),
    ).toEqual({ label: 'Notes' });
    expect(
      db
        .prepare(
          "SELECT cat.label FROM concepts c JOIN categories cat ON cat.id = c.category WHERE c.id = 'Pod'",
        )
        .get(),
    ).toEqual({ label: 'Kubernetes' });
  });
});

describe('merging into an existing graph', () => {
  it('matches by id, then by label, reports duplicates and marks what is new as imported', async () => {
    const { db } = openTempGraph();
    const file = path.join(tempDir(), 'extra.json');
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          format: 'cairn-graph',
          version: 1,
          categories: [{ id: 'mesh', label: 'Service mesh & load balancing', color: '#000000' }],
          concepts: [
            { id: 'etcd', label: 'etcd (mine)', category: 'mesh', description: 'changed?' },
            { id: 'x1', label: 'Linkerd', category: 'mesh', description: '' },
            {
              id: 'istio',
              label: 'Istio',
              category: 'mesh',
              description: 'A mesh',
              tags: ['mesh'],
            },
          ],
          links: [
            { source: 'istio', target: 'x1', relation: 'alternative to' },
            { source: 'etcd', target: 'api-server', relation: 'stores data for' },
          ],
        },
        null,
        2,
      ),
    );
    const before = db.prepare("SELECT label, description FROM concepts WHERE id = 'etcd'").get();
    const report = await importInto(db, file);
    expect(report).toMatchObject({
      concepts: { added: 1, matched: 2 },
      links: { added: 1, alreadyPresent: 1 },
      duplicateCount: 2,
      duplicates: [
        { line: 12, label: 'etcd (mine)', matchedBy: 'id', existing: 'etcd' },
        { line: 18, label: 'Linkerd', matchedBy: 'label', existing: 'Linkerd' },
      ],
      categoriesAdded: [],
      conflicts: {
        counts: [
          { kind: 'description', count: 1 },
          { kind: 'category', count: 1 },
        ],
      },
    });
    // What was there is not overwritten.
    expect(db.prepare("SELECT label, description FROM concepts WHERE id = 'etcd'").get()).toEqual(
      before,
    );
    expect(db.prepare("SELECT origin, provenance FROM concepts WHERE id = 'istio'").get()).toEqual({
      origin: 'import',
      provenance: 'import: extra.json',
    });
    expect(
      db
        .prepare(
          "SELECT count(*) AS n FROM links l JOIN concepts s ON s.key = l.source WHERE s.id = 'istio' AND l.origin = 'import'",
        )
        .get(),
    ).toEqual({ n: 1 });
  });

  it('places imported positions beside the existing drawing, keeping their arrangement', async () => {
    const { db } = openTempGraph();
    db.prepare(
      "INSERT INTO positions (concept, x, y) SELECT key, 100, 50 FROM concepts WHERE id = 'etcd'",
    ).run();
    db.prepare(
      "INSERT INTO positions (concept, x, y) SELECT key, -400, 900 FROM concepts WHERE id = 'pod'",
    ).run();
    await importInto(db, path.join(FIXTURES, 'gephi.gexf'));
    const imported = db
      .prepare(
        "SELECT c.label, p.x, p.y FROM concepts c JOIN positions p ON p.concept = c.key WHERE c.origin = 'import' ORDER BY c.key",
      )
      .all() as { label: string; x: number; y: number }[];
    // In the file: Alice (-12.5, 40.25), Bob (30, -8). Moved so the block starts 300 right of x=100, top at y=50.
    expect(imported).toEqual([
      { label: 'Alice', x: 400, y: 98.25 },
      { label: 'Bob', x: 442.5, y: 50 },
    ]);
  });

  it('previews without writing, and an import is undone in one step', async () => {
    const { db } = openTempGraph();
    const file = path.join(FIXTURES, 'gephi.gexf');
    const before = snapshotCounts(db);
    const preview = await importInto(db, file, undefined, true);
    expect(preview).toMatchObject({
      concepts: { added: 3 },
      links: { added: 3 },
      categoriesAdded: ['Person', 'Topic'],
    });
    expect(snapshotCounts(db)).toEqual(before);
    const done = await importInto(db, file);
    expect(done.concepts.added).toBe(3);
    expect(new History(db).state().undoSummary).toBe('Imported gephi.gexf');
    new History(db).undo();
    expect(snapshotCounts(db)).toEqual({ ...(before as object), changes: 1 });
  });
});

describe('bad input: one sentence naming the file and line, and nothing written', () => {
  async function refused(
    name: string,
    content: string | Buffer,
    message: string | RegExp,
    format?: ImportFormat,
  ) {
    const { db } = openTempGraph();
    const before = snapshotCounts(db);
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, content);
    let error: Error | undefined;
    try {
      await importInto(db, file, format);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message.split('\n')).toHaveLength(1);
    expect(snapshotCounts(db)).toEqual(before);
  }

  it('malformed XML', () =>
    refused(
      'broken.graphml',
      '<?xml version="1.0"?>\n<graphml>\n  <graph>\n    <node id="a">\n  </graph>\n</graphml>',
      /^broken\.graphml, line 5: the XML is malformed \(.*\)\.$/,
    ));

  it('a DTD with entities is refused, never expanded (billion laughs)', () =>
    refused(
      'lol.graphml',
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<graphml><graph><node id="a"><data key="d0">&lol2;</data></node></graph></graphml>',
      /^lol\.graphml, line \d: the file contains a DTD \(<!DOCTYPE …>\), which Cairn never reads; remove it and try again\.$/,
    ));

  it('an external entity is refused', () =>
    refused(
      'xxe.gexf',
      '<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<gexf><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>',
      /^xxe\.gexf, line \d: the file contains a DTD/,
    ));

  it('an undefined entity', () =>
    refused(
      'ent.graphml',
      '<graphml>\n<graph>\n<node id="a"><data key="d0">&nbsp;</data></node>\n</graph></graphml>',
      /^ent\.graphml, line 3: the XML is malformed/,
    ));

  it('a wrong encoding: Latin-1 bytes in a UTF-8 file', () =>
    refused(
      'latin1.csv',
      Buffer.concat([Buffer.from('id,label\na,ok\nb,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'latin1.csv, line 3: the file is not UTF-8 text (an invalid byte sequence); save it as UTF-8.',
    ));

  it('an encoding Cairn does not know', () =>
    refused(
      'odd.graphml',
      '<?xml version="1.0" encoding="x-klingon"?><graphml/>',
      'odd.graphml, line 1: the file declares the encoding "x-klingon", which Cairn cannot read; save it as UTF-8.',
    ));

  it('missing columns', () =>
    refused(
      'edges.csv',
      'from,weight\na,1\n',
      'edges.csv, line 1: there is no target column (looked for "target", "to", "dst", "end").',
    ));

  it('a malformed CSV', () =>
    refused(
      'nodes.csv',
      'id,label\na,"unclosed\n',
      /^nodes\.csv, line \d: the CSV is malformed \(Quote Not Closed/,
    ));

  it('links whose ends do not exist', () =>
    refused(
      'dangling.json',
      '{\n  "format": "cairn-graph",\n  "version": 1,\n  "categories": [],\n  "concepts": [\n    { "id": "a", "label": "A" }\n  ],\n  "links": [\n    { "source": "a", "target": "nowhere", "relation": "uses" }\n  ]\n}',
      'dangling.json, line 9: a link points at "nowhere", which is neither in the file nor in the graph.',
    ));

  it('__proto__ keys', () =>
    refused(
      'proto.json',
      '{\n  "format": "cairn-graph",\n  "version": 1,\n  "concepts": [\n    { "id": "a", "label": "A", "__proto__": { "polluted": true } }\n  ]\n}',
      'proto.json, line 5: the key "__proto__" is not allowed.',
    ));

  it('huge values', () =>
    refused(
      'nodes.csv',
      `id,label\na,${'x'.repeat(5_000_000)}\n`,
      'nodes.csv, line 2: The label is 5,000,000 characters long; at most 200 are allowed.',
    ));

  it('control characters: XML forbids them outright, and a CSV label with one is refused', async () => {
    await refused(
      'ctl.gexf',
      '<gexf><graph><nodes>\n<node id="a" label="bad&#x7;bell"/>\n</nodes></graph></gexf>',
      /^ctl\.gexf, line 2: the XML is malformed/,
    );
    await refused(
      'nodes.csv',
      'id,label\na,"bad\u0007bell"\n',
      'nodes.csv, line 2: The label cannot contain control characters (found U+0007 at position 4).',
    );
  });

  it('malformed JSON', () =>
    refused(
      'bad.json',
      '{\n  "format": "cairn-graph",\n  "version": 1,\n  "concepts": [ { "id": "a", } ]\n}',
      'bad.json, line 4: the JSON is malformed (property name expected).',
    ));

  it('a newer version of Cairn’s format', () =>
    refused(
      'new.json',
      '{ "format": "cairn-graph", "version": 9, "concepts": [] }',
      "new.json, line 1: this is version 9 of Cairn's format; this Cairn reads version 1.",
    ));
});

describe('large JSON files are read in linear time (issue 12, defect 4)', () => {
  // Lines used to be found by rescanning the file from its start for every item:
  // 50,000 concepts took over 300 s. Now each item's line comes from one index.
  const COUNT = 50_000;

  it.each(['json', 'cytoscape'] as const)('%s with 50,000 concepts and links', async (format) => {
    const nodes = Array.from({ length: COUNT }, (_, i) => ({ id: `n${i}`, label: `Node ${i}` }));
    const edges = Array.from({ length: COUNT - 1 }, (_, i) => ({
      source: `n${i}`,
      target: `n${i + 1}`,
      relation: 'next',
    }));
    const document =
      format === 'json'
        ? { format: 'cairn-graph', version: 1, concepts: nodes, links: edges }
        : {
            elements: {
              nodes: nodes.map((data) => ({ data })),
              edges: edges.map((data) => ({ data })),
            },
          };
    const file = path.join(tempDir(), format === 'json' ? 'big.json' : 'big.cyjs');
    fs.writeFileSync(file, JSON.stringify(document, null, 1));
    const graph = await readImport(file, format);
    expect(graph.concepts).toHaveLength(COUNT);
    expect(graph.links).toHaveLength(COUNT - 1);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const last = graph.links.at(-1)!;
    // The line it names is the line where the last link's object opens.
    expect(lines[last.line - 1]!.trim()).toBe('{');
    expect(lines[last.line]).toContain(format === 'json' ? '"source": "n49998"' : '"data": {');
  });
});

describe('hierarchies are flattened, and every group stays a concept (issue 12, defect 5)', () => {
  const partOf = (db: Database) =>
    db
      .prepare(
        `SELECT s.label AS member, t.label AS "group" FROM links l
         JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target
         WHERE l.relation = 'part of' ORDER BY s.label, t.label`,
      )
      .all();

  it('yEd group nodes with nested graphs: members link to their group, the report says so', async () => {
    const db = openTempGraph({ empty: true }).db;
    const report = await importInto(db, path.join(FIXTURES, 'yed-groups.graphml'));
    expect(report.concepts.added).toBe(5);
    // yEd's ids of nested nodes (n0::n1) are not Cairn ids: those get one from the label.
    const labels = db.prepare('SELECT id, label, description FROM concepts ORDER BY id').all();
    expect(labels).toEqual([
      { id: 'control-plane', label: 'Control plane', description: '' },
      { id: 'kubelet', label: 'Kubelet', description: '' },
      { id: 'n0', label: 'Cluster', description: 'Everything that runs the workloads' },
      { id: 'n1', label: 'etcd', description: '' },
      { id: 'workers', label: 'Workers', description: '' },
    ]);
    expect(partOf(db)).toEqual([
      { member: 'Control plane', group: 'Cluster' },
      { member: 'Kubelet', group: 'Workers' },
      { member: 'Workers', group: 'Cluster' },
    ]);
    expect(db.prepare("SELECT count(*) AS n FROM links WHERE relation <> 'part of'").get()).toEqual(
      { n: 2 },
    );
    expect(report.warnings).toContain(
      '3 concepts were inside group nodes (nested graphs): the hierarchy was flattened, and each has a “part of” link to its group.',
    );
  });

  it('GEXF nested nodes and pid: the parent is kept, with "part of" links to it', async () => {
    const db = openTempGraph({ empty: true }).db;
    const report = await importInto(db, path.join(FIXTURES, 'gexf-hierarchy.gexf'));
    expect(
      (db.prepare('SELECT label FROM concepts ORDER BY label').all() as { label: string }[]).map(
        (r) => r.label,
      ),
    ).toEqual(['Europe', 'France', 'Lyon', 'Paris', 'Spain']);
    expect(partOf(db)).toEqual([
      { member: 'France', group: 'Europe' },
      { member: 'Lyon', group: 'France' },
      { member: 'Paris', group: 'France' },
      { member: 'Spain', group: 'Europe' },
    ]);
    expect(report.links.added).toBe(5);
    expect(report.warnings).toContain(
      '4 concepts were inside other nodes (a hierarchy): the hierarchy was flattened, and each has a “part of” link to its group.',
    );
  });
});
