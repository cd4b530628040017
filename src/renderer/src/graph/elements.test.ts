import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GraphPatch, Link } from '../../../shared/domain';
import { nodeId } from './element-ids';
import type { ViewConcept } from '../../../shared/graph-view';
import {
  addSafely,
  applyPatch,
  coloursOf,
  nodeData,
  nodeSize,
  safeColour,
  syncElements,
  viewElements,
} from './elements';
import { graphStyles } from './styles';

const link = (id: number, source: string, target: string): Link => ({
  id,
  source,
  target,
  relation: 'runs on',
  origin: 'seed',
  kind: 'typed',
  note: null,
});
const concept = (id: string, label = id) => ({
  id,
  label,
  category: 'k',
  origin: 'user' as const,
});
const EMPTY_PATCH: GraphPatch = {
  concepts: [],
  removedConcepts: [],
  links: [],
  removedLinks: [],
  positions: [],
  categories: null,
};

function styled() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStyles('light', false, { node: 1, label: 1 }),
  });
}
const colours = coloursOf([{ id: 'k', label: 'K', color: '#4e79a7', shape: 'ellipse' }]);
const drawnConcept = (id: string, label = id, x: number | null = 0): ViewConcept => ({
  ...concept(id, label),
  x,
  y: x,
  degree: 1,
  inDegree: 1,
  outDegree: 0,
  measures: null,
  tier: 0,
  pinned: false,
  manual: false,
});

describe('elements', () => {
  it('lets only a hex colour reach the style', () => {
    expect(safeColour('#4E79A7')).toBe('#4E79A7');
    for (const bad of ['data(label)', 'red', 'url(x)', '#fff', undefined]) {
      expect(safeColour(bad)).toBe('#8b8f98');
    }
    const hostile = new Map([['k', { color: 'mapData(a,0,1,red,blue)', shape: 'data(label)' }]]);
    expect(nodeData(concept('pod'), hostile, 0).color).toBe('#8b8f98');
    // A shape is only ever one of Cytoscape's names.
    expect(nodeData(concept('pod'), hostile, 0).shape).toBe('ellipse');
    const star = new Map([['k', { color: '#4E79A7', shape: 'star' }]]);
    expect(nodeData(concept('pod'), star, 0).shape).toBe('star');
  });

  it('sizes hubs gently', () => {
    expect(nodeSize(0)).toBe(14);
    expect(nodeSize(30)).toBeCloseTo(38.6, 1);
    expect(nodeSize(10_000)).toBe(44);
  });

  it('draws labels that read as style mappers as the text they are', () => {
    const cy = styled();
    const elements = viewElements(
      [drawnConcept('a', 'data(label)'), drawnConcept('b', 'mapData(x, 0, 1, red, blue)')],
      [{ ...link(1, 'a', 'b'), relation: 'data(id)' }],
      colours,
    );
    addSafely(cy, elements);
    expect(cy.getElementById(nodeId('a')).style('label')).toBe('data(label)');
    expect(cy.getElementById('l:1').style('label')).toBe('data(id)');
  });

  it('adds what it can when one element is refused, leaving out only that one', () => {
    const cy = styled();
    addSafely(cy, [
      { group: 'nodes', data: nodeData(concept('a'), colours, 1) },
      // An edge to a concept that is not drawn: Cytoscape refuses it.
      { group: 'edges', data: { id: 'l:9', source: nodeId('a'), target: nodeId('missing') } },
      { group: 'nodes', data: nodeData(concept('b'), colours, 0) },
    ]);
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual([nodeId('a'), nodeId('b')]);
    expect(cy.edges()).toHaveLength(0);
  });

  it('applies a patch: adds, updates and removes, placing new concepts beside their neighbours', () => {
    const cy = styled();
    addSafely(cy, [
      { group: 'nodes', data: nodeData(concept('a'), colours, 0), position: { x: 0, y: 0 } },
      { group: 'nodes', data: nodeData(concept('b'), colours, 0), position: { x: 500, y: 0 } },
    ]);
    const placed = applyPatch(
      cy,
      {
        ...EMPTY_PATCH,
        concepts: [concept('c'), concept('a', 'A renamed')],
        links: [link(1, 'a', 'c')],
      },
      colours,
    );
    expect(placed.map((p) => p.id)).toEqual(['c']);
    expect(Math.hypot(placed[0]!.x, placed[0]!.y)).toBeLessThan(100);
    expect(cy.getElementById(nodeId('a')).data('label')).toBe('A renamed');
    expect(cy.getElementById('l:1').nonempty()).toBe(true);
    applyPatch(cy, { ...EMPTY_PATCH, removedConcepts: ['c'] }, colours);
    expect(cy.getElementById(nodeId('c')).empty()).toBe(true);
    expect(cy.edges()).toHaveLength(0);
  });
});

describe('keeping the drawing in step with a view', () => {
  it('adds what is new, removes what is gone, and leaves what stays where it is', () => {
    const cy = styled();
    addSafely(
      cy,
      viewElements(
        [drawnConcept('a', 'A', 10), drawnConcept('b', 'B', 20)],
        [link(1, 'a', 'b')],
        colours,
      ),
    );
    cy.getElementById(nodeId('a')).position({ x: 99, y: 99 });
    const unplaced = syncElements(
      cy,
      [drawnConcept('a', 'A renamed', 10), drawnConcept('c', 'C', null)],
      [link(2, 'a', 'c')],
      colours,
    );
    expect(unplaced).toEqual(['c']);
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual([nodeId('a'), nodeId('c')]);
    expect(cy.getElementById(nodeId('a')).position()).toEqual({ x: 99, y: 99 });
    expect(cy.getElementById(nodeId('a')).data('label')).toBe('A renamed');
    expect(cy.edges().map((e) => e.id())).toEqual(['l:2']);
  });
});
