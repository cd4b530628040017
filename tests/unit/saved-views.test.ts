import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/main/services/export/export';
import { NO_FILTER } from '../../src/shared/filters';
import type { ViewSpec } from '../../src/shared/saved-views';
import { cli, connect, freshGraph, tempDir } from './helpers';

/** "Control plane": the API server's local graph, depth 2, concentric, one category shown. */
function controlPlane(positions: ViewSpec['positions'] = null): ViewSpec {
  return {
    filter: {
      ...NO_FILTER,
      categories: { hidden: [], only: ['kubernetes-control-plane'] },
    },
    focus: { ids: ['api-server'], depth: 2, expanded: [], showAll: [] },
    layout: 'concentric',
    styling: { sizeBy: 'pagerank', colourBy: 'community' },
    positions,
    camera: { x1: -100, y1: -80, x2: 300, y2: 220 },
  };
}

const WHOLE: ViewSpec = {
  filter: NO_FILTER,
  focus: null,
  layout: 'force',
  styling: { sizeBy: 'degree', colourBy: 'category' },
  positions: null,
  camera: null,
};

describe('saved views', () => {
  it('are kept in the graph file and come back exactly after a restart', async () => {
    const { api, file, db } = freshGraph();
    const spec = controlPlane([
      { id: 'api-server', x: 0, y: 0 },
      { id: 'etcd', x: 120.5, y: -40.25 },
    ]);
    const saved = await api.saveView({ name: '  Control plane ', spec });
    expect(saved.value.name).toBe('Control plane');
    expect(saved.patch.viewsChanged).toBe(true);
    expect(saved.history.undoSummary).toBe('Saved the view “Control plane”');
    db.close();

    const again = connect(file).api;
    const [listed] = await again.listViews({});
    expect(listed).toMatchObject({
      name: 'Control plane',
      focus: { labels: ['API server'], depth: 2 },
      layout: 'concentric',
      filters: 1,
    });
    expect((await again.getSavedView({ id: listed!.id })).spec).toEqual(spec);
  });

  it('refuses a name already taken, ignoring case over all of Unicode', async () => {
    const { api } = freshGraph();
    await api.saveView({ name: 'Über alles', spec: WHOLE });
    await expect(api.saveView({ name: 'über ALLES', spec: WHOLE })).rejects.toThrow(
      'A view named “Über alles” already exists: choose another name, or update that view.',
    );
    await expect(api.saveView({ name: '   ', spec: WHOLE })).rejects.toThrow(
      'The view name cannot be empty.',
    );
  });

  it('checks a spec at the boundary and refuses a focus that is not in the graph', async () => {
    const { api } = freshGraph();
    await expect(
      api.saveView({ name: 'x', spec: { ...WHOLE, layout: 'spiral' as never } }),
    ).rejects.toThrow('Unknown layout "spiral".');
    await expect(
      api.saveView({
        name: 'x',
        spec: { ...WHOLE, focus: { ids: ['no-such'], depth: 1, expanded: [], showAll: [] } },
      }),
    ).rejects.toThrow('There is no concept with the id "no-such".');
    expect(await api.listViews({})).toEqual([]);
  });

  it('updates, renames, duplicates and deletes, each one undoable and redoable', async () => {
    const { api } = freshGraph();
    const { value: view } = await api.saveView({ name: 'Control plane', spec: controlPlane() });
    const moved = { ...controlPlane(), layout: 'circle' as const };
    await api.updateView({ id: view.id, spec: moved });
    await api.renameView({ id: view.id, name: 'Masters' });
    const copy = await api.duplicateView({ id: view.id });
    expect(copy.value.name).toBe('Masters copy');
    expect(copy.history.undoSummary).toBe('Duplicated the view “Masters” as “Masters copy”');
    expect((await api.duplicateView({ id: view.id })).value.name).toBe('Masters copy 2');
    await api.deleteView({ id: view.id });
    const names = async () => (await api.listViews({})).map((v) => v.name);
    expect(await names()).toEqual(['Masters copy', 'Masters copy 2']);

    const undone = await api.undo({});
    expect(undone.value?.summary).toBe('Deleted the view “Masters”');
    expect(undone.patch.viewsChanged).toBe(true);
    expect(await names()).toEqual(['Masters', 'Masters copy', 'Masters copy 2']);
    await api.undo({}); // the second copy
    await api.undo({}); // the first copy
    await api.undo({}); // the rename
    expect(await names()).toEqual(['Control plane']);
    expect((await api.getSavedView({ id: view.id })).spec.layout).toBe('circle');
    await api.undo({}); // the update
    expect((await api.getSavedView({ id: view.id })).spec).toEqual(controlPlane());
    await api.redo({});
    await api.redo({});
    expect(await names()).toEqual(['Masters']);
    expect((await api.getSavedView({ id: view.id })).spec.layout).toBe('circle');
  });

  it('take any name, Object.prototype names included, and focus on any id', async () => {
    const { api } = freshGraph();
    const created = await api.createConcept({ label: 'Constructor', category: 'Tooling' });
    expect(created.value.concept.id).toBe('constructor');
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'data(label)']) {
      await api.saveView({
        name,
        spec: { ...WHOLE, focus: { ids: ['constructor'], depth: 1, expanded: [], showAll: [] } },
      });
    }
    const views = await api.listViews({});
    expect(views.map((v) => v.name).sort()).toEqual(
      ['__proto__', 'constructor', 'data(label)', 'hasOwnProperty', 'toString'].sort(),
    );
    expect(views.every((v) => v.focus?.labels[0] === 'Constructor')).toBe(true);
  });

  it('say in one sentence that a damaged view cannot open, and still list and delete it', async () => {
    const { api, db } = freshGraph();
    const { value } = await api.saveView({ name: 'Broken', spec: WHOLE });
    db.prepare(`UPDATE saved_views SET spec = json_set(spec, '$.layout', 'spiral')`).run();
    await expect(api.getSavedView({ id: value.id })).rejects.toThrow(
      'The saved view “Broken” is damaged (at layout), so it cannot be opened; delete it and save it again.',
    );
    db.prepare(`UPDATE saved_views SET spec = '{not json'`).run();
    expect((await api.listViews({}))[0]).toMatchObject({ name: 'Broken', layout: 'force' });
    await api.deleteView({ id: value.id });
    expect(await api.listViews({})).toEqual([]);
  });

  it('do not make the structure be measured again, as an edit of a concept does', async () => {
    const { api, db } = freshGraph();
    const version = () => db.prepare('SELECT version FROM structure_state').pluck().get() as number;
    const start = version();
    const { value } = await api.saveView({ name: 'A', spec: WHOLE });
    await api.renameView({ id: value.id, name: 'B' });
    await api.undo({});
    await api.moveConcepts({ positions: [{ id: 'etcd', x: 1, y: 2 }] });
    expect(version()).toBe(start);
    await api.createConcept({ label: 'Sidecar', category: 'Tooling' });
    expect(version()).toBe(start + 1);
    await api.undo({});
    expect(version()).toBe(start + 2);
  });
});

