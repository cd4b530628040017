import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotString } from '../../src/main/services/export/dot';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport, type ExportGraph } from '../../src/main/services/export/export-model';
import { fillHostileGraph } from '../fixtures/hostile-graph';
import { openTempGraph, tempDir } from './helpers';
import { childrenNamed, parseXml, type XmlElement } from './xml-reader';

function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...descendants(child, name),
  ]);
}

/** What Graphviz draws for a label: each line of it, after the writer's replacements. */
function drawn(label: string): string {
  return (
    label
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '\uFFFD')
  );
}

/** Renders with the real `dot -Tsvg`, parses the SVG as strict XML, and finds every label. */
function expectDotRenders(file: string, graph: ExportGraph) {
  const svg = execFileSync('/usr/bin/dot', ['-Tsvg', file], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const root = parseXml(svg);
  const groups = descendants(root, 'g');
  const nodes = groups.filter((g) => g.attributes.class === 'node');
  const edges = groups.filter((g) => g.attributes.class === 'edge');
  expect(nodes).toHaveLength(graph.concepts.length);
  expect(edges).toHaveLength(graph.links.length);
  const textOf = (g: XmlElement) =>
    descendants(g, 'text')
      .map((t) => t.text)
      .join('\n');
  // Graphviz keeps a quoted id's backslashes doubled; Cairn's ids rarely hold one.
  const byTitle = new Map(nodes.map((n) => [childrenNamed(n, 'title')[0]!.text, textOf(n)]));
  for (const concept of graph.concepts) {
    expect(byTitle.get(concept.id.replace(/\\/g, '\\\\')), concept.id).toBe(drawn(concept.label));
  }
  const edgeLabels = edges.map(textOf).sort();
  expect(edgeLabels).toEqual(graph.links.map((l) => drawn(l.relation)).sort());
  return svg;
}

describe('DOT export', () => {
  it('renders with dot -Tsvg, showing every concept label and relation', () => {
    const { db } = openTempGraph();
    const file = path.join(tempDir(), 'g.dot');
    exportGraph(db, 'dot', file);
    const graph = readGraphForExport(db);
    const svg = expectDotRenders(file, graph);
    const storage = graph.categories.find((c) => c.id === graph.concepts[0]!.category)!;
    expect(svg).toContain(`fill="${storage.color.toLowerCase()}"`);
  });

  it('renders hostile labels literally: quotes, backslashes, newlines, <html>, \\N escapes', () => {
    const { db } = openTempGraph({ empty: true });
    fillHostileGraph(db);
    db.prepare(
      "UPDATE concepts SET label = 'node \\N graph \\G <<b>x</b>>' WHERE id = 'end'",
    ).run();
    const file = path.join(tempDir(), 'nasty.dot');
    exportGraph(db, 'dot', file);
    expectDotRenders(file, readGraphForExport(db));
  });

  it('quotes every string so no value is read as a keyword, an HTML label or an escape', () => {
    expect(dotString('a"b')).toBe('"a\\"b"');
    expect(dotString('end\\')).toBe('"end\\\\"');
    expect(dotString('two\nlines\r\nthree')).toBe('"two\\nlines\\nthree"');
    expect(dotString('<b>x</b>')).toBe('"<b>x</b>"');
    expect(dotString('bell\u0007')).toBe('"bell\uFFFD"');
  });
});
