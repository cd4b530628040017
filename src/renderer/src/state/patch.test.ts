import { describe, expect, it } from 'vitest';
import type { GraphPatch, GraphSnapshot, Link } from '../../../shared/domain';
import { applyPatch } from './patch';

const link = (id: number, source: string, target: string): Link => ({
  id,
  source,
  target,
  relation: 'r',
  origin: 'seed',
  kind: 'typed',
  note: null,
});
const snapshot: GraphSnapshot = {
  categories: [{ id: 'k', label: 'K', color: '#4e79a7' }],
  concepts: [
    { id: 'a', label: 'A', category: 'k', origin: 'seed' },
    { id: 'b', label: 'B', category: 'k', origin: 'seed' },
  ],
  links: [link(1, 'a', 'b')],
  positions: [{ id: 'a', x: 1, y: 2 }],
};
const none: GraphPatch = {
  concepts: [],
  removedConcepts: [],
  links: [],
  removedLinks: [],
  positions: [],
  categories: null,
};

describe('a snapshot after a change', () => {
  it('is a new object, so memoised selectors recompute', () => {
    const after = applyPatch(snapshot, none);
    expect(after).not.toBe(snapshot);
    expect(after).toEqual(snapshot);
  });

  it('replaces, adds and removes concepts, links and positions', () => {
    const after = applyPatch(snapshot, {
      ...none,
      concepts: [
        { id: 'a', label: 'A2', category: 'k', origin: 'seed' },
        { id: 'c', label: 'C', category: 'k', origin: 'user' },
      ],
      links: [link(2, 'b', 'c')],
      removedLinks: [1],
      positions: [{ id: 'c', x: 5, y: 5 }],
    });
    expect(after.concepts.map((c) => c.label)).toEqual(['A2', 'B', 'C']);
    expect(after.links.map((l) => l.id)).toEqual([2]);
    expect(after.positions.map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('drops the links and position of a removed concept, and takes new categories', () => {
    const categories = [{ id: 'x', label: 'X', color: '#000000' }];
    const after = applyPatch(snapshot, { ...none, removedConcepts: ['a'], categories });
    expect(after.concepts.map((c) => c.id)).toEqual(['b']);
    expect(after.links).toEqual([]);
    expect(after.positions).toEqual([]);
    expect(after.categories).toBe(categories);
  });
});