describe('saved views in the JSON export and import', () => {
  it('travel in Cairn JSON and come back on import, undone with the import', async () => {
    const { api, db } = freshGraph();
    await api.saveView({ name: 'Control plane', spec: controlPlane() });
    await api.saveView({ name: 'Everything', spec: WHOLE });
    const out = path.join(tempDir(), 'graph.json');
    exportGraph(db, 'json', out);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as { views: { name: string }[] };
    expect(written.views.map((v) => v.name)).toEqual(['Control plane', 'Everything']);

    const target = path.join(tempDir(), 'empty.sqlite');
    expect((await cli('stats', '--empty', '--db', target)).code).toBe(0);
    const imported = await cli('import', '--file', out, '--db', target);
    expect(imported.stdout).toContain('Saved views: “Control plane”, “Everything”.');
    const other = connect(target).api;
    const views = await other.listViews({});
    expect(await other.getSavedView({ id: views[0]!.id })).toMatchObject({
      name: 'Control plane',
      spec: controlPlane(),
    });

    // The same views again are already there; a changed one is added beside it.
    written.views[1]!.name = 'Everything';
    const changed = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      views: { spec: ViewSpec }[];
    };
    changed.views[1]!.spec.layout = 'grid';
    fs.writeFileSync(out, JSON.stringify(changed));
    const again = await cli('import', '--file', out, '--db', target);
    expect(again.stdout).toContain(
      "the saved view “Everything” differs from the view of that name in this graph, which was kept as it is; the file's was added as “Everything (imported)”.",
    );
    expect((await other.listViews({})).map((v) => v.name)).toEqual([
      'Control plane',
      'Everything',
      'Everything (imported)',
    ]);
    await other.undo({});
    expect((await other.listViews({})).map((v) => v.name)).toEqual(['Control plane', 'Everything']);
  });

  it('names a view of a file that it cannot keep, and imports the rest', async () => {
    const { db } = freshGraph();
    const out = path.join(tempDir(), 'graph.json');
    exportGraph(db, 'json', out);
    const file = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
    file.views = [
      { name: 'Odd', spec: { ...WHOLE, layout: 'spiral' } },
      { name: 42, spec: WHOLE },
      {
        name: 'Lost',
        spec: { ...WHOLE, focus: { ids: ['gone'], depth: 1, expanded: [], showAll: [] } },
      },
      { name: 'Fine', spec: WHOLE },
    ];
    fs.writeFileSync(out, JSON.stringify(file, null, 1));
    const target = path.join(tempDir(), 'empty.sqlite');
    await cli('stats', '--empty', '--db', target);
    const result = await cli('import', '--file', out, '--db', target);
    expect(result.code).toBe(0);
    const notes = result.stdout.split('\n').filter((line) => line.startsWith('Note:'));
    expect(notes).toEqual([
      expect.stringMatching(
        /line \d+: the saved view “Odd” is not one this Cairn can open \(Unknown layout "spiral" at layout\), so it was not kept\.$/,
      ),
      expect.stringMatching(
        /line \d+: a saved view has no usable name \(The view name must be text\), so it was not kept\.$/,
      ),
      expect.stringMatching(
        /line \d+: the saved view “Lost” is around "gone", which is neither in the file nor in the graph, so it was not kept\.$/,
      ),
    ]);
    expect(result.stdout).toContain('Saved views: “Fine”.');
  });
});

