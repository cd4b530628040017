import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GraphSnapshot } from '../../../shared/domain';
import { coloursOf, viewElements } from './elements';
import { drawnGraph, HighlightDrawing, highlightFor, litConcepts, NO_HIGHLIGHT } from './highlight';

// pod —runs on→ node —part of→ cluster;  etcd —stores data for→ api;  api —runs on→ node
const SNAPSHOT: GraphSnapshot = {
  categories: [
    { id: 'k', label: 'Kubernetes', color: '#4e79a7', shape: 'ellipse' as const },
    { id: 's', label: 'Storage', color: '#f28e2b', shape: 'ellipse' as const },
  ],
  concepts: [
    { id: 'pod', label: 'Pod', category: 'k', origin: 'seed' },
    { id: 'node', label: 'Node', category: 'k', origin: 'seed' },
    { id: 'cluster', label: 'Cluster', category: 'k', origin: 'seed' },
    { id: 'etcd', label: 'etcd', category: 's', origin: 'seed' },
    { id: 'api', label: 'API server', category: 'k', origin: 'user' },
  ],
  links: [
    {
      id: 1,
      source: 'pod',
      target: 'node',
      relation: 'runs on',
      origin: 'seed',
      kind: 'typed',
      note: null,
    },
    {
      id: 2,
      source: 'node',
      target: 'cluster',
      relation: 'part of',
      origin: 'seed',
      kind: 'typed',
      note: null,
    },
    {
      id: 3,
      source: 'etcd',
      target: 'api',
      relation: 'stores data for',
      origin: 'seed',
      kind: 'typed',
      note: null,
    },
    {
      id: 4,
      source: 'api',
      target: 'node',
      relation: 'runs on',
      origin: 'user',
      kind: 'typed',
      note: null,
    },
  ],
  positions: [],
};

function graph() {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const concepts = SNAPSHOT.concepts.map((c) => ({
    ...c,
    x: null,
    y: null,
    degree: 1,
    inDegree: 1,
    outDegree: 0,
    measures: null,
    tier: 0,
    pinned: false,
    manual: false,
  }));
  cy.add(viewElements(concepts, SNAPSHOT.links, coloursOf(SNAPSHOT.categories)));
  return cy;
}

const none = { selected: null, picked: [], category: null, matches: [], path: null };

describe('the highlight rule', () => {
  it('lights a selected concept, its neighbours and its links, and fades the rest', () => {
    const h = highlightFor(
      { ...none, selected: 'node', picked: ['node'] },
      drawnGraph(graph()),
      false,
    );
    expect(h.focused).toBe('node');
    expect([...h.neighbours].sort()).toEqual(['api', 'cluster', 'pod']);
    expect([...h.incident].sort()).toEqual([1, 2, 4]);
    expect(h.fadeRest).toBe(true);
    expect(litConcepts(h)).toEqual(['api', 'cluster', 'node', 'pod']);
  });

  it('on a large graph a selection leaves the rest alone; a category still fades it', () => {
    const drawn = drawnGraph(graph());
    expect(highlightFor({ ...none, selected: 'pod' }, drawn, true).fadeRest).toBe(false);
    const category = highlightFor({ ...none, category: 's' }, drawn, true);
    expect(category).toMatchObject({ neighbours: ['etcd'], kept: [], fadeRest: true });
  });

  it('lights several selected concepts and only the links among them', () => {
    const h = highlightFor(
      { ...none, selected: 'pod', picked: ['pod', 'node', 'etcd'] },
      drawnGraph(graph()),
      false,
    );
    expect(h.picked).toEqual(['pod', 'node', 'etcd']);
    expect(h.incident).toEqual([1]);
    expect(litConcepts(h)).toEqual(['etcd', 'node', 'pod']);
  });

  it('a category lights its concepts and the links among them', () => {
    const h = highlightFor({ ...none, category: 'k' }, drawnGraph(graph()), false);
    expect([...h.neighbours].sort()).toEqual(['api', 'cluster', 'node', 'pod']);
    expect([...h.kept].sort()).toEqual([1, 2, 4]);
  });

  it('search matches are ringed over the selection, with the links among them', () => {
    const h = highlightFor(
      { ...none, selected: 'pod', picked: ['pod'], matches: ['node', 'cluster', 'gone'] },
      drawnGraph(graph()),
      true,
    );
    expect(h).toMatchObject({ matched: ['node', 'cluster'], kept: [2], fadeRest: true });
    expect(h.focused).toBeNull();
    expect(litConcepts(h)).toEqual(['cluster', 'node']);
  });

  it('a path lights its concepts and exactly its links, over matches and selection', () => {
    const h = highlightFor(
      {
        ...none,
        selected: 'pod',
        matches: ['etcd'],
        // Link 2 (node→cluster) joins two path concepts but is not on the path.
        path: { concepts: ['pod', 'node', 'api', 'etcd', 'cluster'], links: [1, 4, 3] },
      },
      drawnGraph(graph()),
      true,
    );
    expect(h.incident).toEqual([1, 4, 3]);
    expect(h.matched).toEqual([]);
    expect(litConcepts(h)).toEqual(['api', 'cluster', 'etcd', 'node', 'pod']);
    expect(h.fadeRest).toBe(true);
  });

  it('ignores what is not drawn, and lights nothing for nothing', () => {
    const drawn = drawnGraph(graph());
    expect(highlightFor({ ...none, selected: 'gone' }, drawn, false)).toEqual(NO_HIGHLIGHT);
    expect(highlightFor(none, drawn, false)).toEqual(NO_HIGHLIGHT);
  });
});

describe('drawing a highlight', () => {
  it('puts exactly the rule’s classes on the elements, and reads them back from the drawing', () => {
    const cy = graph();
    const drawing = new HighlightDrawing(cy);
    const h = highlightFor({ ...none, selected: 'node' }, drawnGraph(cy), false);
    drawing.draw(h);
    expect(drawing.litConcepts()).toEqual(litConcepts(h));
    expect(drawing.incidentLinks()).toEqual([...h.incident].sort());
    expect(
      cy
        .$('.faded')
        .map((e) => e.id())
        .sort(),
    ).toEqual(['c:etcd', 'l:3']);
    // The next highlight replaces the last one entirely.
    drawing.draw(highlightFor({ ...none, category: 's' }, drawnGraph(cy), false));
    expect(drawing.litConcepts()).toEqual(['etcd']);
    expect(cy.$('.incident, .focused')).toHaveLength(0);
    drawing.draw(NO_HIGHLIGHT);
    expect(cy.$('.faded, .neighbour')).toHaveLength(0);
  });
});
