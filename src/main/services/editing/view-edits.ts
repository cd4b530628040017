import type { Database } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import { foldLabel } from '../../../shared/labels';
import { freeViewName, VIEWS_PER_GRAPH, type ViewSpec } from '../../../shared/saved-views';
import type { Recorder } from '../history/row-images';
import { quotedName, readView, viewNameOf } from '../views/saved-views';
import { findConcept } from './lookups';

// Saving, updating, renaming, duplicating and deleting saved views. Each reports the
// row it touches to the recorder, so the history can take it back like any edit.

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

function assertNameFree(db: Database, name: string, exceptId?: number): void {
  const taken = db
    .prepare('SELECT id, name FROM saved_views WHERE folded = ?')
    .get(foldLabel(name)) as { id: number; name: string } | undefined;
  if (taken && taken.id !== exceptId) {
    throw new CairnError(
      'conflict',
      `A view named ${quotedName(taken.name)} already exists: choose another name, or update that view.`,
    );
  }
}

/** The focus of a local graph view must be in the graph; its other ids may have gone since. */
function assertFocusExists(db: Database, spec: ViewSpec): void {
  for (const id of spec.focus?.ids ?? []) findConcept(db, id);
}

/** Adds a view under a name known to be free (an import checks its own way). */
export function insertView(db: Database, recorder: Recorder, name: string, spec: ViewSpec): number {
  const count = db.prepare('SELECT count(*) FROM saved_views').pluck().get() as number;
  if (count >= VIEWS_PER_GRAPH) {
    throw new CairnError(
      'invalid-argument',
      `This graph already keeps ${VIEWS_PER_GRAPH.toLocaleString('en')} saved views, the most it can; delete one first.`,
    );
  }
  const id = Number(
    db
      .prepare('INSERT INTO saved_views (name, folded, spec) VALUES (?, ?, ?)')
      .run(name, foldLabel(name), JSON.stringify(spec)).lastInsertRowid,
  );
  recorder.created('saved_views', [id]);
  return id;
}

export function saveView(db: Database, recorder: Recorder, name: string, spec: ViewSpec): number {
  assertNameFree(db, name);
  assertFocusExists(db, spec);
  return insertView(db, recorder, name, spec);
}

export function updateView(db: Database, recorder: Recorder, id: number, spec: ViewSpec): void {
  viewNameOf(db, id);
  assertFocusExists(db, spec);
  recorder.track('saved_views', [id]);
  db.prepare(`UPDATE saved_views SET spec = ?, updated_at = ${NOW} WHERE id = ?`).run(
    JSON.stringify(spec),
    id,
  );
}

export function renameView(db: Database, recorder: Recorder, id: number, name: string): void {
  viewNameOf(db, id);
  assertNameFree(db, name, id);
  recorder.track('saved_views', [id]);
  db.prepare(`UPDATE saved_views SET name = ?, folded = ?, updated_at = ${NOW} WHERE id = ?`).run(
    name,
    foldLabel(name),
    id,
  );
}

/** A copy of the view, named "NAME copy" or the next free "NAME copy N". */
export function duplicateView(db: Database, recorder: Recorder, id: number): number {
  const view = readView(db, id);
  const taken = db.prepare('SELECT name FROM saved_views').pluck().all() as string[];
  return insertView(db, recorder, freeViewName(`${view.name} copy`, taken), view.spec);
}

export function deleteView(db: Database, recorder: Recorder, id: number): void {
  viewNameOf(db, id);
  recorder.track('saved_views', [id]);
  db.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
}
