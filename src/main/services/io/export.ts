import type { Database } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import { writeFileAtomically } from './atomic-file';
import { readGraphForExport, type ExportGraph } from './export-model';
import { writeGraphml } from './graphml';
import { writeCairnJson } from './json';

type Writer = (graph: ExportGraph, emit: (chunk: string) => void) => void;

const WRITERS = {
  json: writeCairnJson,
  graphml: writeGraphml,
} satisfies Record<string, Writer>;

export type ExportFormat = keyof typeof WRITERS;
export const EXPORT_FORMATS = Object.keys(WRITERS) as ExportFormat[];

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(WRITERS, name);
}

export interface ExportSummary {
  format: ExportFormat;
  file: string;
  concepts: number;
  links: number;
}

export function exportGraph(db: Database, format: string, file: string): ExportSummary {
  if (!isExportFormat(format)) {
    throw new CairnError(
      'invalid-argument',
      `Unknown export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.`,
    );
  }
  const graph = readGraphForExport(db);
  const write: Writer = WRITERS[format];
  writeFileAtomically(file, (emit) => write(graph, emit));
  return { format, file, concepts: graph.concepts.length, links: graph.links.length };
}
