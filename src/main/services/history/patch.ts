import type { Database } from 'better-sqlite3';
import type { GraphPatch } from '../../../shared/domain';
import {
  LINK_COLUMNS,
  LINK_JOINS,
  toLink,
  toSummary,
  type ConceptSummaryRow,
  type LinkRow,
} from '../rows';
import type { RowImage } from './row-images';

/** What the map must redraw after these row images were applied (read from the database as it now is). */
export function patchFromImages(db: Database, images: readonly RowImage[]): GraphPatch {
  const conceptKeys = new Set<number>();
  const removedConcepts = new Set<string>();
  const linkIds = new Set<number>();
  const removedLinks = new Set<number>();
  let categoriesChanged = false;
  let viewsChanged = false;
  for (const image of images) {
    switch (image.table) {
      case 'categories':
        categoriesChanged = true;
        break;
      case 'concepts':
        if (image.row === null) removedConcepts.add(image.ref!);
        else conceptKeys.add(Number(image.pk[0]));
        break;
      case 'links':
        if (image.row === null) removedLinks.add(Number(image.pk[0]));
        else linkIds.add(Number(image.pk[0]));
        break;
      case 'link_attributes':
        linkIds.add(Number(image.pk[0]));
        break;
      case 'saved_views':
        viewsChanged = true;
        break;
      case 'dismissed_suggestions':
        // The suggestions of the note of `source` changed: its details are asked again.
        conceptKeys.add(Number(image.pk[0]));
        break;
      case 'ui_state':
        // What the map shows (the layout's name): nothing to redraw from it.
        break;
      default:
        // notes, tags and positions belong to a concept: it changed.
        conceptKeys.add(Number(image.pk[0]));
    }
  }
  const keys = JSON.stringify([...conceptKeys]);
  const concepts = (
    db
      .prepare(
        'SELECT id, label, category, origin FROM concepts WHERE key IN (SELECT value FROM json_each(?))',
      )
      .all(keys) as ConceptSummaryRow[]
  ).map(toSummary);
  const links = (
    db
      .prepare(
        `SELECT ${LINK_COLUMNS} FROM links l ${LINK_JOINS} WHERE l.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify([...linkIds])) as LinkRow[]
  ).map(toLink);
  const positions = db
    .prepare(
      'SELECT c.id, p.x, p.y, p.pinned, p.manual FROM positions p JOIN concepts c ON c.key = p.concept WHERE p.concept IN (SELECT value FROM json_each(?))',
    )
    .all(keys) as { id: string; x: number; y: number; pinned: number; manual: number }[];
  const categories = categoriesChanged
    ? (db
        .prepare('SELECT id, label, color, shape FROM categories ORDER BY label')
        .all() as GraphPatch['categories'])
    : null;
  return {
    concepts,
    removedConcepts: [...removedConcepts],
    links,
    removedLinks: [...removedLinks],
    positions: positions.map((p) => ({
      id: p.id,
      x: p.x,
      y: p.y,
      pinned: p.pinned === 1,
      manual: p.manual === 1,
    })),
    categories,
    ...(viewsChanged ? { viewsChanged: true as const } : {}),
  };
}
