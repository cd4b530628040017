import type { Database } from 'better-sqlite3';
import { CairnError } from '../../../shared/errors';
import type { Timeline, TimelineEntry, TravelState } from '../../../shared/time-travel';
import { inMemoryCopy } from '../../db/connection';
import type { ChangeRow } from '../history/history';
import { archiveBatch, restoreBatch } from '../history/import-batches';
import { applyImage, type RowImage } from '../history/row-images';

// Time travel rebuilds the graph as it was after any recorded change: a copy of the
// graph in memory, on which the change log is undone back to that change (and redone
// forward again as the timeline is dragged), exactly as Undo and Redo do on the graph
// itself. Every read service then runs on the copy unchanged, so the map, search, the
// details and export all show the past. The graph file is never touched.

interface GapRow {
  at: string;
  kind: 'default-graph' | 'discarded';
  since: string;
  count: number;
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });

/** The timeline of a graph: the changes in effect now, oldest first. */
export function timelineOf(db: Database): Timeline {
  return {
    entries: db
      .prepare('SELECT id, at, summary FROM changes WHERE undone = 0 ORDER BY id')
      .all() as TimelineEntry[],
    undone: db.prepare('SELECT count(*) FROM changes WHERE undone = 1').pluck().get() as number,
  };
}

/** The last change in effect at `moment` (ISO 8601), or 0 when it is before the first. */
export function changeAt(db: Database, moment: Date): number {
  const iso = moment.toISOString();
  return (
    (db.prepare('SELECT max(id) FROM changes WHERE undone = 0 AND at <= ?').pluck().get(iso) as
      number | null) ?? 0
  );
}

export class TimeMachine {
  private copy: Database | null = null;
  /** The change the copy stands just after (0: before the first). */
  private position = 0;
  private now = 0;

  constructor(private readonly db: Database) {}

  /** The graph as it was, while travelling; null at the present. */
  get past(): Database | null {
    return this.copy;
  }

  /**
   * Shows the graph just after change `after` (0: before the first), or as it is now.
   * `moment`: the time asked for, when it is not that change's own (`--as-of`), for the
   * caveats: an undone change may have been in effect then.
   */
  travelTo(after: number | 'now', moment?: Date): TravelState {
    if (after === 'now') {
      this.end();
      return { after: null, at: null, ghosts: [], ghostLinks: [], caveats: [] };
    }
    const { entries } = timelineOf(this.db);
    if (after !== 0 && !entries.some((e) => e.id === after)) {
      throw new CairnError(
        'not-found',
        `There is no change ${after} in the history of this graph (it may have been undone).`,
      );
    }
    if (!this.copy) {
      this.copy = inMemoryCopy(this.db);
      this.now = entries.at(-1)?.id ?? 0;
      this.position = this.now;
    }
    const copy = this.copy;
    const travelled: ChangeRow[] = [];
    copy
      .transaction(() => {
        // Rows may point at rows the images put back or take away: checked at commit.
        copy.pragma('defer_foreign_keys = ON');
        if (after < this.position) {
          const back = copy
            .prepare(
              'SELECT * FROM changes WHERE undone = 0 AND id > ? AND id <= ? ORDER BY id DESC',
            )
            .all(after, this.position) as ChangeRow[];
          for (const change of back) {
            if (change.batch !== null) archiveBatch(copy, change.batch);
            for (const image of JSON.parse(change.backward) as RowImage[]) applyImage(copy, image);
            travelled.push(change);
          }
        } else if (after > this.position) {
          const forward = copy
            .prepare('SELECT * FROM changes WHERE undone = 0 AND id > ? AND id <= ? ORDER BY id')
            .all(this.position, after) as ChangeRow[];
          for (const change of forward) {
            for (const image of JSON.parse(change.forward) as RowImage[]) applyImage(copy, image);
            if (change.batch !== null) restoreBatch(copy, change.batch);
          }
        }
        // The copy's caches (the structure's measures, the names suggestions match)
        // follow its version, which no change moved: the graph they read is another now.
        copy.prepare('UPDATE structure_state SET version = version + 1').run();
      })
      .immediate();
    this.position = after;
    const at = entries.find((e) => e.id === after)?.at ?? null;
    return {
      after,
      at,
      ...this.ghosts(),
      caveats: this.caveats(after, moment?.toISOString() ?? at, entries),
    };
  }

