import fs from 'node:fs';
import path from 'node:path';
import { parse, type Info } from 'csv-parse';
import {
  importedAttribute,
  importedConcept,
  importedLink,
  importError,
  type ImportedAttribute,
  type ImportSink,
} from './imported-graph';
import { streamTextFile, type TextStreamOptions } from './read-text';

// Header names, compared case-insensitively after trimming, that other tools use
// for each field (Gephi's Id/Label/Source/Target, Kumu's From/To/Type, …).
const NODE_COLUMNS = {
  id: ['id', 'key', 'node', 'node id'],
  label: ['label', 'name', 'title'],
  category: ['category', 'type', 'group', 'class'],
  description: ['description', 'desc'],
  tags: ['tags'],
  note: ['note', 'notes'],
  x: ['x'],
  y: ['y'],
};
const EDGE_COLUMNS = {
  source: ['source', 'from', 'src', 'start'],
  target: ['target', 'to', 'dst', 'end'],
  relation: ['relation', 'label', 'type', 'relationship', 'interaction'],
  note: ['note', 'notes'],
};

/** Cairn's own columns, read only with Cairn's values (see field-roles.ts); otherwise data. */
const MARKER_VALUES: Record<string, readonly string[]> = {
  origin: ['seed', 'user', 'import', ''],
  kind: ['typed', 'mention', ''],
};

/**
 * The columns that fill no field: kept per row as string attributes (CSV has no types).
 * A marker column is one of them only if some row holds a value that is not Cairn's.
 */
function attributeColumns(
  header: string[],
  names: Record<string, string[]>,
  rows: Row[],
  markers: readonly string[],
): string[] {
  const used = new Set(Object.values(names).map((list) => column(header, list)));
  return header.filter((name, index) => {
    if (used.has(name) || header.indexOf(name) !== index) return false;
    if (!markers.includes(name)) return true;
    const allowed = MARKER_VALUES[name]!;
    return rows.some((row) => !allowed.includes((row.record[name] ?? '').trim()));
  });
}

function attributesOf(shown: string, row: Row, columns: string[], original: Map<string, string>) {
  const attributes: ImportedAttribute[] = [];
  for (const name of columns) {
    const value = row.record[name] ?? '';
    if (value.trim() === '') continue;
    attributes.push(
      importedAttribute(shown, row.line, original.get(name) ?? name, 'string', value),
    );
  }
  return attributes;
}

type Row = { record: Record<string, string>; line: number };

/**
 * The line ending a file uses, from its first chunk: what csv-parse would detect, named
 * up front, because csv-parse detects it by rescanning the first record on every chunk
 * (4.4 s for one 3 MB header, found by the import fuzzer). A file whose first chunk
 * ends no line may use any of them.
 */
export function lineEndings(firstChunk: string): string[] {
  const at = firstChunk.search(/[\r\n]/);
  if (at < 0) return ['\r\n', '\n', '\r'];
  if (firstChunk[at] === '\n') return ['\n'];
  // A CR at the very end of the chunk may be the first half of a CRLF.
  if (firstChunk[at + 1] === '\n' || at === firstChunk.length - 1) return ['\r\n', '\r'];
  return ['\r'];
}

/** Reads a CSV file into records with the line each starts on. */
async function readCsv(
  file: string,
  shown: string,
  options: TextStreamOptions,
): Promise<{ header: string[]; original: Map<string, string>; rows: Row[] }> {
  let header: string[] = [];
  const original = new Map<string, string>();
  const rows: Row[] = [];
  let failure: Error | null = null;
  let parser: ReturnType<typeof parse> | null = null;
  let done: Promise<void> = Promise.resolve();
  const start = (firstChunk: string) => {
    const started = parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      record_delimiter: lineEndings(firstChunk),
      max_record_size: 8 * 1024 * 1024,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim().toLowerCase());
        names.forEach((n, i) => original.set(header[i]!, n.trim()));
        return header;
      },
    });
    started.on('data', ({ record, info }: { record: Record<string, string>; info: Info }) =>
      rows.push({ record, line: info.lines }),
    );
    started.on('error', (error: Error & { lines?: number }) => {
      failure ??= importError(
        shown,
        error.lines ?? null,
        `the CSV is malformed (${error.message.replace(/ at line \d+$/, '')})`,
      );
    });
    done = new Promise<void>((resolve) => started.on('end', resolve).on('error', () => resolve()));
    return started;
  };
  await streamTextFile(file, shown, (text) => void (parser ??= start(text)).write(text), options);
  (parser ?? start('')).end();
  await done;
  if (failure) throw failure;
  return { header, original, rows };
}

