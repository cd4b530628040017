// Every data export format, in the order the CLI help, error messages, docs and the
// app's Export dialog list them. The writers live in main (src/main/services/export/export.ts),
// keyed by these ids: adding a format here and its writer there offers it everywhere.

export interface ExportFormatInfo {
  /** The name people know it by, for menus. */
  label: string;
  /** What it is for, in a few words. */
  summary: string;
  /** A single file, or a folder (a .zip when downloaded from the app). */
  target: 'file' | 'folder';
  extension?: string;
  /** Added to the name of a download, to tell two variants of one format apart. */
  nameSuffix?: string;
}

export const EXPORT_FORMAT_INFO = {
  json: {
    label: 'Cairn JSON',
    summary: "Cairn's own, lossless",
    target: 'file',
    extension: 'json',
  },
  graphml: {
    label: 'GraphML',
    summary: 'GraphML for networkx, Gephi, yEd, Cytoscape',
    target: 'file',
    extension: 'graphml',
  },
  gexf: {
    label: 'GEXF 1.2',
    summary: 'GEXF 1.2draft for Gephi, networkx, igraph and graphology',
    target: 'file',
    extension: 'gexf',
  },
  'gexf-1.3': {
    label: 'GEXF 1.3',
    summary: 'GEXF 1.3, the current specification (Gephi; networkx 3.6 or later)',
    target: 'file',
    extension: 'gexf',
    nameSuffix: '-gexf-1.3',
  },
  csv: { label: 'CSV', summary: 'a folder with nodes.csv and edges.csv', target: 'folder' },
  cytoscape: {
    label: 'Cytoscape.js JSON',
    summary: 'Cytoscape.js JSON (also Cytoscape desktop)',
    target: 'file',
    extension: 'cyjs',
  },
  dot: { label: 'Graphviz DOT', summary: 'Graphviz DOT', target: 'file', extension: 'dot' },
  mermaid: { label: 'Mermaid', summary: 'a Mermaid flowchart', target: 'file', extension: 'mmd' },
  markdown: {
    label: 'Obsidian vault',
    summary: 'an Obsidian vault: a folder with one note per concept',
    target: 'folder',
  },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormat = keyof typeof EXPORT_FORMAT_INFO;
export const EXPORT_FORMATS = Object.keys(EXPORT_FORMAT_INFO) as [ExportFormat, ...ExportFormat[]];

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMAT_INFO, name);
}

/** The sentence for a format name that is not one of these. */
export function unknownExportFormat(name: string): string {
  return `Unknown export format "${name.slice(0, 40)}": use one of ${EXPORT_FORMATS.join(', ')}.`;
}
