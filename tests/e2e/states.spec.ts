import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
