import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FOLDER_MANIFEST, writeFolderAtomically } from '../../src/main/services/export/atomic-file';
import { EDGE_COLUMNS, NODE_COLUMNS } from '../../src/main/services/export/csv';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport, type ExportGraph } from '../../src/main/services/export/export-model';
import { fillHostileGraph } from '../fixtures/hostile-graph';
import { openTempGraph, tempDir } from './helpers';

const READ_WITH_PYTHON = `
import csv, json, sys
out = {}
for name in ("nodes", "edges"):
    with open(sys.argv[1] + "/" + name + ".csv", newline="", encoding="utf-8", errors="strict") as f:
        reader = csv.reader(f, strict=True)
        out[name] = list(reader)
print(json.dumps(out))
`;

function expectedRows(graph: ExportGraph) {
  return {
    nodes: [
      [...NODE_COLUMNS],
      ...graph.concepts.map((c) => [
        c.id,
        c.label,
        graph.categories.find((k) => k.id === c.category)!.label,
        c.description,
        c.origin,
        c.tags.join(' '),
        c.note,
        c.position ? String(c.position.x) : '',
        c.position ? String(c.position.y) : '',
      ]),
    ],
    edges: [
      [...EDGE_COLUMNS],
      ...graph.links.map((l) => [l.source, l.target, l.relation, l.origin, l.kind, l.note ?? '']),
    ],
  };
}

function expectReadersAgree(folder: string, graph: ExportGraph): void {
  const expected = expectedRows(graph);
  const python = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', READ_WITH_PYTHON, folder], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
  expect(python).toEqual(expected);
  for (const name of ['nodes', 'edges'] as const) {
    const text = fs.readFileSync(path.join(folder, `${name}.csv`), 'utf8');
    // csv-parse in strict RFC 4180 terms: CRLF records, no loose quotes, same column count.
    const rows = parse(text, {
      record_delimiter: '\r\n',
      relax_quotes: false,
      relax_column_count: false,
    });
    expect(rows).toEqual(expected[name]);
    expect(text.endsWith('\r\n')).toBe(true);
  }
}

describe('CSV export', () => {
  it('writes nodes.csv and edges.csv that Python csv and csv-parse read back exactly', () => {
    const { db } = openTempGraph();
    db.prepare(
      "INSERT INTO positions (concept, x, y) SELECT key, 12.5, -4 FROM concepts WHERE id = 'etcd'",
    ).run();
    const folder = path.join(tempDir(), 'graph-csv');
    const summary = exportGraph(db, 'csv', folder);
    const graph = readGraphForExport(db);
    expect(summary).toMatchObject({ target: 'folder', concepts: graph.concepts.length });
    expect(fs.readdirSync(folder).sort()).toEqual([FOLDER_MANIFEST, 'edges.csv', 'nodes.csv']);
    expect(fs.readFileSync(path.join(folder, 'nodes.csv'), 'utf8').split('\r\n')[0]).toBe(
      'id,label,category,description,origin,tags,note,x,y',
    );
    expectReadersAgree(folder, graph);
  });

  it('quotes hostile fields (quotes, commas, CR, LF, controls, emoji, 10,000 characters)', () => {
    const { db } = openTempGraph({ empty: true });
    fillHostileGraph(db);
    const folder = path.join(tempDir(), 'nasty');
    exportGraph(db, 'csv', folder);
    expectReadersAgree(folder, readGraphForExport(db));
  });

  it('replaces its own earlier export, and refuses a folder holding anything else', () => {
    const { db } = openTempGraph();
    const folder = path.join(tempDir(), 'out');
    exportGraph(db, 'csv', folder);
    exportGraph(db, 'csv', folder); // an unchanged earlier export is replaced
    fs.writeFileSync(path.join(folder, 'mine.txt'), 'my own file');
    expect(() => exportGraph(db, 'csv', folder)).toThrow(
      `Cannot export to ${folder}: the folder holds "mine.txt", which Cairn did not write; choose a new or empty folder.`,
    );
    expect(fs.readFileSync(path.join(folder, 'mine.txt'), 'utf8')).toBe('my own file');
    fs.rmSync(path.join(folder, 'mine.txt'));
    fs.appendFileSync(path.join(folder, 'nodes.csv'), 'edited,by,hand\r\n');
    expect(() => exportGraph(db, 'csv', folder)).toThrow(
      /holds "nodes.csv", which was changed after Cairn wrote it/,
    );
    expect(fs.readFileSync(path.join(folder, 'nodes.csv'), 'utf8')).toContain('edited,by,hand');
  });

  it('writes into an empty folder, and refuses a non-empty one that Cairn did not write', () => {
    const { db } = openTempGraph();
    const empty = tempDir();
    exportGraph(db, 'csv', empty);
    expect(fs.existsSync(path.join(empty, 'nodes.csv'))).toBe(true);
    const busy = tempDir();
    fs.writeFileSync(path.join(busy, 'thesis.docx'), 'years of work');
    expect(() => exportGraph(db, 'csv', busy)).toThrow(
      /holds "thesis.docx", and it is not a folder Cairn exported to; choose a new or empty folder\.$/,
    );
    expect(fs.readdirSync(busy)).toEqual(['thesis.docx']);
  });

  it('refuses a file given as the folder, and a missing parent folder, writing nothing', () => {
    const { db } = openTempGraph();
    const dir = tempDir();
    const file = path.join(dir, 'graph.csv');
    fs.writeFileSync(file, 'keep me');
    expect(() => exportGraph(db, 'csv', file)).toThrow(
      `Cannot export to ${file}: it is a file, and this format writes a folder; give a folder name.`,
    );
    expect(() => exportGraph(db, 'csv', path.join(dir, 'no', 'out'))).toThrow(
      /the folder .* does not exist/,
    );
    expect(fs.readdirSync(dir)).toEqual(['graph.csv']);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('leaves nothing behind, and an earlier export untouched, when writing fails half-way', () => {
    const dir = tempDir();
    const folder = path.join(dir, 'out');
    const failing = () =>
      writeFolderAtomically(folder, { format: 'csv' }, (put) => {
        put('nodes.csv', 'half');
        throw new Error('disk on fire');
      });
    expect(failing).toThrow(`Cannot write ${folder}: disk on fire.`);
    expect(fs.readdirSync(dir)).toEqual([]);
    const { db } = openTempGraph();
    exportGraph(db, 'csv', folder);
    const before = fs.readFileSync(path.join(folder, 'nodes.csv'), 'utf8');
    expect(failing).toThrow('disk on fire');
    expect(fs.readdirSync(dir)).toEqual(['out']);
    expect(fs.readFileSync(path.join(folder, 'nodes.csv'), 'utf8')).toBe(before);
  });
});
