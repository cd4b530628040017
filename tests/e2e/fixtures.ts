import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export interface CairnServer {
  url: string;
  databasePath: string;
  stop(): Promise<void>;
}

/** Starts the real `cairn serve` on a free port with a database in a temporary folder. */
export async function startCairn(
  databasePath: string,
  extraArgs: string[] = [],
): Promise<CairnServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'bin', 'cairn.cjs'),
      'serve',
      '--db',
      databasePath,
      '--port',
      '0',
      '--no-open',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Cairn is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`cairn serve exited with ${code}: ${output}`)));
  });
  return {
    url,
    databasePath,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The app as a person sees it, found by roles and labels. */
export class CairnApp {
  constructor(readonly page: Page) {}

  get searchBox() {
    return this.page.getByRole('searchbox', { name: 'Search concepts' });
  }
  get results() {
    return this.page.getByRole('listbox', { name: 'Search results' });
  }
  get details() {
    return this.page.getByRole('complementary', { name: 'Details' });
  }
  get legend() {
    return this.page.getByRole('region', { name: 'Legend' });
  }
  get status() {
    return this.page.getByRole('status').filter({ hasText: 'concepts' });
  }
  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async open(url: string) {
    await this.page.goto(url);
    await this.waitReady();
  }

  /** The app marks the document ready once the graph is drawn and laid out. */
  async waitReady() {
    await expect(this.page.locator('html')).toHaveAttribute(
      'data-cairn-state',
      /^(ready|empty|error)$/,
    );
  }

  inspect<T>(fn: string, ...args: unknown[]): Promise<T> {
    return this.page.evaluate(
      ([name, params]) => {
        const inspector = (
          window as unknown as { __cairnInspect: Record<string, (...a: unknown[]) => unknown> }
        ).__cairnInspect;
        return inspector[name as string]!(...(params as unknown[]));
      },
      [fn, args] as const,
    ) as Promise<T>;
  }

  async clickConcept(id: string) {
    const at = await this.inspect<{ x: number; y: number } | null>('renderedPosition', id);
    if (!at) throw new Error(`concept ${id} is not on screen`);
    await this.page.mouse.click(at.x, at.y);
  }

  async screenshot(name: string) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }
}

export const test = base.extend<{ cairn: CairnServer; app: CairnApp }>({
  // eslint-disable-next-line no-empty-pattern
  cairn: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
    const server = await startCairn(path.join(dir, 'graph.sqlite'));
    await use(server);
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await use(new CairnApp(page));
    // No script error and no CSP violation may happen during any test.
    expect(errors, 'errors in the page console').toEqual([]);
  },
});

export { expect };

export function defaultGraphCounts(): { concepts: number; links: number; categories: number } {
  const graph = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'data', 'default-graph.json'), 'utf8'),
  );
  return {
    concepts: graph.concepts.length,
    links: graph.links.length,
    categories: graph.categories.length,
  };
}
