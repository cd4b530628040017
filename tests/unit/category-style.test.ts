import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/main/services/export/export';
import { importGraph, readImport } from '../../src/main/services/import';
import { CATEGORY_PALETTE } from '../../src/shared/palette';
import { connect, freshGraph, openTempGraph, tempDir } from './helpers';

describe('the colour and shape of a category', () => {
  it('sets them in one undoable step that the map is told about, and keeps them across a restart', async () => {
    const { api, db, file } = freshGraph();
    const before = db.prepare("SELECT * FROM categories WHERE id = 'security'").get();
    const set = await api.setCategoryStyle({ id: 'security', color: '#A1B2C3', shape: 'hexagon' });
    expect(set.value).toEqual({
      id: 'security',
      label: 'Security',
      color: '#a1b2c3',
      shape: 'hexagon',
    });
    expect(set.patch.categories?.find((c) => c.id === 'security')).toEqual(set.value);
    expect(set.patch.concepts).toEqual([]);
    expect(set.history).toMatchObject({
      canUndo: true,
      undoSummary: 'Changed the colour and shape of the category “Security”',
    });

    const shapeOnly = await api.setCategoryStyle({ id: 'security', shape: 'star' });
    expect(shapeOnly.value).toMatchObject({ color: '#a1b2c3', shape: 'star' });
    expect(shapeOnly.history.undoSummary).toBe('Changed the shape of the category “Security”');

    db.close();
    const reopened = connect(file);
    expect((await reopened.api.getGraph({})).categories.find((c) => c.id === 'security')).toEqual({
      id: 'security',
      label: 'Security',
      color: '#a1b2c3',
      shape: 'star',
    });
    const undone = await reopened.api.undo({});
    expect(undone.patch.categories?.find((c) => c.id === 'security')?.shape).toBe('hexagon');
    await reopened.api.undo({});
    expect(reopened.db.prepare("SELECT * FROM categories WHERE id = 'security'").get()).toEqual(
      before,
    );
    const redone = await reopened.api.redo({});
    expect(redone.patch.categories?.find((c) => c.id === 'security')).toMatchObject({
      color: '#a1b2c3',
      shape: 'hexagon',
    });
    // The export carries them (Cairn's JSON is lossless).
    const exported = await reopened.api.exportGraph({ format: 'json' });
    const json = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as {
      categories: { id: string; color: string; shape: string }[];
    };
    expect(json.categories.find((c) => c.id === 'security')).toMatchObject({
      color: '#a1b2c3',
      shape: 'hexagon',
    });
    // Cytoscape.js JSON styles each node by its category's shape.
    const cyjs = await reopened.api.exportGraph({ format: 'cytoscape' });
    const doc = JSON.parse(Buffer.from(cyjs.base64, 'base64').toString('utf8')) as {
      style: { selector: string; style: Record<string, string> }[];
      elements: { nodes: { data: { category: string; color: string; shape: string } }[] };
    };
    expect(doc.style[0]!.style.shape).toBe('data(shape)');
    const secure = doc.elements.nodes.filter((n) => n.data.category === 'security');
    expect(secure.length).toBeGreaterThan(0);
    for (const node of secure)
      expect(node.data).toMatchObject({ color: '#a1b2c3', shape: 'hexagon' });
  });

  it.each([
    [
      { id: 'security', color: 'red' },
      'A category colour is written #rrggbb, for example #1f77b4.',
    ],
    [
      { id: 'security', color: '#12345' },
      'A category colour is written #rrggbb, for example #1f77b4.',
    ],
    [
      { id: 'security', shape: 'blob' },
      '"blob" is not a shape: use one of ellipse, round-rectangle',
    ],
    [{ id: 'security' }, 'Give a colour or a shape for the category.'],
    [{ id: 'nope', color: '#123456' }, 'There is no category with the id "nope".'],
    [{ id: 'security', color: '#123456', extra: 1 }, 'Invalid arguments for setCategoryStyle'],
  ])('refuses %j with one sentence, changing nothing', async (args, message) => {
    const { api, db } = freshGraph();
    const before = db.prepare('SELECT * FROM categories ORDER BY id').all();
    await expect(api.setCategoryStyle(args as never)).rejects.toThrow(message);
    expect(db.prepare('SELECT * FROM categories ORDER BY id').all()).toEqual(before);
    expect((await api.getHistory({})).entries).toEqual([]);
  });

  it('gives a new category the next palette colour no category uses', async () => {
    const { api, db } = freshGraph();
    const made = await api.createConcept({ label: 'Kiali', category: 'Observability' });
    const observability = made.patch.categories!.find((c) => c.id === 'observability')!;
    const defaults = db
      .prepare("SELECT color FROM categories WHERE id <> 'observability'")
      .pluck()
      .all() as string[];
    expect(observability).toMatchObject({
      color: CATEGORY_PALETTE[defaults.length],
      shape: 'ellipse',
    });
    expect(defaults).not.toContain(observability.color);
    // Once the user gives it a colour of their own, its palette colour is free for the next.
    await api.setCategoryStyle({ id: 'observability', color: '#000000' });
    const next = await api.createConcept({ label: 'Jaeger UI', category: 'Dashboards' });
    expect(next.patch.categories!.find((c) => c.id === 'dashboards')!.color).toBe(
      observability.color,
    );
  });
});

