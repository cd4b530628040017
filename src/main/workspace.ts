import fs from 'node:fs';
import path from 'node:path';
import { forwardingHandlers, type CairnHandlers } from '../shared/contract';
import type { AppInfo } from '../shared/domain';
import { CairnError } from '../shared/errors';
import type { OpenedDatabase } from './db/connection';
import { openGraph } from './open-graph';
import type { RecentGraphs } from './recent-graphs';
import { createHandlers, type GraphFiles } from './services';
import { ImportJobs } from './services/import/import-jobs';

export interface WorkspaceOptions {
  file: string;
  empty?: boolean;
  mode: AppInfo['mode'];
  version: string;
  recent: RecentGraphs;
  nativeBinding?: string;
  /** The desktop app's native file dialog. */
  chooseFile?: (purpose: 'open' | 'create') => Promise<string | null>;
}

/**
 * The open graph, and switching to another (File > New graph, Open graph, Open
 * Recent). `api` always answers for the graph that is open now. A file that cannot
 * be opened leaves the current graph open and untouched.
 */
export class Workspace {
  private opened: OpenedDatabase;
  private handlers: CairnHandlers;
  readonly imports = new ImportJobs();

  readonly api: CairnHandlers;

  constructor(private readonly options: WorkspaceOptions) {
    this.opened = openGraph(options.file, {
      empty: options.empty,
      nativeBinding: options.nativeBinding,
    });
    this.handlers = this.handlersFor(this.opened);
    options.recent.remember(this.opened.file);
    this.api = forwardingHandlers(() => this.handlers);
  }

  get current(): OpenedDatabase {
    return this.opened;
  }

  private info(opened: OpenedDatabase): AppInfo {
    return {
      version: this.options.version,
      databasePath: opened.file,
      graphName: path.basename(opened.file),
      mode: this.options.mode,
      readOnly: opened.readOnly,
    };
  }

  private handlersFor(opened: OpenedDatabase): CairnHandlers {
    const files: GraphFiles = {
      choose: this.options.chooseFile,
      recent: () => this.options.recent.list().filter((r) => r.path !== this.opened.file),
      open: (file) => {
        if (!fs.existsSync(file))
          throw new CairnError('not-found', `${path.basename(file)} does not exist.`);
        return this.switchTo(file, false);
      },
      create: (file, empty) => {
        if (fs.existsSync(file))
          throw new CairnError(
            'conflict',
            `${path.basename(file)} already exists: open it instead.`,
          );
        return this.switchTo(file, empty);
      },
    };
    return createHandlers(opened.db, this.info(opened), files, this.imports);
  }

  private switchTo(file: string, empty: boolean): AppInfo {
    const next = openGraph(file, { empty, nativeBinding: this.options.nativeBinding });
    const previous = this.opened;
    this.opened = next;
    this.handlers = this.handlersFor(next);
    previous.db.close();
    this.options.recent.remember(next.file);
    return this.info(next);
  }

  close(): void {
    if (this.opened.db.open) this.opened.db.close();
  }
}
