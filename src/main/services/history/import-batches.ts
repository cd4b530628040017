import type { Database } from 'better-sqlite3';
import type { RowImage } from './row-images';

// Undo of an import deletes its rows by batch id, however many there are; no row image
// of them is ever written. So that Redo can bring them back, the rows move into
// import_archive first (one JSON array of column values each) and move back on redo:
// each row is stored once, in the graph or in the archive, never twice.

/** The tables an import's rows live in, parents first, with the rows of batch `?`. */
const OWNED: readonly { table: string; where: string }[] = [
  { table: 'concepts', where: 'import_batch = ?' },
  { table: 'notes', where: 'concept IN (SELECT key FROM concepts WHERE import_batch = ?)' },
  { table: 'tags', where: 'concept IN (SELECT key FROM concepts WHERE import_batch = ?)' },
  { table: 'positions', where: 'concept IN (SELECT key FROM concepts WHERE import_batch = ?)' },
  {
    table: 'concept_attributes',
    where: 'concept IN (SELECT key FROM concepts WHERE import_batch = ?)',
  },
  { table: 'links', where: 'import_batch = ?' },
  { table: 'link_attributes', where: 'link IN (SELECT id FROM links WHERE import_batch = ?)' },
];

function columnsOf(db: Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (c) => c.name,
  );
}

/** What the map must redraw: the batch's concepts and links, as images for patchFromImages. */
function imagesOf(db: Database, batch: number, gone: boolean): RowImage[] {
  const concepts = db.prepare('SELECT key, id FROM concepts WHERE import_batch = ?').all(batch) as {
    key: number;
    id: string;
  }[];
  const links = db
    .prepare(
      `SELECT id FROM links WHERE import_batch = ?
       OR source IN (SELECT key FROM concepts WHERE import_batch = ?)
       OR target IN (SELECT key FROM concepts WHERE import_batch = ?)`,
    )
    .pluck()
    .all(batch, batch, batch) as number[];
  const row = gone ? null : {};
  return [
    ...concepts.map((c): RowImage => ({ table: 'concepts', pk: [c.key], row, ref: c.id })),
    ...links.map((id): RowImage => ({ table: 'links', pk: [id], row })),
  ];
}

/** Moves the batch's rows into the archive and out of the graph. Returns images for the map. */
export function archiveBatch(db: Database, batch: number): RowImage[] {
  const images = imagesOf(db, batch, true);
  for (const { table, where } of OWNED) {
    const columns = columnsOf(db, table);
    db.prepare(
      `INSERT INTO import_archive (batch, tbl, row)
       SELECT ?, '${table}', json_array(${columns.join(', ')}) FROM ${table} WHERE ${where}`,
    ).run(batch, batch);
  }
  db.prepare('DELETE FROM links WHERE import_batch = ?').run(batch);
  // Notes, tags, positions, attributes and every other link of them go with their concepts.
  db.prepare('DELETE FROM concepts WHERE import_batch = ?').run(batch);
  return images;
}

/** Puts an archived batch back, exactly as it was. Returns images for the map. */
export function restoreBatch(db: Database, batch: number): RowImage[] {
  for (const { table } of OWNED) {
    const columns = columnsOf(db, table);
    db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${columns.map((_, i) => `row ->> '$[${i}]'`).join(', ')}
       FROM import_archive WHERE batch = ? AND tbl = '${table}' ORDER BY rowid`,
    ).run(batch);
  }
  db.prepare('DELETE FROM import_archive WHERE batch = ?').run(batch);
  return imagesOf(db, batch, false);
}

/** The archives of undone imports that can no longer be redone. */
export function forgetUndoneBatches(db: Database): void {
  db.prepare(
    'DELETE FROM import_archive WHERE batch IN (SELECT batch FROM changes WHERE undone = 1 AND batch IS NOT NULL)',
  ).run();
}
