import type { Database } from 'better-sqlite3';
import type { HistoryEntry, HistoryState } from '../../../shared/domain';
import { applyImage, ChangeRecorder, type RowImage } from './row-images';

interface ChangeRow {
  id: number;
  at: string;
  summary: string;
  forward: string;
  backward: string;
  undone: number;
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
        if (forward.length > 0) {
          // A new change after some undos makes those undone changes unreachable.
          this.db.prepare('DELETE FROM changes WHERE undone = 1').run();
          this.db
            .prepare('INSERT INTO changes (summary, forward, backward) VALUES (?, ?, ?)')
            .run(
              typeof summary === 'function' ? summary(value) : summary,
              JSON.stringify(forward),
              JSON.stringify(backward),
            );
        }
        return { value, images: forward };
      })
      .immediate();
  }

  undo(): Applied<HistoryEntry | null> {
    return this.db
      .transaction(() => {
        const change = this.db
          .prepare('SELECT * FROM changes WHERE undone = 0 ORDER BY id DESC LIMIT 1')
          .get() as ChangeRow | undefined;
        if (!change) return { value: null, images: [] };
        const images = JSON.parse(change.backward) as RowImage[];
        for (const image of images) applyImage(this.db, image);
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
        const images = JSON.parse(change.forward) as RowImage[];
        for (const image of images) applyImage(this.db, image);
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
