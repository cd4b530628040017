import type { Database } from 'better-sqlite3';

/** One numbered schema step. `up` runs inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
