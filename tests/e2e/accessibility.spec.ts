import AxeBuilder from '@axe-core/playwright';
import { expect, test, type CairnApp } from './fixtures';

/** Axe's serious and critical findings on the page as it is now, one line each. */
async function seriousViolations(app: CairnApp): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: app.page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`,
      ),
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test('axe finds nothing serious on the main screens', async ({ app, cairn }) => {
      await app.open(cairn.url);
      expect(await seriousViolations(app)).toEqual([]);
      // A concept's details, with its links and note.
      await app.search('etcd');
      await app.page.keyboard.press('Enter');
      await expect(app.heading).toHaveText('etcd');
      expect(await seriousViolations(app)).toEqual([]);
      // The Structure panel, and the legend coloured by community.
      await app.button('Structure').click();
      await expect(
        app.page.getByRole('complementary', { name: 'Structure' }).getByRole('status'),
      ).toContainText('Measured');
      await app.legend.getByRole('combobox', { name: 'Colour by' }).selectOption('community');
      expect(await seriousViolations(app)).toEqual([]);
      // The History panel, the Views panel with a saved view, and the list view.
      await app.button('History').click();
      expect(await seriousViolations(app)).toEqual([]);
      await app.button('Views').click();
      const views = app.page.getByRole('complementary', { name: 'Saved views' });
      await views.getByLabel('Save what the map shows as').fill('Around etcd');
      await views.getByRole('button', { name: 'Save view' }).click();
      await expect(views.getByRole('button', { name: 'Around etcd', exact: true })).toBeVisible();
      expect(await seriousViolations(app)).toEqual([]);
      await app.button('List view').click();
      await expect(app.page.getByRole('region', { name: 'List view' })).toBeVisible();
      expect(await seriousViolations(app)).toEqual([]);
    });
  });
}