describe('cairn views and cairn export --view', () => {
  it('lists the views and exports what one shows', async () => {
    const { api, file, db } = freshGraph();
    expect((await cli('views', '--db', file)).stdout).toBe(
      'This graph has no saved views. Save one in the app: Views, then Save view.',
    );
    await api.saveView({ name: 'Control plane', spec: controlPlane() });
    await api.saveView({ name: 'Everything', spec: WHOLE });
    const listed = await cli('views', '--db', file);
    const [first, second] = listed.stdout.split('\n');
    expect(first).toMatch(
      /^Control plane {2}Local graph of API server, depth 2 · Concentric · 1 filter {2}updated \d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    expect(second).toMatch(/^Everything {5}Whole graph · Force-directed {2,}updated /);
    const json = JSON.parse((await cli('views', '--json', '--db', file)).stdout) as {
      views: { name: string }[];
    };
    expect(json.views.map((v) => v.name)).toEqual(['Control plane', 'Everything']);

    const out = path.join(tempDir(), 'view.json');
    const exported = await cli(
      'export',
      '--view',
      'control PLANE',
      '--format',
      'json',
      '--out',
      out,
      '--db',
      file,
    );
    expect(exported.code).toBe(0);
    const graph = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      concepts: { id: string; category: string }[];
      links: { source: string; target: string }[];
    };
    const local = await api.getLocalGraph({
      focus: ['api-server'],
      depth: 2,
      filter: controlPlane().filter,
    });
    expect(graph.concepts.map((c) => c.id).sort()).toEqual(local.concepts.map((c) => c.id).sort());
    expect(graph.links).toHaveLength(local.links.length);
    expect(new Set(graph.concepts.map((c) => c.category))).toEqual(
      new Set(['kubernetes-control-plane']),
    );
    expect(exported.stdout).toContain('(the view “Control plane”)');

    const whole = await cli(
      'export',
      '--view',
      'Everything',
      '--format',
      'json',
      '--out',
      out,
      '--db',
      file,
    );
    expect(whole.stdout).toContain(
      `Exported ${db.prepare('SELECT count(*) FROM concepts').pluck().get()} concepts`,
    );

    const missing = await cli(
      'export',
      '--view',
      'Nope',
      '--format',
      'json',
      '--out',
      out,
      '--db',
      file,
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain(
      'There is no view named “Nope”; `cairn views` lists the 2 this graph has.',
    );
    const misplaced = await cli('stats', '--view', 'Nope', '--db', file);
    expect(misplaced.code).not.toBe(0);
  });
});
