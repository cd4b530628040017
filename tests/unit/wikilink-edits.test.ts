import { describe, expect, it } from 'vitest';
import { freshGraph } from './helpers';

// How [[wikilinks]] follow the concepts they name through create, rename and restore.
describe('wikilinks follow their concepts', () => {
  it('links `[[ Pod ]]`, with spaces inside the brackets, on create and on rename', async () => {
    const { api } = freshGraph();
    await api.saveNote({ id: 'etcd', body: 'Talks to [[ Sidecar pattern ]] and [[ Pod ]].' });
    await api.createConcept({ label: 'Sidecar pattern', category: 'Containers' });
    expect((await api.getConcept({ id: 'etcd' })).mentions.map((m) => m.id).sort()).toEqual([
      'pod',
      'sidecar-pattern',
    ]);
    await api.updateConcept({ id: 'pod', label: 'Pods' });
    const etcd = await api.getConcept({ id: 'etcd' });
    expect(etcd.concept.note).toBe('Talks to [[ Sidecar pattern ]] and [[Pods]].');
    expect(etcd.mentions.map((m) => m.id)).toContain('pod');
  });

  it('compares labels over all of Unicode: [[über]] links to Über, and über is a duplicate', async () => {
    const { api } = freshGraph();
    await api.createConcept({ label: 'Über', category: 'Containers' });
    const saved = await api.saveNote({ id: 'etcd', body: 'See [[über]] and [[ÜBER]].' });
    expect(saved.value.unresolved).toEqual([]);
    expect(saved.value.details.mentions.map((m) => m.label)).toEqual(['Über']);
    await expect(api.createConcept({ label: 'über', category: 'Containers' })).rejects.toThrow(
      'A concept named “Über” already exists.',
    );
    await expect(api.updateConcept({ id: 'pod', label: 'ÜBER' })).rejects.toThrow(
      'A concept named “Über” already exists.',
    );
  });

  it('a note naming a concept only in a code block or an indented block draws no link', async () => {
    const { api } = freshGraph();
    const saved = await api.saveNote({
      id: 'etcd',
      body: 'Text\n\n    [[Pod]] in indented code\n\n`` a [[Node]] ` b ``',
    });
    expect(saved.value.details.mentions).toEqual([]);
    expect(saved.value.unresolved).toEqual([]);
  });

  it('Restore original renames back as a rename does: notes follow and keep their link', async () => {
    const { api } = freshGraph();
    await api.updateConcept({ id: 'pod', label: 'Pods' });
    await api.saveNote({ id: 'etcd', body: 'Runs beside [[Pods]].' });
    const restored = await api.restoreOriginal({ id: 'pod' });
    expect(restored.value.concept.label).toBe('Pod');
    const etcd = await api.getConcept({ id: 'etcd' });
    expect(etcd.concept.note).toBe('Runs beside [[Pod]].');
    expect(etcd.mentions.map((m) => m.id)).toEqual(['pod']);
    // Saving the note again keeps the link: it names the concept's label now.
    const saved = await api.saveNote({ id: 'etcd', body: etcd.concept.note + ' Again.' });
    expect(saved.value.details.mentions.map((m) => m.id)).toEqual(['pod']);
  });
});
