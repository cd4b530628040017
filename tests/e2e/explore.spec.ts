import { defaultGraphCounts, expect, test } from './fixtures';

const counts = defaultGraphCounts();

test('the default graph appears, laid out and coloured by category', async ({ app, cairn }) => {
  await app.open(cairn.url);
  await expect(app.page.locator('html')).toHaveAttribute('data-cairn-state', 'ready');
  await expect(app.page.locator('html')).toHaveAttribute('data-cairn-layout', 'computed');
  await expect(app.status).toContainText(`${counts.concepts} concepts · ${counts.links} links`);
  expect(await app.inspect<number>('nodeCount')).toBe(counts.concepts);
  expect(await app.inspect<number>('edgeCount')).toBe(counts.links);
  await expect(app.legend.getByRole('listitem')).toHaveCount(counts.categories);
  await expect(app.legend).toContainText('Security');
  // The token has left the address bar.
  expect(app.page.url()).not.toContain('token=');
  await app.screenshot('01-default-graph');
});

test('search finds etcd, and its details show its link to the API server', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.page.keyboard.press('/');
  await expect(app.searchBox).toBeFocused();
  await app.searchBox.pressSequentially('etc');
  const first = app.results.getByRole('option').first();
  await expect(first).toContainText('etcd');
  await app.screenshot('02-search-results');
  await app.page.keyboard.press('Enter');
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText('etcd');
  expect(await app.inspect<string>('selectedId')).toBe('etcd');
  const outgoing = app.details.getByRole('region', { name: 'Outgoing links' });
  await expect(outgoing).toContainText('stores data for');
  await expect(outgoing.getByRole('link', { name: 'API server' })).toBeVisible();
  await app.screenshot('03-etcd-details');
});

test('arrow keys move through results, Esc clears, Ctrl+K focuses', async ({ app, cairn }) => {
  await app.open(cairn.url);
  await app.page.keyboard.press('Control+k');
  await expect(app.searchBox).toBeFocused();
  await app.searchBox.fill('kube');
  const options = app.results.getByRole('option');
  await expect(options.nth(1)).toBeVisible();
  await app.page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  const chosen = (await options.nth(1).innerText()).split('\n')[0]!.trim();
  await app.page.keyboard.press('Enter');
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText(chosen);
  await app.searchBox.focus();
  await app.searchBox.fill('zzzz-nothing');
  await expect(app.page.getByText('No matches')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(app.searchBox).toHaveValue('');
});

test('following a link navigates to the linked concept, with back and forward', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.clickConcept('etcd');
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText('etcd');
  const highlighted = await app.inspect<string[]>('highlightedIds');
  expect(highlighted).toContain('etcd');
  expect(highlighted).toContain('api-server');
  await app.screenshot('04-etcd-selected');

  await app.details.getByRole('link', { name: 'API server' }).first().click();
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText('API server');
  expect(await app.inspect<string>('selectedId')).toBe('api-server');
  await app.screenshot('05-followed-to-api-server');

  await app.button('Back').click();
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText('etcd');
  await app.button('Forward').click();
  await expect(app.details.getByRole('heading', { level: 2 })).toHaveText('API server');
});

test('positions survive a reload: the layout is stored, not recomputed', async ({ app, cairn }) => {
  await app.open(cairn.url);
  await expect(app.page.locator('html')).toHaveAttribute('data-cairn-layout', 'computed');
  const before = await app.inspect<{ x: number; y: number }>('nodePosition', 'etcd');
  await app.page.reload();
  await app.waitReady();
  await expect(app.page.locator('html')).toHaveAttribute('data-cairn-layout', 'stored');
  const after = await app.inspect<{ x: number; y: number }>('nodePosition', 'etcd');
  expect(after.x).toBeCloseTo(before.x, 3);
  expect(after.y).toBeCloseTo(before.y, 3);
  await app.screenshot('06-after-reload');
});

test('zoom, fit and re-layout work from the toolbar and its Layout menu', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  const zoom = () => app.inspect<number>('zoom');
  const start = await zoom();
  await app.button('Zoom in').click();
  await expect.poll(zoom).toBeGreaterThan(start);
  await app.button('Fit to view').click();
  await expect.poll(zoom).toBeCloseTo(start, 2);
  // Re-layout moves the concepts, and the new arrangement is what a reload shows.
  const before = await app.inspect<{ x: number; y: number }>('nodePosition', 'etcd');
  await app.relayout();
  const moved = async () => {
    const now = await app.inspect<{ x: number; y: number }>('nodePosition', 'etcd');
    return Math.hypot(now.x - before.x, now.y - before.y);
  };
  await expect.poll(moved).toBeGreaterThan(1);
  await expect(app.page.getByRole('status').filter({ hasText: 'Laying out' })).toHaveCount(0, {
    timeout: 30_000,
  });
  await app.settle();
  const after = await app.inspect<{ x: number; y: number }>('nodePosition', 'etcd');
  await expect
    .poll(async () => {
      await app.page.reload();
      await app.waitReady();
      return app.inspect<{ x: number; y: number }>('nodePosition', 'etcd');
    })
    .toEqual(after);
});

test.describe('in the dark', () => {
  test.use({ colorScheme: 'dark' });
  test('follows a dark system theme', async ({ app, cairn }) => {
    await app.open(cairn.url);
    const background = await app.page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(200);
    await app.clickConcept('pod');
    await expect(app.details.getByRole('heading', { level: 2 })).toHaveText('Pod');
    await app.screenshot('07-dark-theme');
  });
});
