import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type CairnApp } from './fixtures';

// Issue 11: the preview names what an import adds and the concepts it holds
// differently, and the user chooses, per kind of conflict, what is kept.

/** A file with two new concepts and two of the default graph, described differently. */
function conflictingFile(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'team.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'cairn-graph',
      version: 1,
      concepts: [
        { id: 'etcd', label: 'etcd', description: 'Our team’s notes on etcd.' },
        { id: 'pod', label: 'Pod', description: 'What we deploy.' },
        { id: 'team-wiki', label: 'Team wiki', category: 'Team' },
        { id: 'runbook', label: 'Runbook', category: 'Team' },
      ],
      links: [
        { source: 'runbook', target: 'etcd', relation: 'mentions' },
        { source: 'team-wiki', target: 'runbook', relation: 'links to' },
      ],
    }),
  );
  return file;
}

async function openPreview(app: CairnApp, file: string) {
  await app.fileMenu('Import…');
  const dialog = app.dialog('Import');
  await dialog.locator('input[name="import-file"]').setInputFiles(file);
  await expect(dialog.locator('[data-import-state]')).toHaveAttribute('data-import-state', 'ready');
  return dialog;
}

async function descriptionOf(app: CairnApp, label: string) {
  await app.searchBox.fill(label);
  await app.results
    .getByRole('option', { name: new RegExp(`^${label}`) })
    .first()
    .click();
  await expect(app.heading).toHaveText(label);
  return app.details.locator('.description');
}

test('the preview lists what it adds and its conflicts; "take theirs" one by one', async ({
  app,
  cairn,
}, testInfo) => {
  await app.open(cairn.url);
  const before = await app.counts();
  const dialog = await openPreview(app, conflictingFile(testInfo.outputDir));
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('list', { name: 'Concepts to add' })).toContainText('Team wiki');
  await expect(preview.getByRole('list', { name: 'Concepts to add' })).toContainText('Runbook');
  const relations = preview.getByRole('list', { name: 'Links to add by relation' });
  // A relation called "mentions" is a link like any other.
  await expect(relations).toContainText('mentions · 1');
  await expect(relations).toContainText('links to · 1');
  const conflict = preview.locator('[data-conflict-kind="description"]');
  await expect(conflict).toContainText('2 concepts with different descriptions');
  await expect(conflict.getByRole('radio', { name: 'Keep mine' })).toBeChecked();

  await conflict.getByRole('radio', { name: 'One by one' }).check();
  const each = conflict.getByRole('list', { name: /Each concept/ });
  await expect(each.getByRole('checkbox')).toHaveCount(2);
  await each.getByRole('checkbox', { name: /etcd/ }).check();
  await app.screenshot('11-import-conflicts-one-by-one');
  expect(await app.counts()).toEqual(before);

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  expect(await app.counts()).toEqual({ concepts: before.concepts + 2, links: before.links + 2 });
  // The new concepts are selected.
  await expect
    .poll(() => app.inspect<string[]>('highlightedIds'))
    .toEqual(['runbook', 'team-wiki']);
  await app.screenshot('11-import-new-concepts-selected');

  await expect(await descriptionOf(app, 'etcd')).toHaveText('Our team’s notes on etcd.');
  await expect(await descriptionOf(app, 'Pod')).not.toHaveText('What we deploy.');
});

test('"keep mine" leaves every existing concept as it was, "take theirs" takes the file', async ({
  app,
  cairn,
}, testInfo) => {
  await app.open(cairn.url);
  const file = conflictingFile(testInfo.outputDir);
  const podBefore = await (await descriptionOf(app, 'Pod')).textContent();

  let dialog = await openPreview(app, file);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(await descriptionOf(app, 'Pod')).toHaveText(podBefore!);
  await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.page.keyboard.press('Control+z');
  await expect(app.page.getByText('Runbook')).toHaveCount(0);

  dialog = await openPreview(app, file);
  const conflict = dialog.locator('[data-conflict-kind="description"]');
  await conflict.getByRole('radio', { name: 'Take theirs' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(await descriptionOf(app, 'Pod')).toHaveText('What we deploy.');
  await expect(await descriptionOf(app, 'etcd')).toHaveText('Our team’s notes on etcd.');
});
