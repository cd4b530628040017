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
  as: { uid: number; gid: number } | null = null,
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
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The recent-graphs list lives in the per-user folder: keep each run's beside its database.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(path.dirname(databasePath), 'config') },
      ...(as ?? {}),
    },
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
    // The status bar, not the layout's progress (also a status, also counting concepts).
    return this.page.getByRole('status').filter({ hasText: /concepts? · [\d,]+ links?/ });
  }
  /** Types in the search box and waits for results to be about what was typed. */
  async search(query: string) {
    await this.searchBox.fill(query);
    await expect(this.results.getByRole('option').first()).toBeVisible();
  }
  /** Searches for a concept, opens the first hit with Enter, and waits for its details. */
  async openConcept(label: string) {
    await this.search(label);
    await this.page.keyboard.press('Enter');
    await expect(this.heading).toHaveText(label);
  }
  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }
  dialog(name: string) {
    return this.page.getByRole('dialog', { name });
  }
  get heading() {
    return this.details.getByRole('heading', { level: 2 });
  }
  get historyPanel() {
    return this.page.getByRole('complementary', { name: 'History' });
  }
  get noteEditor() {
    return this.details.getByRole('textbox', { name: 'Note' });
  }
  get notePreview() {
    return this.details.getByRole('tabpanel');
  }

  /** Creates a concept through the toolbar's New concept dialog and waits for its details. */
  async createConcept(label: string, category: string, description = '') {
    await this.button('New concept').click();
    const dialog = this.dialog('New concept');
    await dialog.getByRole('textbox', { name: 'Label' }).fill(label);
    await dialog.getByRole('combobox', { name: 'Category' }).fill(category);
    if (description) await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(this.heading).toHaveText(label);
  }

  /** Writes a note in the Write tab and waits until it is saved. */
  async writeNote(body: string) {
    await this.details.getByRole('tab', { name: 'Write' }).click();
    await this.noteEditor.fill(body);
    await this.noteEditor.blur();
    await expect(this.details.getByText('Saved', { exact: true })).toBeVisible();
  }

  /**
   * Waits until the view stops moving (centring and fitting animate): the app reports no
   * animation, and the view is the same two rendered frames apart.
   */
  async settle() {
    await expect
      .poll(() =>
        this.page.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              const inspect = (
                window as unknown as {
                  __cairnInspect: {
                    zoom(): number;
                    isAnimating(): boolean;
                    visibleNodeIds(): string[];
                    renderedPosition(id: string): { x: number; y: number } | null;
                  };
                }
              ).__cairnInspect;
              const view = () =>
                JSON.stringify([
                  inspect.zoom(),
                  inspect.renderedPosition(inspect.visibleNodeIds()[0] ?? ''),
                ]);
              const before = view();
              requestAnimationFrame(() =>
                requestAnimationFrame(() => resolve(!inspect.isAnimating() && view() === before)),
              );
            }),
        ),
      )
      .toBe(true);
  }

  /** A point of the canvas with no concept near it, in page coordinates. */
  async emptyCanvasPoint(): Promise<{ x: number; y: number }> {
    await this.settle();
    return this.page.evaluate(() => {
      const inspect = (
        window as unknown as {
          __cairnInspect: {
            visibleNodeIds(): string[];
            renderedPosition(id: string): { x: number; y: number } | null;
          };
        }
      ).__cairnInspect;
      const nodes = inspect
        .visibleNodeIds()
        .map((id) => inspect.renderedPosition(id))
        .filter((p): p is { x: number; y: number } => p !== null);
      const rect = document.querySelector('.graph-canvas')!.getBoundingClientRect();
      let best = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      let bestDistance = -1;
      for (let fx = 0.1; fx <= 0.9; fx += 0.05) {
        for (let fy = 0.1; fy <= 0.9; fy += 0.05) {
          const x = rect.left + rect.width * fx;
          const y = rect.top + rect.height * fy;
          const distance = Math.min(...nodes.map((n) => Math.hypot(n.x - x, n.y - y)));
          if (distance > bestDistance) {
            bestDistance = distance;
            best = { x, y };
          }
        }
      }
      return best;
    });
  }

  /**
   * Opens the app. CAIRN_E2E_RENDERER=webgl runs the suite on Cytoscape's WebGL mode,
   * which the app draws with only when asked (graph/renderer-choice.ts says why).
   */
  async open(url: string) {
    const renderer = process.env.CAIRN_E2E_RENDERER;
    const opened = new URL(url);
    if (renderer) opened.searchParams.set('renderer', renderer);
    await this.page.goto(renderer ? opened.toString() : url);
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

  /** The concept and link counts the status bar shows. */
  async counts(): Promise<{ concepts: number; links: number }> {
    const text = (await this.status.locator('.status-counts').textContent()) ?? '';
    const match = /([\d,]+) concepts? · ([\d,]+) links?/.exec(text);
    if (!match) throw new Error(`no counts in the status bar: ${text}`);
    const number = (s: string) => Number(s.replace(/,/g, ''));
    return { concepts: number(match[1]!), links: number(match[2]!) };
  }

  /** Re-layout from the toolbar's Layout menu, and waits until the layout has run. */
  async relayout() {
    await this.page.getByRole('button', { name: 'Layout', exact: true }).click();
    await this.page
      .getByRole('menu', { name: 'Layout' })
      .getByRole('menuitem', { name: 'Re-layout' })
      .click();
  }

  /** Runs a command of the toolbar's File menu (browser mode). */
  async fileMenu(item: string) {
    await this.page.getByRole('button', { name: 'File', exact: true }).click();
    await this.page
      .getByRole('menu', { name: 'File' })
      .getByRole('menuitem', { name: item })
      .click();
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
  // The app depends on the server so that it is torn down first: its check of the console
  // must not see the requests a page still makes after the server has stopped.
  app: async ({ page, cairn }, use) => {
    void cairn;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // An API call the services refused (a duplicate label, a bad tag…) answers 4xx by
      // design, and Chromium logs every 4xx; the app shows the sentence inline instead.
      const refusal =
        /^Failed to load resource: the server responded with a status of 4\d\d/.test(
          message.text(),
        ) && new URL(message.location().url || 'about:blank').pathname.startsWith('/api/');
      if (!refusal) errors.push(message.text());
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
