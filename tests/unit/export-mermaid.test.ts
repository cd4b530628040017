import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport, type ExportGraph } from '../../src/main/services/export/export-model';
import { MERMAID_LABEL_LIMIT, mermaidText } from '../../src/main/services/export/mermaid';
import { fillHostileGraph } from '../fixtures/hostile-graph';
import { openTempGraph, tempDir } from './helpers';

// No Mermaid runtime is available offline, so the test parses the flowchart the way
// Mermaid's grammar does for these statement forms, and decodes its #entity; escapes.
const NODE = /^ {2}(n\d+)\["([^"]*)"\]$/;
const EDGE = /^ {2}(n\d+) -->\|"([^"]*)"\| (n\d+)$/;
const CLASS_DEF =
  /^ {2}classDef (cat\d+) fill:(#[0-9a-f]{6}),stroke:#333333,color:(#000000|#ffffff)$/;
const CLASS = /^ {2}class (n\d+(?:,n\d+)*) (cat\d+)$/;

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
const decode = (text: string) =>
  text.replace(/#(\w+);/g, (_, e: string) =>
    /^\d+$/.test(e) ? String.fromCodePoint(Number(e)) : NAMED[e]!,
  );

/** What the diagram shows for a label: one line, bounded. */
function shown(label: string): string {
  const text = label
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const points = Array.from(text);
  return points.length > MERMAID_LABEL_LIMIT
    ? points.slice(0, MERMAID_LABEL_LIMIT - 1).join('') + '…'
    : text;
}

function expectFlowchart(text: string, graph: ExportGraph) {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('flowchart LR');
  const nodes = new Map<string, string>();
  const edges: [string, string, string][] = [];
  for (const line of lines.slice(1)) {
    const node = NODE.exec(line);
    const edge = EDGE.exec(line);
    if (node) nodes.set(node[1]!, decode(node[2]!));
    else if (edge) edges.push([edge[1]!, decode(edge[2]!), edge[3]!]);
    else expect(CLASS_DEF.test(line) || CLASS.test(line), line).toBe(true);
  }
  const idOf = new Map(graph.concepts.map((c, i) => [c.id, `n${i}`]));
  expect([...nodes.values()]).toEqual(graph.concepts.map((c) => shown(c.label)));
  expect(edges).toEqual(
    graph.links.map((l) => [idOf.get(l.source), shown(l.relation), idOf.get(l.target)]),
  );
}

describe('Mermaid export', () => {
  it("writes a flowchart with every concept and link, under Mermaid's default size limit", () => {
    const { db } = openTempGraph();
    const file = path.join(tempDir(), 'g.mmd');
    exportGraph(db, 'mermaid', file);
    const text = fs.readFileSync(file, 'utf8');
    const graph = readGraphForExport(db);
    expectFlowchart(text, graph);
    expect(text.length).toBeLessThan(50_000);
    const used = new Set(graph.concepts.map((c) => c.category));
    expect(text.match(/classDef/g)).toHaveLength(
      graph.categories.filter((c) => used.has(c.id)).length,
    );
  });

  it('escapes hostile labels so each stays one quoted string', () => {
    const { db } = openTempGraph({ empty: true });
    fillHostileGraph(db);
    const file = path.join(tempDir(), 'nasty.mmd');
    exportGraph(db, 'mermaid', file);
    expectFlowchart(fs.readFileSync(file, 'utf8'), readGraphForExport(db));
  });

  it('uses Mermaid entity codes for quotes, #, markup and edge-label pipes', () => {
    expect(mermaidText('say "hi" #1 <b>|x|</b> & `c` [a]{b}')).toBe(
      '"say #quot;hi#quot; #35;1 #lt;b#gt;#124;x#124;#lt;/b#gt; #amp; #96;c#96; #91;a#93;#123;b#125;"',
    );
    expect(mermaidText('two\nlines')).toBe('"two lines"');
  });
});
