import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../../shared/errors';
import {
  IMPORT_FORMATS,
  importFormatOfFileName,
  type ImportFormat,
} from '../../../shared/import-formats';
import { readCsvGraph } from './csv-reader';
import { readGexf } from './gexf-reader';
import { readGraphml } from './graphml-reader';
import {
  collectGraph,
  importError,
  replayGraph,
  type ImportedGraph,
  type ImportSink,
} from './imported-graph';
import { refuseDeepJson } from './json-depth';
import { parseJsonTree, readCairnJson, readCytoscapeJson } from './json-reader';
import { readMarkdownVault } from './markdown-reader';
import { readTextFile, type TextStreamOptions } from './read-text';

export { importGraph, importStreamed } from './apply-import';

export type { ImportFormat };

/** The format to read `target` as: the one given, or the one its name says; else one sentence. */
export function resolveFormat(target: string, format: ImportFormat | undefined): ImportFormat {
  if (!fs.existsSync(target)) throw new CairnError('not-found', `${target} does not exist.`);
  const chosen = format ?? detectFormat(target);
  if (!chosen) {
    throw new CairnError(
      'invalid-argument',
      `Cairn cannot tell the format of ${path.basename(target)} from its name: give --format (${IMPORT_FORMATS.join(', ')}).`,
    );
  }
  return chosen;
}

/** The format a path most likely holds, from its extension or (for a folder) its files. */
function detectFormat(target: string): ImportFormat | null {
  if (fs.statSync(target).isDirectory()) {
    const names = fs.readdirSync(target).map((n) => n.toLowerCase());
    if (names.includes('nodes.csv') || names.includes('edges.csv')) return 'csv';
    return 'markdown';
  }
  return importFormatOfFileName(path.basename(target));
}

/**
 * Reads a file (or folder) into `sink`, item by item. Nothing is written: see
 * importGraph for that. XML and CSV are parsed as they stream in.
 */
export async function streamImport(
  target: string,
  format: ImportFormat | undefined,
  sink: ImportSink,
  options: TextStreamOptions = {},
): Promise<ImportFormat> {
  const shown = path.basename(target);
  const chosen = resolveFormat(target, format);
  const isFolder = fs.statSync(target).isDirectory();
  if (isFolder && chosen !== 'csv' && chosen !== 'markdown') {
    throw new CairnError(
      'invalid-argument',
      `${shown} is a folder; a ${chosen} import reads a file.`,
    );
  }
  switch (chosen) {
    case 'graphml':
      await readGraphml(target, shown, sink, options);
      return chosen;
    case 'gexf':
      await readGexf(target, shown, sink, options);
      return chosen;
    case 'csv':
      await readCsvGraph(target, sink, options);
      return chosen;
    case 'markdown':
      if (!isFolder)
        throw new CairnError(
          'invalid-argument',
          `${shown} is one note: import the vault's folder instead.`,
        );
      replayGraph(readMarkdownVault(target), sink);
      return chosen;
    case 'json':
    case 'cytoscape': {
      const text = readTextFile(target, shown);
      refuseDeepJson(text, shown);
      const tree = parseJsonTree(text, shown);
      const root = tree.root;
      const isCairn =
        root.type === 'object' &&
        root.children?.some(
          (p) => p.children?.[0]?.value === 'format' && p.children?.[1]?.value === 'cairn-graph',
        );
      if (chosen === 'json' && isCairn) {
        replayGraph(readCairnJson(tree, shown), sink);
        return 'json';
      }
      if (
        chosen === 'json' &&
        root.type === 'object' &&
        root.children?.some((p) => p.children?.[0]?.value === 'format')
      ) {
        throw importError(
          shown,
          1,
          'this JSON is not a Cairn graph (its "format" is not "cairn-graph")',
        );
      }
      replayGraph(readCytoscapeJson(tree, shown), sink);
      return 'cytoscape';
    }
  }
}

/** Reads a file (or folder) whole into an ImportedGraph, for a preview. */
export async function readImport(
  target: string,
  format: ImportFormat | undefined,
  options: TextStreamOptions = {},
): Promise<ImportedGraph> {
  const { graph, sink } = collectGraph('');
  graph.format = await streamImport(target, format, sink, options);
  return graph;
}
