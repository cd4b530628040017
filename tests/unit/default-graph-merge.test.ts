import path from 'node:path';
import { TimeMachine } from '../../src/main/services/time-travel/time-machine';
import { describe, expect, it } from 'vitest';
import { Editor } from '../../src/main/services/editing/editor';
import { GraphReader } from '../../src/main/services/graph-reader';
import { mergeDefaultGraph } from '../../src/main/seed/merge-default-graph';
import { readDefaultGraph } from '../../src/main/seed/load-default-graph';
import { openGraph } from '../../src/main/open-graph';
import { openTempGraph, REPO_ROOT, track } from './helpers';

const shipped = readDefaultGraph(path.join(REPO_ROOT, 'data', 'default-graph.json'));

describe('merging a newer default graph', () => {
  it('updates what the user never touched, keeps what they changed, and brings in what is new', () => {
    const { db } = openTempGraph();
    const editor = new Editor(db, new GraphReader(db));
    editor.updateConcept({ id: 'pod', description: 'My own description of pods.' });
    editor.deleteConcept('zipkin');
    editor.saveNote('etcd', 'My note on etcd.');
    editor.createConcept({ label: 'Istio', category: 'Service mesh & load balancing' });

    const newer = structuredClone(shipped);
    const find = (id: string) => newer.concepts.find((c) => c.id === id)!;
    find('etcd').description =
      'A newer, better description of etcd, the key-value store of Kubernetes.';
    find('pod').description =
      'A newer shipped description of Pod that the user must not lose theirs to.';
    find('zipkin').description = 'Changed upstream, but the user deleted it.';
    newer.concepts.push(
      {
        id: 'helm',
        label: 'Helm',
        category: 'kubernetes-control-plane',
        description: 'The package manager for Kubernetes applications.',
        section: 'Kubernetes',
      },
      {
        id: 'istio',
        label: 'Istio',
        category: 'service-mesh',
        description: 'A service mesh shipped upstream.',
        section: 'Cloud Native',
      },
    );
    newer.links.push({
      source: 'helm',
      target: 'api-server',
      relation: 'communicates with',
      section: 'Kubernetes',
    });
    const dropped = newer.links.findIndex((l) => l.source === 'pod' && l.relation === 'runs on');
    newer.links.splice(dropped, 1);

    const report = mergeDefaultGraph(db, newer, 'newer');
    expect(report).toEqual({
      added: 1,
      updated: 1,
      keptUserEdits: 1,
      linksAdded: 1,
      linksRemoved: 1,
      categoriesUpdated: 0,
    });
    // It writes no row images: time travel is told, to say so for the moments before it.
    expect(db.prepare('SELECT kind, count FROM history_gaps').all()).toEqual([
      { kind: 'default-graph', count: 4 },
    ]);
    expect(new TimeMachine(db).travelTo(0).caveats).toContainEqual(
      expect.stringMatching(
        /^The default graph was updated on .+ without a record of each change: the 4 rows it changed show as they are now\.$/,
      ),
    );
    const reader = new GraphReader(db);
    const etcd = reader.concept('etcd');
    expect(etcd.concept.description).toBe(find('etcd').description);
    expect(etcd.concept.note).toBe('My note on etcd.');
    expect(etcd.concept.seedState).toBe('pristine');
    const pod = reader.concept('pod');
    expect(pod.concept.description).toBe('My own description of pods.');
    expect(pod.concept.seedState).toBe('edited');
    expect(pod.outgoing.some((l) => l.link.relation === 'runs on')).toBe(false);
    expect(() => reader.concept('zipkin')).toThrow(/no concept/);
    expect(reader.concept('helm').outgoing.map((l) => l.other.id)).toEqual(['api-server']);
    // The user's own Istio stays theirs; the shipped one does not replace it.
    expect(reader.concept('istio').concept.origin).toBe('user');
    // Restore original now means the newer shipped text.
    editor.restoreOriginal('pod');
    expect(reader.concept('pod').concept.description).toBe(find('pod').description);
  });

  it('changes nothing when the default graph is the same', () => {
    const { db } = openTempGraph();
    const report = mergeDefaultGraph(db, shipped, 'same');
    expect(report).toEqual({
      added: 0,
      updated: 0,
      keptUserEdits: 0,
      linksAdded: 0,
      linksRemoved: 0,
      categoriesUpdated: 0,
    });
    expect(db.prepare('SELECT count(*) FROM history_gaps').pluck().get()).toBe(0);
  });

  it('recolours the categories whose colour the user never changed, and keeps the ones they set', () => {
    const { db } = openTempGraph();
    const editor = new Editor(db, new GraphReader(db));
    editor.setCategoryStyle({ id: 'security', color: '#123456' });
    editor.setCategoryStyle({ id: 'career', shape: 'diamond' });
    editor.createConcept({ label: 'Mine', category: 'My own category' });
    const mine = db
      .prepare("SELECT id, color FROM categories WHERE label = 'My own category'")
      .get() as {
      id: string;
      color: string;
    };

    const newer = structuredClone(shipped);
    for (const c of newer.categories) c.color = '#0a0b0c';
    newer.categories.push({ id: 'wasm', label: 'WebAssembly', color: '#0d0e0f' });
    const report = mergeDefaultGraph(db, newer, 'newer');
    expect(report.categoriesUpdated).toBe(shipped.categories.length - 1);

    const style = db.prepare('SELECT color, shape FROM categories WHERE id = ?');
    expect(style.get('security')).toEqual({ color: '#123456', shape: 'ellipse' });
    // Changing the shape only is not changing the colour: it takes the new one and keeps the shape.
    expect(style.get('career')).toEqual({ color: '#0a0b0c', shape: 'diamond' });
    expect(style.get('storage')).toEqual({ color: '#0a0b0c', shape: 'ellipse' });
    expect(style.get('wasm')).toEqual({ color: '#0d0e0f', shape: 'ellipse' });
    expect(style.get(mine.id)).toEqual({ color: mine.color, shape: 'ellipse' });

    // The shipped copy moved on: the next newer graph recolours storage again, security still not.
    const newest = structuredClone(newer);
    for (const c of newest.categories) c.color = '#fafafa';
    expect(mergeDefaultGraph(db, newest, 'newest').categoriesUpdated).toBe(
      newest.categories.length - 1,
    );
    expect(style.get('storage')).toEqual({ color: '#fafafa', shape: 'ellipse' });
    expect(style.get('security')).toEqual({ color: '#123456', shape: 'ellipse' });
  });

  it('gives an old file the new default colours when it opens', () => {
    const { db, file } = openTempGraph();
    // As a file made before this palette: the old colours, shipped and current.
    db.prepare("UPDATE categories SET color = '#4e79a7' WHERE id = 'containers'").run();
    db.prepare("UPDATE seed_categories SET color = '#4e79a7' WHERE id = 'containers'").run();
    db.prepare("UPDATE categories SET color = '#e15759' WHERE id = 'security'").run();
    db.prepare("UPDATE seed_info SET value = 'older' WHERE key = 'fingerprint'").run();
    db.close();
    const reopened = track(openGraph(file).db);
    const colour = reopened.prepare('SELECT color FROM categories WHERE id = ?').pluck();
    const shippedColour = (id: string) => shipped.categories.find((c) => c.id === id)!.color;
    expect(colour.get('containers')).toBe(shippedColour('containers'));
    // Security's colour differed from its shipped copy: the user's, so it stays.
    expect(colour.get('security')).toBe('#e15759');
  });
});
