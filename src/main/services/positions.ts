import type { Database } from 'better-sqlite3';
import type { Position } from '../../shared/domain';

/**
 * Stores layout positions in one transaction. Ids that no longer exist (a concept
 * deleted in another window) are skipped rather than failing the whole save.
 */
export function savePositions(db: Database, positions: readonly Position[]): number {
  const upsert = db.prepare(`
    INSERT INTO positions (concept, x, y)
    SELECT key, @x, @y FROM concepts WHERE id = @id
    ON CONFLICT (concept) DO UPDATE SET x = excluded.x, y = excluded.y`);
  return db
    .transaction(() => {
      let saved = 0;
      for (const p of positions) saved += upsert.run({ id: p.id, x: p.x, y: p.y }).changes;
      return saved;
    })
    .immediate();
}
