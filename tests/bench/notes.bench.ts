import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, bench, describe } from 'vitest';
import { openGraph } from '../../src/main/open-graph';
import { Editor } from '../../src/main/services/editing/editor';
import { GraphReader } from '../../src/main/services/graph-reader';
import { noteReferences } from '../../src/shared/note-references';

// Saving a note parses it once (markdown-it) for its [[wikilinks]] and #tags. The
// pathological note of issue 12 (a million characters of "`a` #t ") took 67 s when code
// spans were found by a quadratic scan; it must cost about what a plain note of the
// same length costs. The baseline is that plain note, measured in the same run.
const LENGTH = 1_000_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
const NOTES = {
  plain: repeat('Pods run on nodes and etcd stores data for the API server. '),
  codeAndTags: repeat('`a` #t '),
  wikilinks: repeat('[[Pod]] '),
  brackets: '['.repeat(LENGTH / 2) + ']'.repeat(LENGTH / 2),
  quotes: repeat('> '),
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-bench-notes-'));
const { db } = openGraph(path.join(dir, 'graph.sqlite'));
const editor = new Editor(db, new GraphReader(db));
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('parse a 1,000,000-character note', () => {
  bench('baseline: plain prose', () => void noteReferences(NOTES.plain));
  bench('"`a` #t " repeated (code spans and tags)', () => void noteReferences(NOTES.codeAndTags));
  bench('"[[Pod]] " repeated', () => void noteReferences(NOTES.wikilinks));
  bench('500,000 "[" then 500,000 "]"', () => void noteReferences(NOTES.brackets));
  bench('"> " repeated (nested quotes)', () => void noteReferences(NOTES.quotes));
});

describe('save a 1,000,000-character note (parse, links, tags, history)', () => {
  bench('baseline: plain prose', () => void editor.saveNote('etcd', NOTES.plain), {
    iterations: 3,
  });
  bench('"`a` #t " repeated', () => void editor.saveNote('etcd', NOTES.codeAndTags), {
    iterations: 3,
  });
});
