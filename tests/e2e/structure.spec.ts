import { expect, test } from './fixtures';

test('the Structure panel measures the default graph; size and colour follow a measure, and the legend says what they mean', async ({
  app,
  cairn,
}) => {
  await app.open(cairn.url);
  await app.button('Structure').click();
  const panel = app.page.getByRole('complementary', { name: 'Structure' });
  await expect(panel.getByRole('status')).toContainText('Measured');
  await expect(
    panel.getByRole('img', { name: /Concepts by number of links: \d+ with 1 links/ }),
  ).toBeVisible();
  // Top by PageRank, each one a link to the concept.
  const ranking = panel.getByRole('region', { name: 'Top concepts' }).getByRole('listitem');
  await expect(ranking).toHaveCount(10);
  await expect(ranking.first()).toContainText('Cloud computing');
  await panel.getByRole('combobox').selectOption('betweenness');
  await expect(ranking.first()).toContainText('Kubernetes');
  await expect(
    panel.getByRole('region', { name: 'Communities' }).getByRole('listitem'),
  ).toHaveCount(10);
  await expect(panel.getByRole('table').first()).toContainText('Kubernetes');
  await app.settle();
  await app.screenshot('structure-panel');

  await ranking.first().getByRole('link').click();
  await expect(app.heading).toHaveText('Kubernetes');

  // Size by betweenness: the most between concept is drawn largest.
  const sizeBefore = await app.inspect<number>('nodeSize', 'kubernetes');
  await app.legend.getByRole('combobox', { name: 'Size by' }).selectOption('betweenness');
  await expect(app.legend).toContainText(
    'Larger: on more of the shortest ways between two other concepts',
  );
  await expect.poll(() => app.inspect<number>('nodeSize', 'kubernetes')).toBe(48);
  expect(sizeBefore).toBeLessThan(48);
  // Colour by community: the legend names the communities, the map draws their colours.
  const colourBefore = await app.inspect<string>('nodeColour', 'etcd');
  await app.legend.getByRole('combobox', { name: 'Colour by' }).selectOption('community');
  const communities = app.legend.getByRole('list', { name: 'Communities' });
  await expect(communities.getByRole('listitem').first()).toContainText('and others');
  await expect.poll(() => app.inspect<string>('nodeColour', 'etcd')).not.toBe(colourBefore);
  const kubernetes = await app.inspect<string>('nodeColour', 'kubernetes');
  expect(await app.inspect<string>('nodeColour', 'pod')).toBe(kubernetes);
  await app.page.getByRole('button', { name: 'Close structure' }).click();
  await app.settle();
  await app.screenshot('structure-colour-by-community');

  // S opens the panel; an edit is measured again, and its concept without links shows.
  await app.page.keyboard.press('s');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Without links' })).toHaveCount(0);
  await app.createConcept('A thought of my own', 'Ideas');
  await expect(panel.getByRole('region', { name: 'Without links' })).toContainText(
    'A thought of my own',
  );
  await panel.getByRole('button', { name: 'Close structure' }).click();
  await expect(panel).toHaveCount(0);
});
