import { expect, startCairn, test, type CairnApp } from './fixtures';

async function chooseLayout(app: CairnApp, label: string) {
  await app.page.getByRole('button', { name: 'Layout', exact: true }).click();
  await app.page
    .getByRole('menu', { name: 'Layout' })
    .getByRole('menuitemradio', { name: label })
    .click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Laying out' })).toHaveCount(0, {
    timeout: 30_000,
  });
}

/** Every drawn concept's position. */
async function drawnPositions(app: CairnApp): Promise<Map<string, { x: number; y: number }>> {
  const out = new Map<string, { x: number; y: number }>();
  for (const id of await app.inspect<string[]>('visibleNodeIds')) {
    out.set(id, await app.inspect<{ x: number; y: number }>('nodePosition', id));
  }
  return out;
}

/** The largest distance a concept stands from where it stood (a view keeps hundredths). */
function largestMove(
  from: Map<string, { x: number; y: number }>,
  to: Map<string, { x: number; y: number }>,
): number {
  expect([...to.keys()].sort()).toEqual([...from.keys()].sort());
  return Math.max(
    ...[...from].map(([id, a]) => Math.hypot(a.x - to.get(id)!.x, a.y - to.get(id)!.y)),
  );
}

test('save the view "Control plane", restart, and reopen it exactly; rename, duplicate and delete are undoable', async ({
  app,
  cairn,
}) => {
  test.setTimeout(90_000);
  await app.open(cairn.url);
  // Kubernetes control plane concepts, the local graph of the API server, depth 2, concentric.
  await app.search('API server');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('API server');
  await app.page.keyboard.press('g');
  const bar = app.page.getByRole('region', { name: 'Local graph' });
  await expect(bar).toContainText('Local graph of API server');
  await bar.getByRole('slider', { name: 'Depth' }).fill('2');
  const filters = app.page.getByRole('complementary', { name: 'Filters' });
  await filters.getByRole('button', { name: 'Show only Kubernetes control plane' }).click();
  await chooseLayout(app, 'Layout: Concentric');
  await app.legend.getByRole('combobox', { name: 'Size by' }).selectOption('pagerank');
  await app.settle();
  const saved = await drawnPositions(app);
  expect(saved.size).toBeGreaterThan(3);
  const zoom = await app.inspect<number>('zoom');

  await app.page.keyboard.press('v');
  const panel = app.page.getByRole('complementary', { name: 'Saved views' });
  await panel.getByLabel('Save what the map shows as').fill('Control plane');
  await panel.getByLabel('Save what the map shows as').press('Enter');
  const views = panel.getByRole('list', { name: 'Saved views' }).getByRole('listitem');
  await expect(views).toHaveCount(1);
  const open = panel.getByRole('button', { name: 'Control plane', exact: true });
  await expect(open).toHaveAccessibleDescription(
    'Local graph of API server, depth 2 · Concentric · 1 filter',
  );
  await app.settle();
  await app.screenshot('views-saved-control-plane');

  // A taken name is refused in one sentence, beside the field.
  await panel.getByLabel('Save what the map shows as').fill('control PLANE');
  await panel.getByRole('button', { name: 'Save view' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'A view named “Control plane” already exists: choose another name, or update that view.',
  );

  // Back to the whole graph (the bar keeps clear of the open panel), everything shown,
  // sized by links: then restart Cairn.
  await bar.getByRole('button', { name: 'Whole graph' }).click({ timeout: 5_000 });
  await panel.getByRole('button', { name: 'Close views' }).click();
  await filters.getByRole('button', { name: 'Show everything' }).click();
  await app.legend.getByRole('combobox', { name: 'Size by' }).selectOption('degree');
  await app.settle();
  await app.page.goto('about:blank');
  await cairn.stop();
  const again = await startCairn(cairn.databasePath);
  try {
    await app.open(again.url);
    await expect(app.page.getByRole('region', { name: 'Local graph' })).toHaveCount(0);
    await app.page.keyboard.press('v');
    await panel.getByRole('button', { name: 'Control plane', exact: true }).click();
    await expect(bar).toContainText('Local graph of API server');
    await expect(bar.getByRole('slider', { name: 'Depth' })).toHaveValue('2');
    await expect(
      filters.getByRole('button', { name: 'Stop showing only Kubernetes control plane' }),
    ).toBeVisible();
    await expect(app.legend.getByRole('combobox', { name: 'Size by' })).toHaveValue('pagerank');
    await app.settle();
    expect(largestMove(saved, await drawnPositions(app))).toBeLessThan(0.01);
    expect(Math.abs((await app.inspect<number>('zoom')) / zoom - 1)).toBeLessThan(0.01);
    await expect(views.first()).toHaveClass(/is-active/);
    await app.screenshot('views-reopened-control-plane');

    // Rename, then undo: the old name is back.
    await panel.getByRole('button', { name: 'Rename “Control plane”' }).click();
    await panel
      .getByRole('textbox', { name: 'New name for the view “Control plane”' })
      .fill('Masters');
    await panel.getByRole('textbox', { name: /New name/ }).press('Enter');
    await expect(panel.getByRole('button', { name: 'Masters', exact: true })).toBeVisible();
    await app.page.getByRole('button', { name: /^Undo/ }).first().click();
    await expect(panel.getByRole('button', { name: 'Control plane', exact: true })).toBeVisible();

    // Duplicate, then delete the copy, then undo the delete.
    await panel.getByRole('button', { name: 'Duplicate “Control plane”' }).click();
    await expect(views).toHaveCount(2);
    await expect(
      panel.getByRole('button', { name: 'Control plane copy', exact: true }),
    ).toBeVisible();
    await panel.getByRole('button', { name: 'Delete “Control plane copy”' }).click();
    await expect(views).toHaveCount(1);
    await expect(app.page.locator('.toast-region')).toContainText(
      'Deleted the view “Control plane copy”.',
    );
    await app.page.getByRole('button', { name: /^Undo/ }).first().click();
    await expect(views).toHaveCount(2);

    // The palette lists the views: typing a name opens it.
    await panel.getByRole('button', { name: 'Close views' }).click();
    await bar.getByRole('button', { name: 'Whole graph' }).click();
    await app.page.keyboard.press('Control+Shift+P');
    const palette = app.dialog('Command palette');
    await app.page.keyboard.type('control plane copy');
    // The view named as typed is the one Enter runs, ahead of Undo and Redo that mention it.
    await expect(palette.getByRole('option', { name: /^Control plane copy/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await app.page.keyboard.press('Enter');
    await expect(palette).toHaveCount(0);
    await expect(bar).toContainText('Local graph of API server');
  } finally {
    await app.page.goto('about:blank');
    await again.stop();
  }
});
