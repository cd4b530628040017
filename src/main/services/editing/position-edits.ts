import type { Database } from 'better-sqlite3';
import type { Position } from '../../../shared/domain';
import type { Recorder } from '../history/row-images';
import { CONCEPT_SPACING, categoryClusters } from '../../../shared/category-layout';

interface Placed {
  key: number;
  pinned: number;
}

function placedOf(db: Database) {
  return db.prepare(
    'SELECT c.key, coalesce(p.pinned, 0) AS pinned FROM concepts c LEFT JOIN positions p ON p.concept = c.key WHERE c.id = ?',
  );
}

/**
 * Puts concepts where `positions` says, recording every row for undo. `by`: `hand` for
 * a drag (a layout later asks before moving it), `layout` for a layout, which leaves
 * pinned concepts where they are. Ids that no longer exist are skipped. Returns how
 * many moved.
 */
export function placeConcepts(
  db: Database,
  recorder: Recorder,
  positions: readonly Position[],
  by: 'hand' | 'layout',
): number {
  const find = placedOf(db);
  const upsert = db.prepare(
    `INSERT INTO positions (concept, x, y, manual) VALUES (?, ?, ?, ?)
     ON CONFLICT (concept) DO UPDATE SET x = excluded.x, y = excluded.y, manual = excluded.manual`,
  );
  return withBulkPositionIndex(db, positions.length, () => {
    let moved = 0;
    for (const p of positions) {
      const concept = find.get(p.id) as Placed | undefined;
      if (!concept || (by === 'layout' && concept.pinned === 1)) continue;
      recorder.track('positions', [concept.key]);
      upsert.run(concept.key, p.x, p.y, by === 'hand' ? 1 : 0);
      moved++;
    }
    return moved;
  });
}

/** From this many positions on, new ones enter the R*Tree of positions once, at the end. */
const BULK_POSITIONS = 5_000;

/**
 * Runs `write` (inside the caller's transaction) with the R*Tree's insert trigger
 * dropped when it writes many positions, then indexes every position the R*Tree lacks
 * and puts the trigger back. Row by row, the R*Tree cost a quarter of placing 100,000
 * concepts (2.3 s of 9.9 s). Moved positions keep their update trigger; a failure
 * rolls the trigger back with everything else.
 */
function withBulkPositionIndex<T>(db: Database, count: number, write: () => T): T {
  if (count < BULK_POSITIONS) return write();
  const trigger = db
    .prepare(
      "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'positions_index_insert'",
    )
    .pluck()
    .get() as string;
  db.exec('DROP TRIGGER positions_index_insert');
  const result = write();
  db.exec(
    `INSERT INTO position_index (concept, min_x, max_x, min_y, max_y)
     SELECT p.concept, p.x, p.x, p.y, p.y FROM positions p
     WHERE NOT EXISTS (SELECT 1 FROM position_index i WHERE i.concept = p.concept)`,
  );
  db.exec(trigger);
  return result;
}

/** Pins concepts in place (or unpins them); a concept without a position is left as it is. */
export function setPinned(
  db: Database,
  recorder: Recorder,
  ids: readonly string[],
  pinned: boolean,
): number {
  const find = placedOf(db);
  const update = db.prepare('UPDATE positions SET pinned = ? WHERE concept = ?');
  let changed = 0;
  for (const id of ids) {
    const concept = find.get(id) as Placed | undefined;
    if (!concept || concept.pinned === Number(pinned)) continue;
    recorder.track('positions', [concept.key]);
    changed += update.run(pinned ? 1 : 0, concept.key).changes;
  }
  return changed;
}

/** The layout a graph is drawn with, kept with the graph (and undone with its positions). */
export function rememberLayout(db: Database, recorder: Recorder, name: string): void {
  recorder.track('ui_state', ['layout']);
  db.prepare(
    'INSERT INTO ui_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run('layout', JSON.stringify(name));
}

/**
 * Where the concepts that have no position yet go on a graph too big to lay out in the
 * window: a cluster per category (src/shared/category-layout.ts), beside what is
 * already placed. Linear in the graph's size.
 */
export function unplacedByCategory(db: Database): Position[] {
  const unplaced = db
    .prepare(
      `SELECT c.id, c.category,
              (SELECT count(*) FROM links WHERE source = c.key) +
              (SELECT count(*) FROM links WHERE target = c.key) AS degree
       FROM concepts c WHERE NOT EXISTS (SELECT 1 FROM positions p WHERE p.concept = c.key)`,
    )
    .all() as { id: string; category: string; degree: number }[];
  if (unplaced.length === 0) return [];
  const box = db.prepare('SELECT max(x) AS maxX, min(y) AS minY FROM positions').get() as {
    maxX: number | null;
    minY: number | null;
  };
  const origin =
    box.maxX === null ? { x: 0, y: 0 } : { x: box.maxX + 4 * CONCEPT_SPACING, y: box.minY ?? 0 };
  return categoryClusters(unplaced, origin);
}
