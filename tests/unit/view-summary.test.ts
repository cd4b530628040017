import { describe, expect, it } from 'vitest';
import { GraphSummaries } from '../../src/main/services/view/summary';
import { readViewSettings, saveFilter } from '../../src/main/services/view/view-settings';
import { NO_FILTER, setEntry, withFacet } from '../../src/shared/filters';
import { freshGraph, openTempGraph } from './helpers';

describe('the graph summary', () => {
  it('counts every facet in the whole graph and among what the filter shows', () => {
    const { db } = openTempGraph();
    const summaries = new GraphSummaries(db);
    const all = summaries.summary(NO_FILTER);
    const concepts = db.prepare('SELECT count(*) FROM concepts').pluck().get() as number;
    expect(all.concepts).toEqual({ total: concepts, shown: concepts });
    expect(all.categories.reduce((n, c) => n + c.total, 0)).toBe(concepts);
    const career = all.categories.find((c) => c.id === 'career')!;
    expect(career.shown).toBe(career.total);

    const hidden = summaries.summary(
      withFacet(NO_FILTER, 'categories', setEntry(NO_FILTER.categories, 'career', 'hidden')),
    );
    expect(hidden.categories.find((c) => c.id === 'career')).toMatchObject({
      total: career.total,
      shown: 0,
    });
    expect(hidden.concepts.shown).toBe(concepts - career.total);
    // A link to or from a hidden concept is not shown either.
    const linksAwayFromCareer = db
      .prepare(
        `SELECT count(*) FROM links l
         JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target
         WHERE s.category <> 'career' AND t.category <> 'career'`,
      )
      .pluck()
      .get() as number;
    expect(linksAwayFromCareer).toBeLessThan(hidden.links.total);
    expect(hidden.links.shown).toBe(linksAwayFromCareer);
    expect(all.links.shown).toBe(all.links.total);
    expect(all.origins.map((o) => o.key)).toEqual(['seed']);
    expect(all.layout).toBeNull();
  });

  it('lists categories of the same size in natural order: "Group 2" before "Group 10"', () => {
    const { db } = openTempGraph({ empty: true });
    const category = db.prepare('INSERT INTO categories (id, label, color) VALUES (?, ?, ?)');
    const concept = db.prepare(
      "INSERT INTO concepts (id, label, category, description, origin) VALUES (?, ?, ?, '', 'user')",
    );
    for (const n of [10, 2, 1]) {
      category.run(`g${n}`, `Group ${n}`, '#888888');
      concept.run(`c${n}`, `Concept ${n}`, `g${n}`);
    }
    const { categories } = new GraphSummaries(db).summary(NO_FILTER);
    expect(categories.map((c) => c.label)).toEqual(['Group 1', 'Group 2', 'Group 10']);
  });
});

describe('view settings', () => {
  it('keep the filter with the graph file, across a reopen', () => {
    const { db } = openTempGraph();
    expect(readViewSettings(db)).toEqual({ filter: NO_FILTER, layout: 'force' });
    const filter = withFacet(
      NO_FILTER,
      'categories',
      setEntry(NO_FILTER.categories, 'career', 'hidden'),
    );
    saveFilter(db, filter);
    expect(readViewSettings(db).filter).toEqual(filter);
  });
});

describe('moving, pinning and laying out', () => {
  it('a drag is one undoable step, and marks the concept as placed by hand', async () => {
    const { api, db } = freshGraph();
    await api.savePositions({ positions: [{ id: 'pod', x: 1, y: 2 }] });
    const moved = await api.moveConcepts({ positions: [{ id: 'pod', x: 100, y: 200 }] });
    expect(moved.history.undoSummary).toBe('Moved “Pod”');
    expect(moved.patch.positions).toEqual([
      { id: 'pod', x: 100, y: 200, pinned: false, manual: true },
    ]);
    expect(
      db
        .prepare(
          "SELECT manual FROM positions WHERE concept = (SELECT key FROM concepts WHERE id = 'pod')",
        )
        .pluck()
        .get(),
    ).toBe(1);
    const undone = await api.undo({});
    expect(undone.patch.positions).toEqual([
      { id: 'pod', x: 1, y: 2, pinned: false, manual: false },
    ]);
  });

  it('a layout is one step that undo takes back whole, and leaves pinned concepts where they are', async () => {
    const { api } = freshGraph();
    const ids = ['pod', 'etcd', 'api-server'];
    await api.savePositions({ positions: ids.map((id, i) => ({ id, x: i, y: i })) });
    await api.setPinned({ ids: ['etcd'], pinned: true });
    const laid = await api.applyLayout({
      name: 'circle',
      positions: ids.map((id, i) => ({ id, x: 500 + i, y: 500 })),
    });
    expect(laid.value.moved).toBe(2);
    expect(laid.history.undoSummary).toBe('Laid out 2 concepts (Circle)');
    expect((await api.getViewSettings({})).layout).toBe('circle');
    const at = async () =>
      (await api.getView({ filter: NO_FILTER, include: ids })).concepts
        .filter((c) => ids.includes(c.id))
        .map((c) => [c.id, c.x, c.y, c.pinned])
        .sort();
    expect(await at()).toEqual(
      [
        ['api-server', 502, 500, false],
        ['etcd', 1, 1, true],
        ['pod', 500, 500, false],
      ].sort(),
    );
    await api.undo({});
    expect(await at()).toEqual(
      [
        ['api-server', 2, 2, false],
        ['etcd', 1, 1, true],
        ['pod', 0, 0, false],
      ].sort(),
    );
    expect((await api.getViewSettings({})).layout).toBe('force');
  });
});
