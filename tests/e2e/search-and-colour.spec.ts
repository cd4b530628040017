import { expect, test } from './fixtures';

test('a typo still finds the concept; matches light up while typing; Enter hands keys to the map', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.searchBox.fill('kubernets');
  const first = app.results.getByRole('option').first();
  await expect(first).toContainText('Kubernetes');
  // The matches are lit on the map as they arrive.
  await expect.poll(() => app.inspect<string[]>('highlightedIds')).toContain('kubernetes');
  await app.settle();
  await app.screenshot('search-typo-lit');
  for (const [typed, wanted] of [
    ['promethus', 'Prometheus'],
    ['etcdd', 'etcd'],
  ] as const) {
    await app.searchBox.fill(typed);
    await expect(app.results.getByRole('option').first()).toContainText(wanted);
  }
  await app.searchBox.fill('kubernets');
  await expect(first).toContainText('Kubernetes');
  await app.page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Kubernetes');
  await expect(app.searchBox).not.toBeFocused();
  // E edits at once: the key went to the map, not into the search box.
  await app.page.keyboard.press('e');
  await expect(app.details.getByRole('textbox', { name: 'Label' })).toHaveValue('Kubernetes');
  await expect(app.searchBox).toHaveValue('kubernets');
  await app.page.keyboard.press('Escape');
  await expect(app.details.getByRole('textbox', { name: 'Label' })).toHaveCount(0);
  // Esc from the map clears the selection and its highlight.
  await app.page.keyboard.press('Escape');
  await expect.poll(() => app.inspect<string[]>('highlightedIds')).toEqual([]);
});

test('a category colour set in the legend is drawn, and kept after a reload', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  const picker = app.legend.getByLabel('Colour of Security');
  await picker.fill('#00aa88');
  await expect.poll(() => app.inspect<string>('nodeColour', 'notary')).toBe('#00aa88');
  await app.page.reload();
  await app.waitReady();
  await expect(app.legend.getByLabel('Colour of Security')).toHaveValue('#00aa88');
  expect(await app.inspect<string>('nodeColour', 'notary')).toBe('#00aa88');
});
