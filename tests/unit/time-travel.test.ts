import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Editor } from '../../src/main/services/editing/editor';
import { readGraphForExport } from '../../src/main/services/export/export-model';
import { GraphReader } from '../../src/main/services/graph-reader';
import { importGraph, readImport } from '../../src/main/services/import';
import { changesBetween } from '../../src/main/services/time-travel/changes';
import {
  changeAt,
  TimeMachine,
  timelineOf,
} from '../../src/main/services/time-travel/time-machine';
import { cli, freshGraph, openTempGraph, REPO_ROOT, tempDir } from './helpers';

// Time travel against the truth: snapshots of the graph taken during a scripted edit
// session (creates, renames, notes, links, deletes, an import, a layout), compared with
// what the time machine rebuilds for each moment, travelling back and forth in any order.

/** Everything a person sees of a graph, in a stable order. */
function snapshot(db: Database) {
  const graph = readGraphForExport(db);
  return {
    categories: graph.categories.map((c) => `${c.id} ${c.label} ${c.color}`).sort(),
    concepts: graph.concepts
      .map((c) => ({
        id: c.id,
        label: c.label,
        category: c.category,
        description: c.description,
        note: c.note,
        tags: c.tags,
        position: c.position,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    links: graph.links.map((l) => `${l.source} ${l.relation} ${l.target} ${l.kind}`).sort(),
  };
}

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'import', 'gephi.gexf');

async function scriptedSession() {
  const { db } = openTempGraph();
  const editor = new Editor(db, new GraphReader(db));
  const lastChange = () => timelineOf(db).entries.at(-1)?.id ?? 0;
  const truth = new Map<number, ReturnType<typeof snapshot>>([[0, snapshot(db)]]);
  const step = async (edit: () => unknown) => {
    await edit();
    truth.set(lastChange(), snapshot(db));
  };
  await step(() => editor.createConcept({ label: 'Quillgate', category: 'My stuff' }));
  await step(() => editor.updateConcept({ id: 'pod', label: 'Pods' }));
  await step(() => editor.saveNote('etcd', 'Backs the [[Quillgate]] and [[Pods]]. #raft'));
  await step(() => editor.createLink({ source: 'quillgate', target: 'etcd', relation: 'uses' }));
  await step(() => editor.deleteConcept('kubelet'));
  await step(() => editor.updateConcept({ id: 'quillgate', label: 'Quillgate proxy' }));
  await step(() =>
    editor.moveConcepts([
      { id: 'etcd', x: 1234, y: -56 },
      { id: 'pod', x: 10, y: 20 },
    ]),
  );
  await step(async () => importGraph(db, await readImport(FIXTURE, 'gexf'), 'gephi.gexf', {}));
  await step(() => editor.deleteConcept('quillgate'));
  return { db, truth };
}

describe('time travel', () => {
  it('rebuilds the graph as it was after every change, going back and forth', async () => {
    const { db, truth } = await scriptedSession();
    const now = snapshot(db);
    const moments = [...truth.keys()];
    expect(moments).toHaveLength(10);
    const machine = new TimeMachine(db);
    // Backwards, forwards, then jumps.
    const order = [...moments].reverse().concat(
      moments,
      [0, 5, 2, 9, 1, 8, 3].map((i) => moments[i]!),
    );
    for (const after of order) {
      machine.travelTo(after);
      expect(snapshot(machine.past!), `after change ${after}`).toEqual(truth.get(after));
    }
    machine.travelTo('now');
    expect(machine.past).toBeNull();
    // The graph itself never moved.
    expect(snapshot(db)).toEqual(now);
  });

  it('shows concepts deleted since as ghosts, and their old labels', async () => {
    const { db } = await scriptedSession();
    const machine = new TimeMachine(db);
    const { entries } = timelineOf(db);
    const renamed = entries.find((e) => e.summary === 'Renamed “Quillgate” to “Quillgate proxy”')!;
    const state = machine.travelTo(renamed.id - 1);
    expect(state.ghosts).toEqual(['quillgate']);
    expect(
      machine.past!.prepare("SELECT label FROM concepts WHERE id = 'quillgate'").pluck().get(),
    ).toBe('Quillgate');
    expect(machine.travelTo(0).ghosts).toEqual(['kubelet']);
    machine.end();
  });

  it('finds the change in effect at a moment, and says where the log cannot tell', async () => {
    const { db } = openTempGraph();
    const editor = new Editor(db, new GraphReader(db));
    editor.createConcept({ label: 'First', category: 'Mine' });
    const first = timelineOf(db).entries[0]!;
    expect(changeAt(db, new Date(Date.parse(first.at) - 1000))).toBe(0);
    expect(changeAt(db, new Date(first.at))).toBe(first.id);

    const machine = new TimeMachine(db);
    expect(machine.travelTo(0).caveats).toEqual([
      expect.stringMatching(
        /^This is the graph before the first recorded change \(.+\); Cairn has no record of anything earlier\.$/,
      ),
    ]);
    machine.end();

    // An undone change is not on the timeline. A point of the timeline is exact; a moment
    // after the undone change was made may fall while it was in effect, and says so.
    editor.createConcept({ label: 'Second', category: 'Mine' });
    editor.undo();
    expect(timelineOf(db)).toMatchObject({ entries: [{ id: first.id }], undone: 1 });
    expect(new TimeMachine(db).travelTo(first.id).caveats).toEqual([]);
    const later = new Date(Date.now() + 1000);
    expect(new TimeMachine(db).travelTo(changeAt(db, later), later).caveats).toEqual([
      expect.stringMatching(
        /^1 undone change \(from .+\) is not shown: the history does not say when it was undone\.$/,
      ),
    ]);
    // Made after an undo, a new change drops the undone one: a gap the timeline names.
    editor.createConcept({ label: 'Third', category: 'Mine' });
    expect(db.prepare('SELECT kind, count FROM history_gaps').all()).toEqual([
      { kind: 'discarded', count: 1 },
    ]);
    const during = new Date(
      Date.parse(db.prepare('SELECT since FROM history_gaps').pluck().get() as string),
    );
    expect(new TimeMachine(db).travelTo(changeAt(db, during), during).caveats).toEqual([
      expect.stringMatching(
        /^1 change made from .+ and undone before .+ is no longer in the history: the graph may have differed from this meanwhile\.$/,
      ),
    ]);
    expect(() => new TimeMachine(db).travelTo(99_999)).toThrow(
      'There is no change 99999 in the history of this graph (it may have been undone).',
    );
  });

  it('lists what changed between two moments, net of what came and went between', async () => {
    const { db } = await scriptedSession();
    const { entries } = timelineOf(db);
    const start = new Date(Date.parse(entries[0]!.at) - 1);
    const all = changesBetween(db, start, new Date(Date.now() + 1000));
    const imported = db
      .prepare('SELECT id FROM concepts WHERE import_batch IS NOT NULL ORDER BY key')
      .pluck()
      .all();
    expect(all.changes).toBe(9);
    // Quillgate came and went: neither added nor deleted.
    expect(all.added.map((c) => c.id)).toEqual(imported);
    expect(all.deleted.map((c) => c.id)).toEqual(['kubelet']);
    expect(all.edited.map((c) => [c.concept.id, c.what, c.before])).toEqual([
      ['pod', ['label'], 'Pod'],
      ['etcd', ['note', 'tags'], undefined],
    ]);
    // etcd's [[Pods]], and the import's links; kubelet's two went with it.
    const importedLinks = db
      .prepare('SELECT count(*) FROM links WHERE import_batch IS NOT NULL')
      .pluck()
      .get() as number;
    expect(importedLinks).toBeGreaterThan(0);
    expect([all.linksAdded, all.linksRemoved]).toEqual([1 + importedLinks, 2]);
    // From the rename of Quillgate on: the rename is inside, Quillgate's deletion too.
    const rename = entries.find((e) => e.summary.startsWith('Renamed “Quillgate”'))!;
    const later = changesBetween(
      db,
      new Date(Date.parse(rename.at) - 1),
      new Date(Date.now() + 1000),
    );
    expect(later.deleted.map((c) => [c.id, c.label])).toEqual([['quillgate', 'Quillgate']]);
    // The rename rewrote etcd's [[Quillgate]] to [[Quillgate proxy]].
    expect(later.edited.map((c) => [c.concept.id, c.what])).toEqual([['etcd', ['note']]]);
  });
});

describe('time travel through the contract', () => {
  it('answers reads from the past, refuses changes, and comes back to now', async () => {
    const { api } = freshGraph();
    await api.updateConcept({ id: 'pod', label: 'Pods' });
    await api.deleteConcept({ id: 'kubelet' });
    const { entries, undone } = await api.getTimeline({});
    expect([entries.map((e) => e.summary), undone]).toEqual([
      ['Renamed “Pod” to “Pods”', 'Deleted “kubelet” and 2 links'],
      0,
    ]);

    const before = await api.travelTo({ after: 0 });
    expect(before.ghosts).toEqual(['kubelet']);
    // kubelet's two links went with it.
    expect(before.ghostLinks).toHaveLength(2);
    expect((await api.getConcept({ id: 'pod' })).concept.label).toBe('Pod');
    expect((await api.search({ query: 'kubelet' })).map((h) => h.id)).toContain('kubelet');
    await expect(api.createConcept({ label: 'New', category: 'Mine' })).rejects.toThrow(
      'The timeline shows the graph as it was: come back to now to change it.',
    );
    // The history is the present's, whatever the map shows.
    expect((await api.getHistory({})).entries).toHaveLength(2);
    const exported = await api.exportGraph({ format: 'json' });
    expect(Buffer.from(exported.base64, 'base64').toString('utf8')).toContain('"kubelet"');

    await api.travelTo({ after: entries[0]!.id });
    expect((await api.getConcept({ id: 'pod' })).concept.label).toBe('Pods');
    expect((await api.getConcept({ id: 'kubelet' })).concept.label).toBe('kubelet');

    expect(await api.travelTo({ after: null })).toEqual({
      after: null,
      at: null,
      ghosts: [],
      ghostLinks: [],
      caveats: [],
    });
    await expect(api.getConcept({ id: 'kubelet' })).rejects.toThrow('There is no concept');
    await api.createConcept({ label: 'New', category: 'Mine' });
  });

  it('says what changed between two moments, and refuses a moment that is not one', async () => {
    const { api } = freshGraph();
    const start = new Date(Date.now() - 1000).toISOString();
    await api.createConcept({ label: 'Quillgate', category: 'Mine' });
    const changes = await api.getChangesBetween({ from: start });
    expect(changes.added.map((c) => c.label)).toEqual(['Quillgate']);
    // From a point of the timeline: after that change, whatever its millisecond.
    await api.updateConcept({ id: 'quillgate', label: 'Quillgate proxy' });
    const [created] = (await api.getTimeline({})).entries;
    const after = await api.getChangesBetween({ from: start, afterChange: created!.id });
    expect(after.added).toEqual([]);
    expect(after.edited.map((c) => [c.concept.label, c.before])).toEqual([
      ['Quillgate proxy', 'Quillgate'],
    ]);
    await expect(api.getChangesBetween({ from: 'last week' })).rejects.toThrow(
      'A moment is written as ISO 8601, for example 2026-11-30T12:00:00Z.',
    );
  });
});

describe('cairn export --as-of', () => {
  it('writes the graph as it was at each moment of a create, rename and delete', async () => {
    const { api, file } = freshGraph();
    // A few milliseconds apart: the history keeps times to the millisecond.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    await api.createConcept({ label: 'Quillgate', category: 'Mine' });
    await pause();
    await api.updateConcept({ id: 'quillgate', label: 'Quillgate proxy' });
    await pause();
    await api.deleteConcept({ id: 'quillgate' });
    const [created, renamed, deleted] = (await api.getTimeline({})).entries;
    const labelAsOf = async (moment: string) => {
      const out = path.join(tempDir(), 'past.json');
      const result = await cli(
        'export',
        '--as-of',
        moment,
        '--format',
        'json',
        '--out',
        out,
        '--db',
        file,
      );
      expect(result.code, result.stderr).toBe(0);
      const graph = JSON.parse(fs.readFileSync(out, 'utf8')) as {
        concepts: { id: string; label: string }[];
      };
      return {
        line: result.stdout,
        label: graph.concepts.find((c) => c.id === 'quillgate')?.label,
      };
    };
    const before = await labelAsOf(new Date(Date.parse(created!.at) - 1).toISOString());
    expect(before.label).toBeUndefined();
    expect(before.line).toMatch(
      /^Exported 146 concepts and 252 links as of .+ \(before the first recorded change\) as json to /,
    );
    expect((await labelAsOf(created!.at)).label).toBe('Quillgate');
    const afterRename = await labelAsOf(renamed!.at);
    expect(afterRename.label).toBe('Quillgate proxy');
    expect(afterRename.line).toContain(
      `(after “Renamed “Quillgate” to “Quillgate proxy””, ${renamed!.at})`,
    );
    expect((await labelAsOf(deleted!.at)).label).toBeUndefined();
    // The file itself is as it was.
    await expect(api.getConcept({ id: 'quillgate' })).rejects.toThrow('There is no concept');
  });

  it('reads local times, and refuses what is not a moment in one line', async () => {
    const { file } = freshGraph();
    const out = path.join(tempDir(), 'past.json');
    const local = await cli(
      'export',
      '--as-of',
      '2026-11-30T12:00',
      '--format',
      'json',
      '--out',
      out,
      '--db',
      file,
    );
    expect(local.stdout).toContain(`as of ${new Date('2026-11-30T12:00').toISOString()}`);
    const bad = await cli(
      'export',
      '--as-of',
      'last week',
      '--format',
      'json',
      '--out',
      out,
      '--db',
      file,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(
      '--as-of takes a moment such as 2026-11-30T12:00 (local time), 2026-11-30T12:00Z or 2026-11-30: "last week" is not one',
    );
    expect(bad.stderr.split('\n')).toHaveLength(1);
    const misplaced = await cli('stats', '--as-of', '2026-11-30', '--db', file);
    expect(misplaced.stderr).toContain('--as-of goes with export');
  });
});
