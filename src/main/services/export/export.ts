import type { Database } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  isExportFormat,
  type ExportFormat,
  type ExportFormatInfo,
} from '../../../shared/export-formats';
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
type FileWriter = (graph: ExportGraph, emit: (chunk: string) => void) => void;
/** A folder format: hands over each file by its `/`-separated path in the folder. Pure too. */
type FolderWriter = (
  graph: ExportGraph,
  put: (relativePath: string, content: string) => void,
) => void;

export type ExportFormatSpec =
  | { target: 'file'; extension: string; nameSuffix: string; summary: string; write: FileWriter }
  | { target: 'folder'; summary: string; write: FolderWriter; keep?: readonly string[] };

type Writer = { write: FileWriter } | { write: FolderWriter; keep?: readonly string[] };

/** The writer of every format in src/shared/export-formats.ts: a missing one fails to compile. */
const WRITERS: Record<ExportFormat, Writer> = {
  json: { write: writeCairnJson },
  graphml: { write: writeGraphml },
  gexf: { write: ((graph, emit) => writeGexf(graph, emit, '1.2')) satisfies FileWriter },
  'gexf-1.3': { write: ((graph, emit) => writeGexf(graph, emit, '1.3')) satisfies FileWriter },
  csv: { write: writeCsvFolder },
  cytoscape: { write: writeCytoscapeJson },
  dot: { write: writeDot },
  mermaid: { write: writeMermaid },
  // Obsidian keeps its settings for a vault there; a new export carries it over.
  markdown: { write: writeMarkdownVault, keep: ['.obsidian'] },
};

export { EXPORT_FORMATS, isExportFormat, type ExportFormat };

export function exportFormatSpec(format: ExportFormat): ExportFormatSpec {
  const info: ExportFormatInfo = EXPORT_FORMAT_INFO[format];
  const writer = WRITERS[format] as Writer;
  return info.target === 'file'
    ? {
        target: 'file',
        extension: info.extension ?? format,
        nameSuffix: ('nameSuffix' in info ? info.nameSuffix : undefined) ?? '',
        summary: info.summary,
        write: writer.write as FileWriter,
      }
    : {
        target: 'folder',
        summary: info.summary,
        write: writer.write as FolderWriter,
        ...('keep' in writer ? { keep: writer.keep } : {}),
      };
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
  format: ExportFormat,
  out: string,
  scope?: ExportScope,
): ExportSummary {
  if (out.trim() === '') {
    throw new CairnError('invalid-argument', 'The export needs a file or folder to write to.');
  }
  const graph = readGraphForExport(db, scope);
  const spec = exportFormatSpec(format);
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
