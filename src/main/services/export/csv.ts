import { stringify } from 'csv-stringify/sync';
import { categoryLabels, type ExportGraph } from './export-model';

export const NODE_COLUMNS = [
  'id',
  'label',
  'category',
  'description',
  'origin',
  'tags',
  'note',
  'x',
  'y',
] as const;
export const EDGE_COLUMNS = ['source', 'target', 'relation', 'origin', 'note'] as const;

/** RFC 4180: CRLF after every record, a header row, fields quoted when they hold `,` `"` CR or LF. */
function toCsv(columns: readonly string[], rows: (string | number)[][]): string {
  return stringify(rows, {
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding the whole record delimiter (CRLF) but not a
    // lone LF or CR, which every reader would then take as the end of a record.
    quoted_match: /[\r\n]/,
  });
}

/**
 * Two tables in one folder: nodes.csv and edges.csv, the layout Gephi's spreadsheet
 * import, Cytoscape's table import, pandas and spreadsheets all take.
 */
export function writeCsvFolder(
  graph: ExportGraph,
  put: (relativePath: string, content: string) => void,
): void {
  const categories = categoryLabels(graph);
  put(
    'nodes.csv',
    toCsv(
      NODE_COLUMNS,
      graph.concepts.map((c) => [
        c.id,
        c.label,
        categories.get(c.category) ?? c.category,
        c.description,
        c.origin,
        c.tags.join(' '),
        c.note,
        c.position ? c.position.x : '',
        c.position ? c.position.y : '',
      ]),
    ),
  );
  put(
    'edges.csv',
    toCsv(
      EDGE_COLUMNS,
      graph.links.map((l) => [l.source, l.target, l.relation, l.origin, l.note ?? '']),
    ),
  );
}
