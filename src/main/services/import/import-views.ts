import type { Database } from 'better-sqlite3';
import { foldLabel } from '../../../shared/labels';
import { freeViewName, VIEWS_PER_GRAPH, type ViewSpec } from '../../../shared/saved-views';
import { insertView } from '../editing/view-edits';
import type { Recorder } from '../history/row-images';
import type { ImportedView } from './imported-graph';

/**
 * The saved views of a Cairn JSON file, added once its concepts are in. A view names
 * the file's concept ids; each becomes the id of the concept it was merged into (a
 * concept matched by label has the graph's id). A view named like one already here:
 * the same spec is already here and is skipped; a different one is added under a free
 * name and said so. Returns the names of the views added.
 */
export function mergeViews(
  db: Database,
  recorder: Recorder,
  views: readonly ImportedView[],
  graphId: (fileId: string) => string | undefined,
  file: string,
  warn: (sentence: string) => void,
): string[] {
  const added: string[] = [];
  const taken = db.prepare('SELECT name FROM saved_views').pluck().all() as string[];
  const existing = db.prepare('SELECT spec FROM saved_views WHERE folded = ?').pluck();
  for (const view of views) {
    const at = `${file}, line ${view.line}: the saved view “${view.name.slice(0, 80)}”`;
    const missing = view.spec.focus?.ids.find((id) => graphId(id) === undefined);
    if (missing !== undefined) {
      warn(
        `${at} is around "${missing.slice(0, 80)}", which is neither in the file nor in the graph, so it was not kept.`,
      );
      continue;
    }
    const spec = inGraphIds(view.spec, graphId);
    const before = existing.get(foldLabel(view.name)) as string | undefined;
    if (before === JSON.stringify(spec)) continue;
    if (taken.length >= VIEWS_PER_GRAPH) {
      warn(
        `${at} was not kept: the graph already keeps ${VIEWS_PER_GRAPH} saved views, the most it can.`,
      );
      continue;
    }
    const name = before === undefined ? view.name : freeViewName(`${view.name} (imported)`, taken);
    if (before !== undefined) {
      warn(
        `${at} differs from the view of that name in this graph, which was kept as it is; the file's was added as “${name}”.`,
      );
    }
    insertView(db, recorder, name, spec);
    taken.push(name);
    added.push(name);
  }
  return added;
}

function inGraphIds(spec: ViewSpec, graphId: (fileId: string) => string | undefined): ViewSpec {
  const ids = (list: readonly string[]) => list.flatMap((id) => graphId(id) ?? []);
  return {
    ...spec,
    focus: spec.focus
      ? {
          ...spec.focus,
          ids: ids(spec.focus.ids),
          expanded: ids(spec.focus.expanded),
          showAll: ids(spec.focus.showAll),
        }
      : null,
    positions:
      spec.positions?.flatMap((p) => {
        const id = graphId(p.id);
        return id === undefined ? [] : [{ ...p, id }];
      }) ?? null,
  };
}
