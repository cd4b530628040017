import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHexColour } from '../../src/main/services/export/colour';
import { exportForDownload } from '../../src/main/services/export/download';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport, type ExportGraph } from '../../src/main/services/export/export-model';
import { fillHostileGraph } from '../fixtures/hostile-graph';
import { openTempGraph, tempDir } from './helpers';
import { childrenNamed, parseXml } from './xml-reader';

// networkx added GEXF 1.3 to its reader in 3.6 (networkx PR #8196) by registering the 1.3
// namespaces; the same registration lets an older networkx, such as Debian's, read it.
const READ_WITH_NETWORKX = `
import json, sys, networkx as nx
from networkx.readwrite import gexf
if "1.3" not in gexf.GEXF.versions and sys.argv[2] == "register-1.3":
    gexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }
g = nx.read_gexf(sys.argv[1])
print(json.dumps({
    "version": nx.__version__,
    "directed": g.is_directed(),
    "nodes": [[n, d] for n, d in g.nodes(data=True)],
    "edges": [[u, v, d] for u, v, d in g.edges(data=True)],
}))
`;

interface NetworkxGraph {
  version: string;
  directed: boolean;
  nodes: [string, Record<string, unknown>][];
  edges: [string, string, Record<string, unknown>][];
}

function readWithNetworkx(file: string, mode: 'plain' | 'register-1.3'): NetworkxGraph {
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', READ_WITH_NETWORKX, file, mode], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  ) as NetworkxGraph;
}

/** What XML 1.0 can carry of a string: the controls it forbids come back as U+FFFD. */
const xmlSafe = (value: string) =>
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');

function expectEveryNodeAndEdge(out: NetworkxGraph, expected: ExportGraph): void {
  expect(out.directed).toBe(true);
  const colours = new Map(expected.categories.map((c) => [c.id, parseHexColour(c.color)]));
  const nodes = new Map(out.nodes);
  expect(nodes.size).toBe(expected.concepts.length);
  for (const concept of expected.concepts) {
    const data = nodes.get(concept.id);
    expect(data, concept.id).toBeDefined();
    const optional = (key: string, value: string) =>
      value === '' ? {} : { [key]: xmlSafe(value) };
    expect(data).toMatchObject({
      label: xmlSafe(concept.label),
      category: expected.categories.find((k) => k.id === concept.category)!.label,
      origin: concept.origin,
      ...optional('description', concept.description),
      ...optional('tags', concept.tags.join(' ')),
      ...optional('note', concept.note),
    });
    const rgb = colours.get(concept.category);
    const viz = data!.viz as { color?: object; position?: object } | undefined;
    if (rgb) expect(viz?.color).toEqual({ ...rgb, a: 1 });
    else expect(viz?.color).toBeUndefined();
    if (concept.position) expect(viz?.position).toEqual({ ...concept.position, z: 0 });
    else expect(viz?.position).toBeUndefined();
  }
  expect(out.edges).toHaveLength(expected.links.length);
  const byId = new Map(out.edges.map(([u, v, d]) => [String(d.id), { u, v, d }]));
  expected.links.forEach((link, index) => {
    const edge = byId.get(String(index));
    expect(edge, `edge ${index}`).toBeDefined();
    expect(edge).toMatchObject({
      u: link.source,
      v: link.target,
      d: { label: xmlSafe(link.relation), relation: xmlSafe(link.relation), origin: link.origin },
    });
    if (link.note) expect(edge!.d.note).toBe(xmlSafe(link.note));
  });
}

function withPositions() {
  const opened = openTempGraph();
  opened.db
    .prepare(
      "INSERT INTO positions (concept, x, y) SELECT key, 12.5, -4 FROM concepts WHERE id IN ('etcd', 'pod')",
    )
    .run();
  return opened;
}

describe('GEXF export', () => {
  it('writes GEXF 1.3 (gexf-1.3) that networkx reads with every node, edge, attribute, colour and position', () => {
    const { db } = withPositions();
    const file = path.join(tempDir(), 'g.gexf');
    const summary = exportGraph(db, 'gexf-1.3', file);
    const expected = readGraphForExport(db);
    expect(summary).toMatchObject({
      concepts: expected.concepts.length,
      links: expected.links.length,
    });
    expect(expected.concepts.some((c) => c.position)).toBe(true);
    expectEveryNodeAndEdge(readWithNetworkx(file, 'register-1.3'), expected);
  });

  it('writes the 1.3 namespace and version, with the relation as the edge kind', () => {
    const { db } = openTempGraph();
    const file = path.join(tempDir(), 'g.gexf');
    exportGraph(db, 'gexf-1.3', file);
    const root = parseXml(fs.readFileSync(file, 'utf8'));
    expect(root.attributes).toMatchObject({
      xmlns: 'http://gexf.net/1.3',
      'xmlns:viz': 'http://gexf.net/1.3/viz',
      version: '1.3',
    });
    const graph = childrenNamed(root, 'graph')[0]!;
    expect(graph.attributes.defaultedgetype).toBe('directed');
    const edges = childrenNamed(childrenNamed(graph, 'edges')[0]!, 'edge');
    const expected = readGraphForExport(db);
    edges.forEach((edge, i) => {
      expect(edge.attributes.kind).toBe(expected.links[i]!.relation);
      expect(edge.attributes.label).toBe(expected.links[i]!.relation);
    });
  });

  it('writes GEXF 1.2draft by default (gexf), which Debian’s networkx reads unmodified', () => {
    const { db } = withPositions();
    const file = path.join(tempDir(), 'g.gexf');
    exportGraph(db, 'gexf', file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('xmlns="http://www.gexf.net/1.2draft"');
    expect(text).not.toContain(' kind="');
    expectEveryNodeAndEdge(readWithNetworkx(file, 'plain'), readGraphForExport(db));
  });

  it('downloads the two variants under different names', () => {
    const { db } = openTempGraph();
    expect(exportForDownload(db, 'gexf', 'g').fileName).toBe('g.gexf');
    expect(exportForDownload(db, 'gexf-1.3', 'g').fileName).toBe('g-gexf-1.3.gexf');
  });

  it.each(['gexf', 'gexf-1.3'] as const)(
    'keeps hostile text intact for networkx (%s)',
    (format) => {
      const { db } = openTempGraph({ empty: true });
      fillHostileGraph(db);
      const file = path.join(tempDir(), 'nasty.gexf');
      exportGraph(db, format, file);
      // Newlines, tabs and CR survive inside attribute values as character references.
      expect(fs.readFileSync(file, 'utf8')).toContain('&#10;');
      expectEveryNodeAndEdge(readWithNetworkx(file, 'register-1.3'), readGraphForExport(db));
    },
  );
});
