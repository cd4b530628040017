import type { Database, Statement } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';

/** The tables a user change may touch, with their primary key columns. */
const TRACKED_TABLES = {
  categories: ['id'],
  concepts: ['key'],
  links: ['id'],
  notes: ['concept'],
  tags: ['concept', 'tag'],
  positions: ['concept'],
  ui_state: ['key'],
  concept_attributes: ['concept', 'name'],
  link_attributes: ['link', 'name'],
  saved_views: ['id'],
  dismissed_suggestions: ['source', 'target', 'relation'],
} as const;

export type TrackedTable = keyof typeof TRACKED_TABLES;
export type Row = Record<string, string | number | null>;

/** One row of one table as it is after a change is applied (`row` null: the row does not exist). */
export interface RowImage {
  table: TrackedTable;
  pk: (string | number)[];
  row: Row | null;
  /** For a concept row, its text id, kept even when the row is deleted. */
  ref?: string;
}

/**
 * The statements row images use, prepared once per connection: a change of 10,000 rows
 * reads each row twice, and preparing the same SQL 20,000 times was a quarter of the
 * time of placing 10,000 concepts. The SQL is built from table and column names only
 * (never from values), so there are few of them.
 */
const statements = new WeakMap<Database, Map<string, Statement>>();

function statement(db: Database, sql: string): Statement {
  let prepared = statements.get(db);
  if (!prepared) statements.set(db, (prepared = new Map()));
  let found = prepared.get(sql);
  if (!found) prepared.set(sql, (found = db.prepare(sql)));
  return found;
}

function where(table: TrackedTable): string {
  return TRACKED_TABLES[table].map((column) => `${column} = ?`).join(' AND ');
}

function readRow(db: Database, table: TrackedTable, pk: readonly (string | number)[]): Row | null {
  return (
    (statement(db, `SELECT * FROM ${table} WHERE ${where(table)}`).get(...pk) as Row | undefined) ??
    null
  );
}

const columnNames = new WeakMap<Database, Map<TrackedTable, Set<string>>>();

function columnsOf(db: Database, table: TrackedTable): Set<string> {
  let tables = columnNames.get(db);
  if (!tables) columnNames.set(db, (tables = new Map()));
  let names = tables.get(table);
  if (!names) {
    const info = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
    tables.set(table, (names = new Set(info as string[])));
  }
  return names;
}

/**
 * An image comes back from the graph file's `changes` table, which a file from someone
 * else may hold anything in. Its table and column names become SQL, so each must be one
 * the schema has; otherwise the history is damaged, and nothing is applied.
 */
function checkImage(db: Database, image: RowImage): void {
  const damaged = (what: string) =>
    new CairnError(
      'corrupt-database',
      `The history of this graph is damaged (${what}), so this change cannot be undone or redone.`,
    );
  // Quoted, cut short and on one line whatever it holds (JSON leaves U+2028/U+2029 as they are).
  const name = (text: unknown) =>
    JSON.stringify(String(text).slice(0, 60)).replace(
      /[\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16)}`,
    );
  if (!Object.hasOwn(TRACKED_TABLES, image.table)) {
    throw damaged(`a change names the table ${name(image.table)}`);
  }
  if (!Array.isArray(image.pk) || image.pk.length !== TRACKED_TABLES[image.table].length) {
    throw damaged(`a change to ${image.table} has no proper key`);
  }
  if (image.row === null) return;
  const known = columnsOf(db, image.table);
  const foreign = Object.keys(image.row).find((column) => !known.has(column));
  if (foreign !== undefined) {
    throw damaged(`a change names the column ${name(foreign)}, which ${image.table} does not have`);
  }
}

/**
 * Makes a row look as the image says: deleted, or inserted / updated in place.
 * An upsert (not REPLACE) so that updating a concept never cascades into its links.
 */
export function applyImage(db: Database, image: RowImage): void {
  checkImage(db, image);
  const { table, pk, row } = image;
  if (row === null) {
    statement(db, `DELETE FROM ${table} WHERE ${where(table)}`).run(...pk);
    return;
  }
  const columns = Object.keys(row);
  const keys: readonly string[] = TRACKED_TABLES[table];
  const updates = columns.filter((c) => !keys.includes(c));
  const conflict =
    updates.length > 0
      ? `DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
      : 'DO NOTHING';
  statement(
    db,
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (${keys.join(', ')}) ${conflict}`,
  ).run(...columns.map((c) => row[c]));
}

function sameRow(a: Row | null, b: Row | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** What edits report the rows they touch to: a ChangeRecorder, or NOT_RECORDED for bulk work. */
export type Recorder = Pick<ChangeRecorder, 'track' | 'created'>;

export const NOT_RECORDED: Recorder = { track: () => {}, created: () => {} };

/**
 * Records every row a change touches, before and after, so the change can be
 * undone and redone exactly. Call `track` before changing an existing row and
 * `created` after inserting one; rows are remembered in that order, which undo
 * replays backwards (children before parents) and redo forwards.
 */
export class ChangeRecorder {
  private readonly entries: { table: TrackedTable; pk: (string | number)[]; before: Row | null }[] =
    [];
  private readonly seen = new Set<string>();

  constructor(private readonly db: Database) {}

  track(table: TrackedTable, pk: (string | number)[]): void {
    const id = `${table}:${JSON.stringify(pk)}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.entries.push({ table, pk, before: readRow(this.db, table, pk) });
  }

  created(table: TrackedTable, pk: (string | number)[]): void {
    const id = `${table}:${JSON.stringify(pk)}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.entries.push({ table, pk, before: null });
  }

  /** The images to redo (in order) and to undo (already reversed) the change. */
  finish(): { forward: RowImage[]; backward: RowImage[] } {
    const forward: RowImage[] = [];
    const backward: RowImage[] = [];
    for (const entry of this.entries) {
      const after = readRow(this.db, entry.table, entry.pk);
      if (sameRow(entry.before, after)) continue;
      const id = (after ?? entry.before)?.id;
      const ref = entry.table === 'concepts' && typeof id === 'string' ? { ref: id } : {};
      forward.push({ table: entry.table, pk: entry.pk, row: after, ...ref });
      backward.push({ table: entry.table, pk: entry.pk, row: entry.before, ...ref });
    }
    return { forward, backward: backward.reverse() };
  }
}
