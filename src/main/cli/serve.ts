import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CairnError } from '../../shared/errors';
import { createDispatcher } from '../dispatch';
import { startServer } from '../server/http-server';
import { openInBrowser } from '../server/open-browser';
import { RecentGraphs } from '../recent-graphs';
import { userDataDir } from '../paths';
import { Workspace } from '../workspace';
import { UsageError } from './output';

const DEFAULT_PORT = 4840;

export function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${raw}"`);
  }
  return port;
}

export interface ServeOptions {
  databasePath: string;
  empty: boolean;
  port: number;
  open: boolean;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  rendererDir?: string;
}

/** Runs browser mode until the process is interrupted; resolves when the server has closed. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const rendererDir = options.rendererDir ?? path.join(__dirname, '..', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new CairnError(
      'io',
      `The app is not built (${rendererDir} has no index.html): run "npm run build" first.`,
    );
  }
  const workspace = new Workspace({
    file: options.databasePath,
    empty: options.empty,
    mode: 'browser',
    version: __CAIRN_VERSION__,
    recent: new RecentGraphs(path.join(userDataDir(), 'recent-graphs.json')),
  });
  if (workspace.current.created)
    options.stderr(
      `Created ${workspace.current.file}${options.empty ? ' (empty)' : ' with the default graph'}.`,
    );
  let server;
  try {
    server = await startServer({
      dispatch: createDispatcher(workspace.api, (error) =>
        options.stderr(`cairn: ${String(error)}`),
      ),
      rendererDir,
      token: randomBytes(24).toString('base64url'),
      port: options.port,
    });
  } catch (error) {
    workspace.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CairnError(
        'io',
        `Port ${options.port} is already in use: choose another with --port N (0 picks a free one).`,
      );
    }
    throw error;
  }
  options.stdout(`Cairn is running at ${server.url}`);
  options.stdout(`Graph: ${workspace.current.file}. Press Ctrl+C to stop.`);
  if (options.open && !(await openInBrowser(server.url))) {
    options.stderr('cairn: could not open a browser; open the link above yourself.');
  }
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(() => {
        workspace.close();
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
