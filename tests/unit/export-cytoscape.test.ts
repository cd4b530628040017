import fs from 'node:fs';
import path from 'node:path';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport, type ExportGraph } from '../../src/main/services/export/export-model';
import { fillHostileGraph } from '../fixtures/hostile-graph';
import { openTempGraph, tempDir } from './helpers';

/** Loads the export into a real, headless Cytoscape.js and checks every node and edge. */
function expectCytoscapeReads(file: string, graph: ExportGraph) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  // "preset" keeps the stored positions; Cytoscape.js would otherwise run its default grid layout.
  const cy = cytoscape({
    headless: true,
    elements: doc.elements,
    style: doc.style,
    layout: { name: 'preset' },
  });
  expect(cy.nodes()).toHaveLength(graph.concepts.length);
  expect(cy.edges()).toHaveLength(graph.links.length);
  const colours = new Map(graph.categories.map((c) => [c.id, c.color.toLowerCase()]));
  for (const concept of graph.concepts) {
    const node = cy.getElementById(concept.id);
    expect(node.isNode(), concept.id).toBe(true);
    expect(node.data()).toMatchObject({
      label: concept.label,
      category: concept.category,
      description: concept.description,
      origin: concept.origin,
      tags: concept.tags,
      note: concept.note,
    });
    const colour = colours.get(concept.category)!;
    expect(node.data('color')).toEqual(
      /^#[0-9a-f]{6}$/.test(colour) ? colour : expect.stringMatching(/^#/),
    );
    if (concept.position) expect(node.position()).toEqual(concept.position);
  }
  const edges = cy.edges().map((e) => e.data());
  graph.links.forEach((link, i) => {
    expect(edges[i]).toMatchObject({
      source: link.source,
      target: link.target,
      label: link.relation,
      relation: link.relation,
      origin: link.origin,
      note: link.note,
    });
  });
  cy.destroy();
}

describe('Cytoscape.js JSON export', () => {
  it('loads into headless Cytoscape.js with every node, edge, colour and position', () => {
    const { db } = openTempGraph();
    db.prepare(
      "INSERT INTO positions (concept, x, y) SELECT key, 12.5, -4 FROM concepts WHERE id = 'etcd'",
    ).run();
    const file = path.join(tempDir(), 'g.cyjs');
    exportGraph(db, 'cytoscape', file);
    expectCytoscapeReads(file, readGraphForExport(db));
  });

  it('keeps hostile text, and never gives an edge the id of a concept', () => {
    const { db } = openTempGraph({ empty: true });
    fillHostileGraph(db); // holds a concept whose id is "e0"
    const file = path.join(tempDir(), 'nasty.cyjs');
    exportGraph(db, 'cytoscape', file);
    expectCytoscapeReads(file, readGraphForExport(db));
  });
});
