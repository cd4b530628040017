import type { Database } from 'better-sqlite3';
import type { ConceptSummary, Origin } from '../../../shared/domain';
import {
  CHANGES_LIST_LIMIT,
  type ChangesBetween,
  type ConceptChange,
} from '../../../shared/time-travel';
import type { ChangeRow as HistoryRow } from '../history/history';
import type { Row, RowImage } from '../history/row-images';

// "What changed since…": the net difference between two moments, read from the row
// images of the changes between them. For each row, the first change's backward image is
// how it was at the start and the last change's forward image how it is at the end, so a
// concept created and deleted between the two is neither added nor deleted.

type ChangeRow = Pick<HistoryRow, 'forward' | 'backward' | 'batch'>;

type Ends = { before: Row | null; after: Row | null };

const summaryOf = (row: Row): ConceptSummary => ({
  id: String(row.id),
  label: String(row.label),
  category: String(row.category),
  origin: row.origin as Origin,
});

/** The net change of every row the changes touch, by table and primary key. */
function rowEnds(changes: readonly ChangeRow[]): Map<string, Map<string, Ends>> {
  const tables = new Map<string, Map<string, Ends>>();
  for (const change of changes) {
    const backward = JSON.parse(change.backward) as RowImage[];
    const forward = JSON.parse(change.forward) as RowImage[];
    for (const image of backward) {
      let rows = tables.get(image.table);
      if (!rows) tables.set(image.table, (rows = new Map()));
      const key = JSON.stringify(image.pk);
      if (!rows.has(key)) rows.set(key, { before: image.row, after: image.row });
    }
    for (const image of forward) {
      const rows = tables.get(image.table)!;
      rows.get(JSON.stringify(image.pk))!.after = image.row;
    }
  }
  return tables;
}

/** What changed between `from` and `to`: concepts added, edited and deleted, and links. */
export function changesBetween(
  db: Database,
  from: Date,
  to: Date,
  /** Start just after this change rather than at `from` (a timeline point is a change). */
  afterChange?: number,
): ChangesBetween {
  const changes = (
    afterChange === undefined
      ? db
          .prepare(
            'SELECT forward, backward, batch FROM changes WHERE undone = 0 AND at > ? AND at <= ? ORDER BY id',
          )
          .all(from.toISOString(), to.toISOString())
      : db
          .prepare(
            'SELECT forward, backward, batch FROM changes WHERE undone = 0 AND id > ? AND at <= ? ORDER BY id',
          )
          .all(afterChange, to.toISOString())
  ) as ChangeRow[];
  const tables = rowEnds(changes);
  const added = new Map<number, ConceptSummary>();
  const deleted = new Map<number, ConceptSummary>();
  const edited = new Map<number, ConceptChange>();
  const edit = (key: number, what: string, summary?: ConceptSummary, before?: string) => {
    if (added.has(key) || deleted.has(key)) return;
    const change = edited.get(key) ?? { concept: summary!, what: [] };
    if (!change.concept && summary) change.concept = summary;
    if (!change.what.includes(what)) change.what.push(what);
    if (before !== undefined) change.before = before;
    edited.set(key, change);
  };

  for (const [pk, { before, after }] of tables.get('concepts') ?? []) {
    const key = (JSON.parse(pk) as number[])[0]!;
    if (!before && after) added.set(key, summaryOf(after));
    else if (before && !after) deleted.set(key, summaryOf(before));
    else if (before && after) {
      for (const field of ['label', 'category', 'description'] as const) {
        if (before[field] !== after[field]) {
          edit(key, field, summaryOf(after), field === 'label' ? String(before.label) : undefined);
        }
      }
    }
  }
  // Rows an import brought in have no images: its batch says which they are.
  const batches = changes.flatMap((c) => (c.batch === null ? [] : [c.batch]));
  const fromBatch = db.prepare(
    'SELECT key, id, label, category, origin FROM concepts WHERE import_batch = ?',
  );
  for (const batch of batches) {
    for (const row of fromBatch.all(batch) as (Row & { key: number })[]) {
      added.set(row.key, summaryOf(row));
    }
  }

  const current = db.prepare('SELECT id, label, category, origin FROM concepts WHERE key = ?');
  const summaryNow = (key: number) => {
    const row = current.get(key) as Row | undefined;
    return row ? summaryOf(row) : undefined;
  };
  const sameRow = (a: Row | null, b: Row | null) => JSON.stringify(a) === JSON.stringify(b);
  for (const [table, what] of [
    ['notes', 'note'],
    ['tags', 'tags'],
    ['concept_attributes', 'attributes'],
  ] as const) {
    for (const [pk, { before, after }] of tables.get(table) ?? []) {
      if (sameRow(before, after)) continue;
      const key = (JSON.parse(pk) as number[])[0]!;
      const summary = summaryNow(key);
      if (summary) edit(key, what, summary);
    }
  }

  let linksAdded = 0;
  let linksRemoved = 0;
  for (const { before, after } of tables.get('links')?.values() ?? []) {
    if (!before && after) linksAdded++;
    else if (before && !after) linksRemoved++;
  }
  const batchLinks = db.prepare('SELECT count(*) FROM links WHERE import_batch = ?').pluck();
  for (const batch of batches) linksAdded += batchLinks.get(batch) as number;

  const list = <T>(values: Iterable<T>) => [...values].slice(0, CHANGES_LIST_LIMIT);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    changes: changes.length,
    added: list(added.values()),
    edited: list([...edited.values()].filter((c) => c.concept)),
    deleted: list(deleted.values()),
    linksAdded,
    linksRemoved,
  };
}
