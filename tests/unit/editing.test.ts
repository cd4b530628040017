import { describe, expect, it } from 'vitest';
import { readGraphForExport } from '../../src/main/services/export/export-model';
import type { Database } from 'better-sqlite3';
import { connect, freshGraph } from './helpers';

const count = (db: Database, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('creating and editing concepts', () => {
  it('creates a concept in an existing or a new category, searchable at once and undoable', async () => {
    const { api, db } = freshGraph();
    const made = await api.createConcept({
      label: '  Istio ',
      category: 'service mesh & load balancing',
      description: 'A service mesh.',
    });
    expect(made.value.concept).toMatchObject({
      id: 'istio',
      label: 'Istio',
      category: 'service-mesh',
      origin: 'user',
      seedState: null,
    });
    expect(made.patch.concepts).toEqual([
      { id: 'istio', label: 'Istio', category: 'service-mesh', origin: 'user' },
    ]);
    expect(made.history).toMatchObject({ canUndo: true, undoSummary: 'Created “Istio”' });
    expect((await api.search({ query: 'istio' }))[0]?.id).toBe('istio');

    const other = await api.createConcept({
      label: 'Kiali',
      category: 'Observability',
      position: { x: 10, y: 20 },
    });
    expect(other.value.concept.category).toBe('observability');
    expect(other.patch.categories?.find((c) => c.id === 'observability')).toMatchObject({
      label: 'Observability',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(other.patch.positions).toEqual([
      { id: 'kiali', x: 10, y: 20, pinned: false, manual: false },
    ]);
    expect(db.prepare("SELECT count(*) AS n FROM concepts WHERE origin = 'user'").get()).toEqual({
      n: 2,
    });
  });

  it.each([
    [{ label: '', category: 'x' }, 'The label cannot be empty.'],
    [{ label: '   ', category: 'x' }, 'The label cannot be empty.'],
    [
      { label: 'x'.repeat(10_000), category: 'x' },
      'The label is 10,000 characters long; at most 200 are allowed.',
    ],
    [{ label: 'ETCD', category: 'x' }, 'A concept named “etcd” already exists.'],
    [
      { label: 'bell\u0007', category: 'x' },
      'The label cannot contain control characters (found U+0007 at position 5).',
    ],
    [
      { label: 'two\nlines', category: 'x' },
      'The label cannot contain control characters (found U+000A at position 4).',
    ],
    [
      { label: 'evil\u202Etxt.exe', category: 'x' },
      'The label cannot contain control characters (found U+202E at position 5).',
    ],
    [{ label: 'ok', category: '' }, 'The category cannot be empty.'],
  ])('refuses %j with one sentence and saves nothing', async (args, message) => {
    const { dispatch, db } = freshGraph();
    const before = {
      concepts: count(db, 'concepts'),
      categories: count(db, 'categories'),
      changes: count(db, 'changes'),
    };
    expect(await dispatch('createConcept', args)).toEqual({
      ok: false,
      error: { code: expect.any(String), message },
    });
    expect({
      concepts: count(db, 'concepts'),
      categories: count(db, 'categories'),
      changes: count(db, 'changes'),
    }).toEqual(before);
  });

  it('renames and recategorises a seed concept, marks it edited, and restores the original', async () => {
    const { api } = freshGraph();
    expect((await api.getConcept({ id: 'pod' })).concept.seedState).toBe('pristine');
    const renamed = await api.updateConcept({ id: 'pod', label: 'Pods', category: 'containers' });
    expect(renamed.value.concept).toMatchObject({
      label: 'Pods',
      category: 'containers',
      seedState: 'edited',
      origin: 'seed',
    });
    await api.saveNote({ id: 'pod', body: 'My own words about pods.' });
    const runsOn = (await api.getConcept({ id: 'pod' })).outgoing.find(
      (l) => l.link.relation === 'runs on',
    )!;
    await api.deleteLink({ id: runsOn.link.id });

    const restored = await api.restoreOriginal({ id: 'pod' });
    expect(restored.value.concept).toMatchObject({
      label: 'Pod',
      category: 'kubernetes-nodes',
      seedState: 'pristine',
    });
    expect(restored.value.outgoing.map((l) => `${l.link.relation} ${l.other.id}`)).toContain(
      'runs on node',
    );
    // What the user wrote stays.
    expect(restored.value.concept.note).toBe('My own words about pods.');
    expect(restored.history.undoSummary).toBe('Restored “Pods” from the default graph');
  });

  it('refuses to restore a concept that is not from the default graph', async () => {
    const { api } = freshGraph();
    await api.createConcept({ label: 'Mine', category: 'Security' });
    await expect(api.restoreOriginal({ id: 'mine' })).rejects.toThrow(
      '“Mine” is not part of the default graph, so it has no original to restore.',
    );
  });

  it('deletes a concept with its links, and undo brings every row back exactly', async () => {
    const { api, db } = freshGraph();
    await api.saveNote({ id: 'etcd', body: 'Raft inside. #consensus' });
    await api.savePositions({ positions: [{ id: 'etcd', x: 1, y: 2 }] });
    const before = readGraphForExport(db);
    const deleted = await api.deleteConcept({ id: 'etcd' });
    expect(deleted.value.links).toBeGreaterThan(0);
    expect(deleted.patch.removedConcepts).toEqual(['etcd']);
    expect(deleted.patch.removedLinks).toHaveLength(deleted.value.links);
    expect(deleted.history.undoSummary).toBe(`Deleted “etcd” and ${deleted.value.links} links`);
    await expect(api.getConcept({ id: 'etcd' })).rejects.toThrow(
      'There is no concept with the id "etcd".',
    );

    const undone = await api.undo({});
    expect(undone.value?.summary).toMatch(/^Deleted “etcd”/);
    expect(undone.patch.concepts.map((c) => c.id)).toContain('etcd');
    expect(undone.patch.links).toHaveLength(deleted.value.links);
    expect(readGraphForExport(db)).toEqual(before);
    expect((await api.search({ query: 'raft' }))[0]?.id).toBe('etcd');
  });
});

describe('links', () => {
  it('creates, edits and deletes a typed link of the user', async () => {
    const { api } = freshGraph();
    const link = await api.createLink({
      source: 'grafana',
      target: 'etcd',
      relation: 'monitors',
      note: 'via exporter',
    });
    expect(link.value).toMatchObject({
      source: 'grafana',
      target: 'etcd',
      relation: 'monitors',
      origin: 'user',
      kind: 'typed',
      note: 'via exporter',
    });
    expect(link.patch.links).toEqual([link.value]);
    const edited = await api.updateLink({ id: link.value.id, relation: 'watches' });
    expect(edited.value).toMatchObject({ relation: 'watches', note: 'via exporter' });
    expect(edited.history.undoSummary).toBe('Changed the link “Grafana” watches “etcd”');
    const removed = await api.deleteLink({ id: link.value.id });
    expect(removed.patch.removedLinks).toEqual([link.value.id]);
    expect((await api.getVocabulary({})).relations.map((r) => r.key)).not.toContain('watches');
  });

  it.each([
    [{ source: 'etcd', target: 'etcd', relation: 'uses' }, '“etcd” cannot link to itself.'],
    [
      { source: 'etcd', target: 'api-server', relation: 'stores data for' },
      '“etcd” already stores data for “API server”.',
    ],
    [
      { source: 'etcd', target: 'ghost', relation: 'uses' },
      'There is no concept with the id "ghost".',
    ],
    [{ source: 'etcd', target: 'pod', relation: ' ' }, 'The relation cannot be empty.'],
  ])('refuses %j', async (args, message) => {
    const { dispatch, db } = freshGraph();
    const links = count(db, 'links');
    const result = await dispatch('createLink', args);
    expect(result.ok === false && result.error.message).toBe(message);
    expect(count(db, 'links')).toBe(links);
  });

  it('makes a typed link called “mentions” beside the mention a note makes, and keeps them apart', async () => {
    // Issue 11: mention links are told apart by their kind, never by the relation's name,
    // so "mentions" is a relation like any other (an import brings such links too).
    const { api } = freshGraph();
    await api.saveNote({ id: 'etcd', body: 'Backs the [[Pod]] state.' });
    const typed = await api.createLink({ source: 'etcd', target: 'pod', relation: 'mentions' });
    expect(typed.value).toMatchObject({ relation: 'mentions', kind: 'typed' });
    const details = await api.getConcept({ id: 'etcd' });
    expect(details.outgoing.map((l) => [l.link.relation, l.link.kind, l.other.id])).toContainEqual([
      'mentions',
      'typed',
      'pod',
    ]);
    expect(details.mentions.map((c) => c.id)).toEqual(['pod']);
    const renamed = await api.updateLink({ id: typed.value.id, relation: 'cites' });
    expect(renamed.value.relation).toBe('cites');
    // The note's own mention stays, untouched by the typed link's edits.
    expect((await api.getConcept({ id: 'etcd' })).mentions.map((c) => c.id)).toEqual(['pod']);
  });

  it('offers the relations in use, most used first, for autocomplete', async () => {
    const { api } = freshGraph();
    const { relations, categories } = await api.getVocabulary({});
    expect(relations[0]?.count).toBeGreaterThanOrEqual(relations[1]?.count ?? 0);
    expect(relations.map((r) => r.key)).toEqual(
      expect.arrayContaining(['runs on', 'stores data for', 'implements']),
    );
    expect(categories.length).toBeGreaterThanOrEqual(15);
  });
});

describe('notes, wikilinks and tags', () => {
  it('turns [[wikilinks]] into mention links, reports unknown names, and shows backlinks', async () => {
    const { api } = freshGraph();
    const saved = await api.saveNote({
      id: 'pod',
      body: '# Pods\nA pod is scheduled by the [[Scheduler]] onto a [[worker node|node]].\nSee also [[Sidecar pattern]] and `[[not a link]]`. #k8s #Core',
    });
    expect(saved.value.unresolved).toEqual(['Sidecar pattern']);
    expect(saved.value.details.mentions.map((c) => c.id).sort()).toEqual(['node', 'scheduler']);
    expect(saved.value.details.concept.tags).toEqual(
      expect.arrayContaining(['k8s', 'core', 'kubernetes']),
    );
    expect(saved.patch.links.every((l) => l.kind === 'mention' && l.relation === 'mentions')).toBe(
      true,
    );
    // Mentions are not mixed into the typed links.
    expect(saved.value.details.outgoing.every((l) => l.link.kind === 'typed')).toBe(true);

    const scheduler = await api.getConcept({ id: 'scheduler' });
    expect(scheduler.backlinks).toEqual([
      {
        concept: expect.objectContaining({ id: 'pod' }),
        excerpt: 'A pod is scheduled by the [[Scheduler]] onto a [[worker node|node]].',
      },
    ]);
    expect((await api.search({ query: 'scheduled' }))[0]?.id).toBe('pod');
    expect((await api.search({ query: 'k8s' })).map((h) => h.id)).toContain('pod');

    const edited = await api.saveNote({ id: 'pod', body: 'Only the [[Scheduler]] now.' });
    expect(edited.value.details.mentions.map((c) => c.id)).toEqual(['scheduler']);
    expect(edited.patch.removedLinks).toHaveLength(1);
    expect(edited.value.details.concept.tags).not.toContain('k8s');
  });

  it('links notes that already name a concept when it is created or renamed, in the same undo step', async () => {
    const { api } = freshGraph();
    await api.saveNote({
      id: 'pod',
      body: 'Often paired with a [[Sidecar pattern]] and [[sidecar pattern|it]].',
    });
    const created = await api.createConcept({
      label: 'Sidecar pattern',
      category: 'Containers & virtualization',
    });
    expect(created.value.backlinks.map((b) => b.concept.id)).toEqual(['pod']);
    expect(created.patch.links).toEqual([
      expect.objectContaining({ source: 'pod', target: 'sidecar-pattern', kind: 'mention' }),
    ]);
    await api.undo({});
    expect((await api.getConcept({ id: 'pod' })).mentions).toEqual([]);

    await api.saveNote({ id: 'etcd', body: 'Backed by [[Raft store]].' });
    const renamed = await api.updateConcept({ id: 'grafana', label: 'Raft store' });
    expect(renamed.value.backlinks.map((b) => b.concept.id)).toEqual(['etcd']);
  });

  it('rewrites [[Old name]] in notes when a concept is renamed, and undo puts the notes back', async () => {
    const { api } = freshGraph();
    await api.saveNote({
      id: 'pod',
      body: 'Scheduled by the [[scheduler]], see [[Scheduler|the scheduler]]; not `[[Scheduler]]`.',
    });
    await api.updateConcept({ id: 'scheduler', label: 'kube-scheduler' });
    const pod = await api.getConcept({ id: 'pod' });
    expect(pod.concept.note).toBe(
      'Scheduled by the [[kube-scheduler]], see [[kube-scheduler|the scheduler]]; not `[[Scheduler]]`.',
    );
    expect(pod.mentions.map((m) => m.id)).toEqual(['scheduler']);
    expect((await api.getConcept({ id: 'scheduler' })).backlinks.map((b) => b.concept.id)).toEqual([
      'pod',
    ]);
    await api.undo({});
    expect((await api.getConcept({ id: 'pod' })).concept.note).toBe(
      'Scheduled by the [[scheduler]], see [[Scheduler|the scheduler]]; not `[[Scheduler]]`.',
    );
  });

  it('does not read an anchor in a Markdown link as a tag', async () => {
    const { api } = freshGraph();
    const saved = await api.saveNote({ id: 'pod', body: 'See [the top](#top) and #real' });
    expect(saved.value.details.concept.tags).toContain('real');
    expect(saved.value.details.concept.tags).not.toContain('top');
  });

  it('refuses to delete a mention link directly', async () => {
    const { api } = freshGraph();
    const saved = await api.saveNote({ id: 'pod', body: '[[etcd]]' });
    const mention = saved.patch.links[0]!;
    await expect(api.deleteLink({ id: mention.id })).rejects.toThrow(
      'This link comes from a [[wikilink]] in the note of “Pod”: edit that note to change it.',
    );
  });

  it('keeps tags from the tag field and from the note apart', async () => {
    const { api } = freshGraph();
    await api.saveNote({ id: 'etcd', body: 'Uses raft. #consensus' });
    const tagged = await api.setTags({ id: 'etcd', tags: ['#Storage', 'kv'] });
    expect(tagged.value.concept.tags.sort()).toEqual(['consensus', 'kv', 'storage']);
    const untagged = await api.saveNote({ id: 'etcd', body: 'No tags here.' });
    expect(untagged.value.details.concept.tags.sort()).toEqual(['kv', 'storage']);
    const { dispatch } = freshGraph();
    const bad = await dispatch('setTags', { id: 'etcd', tags: ['<script>'] });
    expect(bad.ok === false && bad.error.message).toBe(
      '"<script>" is not a tag: use up to 50 letters, digits, -, _ or /.',
    );
  });
});

describe('history', () => {
  it('undoes and redoes in order, and a new change clears what could be redone', async () => {
    const { api } = freshGraph();
    await api.createConcept({ label: 'A', category: 'Security' });
    await api.updateConcept({ id: 'a', label: 'B' });
    expect((await api.undo({})).value?.summary).toBe('Renamed “A” to “B”');
    expect((await api.getConcept({ id: 'a' })).concept.label).toBe('A');
    const redone = await api.redo({});
    expect(redone.value?.summary).toBe('Renamed “A” to “B”');
    expect(redone.history).toMatchObject({ canRedo: false, undoSummary: 'Renamed “A” to “B”' });
    await api.undo({});
    await api.createConcept({ label: 'C', category: 'Security' });
    const { entries, state } = await api.getHistory({});
    expect(entries.map((e) => [e.summary, e.undone])).toEqual([
      ['Created “C”', false],
      ['Created “A”', false],
    ]);
    expect(state.canRedo).toBe(false);
    expect(entries[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('survives a restart: undo after reopening the file', async () => {
    const { api, db, file } = freshGraph();
    await api.createConcept({ label: 'Before restart', category: 'Security' });
    await api.updateConcept({ id: 'before-restart', description: 'changed' });
    db.close();
    const again = connect(file);
    expect((await again.api.getHistory({})).state).toMatchObject({
      canUndo: true,
      undoSummary: 'Edited “Before restart”',
    });
    await again.api.undo({});
    await again.api.undo({});
    await expect(again.api.getConcept({ id: 'before-restart' })).rejects.toThrow(/no concept/);
    expect((await again.api.undo({})).value).toBeNull();
    await again.api.redo({});
    expect((await again.api.getConcept({ id: 'before-restart' })).concept.description).toBe('');
  });

  it('is unlimited', async () => {
    const { api } = freshGraph();
    for (let i = 0; i < 120; i++)
      await api.updateConcept({ id: 'etcd', description: `version ${i}` });
    for (let i = 0; i < 120; i++) await api.undo({});
    expect((await api.getConcept({ id: 'etcd' })).concept.seedState).toBe('pristine');
    expect((await api.undo({})).history.canUndo).toBe(false);
  });
});