function column(header: string[], names: string[]): string | null {
  return names.find((n) => header.includes(n)) ?? null;
}

function missing(shown: string, what: string, names: string[]): Error {
  return importError(
    shown,
    1,
    `there is no ${what} column (looked for ${names.map((n) => `"${n}"`).join(', ')})`,
  );
}

/** Finds nodes.csv and edges.csv for a folder or either file; an edge list alone is fine too. */
function csvFiles(target: string): { nodes: string | null; edges: string | null } {
  const inFolder = (dir: string, name: string) => {
    const found = fs.readdirSync(dir).find((f) => f.toLowerCase() === name);
    return found ? path.join(dir, found) : null;
  };
  if (fs.statSync(target).isDirectory())
    return { nodes: inFolder(target, 'nodes.csv'), edges: inFolder(target, 'edges.csv') };
  const base = path.basename(target).toLowerCase();
  const dir = path.dirname(target);
  if (base === 'nodes.csv') return { nodes: target, edges: inFolder(dir, 'edges.csv') };
  if (base === 'edges.csv') return { nodes: inFolder(dir, 'nodes.csv'), edges: target };
  return { nodes: null, edges: target };
}

export async function readCsvGraph(
  target: string,
  sink: ImportSink,
  options: TextStreamOptions = {},
): Promise<void> {
  const files = csvFiles(target);
  if (!files.nodes && !files.edges)
    throw importError(
      path.basename(target),
      null,
      'the folder has neither nodes.csv nor edges.csv',
    );
  if (files.nodes) {
    const shown = path.basename(files.nodes);
    const { header, original, rows } = await readCsv(files.nodes, shown, options);
    const id = column(header, NODE_COLUMNS.id);
    const label = column(header, NODE_COLUMNS.label);
    if (!id && !label)
      throw missing(shown, 'id or label', [...NODE_COLUMNS.id, ...NODE_COLUMNS.label]);
    const get = (row: Row, names: string[]) => {
      const name = column(header, names);
      return name ? (row.record[name] ?? null) : null;
    };
    const extra = attributeColumns(header, NODE_COLUMNS, rows, ['origin']);
    for (const row of rows) {
      const x = get(row, NODE_COLUMNS.x);
      const y = get(row, NODE_COLUMNS.y);
      sink.concept(
        importedConcept(shown, row.line, {
          key: (id ? row.record[id] : row.record[label!]) ?? '',
          label: label ? row.record[label] : null,
          category: get(row, NODE_COLUMNS.category),
          description: get(row, NODE_COLUMNS.description),
          note: get(row, NODE_COLUMNS.note),
          tags: (get(row, NODE_COLUMNS.tags) ?? '').split(/[\s,;|]+/),
          position: x && y ? { x: Number(x), y: Number(y) } : null,
          attributes: attributesOf(shown, row, extra, original),
        }),
      );
    }
  }

  if (files.edges) {
    const shown = path.basename(files.edges);
    const { header, original, rows } = await readCsv(files.edges, shown, options);
    const source = column(header, EDGE_COLUMNS.source);
    const target = column(header, EDGE_COLUMNS.target);
    if (!source) throw missing(shown, 'source', EDGE_COLUMNS.source);
    if (!target) throw missing(shown, 'target', EDGE_COLUMNS.target);
    const relation = column(header, EDGE_COLUMNS.relation);
    const note = column(header, EDGE_COLUMNS.note);
    const extra = attributeColumns(header, EDGE_COLUMNS, rows, ['origin', 'kind']);
    const kind = extra.includes('kind') ? null : column(header, ['kind']);
    // An edge list alone: its ends are the concepts, named by what the file calls them.
    const seen = files.nodes ? null : new Set<string>();
    for (const row of rows) {
      const link = importedLink(shown, row.line, {
        source: row.record[source] ?? '',
        target: row.record[target] ?? '',
        relation: relation ? row.record[relation] : null,
        note: note ? row.record[note] : null,
        kind: kind && row.record[kind]?.trim() === 'mention' ? 'mention' : undefined,
        attributes: attributesOf(shown, row, extra, original),
      });
      for (const end of seen ? [link.source, link.target] : []) {
        if (seen!.has(end)) continue;
        seen!.add(end);
        sink.concept(importedConcept(shown, link.line, { key: end }));
      }
      sink.link(link);
    }
    if (seen) {
      sink.warning(
        `${shown} has no nodes.csv beside it: its ${seen.size} concepts were named after the link ends.`,
      );
    }
  }
}
