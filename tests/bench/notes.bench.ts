import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, bench, describe } from 'vitest';
import { openGraph } from '../../src/main/open-graph';
import { Editor } from '../../src/main/services/editing/editor';
import { GraphReader } from '../../src/main/services/graph-reader';
import { noteReferences } from '../../src/shared/note-references';
import { createHandlers } from '../../src/main/services';
import { VocabularyCache } from '../../src/main/services/suggestions/link-suggestions';
import { MentionLexicon } from '../../src/shared/mention-lexicon';
import { scanNote } from '../../src/shared/note-mentions';
import { syntheticGraph } from './synthetic-graph';

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

// Suggested links read the note against every concept's name (a trie of their folded
// words, built once per version of the graph) and the typed relations. At 100,000
// concepts whose labels share a few dozen words ("pod node 17"), on a note of 100,000
// characters that names a concept every few words. Baseline: parsing the same note for
// its [[wikilinks]], which saving it does anyway.
const big = syntheticGraph(100_000, 250_000);
const bigHandlers = createHandlers(big.db, {
  version: 'bench',
  databasePath: big.file,
  graphName: 'bench.sqlite',
  mode: 'browser',
  readOnly: false,
});
const labels = big.db.prepare('SELECT label FROM concepts LIMIT 2000').pluck().all() as string[];
const NAMING = (() => {
  let text = '';
  for (let i = 0; text.length < 100_000; i++) {
    text += `The ${labels[i % labels.length]} stores data for the ${labels[(i * 7) % labels.length]}, `;
    text += 'and `code` with [[c1]] sits beside plain words. ';
  }
  return text.slice(0, 100_000);
})();
const vocabulary = new VocabularyCache(big.db);
big.db.prepare('INSERT INTO notes (concept, body) VALUES (1, ?)').run(NAMING);
afterAll(() => big.cleanup());

describe('suggested links at 100,000 concepts, a 100,000-character note', () => {
  bench('baseline: parse the note for its [[wikilinks]]', () => void noteReferences(NAMING));
  bench('build the names of 100,000 concepts (once per graph version)', () => {
    const rows = big.db.prepare('SELECT key, label FROM concepts').all() as {
      key: number;
      label: string;
    }[];
    void new MentionLexicon(rows);
  });
  bench('find the mentions and relation sentences in the note', () => {
    void scanNote(NAMING, vocabulary.current().lexicon, () => null);
  });
  bench('getLinkSuggestions, names already built', () => {
    void bigHandlers.getLinkSuggestions({ id: 'c0' });
  });
});
