import type { Database } from 'better-sqlite3';
import { normaliseFilter, type GraphFilter } from '../../../shared/filters';
import type { ViewSettings } from '../../../shared/graph-view';
import { isLayoutName } from '../../../shared/layouts';

function read(db: Database, key: string): unknown {
  const value = db.prepare('SELECT value FROM ui_state WHERE key = ?').pluck().get(key) as
    string | undefined;
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** What the map showed last time this graph was open: its filter and its layout. */
export function readViewSettings(db: Database): ViewSettings {
  const layout = read(db, 'layout');
  return {
    filter: normaliseFilter(read(db, 'filter')),
    layout: isLayoutName(layout) ? layout : 'force',
  };
}

/** Keeps the filter with the graph, so it is there after a restart. Not an undoable edit. */
export function saveFilter(db: Database, filter: GraphFilter): void {
  db.prepare(
    'INSERT INTO ui_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run('filter', JSON.stringify(normaliseFilter(filter)));
}
