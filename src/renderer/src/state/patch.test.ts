import { describe, expect, it } from 'vitest';
import type { GraphPatch, Link } from '../../../shared/domain';
import type { ViewConcept } from '../../../shared/graph-view';
import { applyPatch } from './patch';
import type { DrawnGraph } from './store';

const link = (id: number, source: string, target: string): Link => ({
  id,
  source,
  target,
  relation: 'r',
  origin: 'seed',
  kind: 'typed',
  note: null,
});
const concept = (id: string, x: number | null = 0): ViewConcept => ({
  id,
  label: id.toUpperCase(),
  category: 'k',
  origin: 'seed',
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
const drawn: DrawnGraph = {
  scope: 'whole',
  concepts: [concept('a', 1), concept('b', 5)],
  links: [link(1, 'a', 'b')],
  shown: 2,
  truncated: false,
  remainders: [],
};
const none: GraphPatch = {
  concepts: [],
  removedConcepts: [],
  links: [],
  removedLinks: [],
  positions: [],
  categories: null,
};

describe('what is drawn after a change', () => {
  it('is a new object, so memoised selectors recompute', () => {
    const after = applyPatch(drawn, none);
    expect(after).not.toBe(drawn);
    expect(after).toEqual(drawn);
  });

  it('replaces, adds and removes concepts and links, and moves what moved', () => {
    const after = applyPatch(drawn, {
      ...none,
      concepts: [
        { id: 'a', label: 'A2', category: 'k', origin: 'seed' },
        { id: 'c', label: 'C', category: 'k', origin: 'user' },
      ],
      links: [link(2, 'b', 'c')],
      removedLinks: [1],
      positions: [{ id: 'c', x: 5, y: 6, pinned: true }],
    });
    expect(after.concepts.map((c) => c.label)).toEqual(['A2', 'B', 'C']);
    expect(after.concepts.find((c) => c.id === 'a')).toMatchObject({ x: 1, degree: 1 });
    expect(after.concepts.find((c) => c.id === 'c')).toMatchObject({ x: 5, y: 6, pinned: true });
    expect(after.links.map((l) => l.id)).toEqual([2]);
  });

  it('drops the links of a removed concept, and draws a link only between drawn concepts', () => {
    const after = applyPatch(drawn, {
      ...none,
      removedConcepts: ['a'],
      links: [link(3, 'b', 'far')],
    });
    expect(after.concepts.map((c) => c.id)).toEqual(['b']);
    expect(after.links).toEqual([]);
  });
});
