import { describe, expect, it } from 'vitest';
import type { Link } from '../../../shared/domain';
import type { ViewConcept } from '../../../shared/graph-view';
import { nextSort, sortConcepts, sortLinks } from './list-rows';

const concept = (label: string, degree: number): ViewConcept => ({
  id: label.toLowerCase(),
  label,
  category: 'c',
  origin: 'seed',
  x: 0,
  y: 0,
  degree,
  inDegree: degree,
  outDegree: 0,
  measures: null,
  tier: 0,
  pinned: false,
  manual: false,
});
const rows = [
  concept('Node 10', 1),
  concept('node 2', 5),
  concept('Étcd', 5),
  concept('API', 2),
].map((c) => ({
  concept: c,
  category: c.label.startsWith('N') || c.label.startsWith('n') ? 'K8s' : 'Data',
}));

describe('the list view rows', () => {
  it('sorts labels in natural order, ignoring case and accents', () => {
    const labels = sortConcepts(rows, { column: 'label', descending: false }).map(
      (r) => r.concept.label,
    );
    expect(labels).toEqual(['API', 'Étcd', 'node 2', 'Node 10']);
  });

  it('sorts by links, most first, ties by label', () => {
    const labels = sortConcepts(rows, { column: 'degree', descending: true }).map(
      (r) => r.concept.label,
    );
    expect(labels).toEqual(['Étcd', 'node 2', 'API', 'Node 10']);
  });

  it('sorts links by relation, then source', () => {
    const link = (id: number, relation: string): Link => ({
      id,
      source: 'a',
      target: 'b',
      relation,
      origin: 'seed',
      kind: 'typed',
      note: null,
    });
    const sorted = sortLinks(
      [
        { link: link(1, 'uses'), source: 'Pod', target: 'Node' },
        { link: link(2, 'runs on'), source: 'Pod', target: 'Node' },
        { link: link(3, 'runs on'), source: 'API', target: 'etcd' },
      ],
      { column: 'relation', descending: false },
    );
    expect(sorted.map((r) => r.link.id)).toEqual([3, 2, 1]);
  });

  it('turns the order round on a second click; a number column starts with the most', () => {
    expect(nextSort({ column: 'label', descending: false }, 'label', false)).toEqual({
      column: 'label',
      descending: true,
    });
    expect(nextSort({ column: 'label', descending: false }, 'degree', true)).toEqual({
      column: 'degree',
      descending: true,
    });
  });
});
