import { describe, expect, it } from 'vitest';
import { connect, freshGraph } from './helpers';

// Suggested links over a real graph file: the unlinked mentions of a note with "Link it",
// the typed links its sentences state, and dismissals that are remembered and undoable.

const NOTE = 'etcd stores data for the API server. See `etcd` in code, and ETCD again.';

/** The default graph, without its own "etcd stores data for API server" link. */
async function graphWithoutEtcdLink() {
  const graph = freshGraph();
  const link = graph.db
    .prepare(
      `SELECT l.id FROM links l JOIN concepts s ON s.key = l.source JOIN concepts t ON t.key = l.target
       WHERE s.id = 'etcd' AND t.id = 'api-server' AND l.relation = 'stores data for'`,
    )
    .pluck()
    .get() as number;
  await graph.api.deleteLink({ id: link });
  return graph;
}

describe('suggested links', () => {
  it('offers each concept the note names in plain text, and the typed link its sentence states', async () => {
    const { api } = await graphWithoutEtcdLink();
    await api.saveNote({ id: 'pod', body: NOTE });
    const suggestions = await api.getLinkSuggestions({ id: 'pod' });
    expect(suggestions.mentions.map((m) => [m.concept.id, m.text, m.at])).toEqual([
      ['etcd', 'etcd', [0, NOTE.indexOf('ETCD')]],
      ['api-server', 'API server', [NOTE.indexOf('API server')]],
    ]);
    expect(suggestions.mentions[0]!.sentence).toBe('etcd stores data for the API server.');
    expect(suggestions.links).toEqual([
      {
        source: expect.objectContaining({ id: 'etcd' }),
        target: expect.objectContaining({ id: 'api-server' }),
        relation: 'stores data for',
        sentence: 'etcd stores data for the API server.',
      },
    ]);
    expect(suggestions.more).toBe(0);
  });

  it('does not offer a link the graph has, the note’s own concept, or a concept it already [[links]]', async () => {
    const { api } = freshGraph();
    await api.saveNote({ id: 'etcd', body: `${NOTE} [[API server]] is linked.` });
    const suggestions = await api.getLinkSuggestions({ id: 'etcd' });
    expect(suggestions).toEqual({ mentions: [], links: [], more: 0 });
  });

  it('Link it wraps one mention in [[ ]], links it, and undo takes it back whole', async () => {
    const { api } = await graphWithoutEtcdLink();
    await api.saveNote({ id: 'pod', body: NOTE });
    const linked = await api.linkMentions({ id: 'pod', target: 'etcd', at: [0] });
    expect(linked.value.details.concept.note).toBe(NOTE.replace('etcd', '[[etcd]]'));
    expect(linked.value.details.mentions.map((m) => m.id)).toEqual(['etcd']);
    const { entries } = await api.getHistory({ limit: 1 });
    expect(entries[0]!.summary).toBe('Linked a mention of “etcd” in the note of “Pod”');
    // Linked once, the note offers etcd no more; the typed link reads the [[link]] too.
    const after = await api.getLinkSuggestions({ id: 'pod' });
    expect(after.mentions.map((m) => m.concept.id)).toEqual(['api-server']);
    expect(after.links.map((l) => l.relation)).toEqual(['stores data for']);

    await api.undo({});
    const undone = await api.getConcept({ id: 'pod' });
    expect(undone.concept.note).toBe(NOTE);
    expect(undone.mentions).toEqual([]);
  });

  it('Link all keeps the words as written, and names a concept whose words differ', async () => {
    const { api } = freshGraph();
    await api.createConcept({ label: 'Café', category: 'Containers' });
    await api.saveNote({ id: 'pod', body: 'etcd, ETCD and\nthe cafe.' });
    await api.linkMentions({ id: 'pod', target: 'etcd' });
    const cafe = (await api.getLinkSuggestions({ id: 'pod' })).mentions[0]!;
    const saved = await api.linkMentions({ id: 'pod', target: cafe.concept.id, at: cafe.at });
    expect(saved.value.details.concept.note).toBe('[[etcd]], [[ETCD]] and\nthe [[Café|cafe]].');
    expect((await api.getHistory({ limit: 2 })).entries[1]!.summary).toBe(
      'Linked 2 mentions of “etcd” in the note of “Pod”',
    );
  });

  it('refuses, in one sentence, a mention that is no longer where the suggestion said', async () => {
    const { api } = freshGraph();
    await api.saveNote({ id: 'pod', body: 'etcd' });
    await api.saveNote({ id: 'pod', body: 'Now `etcd` is code.' });
    await expect(api.linkMentions({ id: 'pod', target: 'etcd', at: [0] })).rejects.toThrow(
      'The note of “Pod” no longer names “etcd” there: it changed since the suggestion was made.',
    );
    expect((await api.getConcept({ id: 'pod' })).concept.note).toBe('Now `etcd` is code.');
  });

  it('remembers a dismissal in the file, and undo brings the suggestion back', async () => {
    const { api, file } = await graphWithoutEtcdLink();
    await api.saveNote({ id: 'pod', body: NOTE });
    await api.dismissSuggestion({ source: 'pod', target: 'etcd', relation: 'mentions' });
    await api.dismissSuggestion({
      source: 'etcd',
      target: 'api-server',
      relation: 'stores data for',
    });
    expect((await api.getHistory({ limit: 1 })).entries[0]!.summary).toBe(
      'Dismissed the suggested link “etcd” stores data for “API server”',
    );
    const again = connect(file).api;
    const after = await again.getLinkSuggestions({ id: 'pod' });
    expect(after.mentions.map((m) => m.concept.id)).toEqual(['api-server']);
    expect(after.links).toEqual([]);
    // A dismissed typed link is not offered by any other note either.
    await again.saveNote({ id: 'node', body: 'etcd stores data for the API server.' });
    expect((await again.getLinkSuggestions({ id: 'node' })).links).toEqual([]);

    await again.undo({}); // the note of Node
    await again.undo({}); // the dismissed link
    expect((await again.getLinkSuggestions({ id: 'pod' })).links).toHaveLength(1);
  });

  it('a concept deleted and restored brings its dismissals back', async () => {
    const { api } = freshGraph();
    await api.saveNote({ id: 'pod', body: 'etcd here.' });
    await api.dismissSuggestion({ source: 'pod', target: 'etcd', relation: 'mentions' });
    await api.deleteConcept({ id: 'etcd' });
    await api.undo({});
    expect((await api.getLinkSuggestions({ id: 'pod' })).mentions).toEqual([]);
  });

  it('follows renames and new concepts, and takes any name, Object.prototype’s too', async () => {
    const { api } = freshGraph();
    await api.saveNote({ id: 'pod', body: 'The constructor and __proto__ meet the Pod Runner.' });
    expect((await api.getLinkSuggestions({ id: 'pod' })).mentions).toEqual([]);
    for (const label of ['constructor', '__proto__']) {
      await api.createConcept({ label, category: 'Containers' });
    }
    await api.updateConcept({ id: 'node', label: 'Pod Runner' });
    const names = (await api.getLinkSuggestions({ id: 'pod' })).mentions.map(
      (m) => m.concept.label,
    );
    expect(names).toEqual(['constructor', '__proto__', 'Pod Runner']);
  });
});
