import { describe, expect, it } from 'vitest';
import { GraphReader } from '../../src/main/services/graph-reader';
import { savePositions } from '../../src/main/services/positions';
import { graphStats } from '../../src/main/services/stats';
import { openTempGraph } from './helpers';

describe('reading the graph', () => {
  it('gives a concept with its incoming and outgoing links', () => {
    const { db } = openTempGraph();
    const details = new GraphReader(db).concept('etcd');
    expect(details.concept.label).toBe('etcd');
    expect(details.concept.origin).toBe('seed');
    expect(details.concept.description.length).toBeGreaterThan(20);
    expect(details.concept.provenance).toMatch(/cloud-native-notes\.md/);
    const storesFor = details.outgoing
      .filter((l) => l.link.relation === 'stores data for')
      .map((l) => l.other.label);
    expect(storesFor).toContain('API server');
    for (const l of details.outgoing) expect(l.link.source).toBe('etcd');
    for (const l of details.incoming) expect(l.link.target).toBe('etcd');
  });

  it('refuses an unknown id with a clear message', () => {
    const { db } = openTempGraph();
    expect(() => new GraphReader(db).concept('nope')).toThrow(
      'There is no concept with the id "nope".',
    );
  });

  it('walks the neighbourhood in both directions to a depth, nearest first', () => {
    const { db } = openTempGraph();
    const reader = new GraphReader(db);
    const one = reader.neighbourhood('etcd', 1);
    const two = reader.neighbourhood('etcd', 2);
    expect(one.concepts[0]?.id).toBe('etcd');
    expect(one.concepts.map((c) => c.label)).toContain('API server');
    expect(two.concepts.length).toBeGreaterThan(one.concepts.length);
    const ids = new Set(two.concepts.map((c) => c.id));
    for (const link of two.links) {
      expect(ids.has(link.source) && ids.has(link.target)).toBe(true);
    }
    expect(one.truncated).toBe(false);
  });

  it('stops at the concept limit and says so', () => {
    const { db } = openTempGraph();
    const limited = new GraphReader(db).neighbourhood('kubernetes', 3, 5);
    expect(limited.concepts).toHaveLength(5);
    expect(limited.truncated).toBe(true);
  });

  it('returns the whole graph with stored positions', () => {
    const { db } = openTempGraph();
    const reader = new GraphReader(db);
    expect(reader.snapshot().positions).toEqual([]);
    expect(
      savePositions(db, [
        { id: 'etcd', x: 1.5, y: 2 },
        { id: 'gone', x: 0, y: 0 },
      ]),
    ).toBe(1);
    expect(savePositions(db, [{ id: 'etcd', x: 3, y: 4 }])).toBe(1);
    const snapshot = reader.snapshot();
    expect(snapshot.positions).toEqual([{ id: 'etcd', x: 3, y: 4 }]);
    expect(snapshot.concepts.length).toBeGreaterThanOrEqual(80);
    expect(snapshot.links.length).toBeGreaterThanOrEqual(120);
    expect(snapshot.categories.length).toBeGreaterThanOrEqual(15);
  });

  it('counts concepts by category and links by relation', () => {
    const { db } = openTempGraph();
    const stats = graphStats(db);
    expect(stats.byCategory.reduce((sum, c) => sum + c.count, 0)).toBe(stats.concepts);
    expect(stats.byRelation.reduce((sum, r) => sum + r.count, 0)).toBe(stats.links);
    expect(stats.byOrigin).toEqual([
      { key: 'seed', label: 'Default graph', count: stats.concepts },
    ]);
    expect(stats.byRelation.map((r) => r.key)).toContain('runs on');
  });
});
