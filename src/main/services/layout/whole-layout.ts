import type { Database } from 'better-sqlite3';
import type { Mutation, WholeLayoutProgress } from '../../../shared/domain';
import { CairnError } from '../../../shared/errors';
import type { BackgroundStore } from '../background/background-store';

/**
 * The whole graph's ForceAtlas2 layout (force-layout.ts) as the app asks for it: one at
 * a time, on the store worker, with its progress to poll and a cancel.
 */
export class WholeLayout {
  private running: {
    abort: AbortController;
    progress: WholeLayoutProgress;
    /** Writing the positions: too late to cancel. */
    writing: boolean;
  } | null = null;

  constructor(
    private readonly db: Database,
    private readonly background: BackgroundStore,
  ) {}

  async run(): Promise<Mutation<{ moved: number }>> {
    if (this.running) {
      throw new CairnError('conflict', 'The whole graph is already being laid out.');
    }
    const concepts = this.db.prepare('SELECT count(*) FROM concepts').pluck().get() as number;
    const running = {
      abort: new AbortController(),
      progress: { done: 0, total: 0, concepts },
      writing: false,
    };
    this.running = running;
    try {
      return await this.background.run(
        { kind: 'forceLayout' },
        {
          signal: running.abort.signal,
          onProgress: ({ done, total }) => (running.progress = { done, total, concepts }),
          onWriting: () => (running.writing = true),
        },
      );
    } finally {
      this.running = null;
    }
  }

  progress(): WholeLayoutProgress | null {
    return this.running ? { ...this.running.progress } : null;
  }

  /** Stops the layout, unless it is writing (seconds from its end) or none runs. */
  cancel(): { cancelled: boolean } {
    if (!this.running || this.running.writing) return { cancelled: false };
    this.running.abort.abort();
    return { cancelled: true };
  }
}
