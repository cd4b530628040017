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