describe('category styles in exchange', () => {
  it("travel through Cairn's JSON into another graph; a shape this Cairn does not know is left out", async () => {
    const { api, db } = freshGraph();
    await api.setCategoryStyle({ id: 'security', color: '#123456', shape: 'vee' });
    await api.createConcept({ label: 'Mine', category: 'My category' });
    await api.setCategoryStyle({ id: 'my-category', color: '#654321', shape: 'star' });
    const file = path.join(tempDir(), 'graph.json');
    exportGraph(db, 'json', file);
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace(/("id":"devops".*?"shape":)"ellipse"/, '$1"blob"'),
    );

    const target = openTempGraph({ empty: true }).db;
    const report = importGraph(target, await readImport(file, 'json'), 'graph.json', {
      dryRun: false,
    });
    // What it could not keep is named in the report.
    expect(report.warnings).toEqual([
      expect.stringMatching(
        /^graph\.json, line \d+: the category "DevOps & operations" has the shape "blob", which this Cairn does not draw, so it was not kept\.$/,
      ),
    ]);
    const style = target.prepare('SELECT color, shape FROM categories WHERE id = ?');
    expect(style.get('security')).toEqual({ color: '#123456', shape: 'vee' });
    expect(style.get('my-category')).toEqual({ color: '#654321', shape: 'star' });
    expect(fs.readFileSync(file, 'utf8')).toContain('"shape":"blob"');
    expect(
      target
        .prepare("SELECT shape FROM categories WHERE label = 'DevOps & operations'")
        .pluck()
        .get(),
    ).toBe('ellipse');
  });

  it("travel through Cairn's Cytoscape.js JSON as the category's, not as an attribute of each concept", async () => {
    const { api, db } = freshGraph();
    await api.setCategoryStyle({ id: 'security', color: '#123456', shape: 'vee' });
    const file = path.join(tempDir(), 'graph.cyjs');
    exportGraph(db, 'cytoscape', file);

    const target = openTempGraph({ empty: true }).db;
    importGraph(target, await readImport(file, 'cytoscape'), 'graph.cyjs', { dryRun: false });
    expect(
      target.prepare("SELECT color, shape FROM categories WHERE label = 'Security'").get(),
    ).toEqual({ color: '#123456', shape: 'vee' });
    expect(
      target.prepare('SELECT DISTINCT name FROM concept_attributes ORDER BY name').pluck().all(),
    ).toEqual([]);
  });
});
