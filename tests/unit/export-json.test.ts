import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/main/services/export/export';
import { readGraphForExport } from '../../src/main/services/export/export-model';
import { openTempGraph, tempDir } from './helpers';

describe('Cairn JSON export', () => {
  it('writes a versioned document with every concept, link, note, tag and position', () => {
    const { db } = openTempGraph();
    db.prepare(
      "INSERT INTO notes (concept, body) SELECT key, ? FROM concepts WHERE id = 'etcd'",
    ).run('# etcd\nRaft *consensus*');
    db.prepare(
      "INSERT INTO positions (concept, x, y) SELECT key, 12.5, -4 FROM concepts WHERE id = 'etcd'",
    ).run();
    const file = path.join(tempDir(), 'graph.json');
    exportGraph(db, 'json', file);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    const expected = readGraphForExport(db);
    expect(doc.format).toBe('cairn-graph');
    expect(doc.version).toBe(1);
    expect(doc.categories).toEqual(expected.categories);
    expect(doc.concepts).toEqual(expected.concepts);
    expect(doc.links).toEqual(expected.links);
    const etcd = doc.concepts.find((c: { id: string }) => c.id === 'etcd');
    expect(etcd).toMatchObject({
      note: '# etcd\nRaft *consensus*',
      position: { x: 12.5, y: -4 },
      origin: 'seed',
    });
  });
});