  /** Back to the present: the copy goes. */
  end(): void {
    this.copy?.close();
    this.copy = null;
  }

  /**
   * The concepts and links shown that are deleted now: those the changes since delete,
   * which the copy has and the graph does not.
   */
  private ghosts(): { ghosts: string[]; ghostLinks: number[] } {
    const copy = this.copy!;
    const concepts = new Set<string>();
    const links = new Set<number>();
    const since = copy
      .prepare('SELECT forward FROM changes WHERE undone = 0 AND id > ? AND id <= ?')
      .pluck()
      .all(this.position, this.now) as string[];
    for (const forward of since) {
      for (const image of JSON.parse(forward) as RowImage[]) {
        if (image.row !== null) continue;
        if (image.table === 'concepts' && image.ref) concepts.add(image.ref);
        if (image.table === 'links') links.add(Number(image.pk[0]));
      }
    }
    const shown = (db: Database, sql: string) => db.prepare(sql).pluck();
    const conceptThen = shown(copy, 'SELECT 1 FROM concepts WHERE id = ?');
    const conceptNow = shown(this.db, 'SELECT 1 FROM concepts WHERE id = ?');
    const linkThen = shown(copy, 'SELECT 1 FROM links WHERE id = ?');
    const linkNow = shown(this.db, 'SELECT 1 FROM links WHERE id = ?');
    return {
      ghosts: [...concepts].filter((id) => conceptThen.get(id) && !conceptNow.get(id)).sort(),
      ghostLinks: [...links]
        .filter((id) => linkThen.get(id) && !linkNow.get(id))
        .sort((a, b) => a - b),
    };
  }

  /**
   * What the log cannot say about `at`, shown as the graph just after change `after`.
   * A point of the timeline (a change's own moment) is exact but for merges of the
   * default graph; a moment between two changes may also fall while a change since
   * undone was in effect.
   */
  private caveats(after: number, at: string | null, entries: readonly TimelineEntry[]): string[] {
    const caveats: string[] = [];
    const first = entries[0];
    if (after === 0 && first) {
      caveats.push(
        `This is the graph before the first recorded change (${when(first.at)}); Cairn has no record of anything earlier.`,
      );
    }
    const moment = at ?? first?.at ?? '';
    const gaps = this.db
      .prepare('SELECT at, kind, since, count FROM history_gaps ORDER BY id')
      .all() as GapRow[];
    for (const gap of gaps) {
      if (gap.kind === 'default-graph' && gap.at > moment) {
        caveats.push(
          `The default graph was updated on ${when(gap.at)} without a record of each change: the ${gap.count.toLocaleString('en')} ${gap.count === 1 ? 'row' : 'rows'} it changed show as they are now.`,
        );
      } else if (gap.kind === 'discarded' && gap.since <= moment && moment < gap.at) {
        caveats.push(
          `${gap.count.toLocaleString('en')} ${gap.count === 1 ? 'change' : 'changes'} made from ${when(gap.since)} and undone before ${when(gap.at)} ${gap.count === 1 ? 'is' : 'are'} no longer in the history: the graph may have differed from this meanwhile.`,
        );
      }
    }
    const undone = this.db
      .prepare('SELECT count(*) AS count, min(at) AS since FROM changes WHERE undone = 1')
      .get() as { count: number; since: string | null };
    if (undone.count > 0 && undone.since! <= moment) {
      caveats.push(
        `${undone.count.toLocaleString('en')} undone ${undone.count === 1 ? 'change' : 'changes'} (from ${when(undone.since!)}) ${undone.count === 1 ? 'is' : 'are'} not shown: the history does not say when ${undone.count === 1 ? 'it was' : 'they were'} undone.`,
      );
    }
    return caveats;
  }
}
