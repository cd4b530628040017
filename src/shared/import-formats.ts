// Every import format, in the order the CLI help, error messages, docs and the app's
// Import dialog list them. The readers live in main (src/main/services/import/index.ts),
// keyed by these ids.

export interface ImportFormatInfo {
  /** The name people know it by, for menus. */
  label: string;
  /** File name extensions it is recognised by (a folder format has none). */
  extensions: readonly string[];
  /** A single file, or a folder. */
  source: 'file' | 'folder';
}

export const IMPORT_FORMAT_INFO = {
  json: { label: 'Cairn JSON', extensions: ['.json'], source: 'file' },
  cytoscape: { label: 'Cytoscape.js JSON', extensions: ['.cyjs'], source: 'file' },
  graphml: {
    label: 'GraphML (yEd, Gephi, networkx, igraph)',
    extensions: ['.graphml', '.xml'],
    source: 'file',
  },
  gexf: { label: 'GEXF (Gephi)', extensions: ['.gexf'], source: 'file' },
  csv: { label: 'CSV (nodes and edges, or an edge list)', extensions: ['.csv'], source: 'file' },
  markdown: { label: 'Markdown vault (Obsidian)', extensions: [], source: 'folder' },
} as const satisfies Record<string, ImportFormatInfo>;

export type ImportFormat = keyof typeof IMPORT_FORMAT_INFO;
export const IMPORT_FORMATS = Object.keys(IMPORT_FORMAT_INFO) as [ImportFormat, ...ImportFormat[]];

export function isImportFormat(name: string): name is ImportFormat {
  return Object.hasOwn(IMPORT_FORMAT_INFO, name);
}

/** The sentence for a format name that is not one of these. */
export function unknownImportFormat(name: string): string {
  return `Unknown import format "${name.slice(0, 40)}": use one of ${IMPORT_FORMATS.join(', ')}.`;
}

/** The format a file name says it holds, from its extension; null when it says nothing. */
export function importFormatOfFileName(name: string): ImportFormat | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = name.slice(dot).toLowerCase();
  for (const format of IMPORT_FORMATS) {
    if ((IMPORT_FORMAT_INFO[format].extensions as readonly string[]).includes(extension)) {
      return format;
    }
  }
  return null;
}

/** For a file chooser: every extension an import file can have. */
export const IMPORT_FILE_EXTENSIONS = IMPORT_FORMATS.flatMap(
  (format) => IMPORT_FORMAT_INFO[format].extensions,
);
