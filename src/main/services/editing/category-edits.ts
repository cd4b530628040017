import type { Database } from 'better-sqlite3';
import type { Category } from '../../../shared/domain';
import { CairnError } from '../../../shared/errors';
import type { CategoryShape } from '../../../shared/palette';
import type { Recorder } from '../history/row-images';

const CATEGORY_COLUMNS = 'id, label, color, shape';

export function findCategory(db: Database, id: string): Category {
  const row = db.prepare(`SELECT ${CATEGORY_COLUMNS} FROM categories WHERE id = ?`).get(id) as
    Category | undefined;
  if (!row) throw new CairnError('not-found', `There is no category with the id "${id}".`);
  return row;
}

/**
 * A category's colour and shape, as a person set them. The colour is kept in lower
 * case, so it compares equal to the palette's and to the shipped one (a newer default
 * graph recolours only categories still in their shipped colour).
 */
export function setCategoryStyle(
  db: Database,
  recorder: Recorder,
  args: { id: string; color?: string; shape?: CategoryShape },
): void {
  findCategory(db, args.id);
  recorder.track('categories', [args.id]);
  db.prepare(
    'UPDATE categories SET color = coalesce(?, color), shape = coalesce(?, shape) WHERE id = ?',
  ).run(args.color?.toLowerCase() ?? null, args.shape ?? null, args.id);
}
