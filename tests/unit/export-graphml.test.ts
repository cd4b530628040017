import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport } from '../../src/main/services/export/export-model';
import { escapeXml } from '../../src/main/services/export/xml-text';
import { openTempGraph, tempDir } from './helpers';
import { childrenNamed, parseXml } from './xml-reader';

function readGraphml(file: string) {
  const root = parseXml(fs.readFileSync(file, 'utf8'));
  expect(root.name).toBe('graphml');
  const keys = new Map(
    childrenNamed(root, 'key').map((k) => [
      k.attributes.id!,
      `${k.attributes.for}:${k.attributes['attr.name']}`,
    ]),
  );
  const graph = childrenNamed(root, 'graph')[0]!;
  expect(graph.attributes.edgedefault).toBe('directed');
  const dataOf = (element: ReturnType<typeof parseXml>) =>
    Object.fromEntries(
      childrenNamed(element, 'data').map((d) => [
        keys.get(d.attributes.key!)!.split(':')[1]!,
        d.text,
      ]),
    );
  const nodes: Record<string, string>[] = childrenNamed(graph, 'node').map((n) => ({
    id: n.attributes.id!,
    ...dataOf(n),
  }));
  const edges = childrenNamed(graph, 'edge').map((e) => ({
    source: e.attributes.source!,
    target: e.attributes.target!,
    ...dataOf(e),
  }));
  return { keys, nodes, edges };
}

describe('GraphML export', () => {
  it('writes every concept and link of the default graph, read back with an XML parser', () => {
    const { db } = openTempGraph();
    const file = path.join(tempDir(), 'g.graphml');
    const summary = exportGraph(db, 'graphml', file);
    const expected = readGraphForExport(db);
    const { keys, nodes, edges } = readGraphml(file);

    expect([...keys.values()]).toEqual(
      expect.arrayContaining(['node:label', 'node:category', 'node:description', 'edge:label']),
    );
    expect(summary).toMatchObject({
      concepts: expected.concepts.length,
      links: expected.links.length,
    });
    expect(nodes).toHaveLength(expected.concepts.length);
    expect(edges).toHaveLength(expected.links.length);
    expected.concepts.forEach((concept, i) => {
      expect(nodes[i]).toMatchObject({
        id: concept.id,
        label: concept.label,
        category: expected.categories.find((k) => k.id === concept.category)!.label,
        description: concept.description,
      });
    });
    expected.links.forEach((link, i) => {
      expect(edges[i]).toEqual(
        expect.objectContaining({ source: link.source, target: link.target, label: link.relation }),
      );
    });
  });

  it('escapes hostile and invalid text so the file stays well-formed', () => {
    const { db } = openTempGraph({ empty: true });
    db.exec("INSERT INTO categories (id, label, color) VALUES ('x', 'X', '#000000')");
    const nasty = `<script>alert("x")</script> & ]]> 'quotes' \u0001bell\u0007 emoji 🪨`;
    db.prepare(
      "INSERT INTO concepts (id, label, category, description, origin) VALUES ('a&b', ?, 'x', ?, 'user')",
    ).run('A <b>', nasty);
    db.prepare(
      "INSERT INTO concepts (id, label, category, description, origin) VALUES ('c\"d', 'C', 'x', '', 'user')",
    ).run();
    db.exec(
      "INSERT INTO links (source, target, relation, origin) VALUES (1, 2, 'is <not> & \"odd\"', 'user')",
    );
    const file = path.join(tempDir(), 'nasty.graphml');
    exportGraph(db, 'graphml', file);
    const { nodes, edges } = readGraphml(file);
    expect(nodes[0]).toMatchObject({ id: 'a&b', label: 'A <b>' });
    expect(nodes[0]?.description).toBe(
      `<script>alert("x")</script> & ]]> 'quotes' \uFFFDbell\uFFFD emoji 🪨`,
    );
    expect(edges[0]).toMatchObject({ source: 'a&b', target: 'c"d', label: 'is <not> & "odd"' });
  });

  it('is read by networkx with every node, edge and attribute', () => {
    const { db } = openTempGraph();
    const file = path.join(tempDir(), 'g.graphml');
    exportGraph(db, 'graphml', file);
    const expected = readGraphForExport(db);
    const script = [
      'import json, sys, networkx as nx',
      'g = nx.read_graphml(sys.argv[1])',
      'print(json.dumps({"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),',
      '  "etcd": g.nodes["etcd"], "relations": sorted({d["label"] for _, _, d in g.edges(data=True)})}))',
    ].join('\n');
    const out = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }),
    );
    expect(out.directed).toBe(true);
    expect(out.nodes).toBe(expected.concepts.length);
    // Parallel links (two relations between one pair) make networkx read a MultiDiGraph: none is lost.
    expect(out.edges).toBe(expected.links.length);
    expect(out.etcd).toMatchObject({
      label: 'etcd',
      category: expect.any(String),
      description: expect.any(String),
    });
    expect(out.relations).toEqual([...new Set(expected.links.map((l) => l.relation))].sort());
  });

  it('replaces characters XML cannot hold, including lone surrogates', () => {
    expect(escapeXml('a\u0000b\uD800c\uDC00d\uD83E\uDEA8e\tf\ng')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uD83E\uDEA8e\tf\ng',
    );
  });

  it('refuses a missing folder, writing nothing', () => {
    const { db } = openTempGraph();
    const dir = tempDir();
    expect(() => exportGraph(db, 'graphml', path.join(dir, 'missing', 'g.graphml'))).toThrow(
      /the folder .* does not exist/,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
