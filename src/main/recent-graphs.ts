import fs from 'node:fs';
import path from 'node:path';
import type { RecentGraph } from '../shared/domain';
import { makeFolders } from './make-folders';

const MAX_RECENT = 10;

/**
 * The list behind File > Open Recent: a small JSON file in the user data folder.
 * A damaged or missing list is treated as empty; it is never worth an error.
 */
export class RecentGraphs {
  constructor(private readonly file: string) {}

  list(): RecentGraph[] {
    try {
      const raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(raw)) return [];
      return raw
        .filter(
          (r): r is RecentGraph => typeof r?.path === 'string' && typeof r?.openedAt === 'string',
        )
        .map((r) => ({
          path: r.path,
          name: path.basename(r.path),
          openedAt: r.openedAt,
          exists: fs.existsSync(r.path),
        }))
        .slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  }

  remember(file: string, at: Date = new Date()): void {
    const entries = [
      { path: file, openedAt: at.toISOString() },
      ...this.list().filter((r) => r.path !== file),
    ].slice(0, MAX_RECENT);
    try {
      makeFolders(path.dirname(this.file));
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(
        temporary,
        JSON.stringify(
          entries.map(({ path: p, openedAt }) => ({ path: p, openedAt })),
          null,
          2,
        ),
      );
      fs.renameSync(temporary, this.file);
    } catch {
      // A read-only data folder costs the recent list, not the graph.
    }
  }
}
