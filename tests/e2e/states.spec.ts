import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { WHOLE_GRAPH_VIEW } from '../../src/shared/graph-view';
import { CairnApp, expect, startCairn, test } from './fixtures';

test('without the token, the app explains how to get in and shows no data', async ({
  page,
  cairn,
}) => {
  const app = new CairnApp(page);
  await page.goto(cairn.url.replace(/\?token=.*/, ''));
  await app.waitReady();
  await expect(page.locator('html')).toHaveAttribute('data-cairn-state', 'error');
  await expect(
    page.getByText(/Open Cairn with the link that\s*cairn serve\s*printed/),
  ).toBeVisible();
  await expect(app.status).toHaveCount(0);
  await app.screenshot('08-no-token');
});

test('an empty graph says what is happening', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
  const server = await startCairn(path.join(dir, 'empty.sqlite'), ['--empty']);
  try {
    const app = new CairnApp(page);
    await app.open(server.url);
    await expect(page.locator('html')).toHaveAttribute('data-cairn-state', 'empty');
    await expect(page.getByText(/no concepts/i).first()).toBeVisible();
    await app.screenshot('09-empty-graph');
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Serves a graph file Cairn cannot write: the file and its folder made read-only, and,
 * since root may write anything, the server run as nobody when the tests run as root.
 */
async function serveReadOnly(dir: string, file: string) {
  const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : null;
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(file, 0o444);
  const server = await startCairn(file, [], unprivileged);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      fs.chmodSync(dir, 0o700);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('a graph Cairn cannot write opens read-only and says so', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
  const file = path.join(dir, 'shared.sqlite');
  const made = await startCairn(file);
  await made.stop();
  const server = await serveReadOnly(dir, file);
  try {
    const app = new CairnApp(page);
    await app.open(server.url);
    await expect(page.locator('html')).toHaveAttribute('data-cairn-state', 'ready');
    await expect(app.status.locator('.status-read-only')).toHaveText('read-only');

    // It reads as any graph does; nothing offers a change the store would refuse.
    await app.searchBox.fill('etcd');
    await expect(app.results.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(app.heading).toHaveText('etcd');
    for (const name of [
      'New concept',
      'Edit concept',
      'Add link',
      'Delete concept',
      'Undo',
      'Pin',
    ]) {
      await expect(app.button(name), name).toBeDisabled();
    }
    await expect(app.details.getByRole('textbox', { name: 'Tags' })).toBeDisabled();
    await expect(app.details.getByRole('button', { name: /^(Edit|Delete) link/ })).toHaveCount(0);
    await app.details.getByRole('tab', { name: 'Write' }).click();
    await expect(app.noteEditor).not.toBeEditable();
    await page.keyboard.press('Escape');
    await app.page.locator('.graph-canvas').focus();
    await page.keyboard.press('n');
    const spot = await app.emptyCanvasPoint();
    await page.mouse.dblclick(spot.x, spot.y);
    await expect(app.dialog('New concept')).toHaveCount(0);
    // A drag on a concept does not move it (it cannot be saved).
    const before = await app.inspect<{ x: number; y: number }>('nodePosition', 'etcd');
    const at = await app.inspect<{ x: number; y: number }>('renderedPosition', 'etcd');
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 80, at.y + 40, { steps: 6 });
    await page.mouse.up();
    expect(await app.inspect('nodePosition', 'etcd')).toEqual(before);
    await expect(app.details).toContainText('open read-only: you can explore and export it');
    await app.screenshot('10-read-only');
  } finally {
    await server.stop();
  }
});

test('a read-only graph too big to lay out in the window opens without being placed', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
  const file = path.join(dir, 'big.sqlite');
  // Just over WHOLE_GRAPH_VIEW concepts without positions, brought in by the CLI: the app
  // would have the store place them, which a graph opened read-only cannot do (the page
  // then stayed in its error state). It lays them out itself instead, which takes a while.
  test.setTimeout(120_000);
  const nodes = Array.from({ length: WHOLE_GRAPH_VIEW + 100 }, (_, i) => ({
    data: { id: `n${i}`, label: `Concept ${i}`, category: `Group ${i % 7}` },
  }));
  const source = path.join(dir, 'big.cyjs');
  fs.writeFileSync(source, JSON.stringify({ elements: { nodes, edges: [] } }));
  const cli = path.join(__dirname, '..', '..', 'bin', 'cairn.cjs');
  execFileSync(process.execPath, [cli, 'import', '--file', source, '--db', file]);
  const server = await serveReadOnly(dir, file);
  try {
    const app = new CairnApp(page);
    await page.goto(server.url);
    await expect(page.locator('html')).toHaveAttribute('data-cairn-state', 'ready', {
      timeout: 90_000,
    });
    await expect(app.status.locator('.status-read-only')).toHaveText('read-only');
    expect((await app.counts()).concepts).toBeGreaterThan(WHOLE_GRAPH_VIEW);
  } finally {
    await server.stop();
  }
});

test('a request over 32 MB gets its answer in the browser, not a reset connection', async ({
  app,
  cairn,
}) => {
  // The page without its token is enough (it asks for the link): the call is made from its origin.
  await app.page.goto(new URL('/', cairn.url).href);
  const token = new URL(cairn.url).searchParams.get('token');
  const answer = await app.page.evaluate(async (bearer) => {
    const response = await fetch('/api/savePositions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bearer}` },
      body: new Blob([new Uint8Array(33 * 1024 * 1024).fill(32)]),
    });
    return { status: response.status, body: await response.json() };
  }, token);
  expect(answer.status).toBe(413);
  expect(answer.body.error.message).toBe('The request is larger than 32 MB.');
});
