import { expect, test } from './fixtures';

test('the default graph explored by keyboard alone: search, step along links, a neighbour’s details, select', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  const map = app.page.getByRole('application', { name: 'Map' });
  const said = app.page.getByTestId('map-announcement');
  // Search with the keyboard; Enter opens etcd and hands the keys to the map.
  await app.page.keyboard.press('/');
  await app.page.keyboard.type('etcd');
  await expect(app.results.getByRole('option').first()).toContainText('etcd');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('etcd');
  await expect(map).toBeFocused();

  // An arrow key steps to the linked concept that way; one of the four has one.
  let reached: string | null = null;
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
    await app.page.keyboard.press(key);
    reached = await app.inspect<string | null>('keyFocusId');
    if (reached && reached !== 'etcd') break;
  }
  expect(reached).not.toBeNull();
  expect(reached).not.toBe('etcd');
  await expect(said).toHaveText(
    /^[^,]+, [^,]+, \d+ outgoing, \d+ incoming\. Link: .*etcd|^[^,]+, [^,]+, \d+ outgoing, \d+ incoming\. Link: etcd/,
  );
  const label = (await said.textContent())!.split(',')[0]!;
  // The details stay etcd's until Enter opens the neighbour's.
  await expect(app.heading).toHaveText('etcd');
  await app.settle();
  await app.screenshot('keyboard-step');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText(label);
  await expect(map).toBeFocused();
  // Space adds the concept the keyboard is on to the selection.
  await app.page.keyboard.press('ArrowRight');
  const next = await app.inspect<string | null>('keyFocusId');
  await app.page.keyboard.press(' ');
  await expect(said).toContainText('selected');
  if (next) expect(await app.inspect<string[]>('selectedIds')).toContain(next);
});

test('Tab reaches the map, and its focus is visible', async ({ app, cairn }) => {
  await app.open(cairn.url);
  const map = app.page.getByRole('application', { name: 'Map' });
  for (let i = 0; i < 400; i++) {
    await app.page.keyboard.press('Tab');
    if (await map.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(map).toBeFocused();
  const outline = await map.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await app.page.keyboard.press('ArrowDown');
  await expect(app.page.getByTestId('map-announcement')).toHaveText(
    /^[^,]+, [^,]+, \d+ outgoing, \d+ incoming/,
  );
});

test('T shows what the map shows as sortable tables, and a concept in them opens its details', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.page.getByRole('application', { name: 'Map' }).focus();
  await app.page.keyboard.press('t');
  const list = app.page.getByRole('region', { name: 'List view' });
  const table = list.getByRole('table');
  await expect(list.getByRole('tab', { name: /Concepts \(146\)/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // Most linked first, then sorted by name with one click on its column.
  await expect(table.getByRole('row').nth(1)).toContainText('Container');
  const concept = table.getByRole('columnheader', { name: 'Concept' });
  await concept.getByRole('button').click();
  await expect(concept).toHaveAttribute('aria-sort', 'ascending');
  const first = await table.getByRole('row').nth(1).getByRole('rowheader').textContent();
  await concept.getByRole('button').click();
  await expect(concept).toHaveAttribute('aria-sort', 'descending');
  expect(await table.getByRole('row').nth(1).getByRole('rowheader').textContent()).not.toBe(first);
  await list.getByRole('tab', { name: /Links/ }).click();
  await expect(table.getByRole('row')).toHaveCount(253);
  await app.settle();
  await app.screenshot('list-view-links');
  await table.getByRole('link', { name: 'etcd' }).first().click();
  await expect(app.heading).toHaveText('etcd');
  await list.getByRole('button', { name: 'Close list view' }).click();
  await expect(list).toHaveCount(0);
});
