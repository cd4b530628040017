import type { Database } from 'better-sqlite3';
import { computeTiers, type TierPoint } from './tiers';

const STATE_KEY = 'tiers';

/** What the stored tiers were computed from; when it changes, they are computed again. */
function signature(db: Database): string {
  const { n, sx, sy } = db
    .prepare('SELECT count(*) AS n, total(x) AS sx, total(y) AS sy FROM positions')
    .get() as { n: number; sx: number; sy: number };
  // Counts and sums change with any import, layout or bulk move; a single drag moves the
  // sums a little, so they are rounded to keep a drag from recomputing everything.
  return `${n}:${Math.round(sx / Math.max(1, n) / 50)}:${Math.round(sy / Math.max(1, n) / 50)}`;
}

/** Computes every concept's zoom tier from the stored layout and writes it. */
export function recomputeTiers(db: Database): void {
  const points = db
    .prepare(
      `SELECT p.concept AS key, p.x, p.y,
              (SELECT count(*) FROM links WHERE source = p.concept)
            + (SELECT count(*) FROM links WHERE target = p.concept) AS importance
       FROM positions p`,
    )
    .all() as TierPoint[];
  const tiers = computeTiers(points);
  const update = db.prepare('UPDATE positions SET tier = ? WHERE concept = ? AND tier <> ?');
  db.transaction(() => {
    points.forEach((p, i) => update.run(tiers[i], p.key, tiers[i]));
    db.prepare(
      'INSERT INTO ui_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(STATE_KEY, signature(db));
  }).immediate();
}

/** Makes sure the tiers fit the layout as it is now (after an import or a layout). */
export function ensureTiers(db: Database): void {
  // A graph opened read-only keeps the tiers it has.
  if (db.readonly) return;
  const stored = db.prepare('SELECT value FROM ui_state WHERE key = ?').pluck().get(STATE_KEY);
  if (stored !== signature(db)) recomputeTiers(db);
}
