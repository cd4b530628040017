import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FOLDER_MANIFEST } from '../../src/main/services/export/atomic-file';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport, type ExportGraph } from '../../src/main/services/export/export-model';
import { fillHostileGraph, HOSTILE_CONCEPTS } from '../fixtures/hostile-graph';
import { openTempGraph, tempDir } from './helpers';

const WIKILINK = /\[\[([^[\]|#^]+)(?:#[^[\]|]*)?(?:\|([^[\]]*))?\]\]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_NAME = /[<>:"/\\|?*[\]#^\u0000-\u001F\u007F-\u009F]/u;
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;

interface VaultNote {
  folder: string;
  name: string;
  front: Record<string, unknown>;
  body: string;
}

/** Reads the vault as Obsidian would: every .md file, its YAML front matter and its wikilinks. */
function readVault(root: string): VaultNote[] {
  const notes: VaultNote[] = [];
  for (const folder of fs.readdirSync(root)) {
    if (folder.startsWith('.')) continue; // the manifest, and Obsidian's own .obsidian folder
    for (const file of fs.readdirSync(path.join(root, folder))) {
      expect(file.endsWith('.md')).toBe(true);
      const text = fs.readFileSync(path.join(root, folder, file), 'utf8');
      const match = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text);
      expect(match, file).not.toBeNull();
      notes.push({
        folder,
        name: file.slice(0, -3),
        front: parseYaml(match![1]!) as Record<string, unknown>,
        body: match![2]!,
      });
    }
  }
  return notes;
}

function expectSafeName(name: string) {
  expect(name).not.toMatch(UNSAFE_IN_NAME);
  expect(name).not.toMatch(/^[.\s]|[.\s]$/);
  expect(name.split('.')[0]!.trimEnd()).not.toMatch(RESERVED);
  expect(Array.from(name).length).toBeLessThanOrEqual(120);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

function expectVault(root: string, graph: ExportGraph) {
  const notes = readVault(root);
  expect(notes).toHaveLength(graph.concepts.length);
  const names = new Set(notes.map((n) => n.name));
  const lower = new Set(notes.map((n) => n.name.toLowerCase()));
  expect(lower.size).toBe(notes.length); // unique even on a case-insensitive file system
  const folders = fs.readdirSync(root).filter((f) => f !== FOLDER_MANIFEST);
  for (const name of [...names, ...folders]) expectSafeName(name);

  const byId = new Map(notes.map((n) => [n.front.id as string, n]));
  const categoryLabel = new Map(graph.categories.map((c) => [c.id, c.label]));
  for (const concept of graph.concepts) {
    const note = byId.get(concept.id)!;
    expect(note, concept.id).toBeDefined();
    expect(note.front).toEqual({
      id: concept.id,
      category: graph.categories.find((k) => k.id === concept.category)!.label,
      origin: concept.origin,
      tags: concept.tags,
      aliases: [concept.label],
    });
    expect(categoryLabel.has(concept.category)).toBe(true);
    if (concept.description) expect(unescapeMarkdown(note.body)).toContain(concept.description);

    // Every outgoing link is listed, as "- relation [[File|Label]]" pointing at the target's file.
    const links = note.body.split('## Links\n\n')[1]?.split('\n\n## ')[0] ?? '';
    const listed = links
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((line) => {
        const [whole, file] = [...line.matchAll(WIKILINK)][0]!;
        return { relation: unescapeMarkdown(line.slice(2, line.indexOf(whole!) - 1)), file: file! };
      });
    const expected = graph.links
      .filter((l) => l.source === concept.id)
      .map((l) => ({ relation: oneLine(l.relation), file: byId.get(l.target)!.name }));
    expect(listed.sort((a, b) => (a.relation + a.file).localeCompare(b.relation + b.file))).toEqual(
      expected.sort((a, b) => (a.relation + a.file).localeCompare(b.relation + b.file)),
    );
  }
  // Every wikilink Cairn wrote resolves to a file in the vault (mentions of unknown names excepted).
  const labels = new Set(graph.concepts.map((c) => c.label.toLowerCase()));
  for (const note of notes) {
    for (const [, target] of note.body.matchAll(WIKILINK)) {
      if (names.has(target!)) continue;
      expect(labels.has(target!.toLowerCase()), `[[${target}]] in ${note.name}`).toBe(false);
    }
  }
  return notes;
}

describe('Markdown vault export', () => {
  it('writes one note per concept, in a folder per category, with resolving wikilinks', () => {
    const { db } = openTempGraph();
    const root = path.join(tempDir(), 'vault');
    const summary = exportGraph(db, 'markdown', root);
    const graph = readGraphForExport(db);
    expect(summary).toMatchObject({ target: 'folder', concepts: graph.concepts.length });
    const notes = expectVault(root, graph);
    const folders = new Set(notes.map((n) => n.folder));
    const used = new Set(graph.concepts.map((c) => c.category));
    expect(folders.size).toBe(used.size);
    const etcd = notes.find((n) => n.front.id === 'etcd')!;
    expect(etcd.body).toMatch(/^- stores data for \[\[API server(\|[^\]]+)?\]\]$/m);
    expect(etcd.body).toContain('## Linked from');
  });

  it('keeps hostile labels, notes and relations safe and every wikilink resolving', () => {
    const { db } = openTempGraph({ empty: true });
    fillHostileGraph(db);
    const root = path.join(tempDir(), 'vault');
    exportGraph(db, 'markdown', root);
    const notes = expectVault(root, readGraphForExport(db));
    const byId = new Map(notes.map((n) => [n.front.id, n]));
    expect(byId.get('c"d\\')!.name).toBe('CON_');
    expect(byId.get('e0')!.name).toBe('Con_ 2'); // "Con." is "Con_" too, case-insensitively
    expect(byId.get('long')!.name).toBe('L'.repeat(120));
    expect(byId.get('dot')!.name).toBe('hidden');
    // Mentions in a note are rewritten to the file they name; unknown names are left alone.
    const note = byId.get('a&b')!.body;
    // ("[[a]]b|c#d^e]]" cannot name that concept in any wikilink: it is a link to "a".)
    expect(note).toContain('See [[CON_|con]] and [[a]]b|c#d^e]] and [[Nowhere]].');
    // Markup in the plain-text description is escaped, so Obsidian shows it rather than running it.
    const description = note.split('\n## ')[0]!;
    expect(description).toContain('\\<script\\>alert("x")\\</script\\>');
    expect(description).not.toMatch(/(^|[^\\])[<[\]#|]/);
    expect(HOSTILE_CONCEPTS.length).toBe(notes.length);
  });

  it('replaces its own earlier vault, carrying over Obsidian settings, and never a changed note', () => {
    const { db } = openTempGraph();
    const root = path.join(tempDir(), 'vault');
    exportGraph(db, 'markdown', root);
    fs.mkdirSync(path.join(root, '.obsidian'));
    fs.writeFileSync(path.join(root, '.obsidian', 'app.json'), '{"theme":"dark"}');
    db.prepare("UPDATE concepts SET description = 'changed' WHERE id = 'etcd'").run();
    exportGraph(db, 'markdown', root);
    expect(fs.readFileSync(path.join(root, '.obsidian', 'app.json'), 'utf8')).toBe(
      '{"theme":"dark"}',
    );
    const etcd = readVault(root).find((n) => n.front.id === 'etcd')!;
    expect(etcd.body).toContain('changed');
    const file = path.join(root, etcd.folder, `${etcd.name}.md`);
    fs.appendFileSync(file, '\nMy own thoughts.\n');
    expect(() => exportGraph(db, 'markdown', root)).toThrow(
      /which was changed after Cairn wrote it; choose a new or empty folder\.$/,
    );
    expect(fs.readFileSync(file, 'utf8')).toContain('My own thoughts.');
    expect(fs.existsSync(path.join(root, '.obsidian', 'app.json'))).toBe(true);
  });
});
