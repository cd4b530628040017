import type { Database } from 'better-sqlite3';
import type { HistoryEntry, HistoryState } from '../../../shared/domain';
import { archiveBatch, forgetUndoneBatches, restoreBatch } from './import-batches';
import { applyImage, ChangeRecorder, type RowImage } from './row-images';

/** A row of `changes`, as Undo, Redo and time travel read it. */
export interface ChangeRow {
  id: number;
  at: string;
  summary: string;
  forward: string;
  backward: string;
  undone: number;
  /** An import's batch: its rows are taken back (and redone) by batch, not by image. */
  batch: number | null;
}

export interface Applied<T> {
  value: T;
  /** The row images that were applied, in order: what the patch for the map is made from. */
  images: RowImage[];
}

/**
 * The undo history, kept in the `changes` table so it is unlimited and survives a
 * restart. Each recorded change is one transaction: the edit and its log entry
 * commit together or not at all.
 */
export class History {
  constructor(private readonly db: Database) {}

  record<T>(
    summary: string | ((value: T) => string),
    edit: (recorder: ChangeRecorder) => T,
  ): Applied<T> {
    return this.db
      .transaction(() => {
        const recorder = new ChangeRecorder(this.db);
        const value = edit(recorder);
        const { forward, backward } = recorder.finish();
        if (forward.length > 0)
          this.append(typeof summary === 'function' ? summary(value) : summary, null, {
            forward,
            backward,
          });
        return { value, images: forward };
      })
      .immediate();
  }

  /**
   * Records an import, inside the import's own transaction: its batch (the rows it
   * added, taken back by batch id) and the row images of what it changed in rows that
   * were already there (conflicts taken from the file, tags added, new categories).
   */
  recordImport(
    summary: string,
    batch: number,
    images: { forward: RowImage[]; backward: RowImage[] },
  ): void {
    this.append(summary, batch, images);
  }

  private append(
    summary: string,
    batch: number | null,
    images: { forward: RowImage[]; backward: RowImage[] },
  ): void {
    // A new change after some undos makes those undone changes unreachable.
    forgetUndoneBatches(this.db);
    // Time travel cannot rebuild what they did while they were in effect: say so.
    this.db
      .prepare(
        `INSERT INTO history_gaps (kind, since, count)
         SELECT 'discarded', min(at), count(*) FROM changes WHERE undone = 1 HAVING count(*) > 0`,
      )
      .run();
    this.db.prepare('DELETE FROM changes WHERE undone = 1').run();
    this.db
      .prepare('INSERT INTO changes (summary, forward, backward, batch) VALUES (?, ?, ?, ?)')
      .run(summary, JSON.stringify(images.forward), JSON.stringify(images.backward), batch);
  }

  undo(): Applied<HistoryEntry | null> {
    return this.db
      .transaction(() => {
        const change = this.db
          .prepare('SELECT * FROM changes WHERE undone = 0 ORDER BY id DESC LIMIT 1')
          .get() as ChangeRow | undefined;
        if (!change) return { value: null, images: [] };
        // Rows of the batch may point at rows the images put back or take away (a
        // category it created): the foreign keys are checked once, at commit.
        this.db.pragma('defer_foreign_keys = ON');
        const removed = change.batch === null ? [] : archiveBatch(this.db, change.batch);
        const images = JSON.parse(change.backward) as RowImage[];
        for (const image of images) applyImage(this.db, image);
        images.push(...removed);
        this.db.prepare('UPDATE changes SET undone = 1 WHERE id = ?').run(change.id);
        return { value: toEntry({ ...change, undone: 1 }), images };
      })
      .immediate();
  }

  redo(): Applied<HistoryEntry | null> {
    return this.db
      .transaction(() => {
        const change = this.db
          .prepare('SELECT * FROM changes WHERE undone = 1 ORDER BY id ASC LIMIT 1')
          .get() as ChangeRow | undefined;
        if (!change) return { value: null, images: [] };
        this.db.pragma('defer_foreign_keys = ON');
        const images = JSON.parse(change.forward) as RowImage[];
        for (const image of images) applyImage(this.db, image);
        if (change.batch !== null) images.push(...restoreBatch(this.db, change.batch));
        this.db.prepare('UPDATE changes SET undone = 0 WHERE id = ?').run(change.id);
        return { value: toEntry({ ...change, undone: 0 }), images };
      })
      .immediate();
  }

  state(): HistoryState {
    const last = this.db
      .prepare('SELECT summary FROM changes WHERE undone = 0 ORDER BY id DESC LIMIT 1')
      .get() as { summary: string } | undefined;
    const next = this.db
      .prepare('SELECT summary FROM changes WHERE undone = 1 ORDER BY id ASC LIMIT 1')
      .get() as { summary: string } | undefined;
    return {
      canUndo: last !== undefined,
      canRedo: next !== undefined,
      undoSummary: last?.summary ?? null,
      redoSummary: next?.summary ?? null,
    };
  }

  /** Newest first; undone changes (the redo stack) are included and marked. */
  entries(limit = 200): HistoryEntry[] {
    return (
      this.db
        .prepare('SELECT id, at, summary, undone FROM changes ORDER BY id DESC LIMIT ?')
        .all(limit) as Pick<ChangeRow, 'id' | 'at' | 'summary' | 'undone'>[]
    ).map(toEntry);
  }
}

function toEntry(row: Pick<ChangeRow, 'id' | 'at' | 'summary' | 'undone'>): HistoryEntry {
  return { id: row.id, at: row.at, summary: row.summary, undone: row.undone === 1 };
}
