import type { Database } from 'better-sqlite3';
import { viewSpecSchema } from '../../../shared/contract-schemas';
import { CairnError } from '../../../shared/errors';
import { filterIsOn, normaliseFilter } from '../../../shared/filters';
import { foldLabel } from '../../../shared/labels';
import { isLayoutName } from '../../../shared/layouts';
import {
  filtersOn,
  type SavedView,
  type SavedViewSummary,
  type ViewSpec,
} from '../../../shared/saved-views';
import { filterSql } from '../view/filter-sql';
import { LocalGraphs } from '../view/local-graph';

// Reading saved views (the rows of migration 9). Changing them is in editing/view-edits.ts,
// where every change is recorded in the history.

interface ViewRow {
  id: number;
  name: string;
  spec: string;
  created_at: string;
  updated_at: string;
}

/** Quoted, cut short, on one line: a view name inside a sentence. */
export function quotedName(name: string): string {
  return `“${name.slice(0, 80).replace(/\s+/g, ' ')}”`;
}

/**
 * A stored spec, checked as the boundary checks one: a graph file or a Cairn JSON file
 * from someone else may hold anything in it.
 */
export function parseViewSpec(text: string, name: string): ViewSpec {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = viewSpecSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
    throw new CairnError(
      'corrupt-database',
      `The saved view ${quotedName(name)} is damaged${where}, so it cannot be opened; delete it and save it again.`,
    );
  }
  return parsed.data;
}

function labelsOf(db: Database, ids: readonly string[]): string[] {
  const labels = new Map(
    (
      db
        .prepare('SELECT c.id, c.label FROM json_each(?) j JOIN concepts c ON c.id = j.value')
        .all(JSON.stringify(ids)) as { id: string; label: string }[]
    ).map((row) => [row.id, row.label]),
  );
  // In the order the view names them; a concept deleted since is left out.
  return ids.flatMap((id) => (labels.has(id) ? [labels.get(id)!] : []));
}

function toView(db: Database, row: ViewRow): SavedView {
  const spec = parseViewSpec(row.spec, row.name);
  return {
    id: row.id,
    name: row.name,
    focus: spec.focus ? { labels: labelsOf(db, spec.focus.ids), depth: spec.focus.depth } : null,
    layout: spec.layout,
    filters: filtersOn(spec.filter),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    spec,
  };
}

/** A view's name, without reading its spec (a damaged view can still be renamed or deleted). */
export function viewNameOf(db: Database, id: number): string {
  const name = db.prepare('SELECT name FROM saved_views WHERE id = ?').pluck().get(id) as
    string | undefined;
  if (name === undefined)
    throw new CairnError('not-found', `There is no saved view with the id ${id}.`);
  return name;
}

export function readView(db: Database, id: number): SavedView {
  const row = db.prepare('SELECT * FROM saved_views WHERE id = ?').get(id) as ViewRow | undefined;
  if (!row) throw new CairnError('not-found', `There is no saved view with the id ${id}.`);
  return toView(db, row);
}

/** A view by its name, compared as labels are (ignoring case). */
export function viewByName(db: Database, name: string): SavedView {
  const row = db
    .prepare('SELECT * FROM saved_views WHERE folded = ?')
    .get(foldLabel(name.trim())) as ViewRow | undefined;
  if (!row) {
    const count = db.prepare('SELECT count(*) FROM saved_views').pluck().get() as number;
    throw new CairnError(
      'not-found',
      count === 0
        ? `There is no view named ${quotedName(name)}: this graph has no saved views.`
        : `There is no view named ${quotedName(name)}; \`cairn views\` lists the ${count} this graph has.`,
    );
  }
  return toView(db, row);
}

/**
 * Every view, by name, as the list shows it. The pieces the list needs are read with
 * json_extract, so a view's positions are never parsed for it, and a damaged view is
 * still listed (opening it then says what is wrong).
 */
export function listViews(db: Database): SavedViewSummary[] {
  const rows = db
    .prepare(
      `SELECT id, name, created_at, updated_at,
              CASE WHEN json_valid(spec) THEN json_extract(spec, '$.focus') END AS focus,
              CASE WHEN json_valid(spec) THEN json_extract(spec, '$.layout') END AS layout,
              CASE WHEN json_valid(spec) THEN json_extract(spec, '$.filter') END AS filter
       FROM saved_views ORDER BY folded`,
    )
    .all() as (Omit<ViewRow, 'spec'> & {
    focus: string | null;
    layout: string | null;
    filter: string | null;
  })[];
  return rows.map((row) => {
    const focus = parseFocus(row.focus);
    return {
      id: row.id,
      name: row.name,
      focus: focus ? { labels: labelsOf(db, focus.ids), depth: focus.depth } : null,
      layout: isLayoutName(row.layout) ? row.layout : 'force',
      filters: filtersOn(normaliseFilter(safeJson(row.filter))),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

function safeJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseFocus(text: string | null): { ids: string[]; depth: number } | null {
  const value = safeJson(text) as { ids?: unknown; depth?: unknown } | null | undefined;
  if (!value || !Array.isArray(value.ids)) return null;
  const ids = value.ids.filter((id): id is string => typeof id === 'string');
  return { ids, depth: typeof value.depth === 'number' ? value.depth : 1 };
}

/**
 * What a view shows, as the concepts and links to export (`cairn export --view`): the
 * local graph of its focus, or every concept and link its filters show; null when it
 * shows the whole graph unfiltered, which is exported as the whole graph is (a scope of
 * 100,000 ids made that export take over a minute).
 */
export function viewContents(
  db: Database,
  spec: ViewSpec,
): { conceptIds: string[]; linkIds: number[] } | null {
  if (!spec.focus && !filterIsOn(spec.filter)) return null;
  if (spec.focus) {
    const local = new LocalGraphs(db).localGraph({
      focus: spec.focus.ids,
      depth: spec.focus.depth,
      expanded: spec.focus.expanded,
      showAll: spec.focus.showAll,
      filter: spec.filter,
    });
    return { conceptIds: local.concepts.map((c) => c.id), linkIds: local.links.map((l) => l.id) };
  }
  const sql = filterSql(spec.filter);
  const shown = `SELECT c.key FROM concepts c WHERE ${sql.concepts}`;
  const conceptIds = db
    .prepare(`SELECT c.id FROM concepts c WHERE ${sql.concepts} ORDER BY c.key`)
    .pluck()
    .all(sql.params) as string[];
  const linkIds = db
    .prepare(
      `SELECT l.id FROM links l
       WHERE ${sql.links} AND l.source IN (${shown}) AND l.target IN (${shown})
       ORDER BY l.id`,
    )
    .pluck()
    .all(sql.params) as number[];
  return { conceptIds, linkIds };
}
