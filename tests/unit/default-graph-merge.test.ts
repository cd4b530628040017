import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Editor } from '../../src/main/services/editing/editor';
import { GraphReader } from '../../src/main/services/graph-reader';
import { mergeDefaultGraph } from '../../src/main/seed/merge-default-graph';
import { readDefaultGraph } from '../../src/main/seed/load-default-graph';
import { openTempGraph, REPO_ROOT } from './helpers';

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
    });
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
    });
  });
});
