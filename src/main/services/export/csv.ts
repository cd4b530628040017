import { stringify } from 'csv-stringify/sync';
import {
  attributeValues,
  categoryLabels,
  declaredAttributes,
  type ExportGraph,
} from './export-model';

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
// `kind` is "mention" for the links a note's [[wikilinks]] make (see graphml.ts).
export const EDGE_COLUMNS = ['source', 'target', 'relation', 'origin', 'kind', 'note'] as const;

/** The attribute columns after Cairn's own; a name that is one of them gets a suffix. */
function attributeColumns(
  own: readonly string[],
  items: Parameters<typeof declaredAttributes>[0],
): { name: string; column: string }[] {
  const taken = new Set(own);
  return [...declaredAttributes(items).keys()].map((name) => {
    let column = name;
    while (taken.has(column.toLowerCase())) column = `${column} (attribute)`;
    taken.add(column.toLowerCase());
    return { name, column };
  });
}

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
  const nodeExtra = attributeColumns(NODE_COLUMNS, graph.concepts);
  const edgeExtra = attributeColumns(EDGE_COLUMNS, graph.links);
  const extraCells = (extra: typeof nodeExtra, item: Parameters<typeof attributeValues>[0]) => {
    const values = attributeValues(item);
    return extra.map((e) => values.get(e.name) ?? '');
  };
  put(
    'nodes.csv',
    toCsv(
      [...NODE_COLUMNS, ...nodeExtra.map((e) => e.column)],
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
        ...extraCells(nodeExtra, c),
      ]),
    ),
  );
  put(
    'edges.csv',
    toCsv(
      [...EDGE_COLUMNS, ...edgeExtra.map((e) => e.column)],
      graph.links.map((l) => [
        l.source,
        l.target,
        l.relation,
        l.origin,
        l.kind,
        l.note ?? '',
        ...extraCells(edgeExtra, l),
      ]),
    ),
  );
}
