import type { Database } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import { writeFileAtomically, writeFolderAtomically } from './atomic-file';
import { writeCsvFolder } from './csv';
import { writeCytoscapeJson } from './cyjs';
import { writeDot } from './dot';
import { readGraphForExport, type ExportGraph, type ExportScope } from './export-model';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { writeCairnJson } from './json';
import { writeMarkdownVault } from './markdown-vault';
import { writeMermaid } from './mermaid';

/** A single-file format: writes its text in pieces. Pure: no file system access. */
export type FileWriter = (graph: ExportGraph, emit: (chunk: string) => void) => void;
/** A folder format: hands over each file by its `/`-separated path in the folder. Pure too. */
export type FolderWriter = (
  graph: ExportGraph,
  put: (relativePath: string, content: string) => void,
) => void;

export type ExportFormatSpec =
  | { target: 'file'; extension: string; summary: string; write: FileWriter }
  | { target: 'folder'; summary: string; write: FolderWriter; keep?: readonly string[] };

/**
 * Every export format, in the order the CLI help, the error message and the docs list them.
 * Adding a format here is all it takes to offer it everywhere.
 */
const FORMATS = {
  json: {
    target: 'file',
    extension: 'json',
    summary: "Cairn's own, lossless",
    write: writeCairnJson,
  },
  graphml: {
    target: 'file',
    extension: 'graphml',
    summary: 'GraphML for networkx, Gephi, yEd, Cytoscape',
    write: writeGraphml,
  },
  gexf: {
    target: 'file',
    extension: 'gexf',
    summary: 'GEXF 1.3 for Gephi (and networkx 3.6 or later)',
    write: (graph, emit) => writeGexf(graph, emit, '1.3'),
  },
  'gexf-1.2': {
    target: 'file',
    extension: 'gexf',
    summary: 'GEXF 1.2draft, for networkx before 3.6',
    write: (graph, emit) => writeGexf(graph, emit, '1.2'),
  },
  csv: {
    target: 'folder',
    summary: 'a folder with nodes.csv and edges.csv',
    write: writeCsvFolder,
  },
  cytoscape: {
    target: 'file',
    extension: 'cyjs',
    summary: 'Cytoscape.js JSON (also Cytoscape desktop)',
    write: writeCytoscapeJson,
  },
  dot: { target: 'file', extension: 'dot', summary: 'Graphviz DOT', write: writeDot },
  mermaid: {
    target: 'file',
    extension: 'mmd',
    summary: 'a Mermaid flowchart',
    write: writeMermaid,
  },
  markdown: {
    target: 'folder',
    summary: 'an Obsidian vault: a folder with one note per concept',
    write: writeMarkdownVault,
    // Obsidian keeps its settings for a vault there; a new export carries it over.
    keep: ['.obsidian'],
  },
} satisfies Record<string, ExportFormatSpec>;

export type ExportFormat = keyof typeof FORMATS;
export const EXPORT_FORMATS = Object.keys(FORMATS) as ExportFormat[];

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(FORMATS, name);
}

export function exportFormatSpec(format: ExportFormat): ExportFormatSpec {
  return FORMATS[format];
}

export interface ExportSummary {
  format: ExportFormat;
  /** The file or folder written, as given. */
  file: string;
  target: 'file' | 'folder';
  concepts: number;
  links: number;
}

/**
 * Writes the graph, or the part of it in `scope`, to `out`: a file, or for csv and markdown
 * a folder. Nothing is left half-written if it fails; an existing folder is replaced only
 * if it is empty or an unchanged earlier Cairn export.
 */
export function exportGraph(
  db: Database,
  format: string,
  out: string,
  scope?: ExportScope,
): ExportSummary {
  if (!isExportFormat(format)) {
    throw new CairnError(
      'invalid-argument',
      `Unknown export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.`,
    );
  }
  if (out.trim() === '') {
    throw new CairnError('invalid-argument', 'The export needs a file or folder to write to.');
  }
  const graph = readGraphForExport(db, scope);
  const spec: ExportFormatSpec = FORMATS[format];
  if (spec.target === 'file') {
    writeFileAtomically(out, (emit) => spec.write(graph, emit));
  } else {
    writeFolderAtomically(out, { format, keep: spec.keep }, (put) => spec.write(graph, put));
  }
  return {
    format,
    file: out,
    target: spec.target,
    concepts: graph.concepts.length,
    links: graph.links.length,
  };
}
