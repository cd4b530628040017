import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportGraph } from '../../src/main/services/export/export';
import { isExportFormat, unknownExportFormat } from '../../src/shared/export-formats';
import { readGraphForExport } from '../../src/main/services/export/export-model';
import { importGraph, readImport } from '../../src/main/services/import';
import { openTempGraph, REPO_ROOT, tempDir } from './helpers';

describe('export scope', () => {
  it('keeps the given concepts and only the links between two kept concepts', () => {
    const { db } = openTempGraph();
    const whole = readGraphForExport(db);
    const ids = ['etcd', 'api-server', 'pod', 'no-such-concept'];
    const part = readGraphForExport(db, { conceptIds: ids });
    expect(part.concepts.map((c) => c.id).sort()).toEqual(['api-server', 'etcd', 'pod']);
    expect(part.concepts).toEqual(whole.concepts.filter((c) => ids.includes(c.id)));
    const expectedLinks = whole.links.filter(
      (l) => ids.includes(l.source) && ids.includes(l.target),
    );
    expect(expectedLinks.length).toBeGreaterThan(0);
    expect(part.links).toEqual(expectedLinks);
    expect(part.categories).toEqual(whole.categories);
  });

  it('reads a scope through the indexes with the same result, attributes and all', async () => {
    const { db } = openTempGraph({ empty: true });
    const file = path.join(REPO_ROOT, 'tests', 'fixtures', 'import', 'gephi-attributes.graphml');
    importGraph(db, await readImport(file, undefined), 'gephi-attributes.graphml');
    const whole = readGraphForExport(db);
    const ids = whole.concepts.slice(0, 3).map((c) => c.id);
    // An id twice, and one that is not there, change nothing.
    const part = readGraphForExport(db, { conceptIds: [...ids, ids[0]!, 'none'] });
    expect(part.concepts).toEqual(whole.concepts.filter((c) => ids.includes(c.id)));
    expect(part.concepts.some((c) => c.attributes)).toBe(true);
    const links = whole.links.filter((l) => ids.includes(l.source) && ids.includes(l.target));
    expect(links.some((l) => l.attributes)).toBe(true);
    expect(part.links).toEqual(links);
  });

  it('exports nothing but the categories for an empty scope', () => {
    const { db } = openTempGraph();
    expect(readGraphForExport(db, { conceptIds: [] })).toMatchObject({ concepts: [], links: [] });
  });

  it('is applied by exportGraph', () => {
    const { db } = openTempGraph();
    const file = path.join(tempDir(), 'part.json');
    const summary = exportGraph(db, 'json', file, { conceptIds: ['etcd', 'api-server'] });
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.concepts.map((c: { id: string }) => c.id).sort()).toEqual(['api-server', 'etcd']);
    expect(summary).toMatchObject({ concepts: 2, links: doc.links.length });
    for (const link of doc.links) expect(['etcd', 'api-server']).toContain(link.source);
  });
});

describe('export formats and bad input', () => {
  it('lists every format once, from one registry', () => {
    expect(EXPORT_FORMATS).toEqual([
      'json',
      'graphml',
      'gexf',
      'gexf-1.3',
      'csv',
      'cytoscape',
      'dot',
      'mermaid',
      'markdown',
    ]);
  });

  it('knows a format only by its own name, never by a name on Object.prototype', () => {
    expect(EXPORT_FORMATS.filter(isExportFormat)).toEqual(EXPORT_FORMATS);
    for (const name of ['xlsx', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(isExportFormat(name)).toBe(false);
    }
    expect(unknownExportFormat('xlsx')).toBe(
      `Unknown export format "xlsx": use one of ${EXPORT_FORMATS.join(', ')}.`,
    );
  });

  it.each(EXPORT_FORMATS.filter((f) => f !== 'csv' && f !== 'markdown'))(
    'refuses a folder given as the file for %s, leaving it as it was',
    (format) => {
      const { db } = openTempGraph();
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'keep.txt'), 'mine');
      expect(() => exportGraph(db, format, dir)).toThrow(
        `Cannot write ${dir}: it is a folder, and this format writes one file; give a file name.`,
      );
      expect(fs.readdirSync(dir)).toEqual(['keep.txt']);
    },
  );

  it.each(EXPORT_FORMATS)('refuses a missing parent folder for %s, writing nothing', (format) => {
    const { db } = openTempGraph();
    const dir = tempDir();
    expect(() => exportGraph(db, format, path.join(dir, 'missing', 'out'))).toThrow(
      `Cannot write ${path.join(dir, 'missing', 'out')}: the folder ${path.join(dir, 'missing')} does not exist.`,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each(EXPORT_FORMATS)(
    'refuses a path that runs through a file for %s, in one sentence',
    (format) => {
      const { db } = openTempGraph();
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'file'), 'mine');
      const out = path.join(dir, 'file', 'out');
      expect(() => exportGraph(db, format, out)).toThrow(
        `Cannot write ${out}: part of the path is a file, not a folder.`,
      );
      expect(fs.readdirSync(dir)).toEqual(['file']);
      expect(fs.readFileSync(path.join(dir, 'file'), 'utf8')).toBe('mine');
    },
  );
});
